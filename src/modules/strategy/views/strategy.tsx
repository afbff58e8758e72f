import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { Finding } from '../followability.js';
import { extractHref, referralHref } from '../presenters.js';
import type { BodyName, GoalDoc, IndicatorDoc, StrategyDocument, StrategySummary, StrategyView, VersionSummary, VersionView } from '../queries.js';
import { ELEMENT_KINDS } from '../schema.js';
import { Back, BodyText, DateText, dimensionsText, FindingsList, indicatorHref, indicatorTarget, StatusTag, strategyHref, valueText } from './parts.js';

// ── list ────────────────────────────────────────────────────────────────────
export function StrategyListPage({ ctx, items, mayCreate }: { ctx: PageContext; items: StrategySummary[]; mayCreate: boolean }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('strategy.list.title')}>
      <h1 safe>{t('strategy.list.title')}</h1>
      <p safe>{t('strategy.list.lead')}</p>
      {mayCreate ? (
        <p>
          <a class="button" href="/strategies/new" safe>
            {t('strategy.new.title')}
          </a>
        </p>
      ) : (
        ''
      )}
      {items.length === 0 ? (
        <p safe>{t('strategy.list.empty')}</p>
      ) : (
        <table>
          <caption safe>{t('strategy.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('strategy.field.title')}</th>
              <th scope="col" safe>{t('strategy.field.status')}</th>
              <th scope="col" safe>{t('strategy.field.ownerBody')}</th>
              <th scope="col" safe>{t('strategy.field.validity')}</th>
              <th scope="col" safe>{t('strategy.field.version')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr>
                <th scope="row">
                  <a href={strategyHref(s.slug)} safe>
                    {s.title}
                  </a>
                </th>
                <td>
                  <StatusTag t={t} status={s.status} />
                </td>
                <td>
                  <BodyText t={t} body={s.ownerBody} />
                </td>
                <td safe>{validity(ctx, s)}</td>
                <td safe>{s.currentVersion ? String(s.currentVersion) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

const validity = (ctx: PageContext, s: { validFrom: string | null; validTo: string | null }) =>
  s.validFrom || s.validTo ? `${s.validFrom ?? '…'} – ${s.validTo ?? '…'}` : ctx.t('common.none');

// ── the document (live or a version) ────────────────────────────────────────
interface DocOptions {
  /** Live page for a writer: show the edit links. */
  editable: boolean;
  /** Latest value per indicator (live page only). */
  latest?: StrategyView['latest'];
}

function EditLink({ href, label }: { href: string; label: string }): JSX.Element {
  return (
    <a class="edit-link" href={href} safe>
      {label}
    </a>
  );
}

function Elements({ ctx, doc, opts }: { ctx: PageContext; doc: StrategyDocument; opts: DocOptions }): JSX.Element {
  const { t } = ctx;
  const base = strategyHref(doc.slug);
  return (
    <>
      {ELEMENT_KINDS.map((kind) => {
        const items = doc.elements.filter((e) => e.kind === kind);
        if (items.length === 0 && !opts.editable) return '';
        return (
          <section aria-labelledby={`elements-${kind}`}>
            <h2 id={`elements-${kind}`} safe>
              {t(`strategy.element.${kind}.plural`)}
            </h2>
            {items.length ? (
              <ol class="elements">
                {items.map((e) => (
                  <li>
                    <strong safe>{e.title}</strong>
                    {e.description ? <p safe>{e.description}</p> : ''}
                    {opts.editable ? <EditLink href={`${base}/elements/${e.id}/edit`} label={t('strategy.action.editItem', { title: e.title })} /> : ''}
                  </li>
                ))}
              </ol>
            ) : (
              <p safe>{t('strategy.element.none')}</p>
            )}
            {opts.editable ? (
              <p>
                <a href={`${base}/elements/new?kind=${kind}`} safe>
                  {t(`strategy.element.${kind}.add`)}
                </a>
              </p>
            ) : (
              ''
            )}
          </section>
        );
      })}
    </>
  );
}

function IndicatorTable({ ctx, goal, indicators, opts }: { ctx: PageContext; goal: GoalDoc; indicators: IndicatorDoc[]; opts: DocOptions }): JSX.Element {
  const { t } = ctx;
  if (indicators.length === 0) return <p safe>{t('strategy.goal.noIndicators')}</p>;
  return (
    <table class="indicators">
      <caption safe>{t('strategy.indicator.caption', { goal: goal.title })}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('strategy.indicator.name')}</th>
          <th scope="col" safe>{t('strategy.indicator.baseline')}</th>
          <th scope="col" safe>{t('strategy.indicator.target')}</th>
          {opts.latest ? <th scope="col" safe>{t('strategy.indicator.latest')}</th> : ''}
          <th scope="col" safe>{t('strategy.indicator.owner')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => {
          const latest = opts.latest?.[i.id];
          return (
            <tr>
              <th scope="row">
                <a href={indicatorHref(i.id)} safe>
                  {i.name}
                </a>
              </th>
              <td safe>{valueText(ctx, i.baseline, i.unit, i.baselinePeriod)}</td>
              <td safe>{indicatorTarget(ctx, i)}</td>
              {opts.latest ? <td safe>{latest ? valueText(ctx, latest.value, i.unit, latest.period) : t('strategy.indicator.noValues')}</td> : ''}
              <td>
                <BodyText t={t} body={i.ownerBody} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Goal({ ctx, doc, goal, opts, level }: { ctx: PageContext; doc: StrategyDocument; goal: GoalDoc; opts: DocOptions; level: 3 | 4 }): JSX.Element {
  const { t } = ctx;
  const base = strategyHref(doc.slug);
  const actions = doc.actions.filter((a) => a.goalId === goal.id);
  const indicators = doc.indicators.filter((i) => i.goalId === goal.id);
  const id = `goal-${goal.id}`;
  return (
    <article class="goal" aria-labelledby={id}>
      {level === 3 ? (
        <h3 id={id} safe>
          {goal.title}
        </h3>
      ) : (
        <h4 id={id} safe>
          {goal.title}
        </h4>
      )}
      {goal.description ? <p safe>{goal.description}</p> : ''}
      <dl class="meta">
        <dt safe>{t('strategy.goal.dimensions')}</dt>
        <dd safe>{dimensionsText(t, goal.dimensions)}</dd>
        <dt safe>{t('strategy.goal.owner')}</dt>
        <dd>
          <BodyText t={t} body={goal.ownerBody} />
        </dd>
      </dl>
      <IndicatorTable ctx={ctx} goal={goal} indicators={indicators} opts={opts} />
      {actions.length ? (
        <>
          <p safe>{t('strategy.goal.actions')}</p>
          <ul class="actions-list">
            {actions.map((a) => (
              <li>
                <span safe>{a.title}</span>
                {a.ownerBody ? <span safe>{` (${a.ownerBody.name}${a.dueDate ? `, ${t('strategy.action.due', { date: a.dueDate })}` : ''})`}</span> : ''}
                {opts.editable ? (
                  <>
                    {' '}
                    <EditLink href={`${base}/actions/${a.id}/edit`} label={t('strategy.action.editItem', { title: a.title })} />
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p safe>{t('strategy.goal.noActions')}</p>
      )}
      {opts.editable ? (
        <ul class="actions">
          <li>
            <a href={`${base}/goals/${goal.id}/edit`} safe>
              {t('strategy.action.editItem', { title: goal.title })}
            </a>
          </li>
          <li>
            <a href={`${base}/indicators/new?goalId=${goal.id}`} safe>
              {t('strategy.indicator.add')}
            </a>
          </li>
          <li>
            <a href={`${base}/actions/new?goalId=${goal.id}`} safe>
              {t('strategy.actionItem.add')}
            </a>
          </li>
        </ul>
      ) : (
        ''
      )}
    </article>
  );
}

function GoalsSection({ ctx, doc, opts }: { ctx: PageContext; doc: StrategyDocument; opts: DocOptions }): JSX.Element {
  const { t } = ctx;
  const base = strategyHref(doc.slug);
  const overall = doc.goals.filter((g) => !g.focusAreaId || !doc.focusAreas.some((f) => f.id === g.focusAreaId));
  return (
    <section aria-labelledby="goals-title">
      <h2 id="goals-title" safe>
        {t('strategy.goals.title')}
      </h2>
      {doc.goals.length === 0 && doc.focusAreas.length === 0 ? <p safe>{t('strategy.goals.none')}</p> : ''}
      {overall.length ? (
        <section aria-labelledby="overall-goals">
          <h3 id="overall-goals" safe>
            {t(doc.focusAreas.length ? 'strategy.goals.overall' : 'strategy.goals.all')}
          </h3>
          {overall.map((g) => (
            <Goal ctx={ctx} doc={doc} goal={g} opts={opts} level={4} />
          ))}
        </section>
      ) : (
        ''
      )}
      {doc.focusAreas.map((fa, n) => {
        const goals = doc.goals.filter((g) => g.focusAreaId === fa.id);
        const actions = doc.actions.filter((a) => a.focusAreaId === fa.id && !a.goalId);
        return (
          <section aria-labelledby={`fa-${fa.id}`} class="focus-area">
            <h3 id={`fa-${fa.id}`} safe>
              {t('strategy.focusArea.heading', { n: n + 1, title: fa.title })}
            </h3>
            {fa.description ? <p safe>{fa.description}</p> : ''}
            {goals.length === 0 ? <p safe>{t('strategy.focusArea.noGoals')}</p> : ''}
            {goals.map((g) => (
              <Goal ctx={ctx} doc={doc} goal={g} opts={opts} level={4} />
            ))}
            {actions.length ? (
              <>
                <p safe>{t('strategy.focusArea.actions')}</p>
                <ul>
                  {actions.map((a) => (
                    <li>
                      <span safe>{a.title}</span>
                      {opts.editable ? (
                        <>
                          {' '}
                          <EditLink href={`${base}/actions/${a.id}/edit`} label={t('strategy.action.editItem', { title: a.title })} />
                        </>
                      ) : (
                        ''
                      )}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              ''
            )}
            {opts.editable ? (
              <ul class="actions">
                <li>
                  <a href={`${base}/focus-areas/${fa.id}/edit`} safe>
                    {t('strategy.action.editItem', { title: fa.title })}
                  </a>
                </li>
                <li>
                  <a href={`${base}/goals/new?focusAreaId=${fa.id}`} safe>
                    {t('strategy.goal.addHere')}
                  </a>
                </li>
              </ul>
            ) : (
              ''
            )}
          </section>
        );
      })}
      {opts.editable ? (
        <ul class="actions">
          <li>
            <a href={`${base}/goals/new`} safe>
              {t('strategy.goal.add')}
            </a>
          </li>
          <li>
            <a href={`${base}/focus-areas/new`} safe>
              {t('strategy.focusArea.add')}
            </a>
          </li>
        </ul>
      ) : (
        ''
      )}
    </section>
  );
}

export function DocumentMeta({ ctx, doc, version }: { ctx: PageContext; doc: StrategyDocument; version: number }): JSX.Element {
  const { t } = ctx;
  return (
    <dl class="meta">
      <dt safe>{t('strategy.field.status')}</dt>
      <dd>
        <StatusTag t={t} status={doc.status} />
      </dd>
      <dt safe>{t('strategy.field.ownerBody')}</dt>
      <dd>
        <BodyText t={t} body={doc.ownerBody} />
      </dd>
      <dt safe>{t('strategy.field.validity')}</dt>
      <dd safe>{validity(ctx, doc)}</dd>
      {doc.adoptedOn ? (
        <>
          <dt safe>{t('strategy.field.adoptedOn')}</dt>
          <dd>
            <DateText ctx={ctx} value={doc.adoptedOn} />
          </dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t('strategy.field.version')}</dt>
      <dd safe>{version ? t('strategy.version.label', { version }) : t('strategy.version.noneSaved')}</dd>
    </dl>
  );
}

export function DocumentBody({ ctx, doc, opts }: { ctx: PageContext; doc: StrategyDocument; opts: DocOptions }): JSX.Element {
  const { t } = ctx;
  return (
    <>
      {doc.vision ? (
        <section aria-labelledby="vision-title">
          <h2 id="vision-title" safe>
            {t('strategy.field.vision')}
          </h2>
          <p class="prewrap" safe>
            {doc.vision}
          </p>
        </section>
      ) : (
        ''
      )}
      {doc.goalPicture ? (
        <section aria-labelledby="goal-picture-title">
          <h2 id="goal-picture-title" safe>
            {t('strategy.field.goalPicture')}
          </h2>
          <p class="prewrap" safe>
            {doc.goalPicture}
          </p>
        </section>
      ) : (
        ''
      )}
      <GoalsSection ctx={ctx} doc={doc} opts={opts} />
      <Elements ctx={ctx} doc={doc} opts={opts} />
    </>
  );
}

function Links({ ctx, s }: { ctx: PageContext; s: StrategyView }): JSX.Element {
  const { t } = ctx;
  if (!s.referral && !s.adoption) return '';
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title" safe>
        {t('strategy.decisions.title')}
      </h2>
      <ul>
        {s.referral ? (
          <li>
            <span safe>{t('strategy.decisions.referral')}</span>{' '}
            <a href={referralHref(s.referral.id)} safe>
              {s.referral.subject}
            </a>
          </li>
        ) : (
          ''
        )}
        {s.adoption ? (
          <li>
            <span safe>{t('strategy.decisions.adoption')}</span>{' '}
            <a href={extractHref(s.adoption.meetingId, s.adoption.itemId)} safe>
              {t('strategy.decisions.extract', { body: s.adoption.bodyName, paragraph: s.adoption.paragraph, date: s.adoption.meetingDate })}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </section>
  );
}

export function StrategyPage({
  ctx,
  s,
  findings,
  mayWrite,
  followupYear: year,
}: {
  ctx: PageContext;
  s: StrategyView;
  findings: Finding[];
  mayWrite: boolean;
  /** The year whose follow-ups to link to (last year, as reports are written in the spring). */
  followupYear: number;
}): JSX.Element {
  const { t } = ctx;
  const base = strategyHref(s.slug);
  return (
    <Layout ctx={ctx} title={s.title} description={s.goalPicture.slice(0, 200) || undefined}>
      <Back href="/strategies" label={t('strategy.backToList')} />
      <p class="kicker" safe>
        {t('strategy.kind')}
      </p>
      <h1 safe>{s.title}</h1>
      <DocumentMeta ctx={ctx} doc={s} version={s.currentVersion} />
      {mayWrite && s.changedSinceVersion ? (
        <p class="hint" safe>
          {t(s.currentVersion ? 'strategy.version.changedSince' : 'strategy.version.neverSaved', { version: s.currentVersion })}
        </p>
      ) : (
        ''
      )}
      <ul class="actions">
        <li>
          <a href={`${base}/dashboard`} safe>
            {t('strategy.dashboard.link')}
          </a>
        </li>
        <li>
          <a href={`${base}/followups/${year}`} safe>
            {t('strategy.followups.link', { year })}
          </a>
        </li>
        <li>
          <a href={`${base}/versions`} safe>
            {t('strategy.versions.link')}
          </a>
        </li>
        {mayWrite ? (
          <>
            <li>
              <a href={`${base}/edit`} safe>
                {t('strategy.edit.link')}
              </a>
            </li>
            {s.status === 'draft' ? (
              <li>
                <a href={`${base}/adopt`} safe>
                  {t('strategy.adopt.link')}
                </a>
              </li>
            ) : (
              ''
            )}
          </>
        ) : (
          ''
        )}
      </ul>
      <Links ctx={ctx} s={s} />
      <FindingsList ctx={ctx} findings={findings} headingId="followability-title" />
      <DocumentBody ctx={ctx} doc={s} opts={{ editable: mayWrite && s.status !== 'archived', latest: s.latest }} />
    </Layout>
  );
}

// ── create / edit ───────────────────────────────────────────────────────────
export function StrategyFormPage({ ctx, s, form, bodies }: { ctx: PageContext; s: StrategyView | null; form: FormState; bodies: BodyName[] }): JSX.Element {
  const { t } = ctx;
  const title = s ? t('strategy.edit.title', { title: s.title }) : t('strategy.new.title');
  const bodyOptions = bodies.map((b) => ({ value: b.id, label: b.name }));
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={s ? strategyHref(s.slug) : '/strategies'} label={t(s ? 'strategy.backToStrategy' : 'strategy.backToList')} />
      <h1 safe>{title}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={s ? `${strategyHref(s.slug)}/edit` : '/strategies'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('strategy.field.title')} form={form} t={t} required maxlength={500} />
        <SelectField name="ownerBodyId" label={t('strategy.field.ownerBody')} hint={t('strategy.field.ownerBodyHint')} form={form} t={t} options={bodyOptions} emptyLabel={t('strategy.noOwner')} />
        <TextArea name="vision" label={t('strategy.field.vision')} hint={t('strategy.field.visionHint')} form={form} t={t} rows={3} />
        <TextArea name="goalPicture" label={t('strategy.field.goalPicture')} hint={t('strategy.field.goalPictureHint')} form={form} t={t} rows={8} />
        <TextField name="validFrom" type="date" label={t('strategy.field.validFrom')} form={form} t={t} />
        <TextField name="validTo" type="date" label={t('strategy.field.validTo')} form={form} t={t} />
        <TextField name="referralId" label={t('strategy.field.referralId')} hint={t('strategy.field.referralIdHint')} form={form} t={t} maxlength={36} />
        <button type="submit" safe>
          {t(s ? 'form.save' : 'strategy.new.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function AdoptPage({ ctx, s, form }: { ctx: PageContext; s: StrategyView; form: FormState }): JSX.Element {
  const { t } = ctx;
  const title = t('strategy.adopt.title', { title: s.title });
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={strategyHref(s.slug)} label={t('strategy.backToStrategy')} />
      <h1 safe>{title}</h1>
      <p safe>{t('strategy.adopt.explain', { version: s.currentVersion + 1 })}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${strategyHref(s.slug)}/adopt`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="adoptedOn" type="date" label={t('strategy.field.adoptedOn')} form={form} t={t} required />
        <TextField name="adoptionItemId" label={t('strategy.field.adoptionItemId')} hint={t('strategy.field.adoptionItemIdHint')} form={form} t={t} maxlength={36} />
        <TextField name="referralId" label={t('strategy.field.referralId')} hint={t('strategy.field.referralIdHint')} form={form} t={t} maxlength={36} />
        <TextField name="note" label={t('strategy.field.note')} form={form} t={t} maxlength={1000} />
        <button type="submit" safe>
          {t('strategy.adopt.submit')}
        </button>
      </form>
    </Layout>
  );
}

// ── versions ────────────────────────────────────────────────────────────────
export function VersionsPage({
  ctx,
  s,
  versions,
  mayWrite,
  form,
}: {
  ctx: PageContext;
  s: { slug: string; title: string; currentVersion: number };
  versions: VersionSummary[];
  mayWrite: boolean;
  form: FormState;
}): JSX.Element {
  const { t } = ctx;
  const title = t('strategy.versions.title', { title: s.title });
  const base = strategyHref(s.slug);
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={base} label={t('strategy.backToStrategy')} />
      <h1 safe>{title}</h1>
      <p safe>{t('strategy.versions.lead')}</p>
      {versions.length === 0 ? (
        <p safe>{t('strategy.version.noneSaved')}</p>
      ) : (
        <table>
          <caption safe>{t('strategy.versions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('strategy.field.version')}</th>
              <th scope="col" safe>{t('strategy.versions.savedAt')}</th>
              <th scope="col" safe>{t('strategy.versions.savedBy')}</th>
              <th scope="col" safe>{t('strategy.field.note')}</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/versions/${v.version}`} safe>
                    {t('strategy.version.label', { version: v.version })}
                  </a>
                </th>
                <td>
                  <DateText ctx={ctx} value={v.createdAt} />
                </td>
                <td safe>{v.createdBy}</td>
                <td safe>{v.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayWrite ? (
        <section aria-labelledby="save-version-title">
          <h2 id="save-version-title" safe>
            {t('strategy.versions.save', { version: s.currentVersion + 1 })}
          </h2>
          <ErrorSummary errors={form.errors} t={t} />
          <form method="post" action={`${base}/versions`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="note" label={t('strategy.field.note')} hint={t('strategy.field.noteHint')} form={form} t={t} maxlength={1000} />
            <button type="submit" safe>
              {t('strategy.versions.saveSubmit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function VersionPage({ ctx, s, version, findings }: { ctx: PageContext; s: { slug: string; title: string; currentVersion: number }; version: VersionView; findings: Finding[] }): JSX.Element {
  const { t } = ctx;
  const doc = version.document;
  const title = t('strategy.version.title', { title: doc.title, version: version.version });
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={`${strategyHref(s.slug)}/versions`} label={t('strategy.backToVersions')} />
      <p class="kicker" safe>
        {t('strategy.version.kicker', { version: version.version })}
      </p>
      <h1 safe>{title}</h1>
      <p>
        <span safe>{t('strategy.version.savedBy', { by: version.createdBy })}</span> <DateText ctx={ctx} value={version.createdAt} />
        {version.note ? <span safe>{`. ${version.note}`}</span> : ''}
      </p>
      {version.version === s.currentVersion ? (
        <p safe>{t('strategy.version.isCurrent')}</p>
      ) : (
        <p>
          <a href={strategyHref(s.slug)} safe>
            {t('strategy.version.seeCurrent')}
          </a>
        </p>
      )}
      <DocumentMeta ctx={ctx} doc={doc} version={version.version} />
      <FindingsList ctx={ctx} findings={findings} headingId="followability-title" />
      <DocumentBody ctx={ctx} doc={doc} opts={{ editable: false }} />
    </Layout>
  );
}
