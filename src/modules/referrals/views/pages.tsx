import { formatDate } from '../../../core/i18n.js';
import { CsrfField, ErrorSummary, Pager, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { BODY_KINDS } from '../../organisation/index.js';
import type { EventView, GroupView, RecipientDetail, RecipientView, ReferralPage, ReferralView } from '../queries.js';
import type { BodyChoice } from '../repository.js';
import { RECIPIENT_STATUSES, REFERRAL_STATUSES, STANCES, type RecipientStatus } from '../schema.js';
import { isManualStep } from '../status.js';
import {
  BodyCheckboxes,
  bodyKindLabel,
  bodyKindsLabel,
  caseHref,
  ChoiceGroup,
  DateText,
  documentHref,
  FileInput,
  recipientHref,
  referralHref,
  referralStatusLabel,
  stanceLabel,
  statusLabel,
  StatusText,
  warningLabel,
  warningsText,
} from './parts.js';

const sizeLabel = (n: number) => (n < 1024 * 1024 ? `${Math.round(n / 1024)} kB` : `${Math.round(n / 1024 / 1024)} MB`);

/** "3 besvarade · 1 avböjd · 2 sena": the non-zero counts of a round. */
function CountsText({ ctx, counts }: { ctx: PageContext; counts: ReferralView['counts'] }): JSX.Element {
  const { t } = ctx;
  const parts = [...RECIPIENT_STATUSES, 'late' as const].filter((s) => counts[s] > 0).map((s) => t(`referrals.count.${s}`, { n: counts[s] }));
  return <span safe>{parts.length ? parts.join(' · ') : t('referrals.count.none')}</span>;
}

// ── the list ────────────────────────────────────────────────────────────────
export function ReferralListPage({
  ctx,
  result,
  form,
  baseUrl,
  canCreate,
  canGroups,
  loggedIn,
}: {
  ctx: PageContext;
  result: ReferralPage;
  form: FormState;
  baseUrl: string;
  canCreate: boolean;
  canGroups: boolean;
  loggedIn: boolean;
}): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('referrals.title')} description={t('referrals.lead')}>
      <h1 safe>{t('referrals.title')}</h1>
      <p class="lead" safe>{t('referrals.lead')}</p>
      {canCreate || canGroups ? (
        <p class="actions">
          {canCreate ? (
            <a class="button" href="/referrals/new" safe>
              {t('referrals.new')}
            </a>
          ) : (
            ''
          )}
          {canGroups ? (
            <a href="/referral-groups" safe>
              {t('referrals.groups.title')}
            </a>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary errors={form.errors} t={t} />
      <form method="get" action="/referrals" role="search">
        <fieldset>
          <legend safe>{t('referrals.list.filters')}</legend>
          {loggedIn ? (
            <SelectField
              name="role"
              label={t('referrals.list.role')}
              form={form}
              t={t}
              emptyLabel={t('referrals.list.role.all')}
              options={[
                { value: 'sent', label: t('referrals.list.role.sent') },
                { value: 'received', label: t('referrals.list.role.received') },
              ]}
            />
          ) : (
            ''
          )}
          <SelectField
            name="status"
            label={t('referrals.col.status')}
            form={form}
            t={t}
            emptyLabel={t('referrals.list.allStatuses')}
            options={REFERRAL_STATUSES.map((s) => ({ value: s, label: referralStatusLabel(t, s) }))}
          />
          <TextField name="q" type="search" label={t('referrals.list.q')} form={form} t={t} maxlength={200} />
          <div class="actions">
            <button type="submit" safe>{t('referrals.list.apply')}</button>
            <a href="/referrals" safe>{t('referrals.list.clear')}</a>
          </div>
        </fieldset>
      </form>
      {result.items.length ? (
        <table>
          <caption safe>{t('referrals.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('referrals.col.subject')}</th>
              <th scope="col" safe>{t('referrals.col.sender')}</th>
              <th scope="col" safe>{t('referrals.col.number')}</th>
              <th scope="col" safe>{t('referrals.col.letterDate')}</th>
              <th scope="col" safe>{t('referrals.col.deadline')}</th>
              <th scope="col" safe>{t('referrals.col.status')}</th>
              <th scope="col" safe>{t('referrals.col.recipients')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={referralHref(r.id)} safe>
                    {r.subject}
                  </a>
                  {r.mine.map((m) => (
                    <p>
                      <a href={recipientHref(r.id, m.id)} safe>
                        {t('referrals.list.yourStatus', { body: m.bodyName, status: statusLabel(t, m.status) })}
                      </a>
                      {m.late ? (
                        <>
                          {' '}
                          <strong class="tag" safe>
                            {t('referrals.late')}
                          </strong>
                        </>
                      ) : (
                        ''
                      )}
                    </p>
                  ))}
                </th>
                <td safe>{r.senderBodyName}</td>
                <td safe>{r.registryNumber}</td>
                <td>
                  <DateText ctx={ctx} value={r.letterDate} />
                </td>
                <td>
                  <DateText ctx={ctx} value={r.deadline} />
                  {r.warnings.length ? <p class="secret" safe>{warningsText(t, r.warnings)}</p> : ''}
                </td>
                <td safe>{referralStatusLabel(t, r.status)}</td>
                <td>
                  <span safe>{t('referrals.list.recipientCount', { n: r.recipientCount })}</span>
                  {r.status === 'draft' ? '' : (
                    <>
                      <br />
                      <CountsText ctx={ctx} counts={r.counts} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('referrals.list.empty')}</p>
      )}
      <Pager info={result} baseUrl={baseUrl} t={t} />
    </Layout>
  );
}

// ── create / edit ───────────────────────────────────────────────────────────
export function ReferralFormPage({
  ctx,
  form,
  senders,
  bodies,
  groups,
  maxUploadBytes,
  referral,
}: {
  ctx: PageContext;
  form: FormState;
  senders: BodyChoice[];
  bodies: BodyChoice[];
  groups: GroupView[];
  maxUploadBytes: number;
  /** Present when editing. */
  referral?: ReferralView;
}): JSX.Element {
  const { t } = ctx;
  const editing = referral !== undefined;
  const draft = !referral || referral.status === 'draft';
  const title = editing ? t('referrals.edit.title') : t('referrals.new');
  const action = editing ? `${referralHref(referral.id)}/edit` : '/referrals';
  const sender = referral?.senderBodyId ?? (typeof form.values.senderBodyId === 'string' ? form.values.senderBodyId : undefined);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={editing ? referralHref(referral.id) : '/referrals'} safe>
          {editing ? t('referrals.backToReferral') : t('referrals.backToList')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {editing ? <p class="lead" safe>{referral.subject}</p> : <p class="lead" safe>{t('referrals.new.lead')}</p>}
      {editing && !draft ? <p safe>{t('referrals.edit.sentHint')}</p> : ''}
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {editing ? (
          ''
        ) : (
          <SelectField
            name="senderBodyId"
            label={t('referrals.field.sender')}
            hint={t('referrals.field.senderHint')}
            form={form}
            t={t}
            required
            options={senders.map((b) => ({ value: b.id, label: b.name }))}
          />
        )}
        {draft ? <TextField name="subject" label={t('referrals.field.subject')} form={form} t={t} required maxlength={500} /> : ''}
        <TextArea name="description" label={t('referrals.field.description')} form={form} t={t} rows={4} />
        {draft ? <TextField name="letterDate" type="date" label={t('referrals.field.letterDate')} form={form} t={t} required /> : ''}
        <TextField name="deadline" type="date" label={t('referrals.field.deadline')} hint={t('referrals.field.deadlineHint')} form={form} t={t} required />
        {draft ? (
          <>
            {groups.length ? (
              <ChoiceGroup
                name="groupIds"
                legend={t('referrals.field.groups')}
                hint={t('referrals.field.groupsHint')}
                options={groups.map((g) => ({ value: g.id, label: t('referrals.groups.option', { name: g.name, n: g.members.length }) }))}
                form={form}
                t={t}
              />
            ) : (
              ''
            )}
            <BodyCheckboxes
              name="recipientBodyIds"
              legend={t('referrals.field.recipients')}
              hint={t('referrals.field.recipientsHint')}
              bodies={bodies}
              form={form}
              t={t}
              exclude={sender}
            />
            <FileInput
              name="draft"
              label={t('referrals.field.draft')}
              hint={t('referrals.field.fileHint', { max: sizeLabel(maxUploadBytes) })}
              form={form}
            />
            <FileInput
              name="attachments"
              label={t('referrals.field.attachments')}
              hint={t('referrals.field.attachmentsHint', { max: sizeLabel(maxUploadBytes) })}
              form={form}
              multiple
            />
          </>
        ) : (
          ''
        )}
        <div class="actions">
          <button type="submit" safe>{editing ? t('form.save') : t('referrals.new.submit')}</button>
          <a href={editing ? referralHref(referral.id) : '/referrals'} safe>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

// ── one round ───────────────────────────────────────────────────────────────
function ReferralMeta({ ctx, view }: { ctx: PageContext; view: ReferralView }): JSX.Element {
  const { t } = ctx;
  return (
    <dl class="meta">
      <dt safe>{t('referrals.col.sender')}</dt>
      <dd safe>{view.senderBodyName}</dd>
      <dt safe>{t('referrals.col.number')}</dt>
      <dd>
        <a href={caseHref(view.caseId)} safe>
          {view.registryNumber}
        </a>
      </dd>
      <dt safe>{t('referrals.col.letterDate')}</dt>
      <dd>
        <DateText ctx={ctx} value={view.letterDate} />
      </dd>
      <dt safe>{t('referrals.col.deadline')}</dt>
      <dd>
        <DateText ctx={ctx} value={view.deadline} />
      </dd>
      <dt safe>{t('referrals.col.status')}</dt>
      <dd safe>{referralStatusLabel(t, view.status)}</dd>
      {view.sentAt ? (
        <>
          <dt safe>{t('referrals.field.sentAt')}</dt>
          <dd>
            <DateText ctx={ctx} value={view.sentAt} />
          </dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}

function Warnings({ ctx, warnings }: { ctx: PageContext; warnings: readonly string[] }): JSX.Element {
  if (!warnings.length) return '';
  return (
    <div class="flash" role="note">
      <p>
        <strong safe>{ctx.t('referrals.warnings.title')}</strong>
      </p>
      <ul>
        {warnings.map((w) => (
          <li safe>{warningLabel(ctx.t, w)}</li>
        ))}
      </ul>
    </div>
  );
}

export function ReferralPage({
  ctx,
  view,
  filter,
  canManage,
}: {
  ctx: PageContext;
  view: ReferralView;
  filter: FormState;
  canManage: boolean;
}): JSX.Element {
  const { t } = ctx;
  const kinds = BODY_KINDS.filter((k) => view.recipients.some((r) => r.bodyKind === k));
  const filtered = view.shown.length !== view.recipients.length;
  return (
    <Layout ctx={ctx} title={view.subject}>
      <p>
        <a href="/referrals" safe>{t('referrals.backToList')}</a>
      </p>
      <h1 safe>{view.subject}</h1>
      <ReferralMeta ctx={ctx} view={view} />
      <Warnings ctx={ctx} warnings={view.warnings} />
      {view.description ? <p safe>{view.description}</p> : ''}
      <p>
        <a href={caseHref(view.caseId)} safe>
          {t('referrals.documentsLink', { number: view.registryNumber })}
        </a>
      </p>
      {view.status === 'draft' ? (
        ''
      ) : (
        <p>
          <a href={`${referralHref(view.id)}/compilation`} safe>
            {t('referrals.compilationLink')}
          </a>
        </p>
      )}
      {canManage ? (
        <p class="actions">
          <a href={`${referralHref(view.id)}/edit`} safe>
            {view.status === 'draft' ? t('referrals.edit.link') : t('referrals.edit.deadlineLink')}
          </a>
          {view.status === 'draft' ? (
            <a class="button" href={`${referralHref(view.id)}/send`} safe>
              {t('referrals.send.button')}
            </a>
          ) : (
            ''
          )}
        </p>
      ) : (
        ''
      )}

      <h2 id="tracking" safe>{view.status === 'draft' ? t('referrals.recipients.title') : t('referrals.tracking.title')}</h2>
      <p>
        <span safe>{t('referrals.list.recipientCount', { n: view.recipientCount })}</span>
        {view.status === 'draft' ? '' : (
          <>
            {': '}
            <CountsText ctx={ctx} counts={view.counts} />
          </>
        )}
      </p>
      <ErrorSummary errors={filter.errors} t={t} />
      {view.recipients.length ? (
        <form method="get" action={`${referralHref(view.id)}#tracking`}>
          <fieldset>
            <legend safe>{t('referrals.tracking.filters')}</legend>
            <SelectField
              name="status"
              label={t('referrals.col.status')}
              form={filter}
              t={t}
              emptyLabel={t('referrals.tracking.allStatuses')}
              options={[...RECIPIENT_STATUSES.filter((s) => s !== 'pending' || view.status === 'draft'), 'late' as const].map((s) => ({
                value: s,
                label: statusLabel(t, s),
              }))}
            />
            <SelectField
              name="bodyKind"
              label={t('referrals.col.bodyKind')}
              form={filter}
              t={t}
              emptyLabel={t('referrals.tracking.allKinds')}
              options={kinds.map((k) => ({ value: k, label: bodyKindsLabel(t, k) }))}
            />
            <SelectField
              name="stance"
              label={t('referrals.col.stance')}
              form={filter}
              t={t}
              emptyLabel={t('referrals.tracking.allStances')}
              options={[...STANCES.map((s) => ({ value: s, label: stanceLabel(t, s) })), { value: 'none', label: t('referrals.stance.none') }]}
            />
            <div class="actions">
              <button type="submit" safe>{t('referrals.list.apply')}</button>
              <a href={`${referralHref(view.id)}#tracking`} safe>{t('referrals.list.clear')}</a>
            </div>
          </fieldset>
        </form>
      ) : (
        <p safe>{t('referrals.recipients.none')}</p>
      )}
      {view.recipients.length ? <TrackingTable ctx={ctx} view={view} filtered={filtered} /> : ''}
    </Layout>
  );
}

function TrackingTable({ ctx, view, filtered }: { ctx: PageContext; view: ReferralView; filtered: boolean }): JSX.Element {
  const { t } = ctx;
  if (view.shown.length === 0) return <p safe>{t('referrals.tracking.noMatch')}</p>;
  return (
    <table>
      <caption safe>
        {filtered ? t('referrals.tracking.captionFiltered', { shown: view.shown.length, total: view.recipientCount }) : t('referrals.tracking.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('referrals.col.body')}</th>
          <th scope="col" safe>{t('referrals.col.recipientNumber')}</th>
          <th scope="col" safe>{t('referrals.col.status')}</th>
          <th scope="col" safe>{t('referrals.col.received')}</th>
          <th scope="col" safe>{t('referrals.col.answered')}</th>
          <th scope="col" safe>{t('referrals.col.stance')}</th>
          <th scope="col" safe>{t('referrals.col.warnings')}</th>
        </tr>
      </thead>
      <tbody>
        {view.shown.map((r) => (
          <tr>
            <th scope="row">
              {r.status === 'pending' ? (
                <span safe>{r.bodyName}</span>
              ) : (
                <a href={recipientHref(view.id, r.id)} safe>
                  {r.bodyName}
                </a>
              )}
              <br />
              <span class="secret" safe>
                {bodyKindLabel(t, r.bodyKind)}
              </span>
            </th>
            <td>
              {r.caseId ? (
                <a href={caseHref(r.caseId)} safe>
                  {r.registryNumber ?? ''}
                </a>
              ) : (
                <span safe>{r.existingNumber ?? t('common.none')}</span>
              )}
            </td>
            <td>
              <StatusText t={t} status={r.status} late={r.late} />
              {r.answeredLate ? (
                <>
                  {' '}
                  <span class="tag" safe>
                    {t('referrals.answeredLate')}
                  </span>
                </>
              ) : (
                ''
              )}
            </td>
            <td>
              <DateText ctx={ctx} value={r.receivedOn} />
            </td>
            <td>
              <DateText ctx={ctx} value={r.answeredOn} />
            </td>
            <td safe>{r.status === 'declined' ? t('referrals.status.declined') : stanceLabel(t, r.stance) || t('common.none')}</td>
            <td safe>{r.warnings.length ? warningsText(t, r.warnings) : t('common.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SendPage({ ctx, view, form }: { ctx: PageContext; view: ReferralView; form: FormState }): JSX.Element {
  const { t } = ctx;
  const title = t('referrals.send.title');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={referralHref(view.id)} safe>{t('referrals.backToReferral')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p class="lead" safe>{view.subject}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <p safe>{t('referrals.send.explain', { n: view.recipientCount, deadline: formatDate(ctx.locale, view.deadline) })}</p>
      {view.recipients.length ? (
        <ul>
          {view.recipients.map((r) => (
            <li safe>{r.existingNumber ? `${r.bodyName} (${r.existingNumber})` : r.bodyName}</li>
          ))}
        </ul>
      ) : (
        <p safe>{t('referrals.recipients.none')}</p>
      )}
      <Warnings ctx={ctx} warnings={view.warnings} />
      <form method="post" action={`${referralHref(view.id)}/send`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="receivedOn" type="date" label={t('referrals.field.receivedOn')} hint={t('referrals.field.receivedOnHint')} form={form} t={t} />
        <div class="actions">
          <button type="submit" safe>{t('referrals.send.confirm', { n: view.recipientCount })}</button>
          <a href={referralHref(view.id)} safe>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

// ── one recipient ───────────────────────────────────────────────────────────
export interface RecipientForms {
  status: FormState;
  decline: FormState;
  answer: FormState;
  documents: Array<{ id: string; title: string | null; kind: string | null; date: string; number: number | null }>;
}

function Timeline({ ctx, events }: { ctx: PageContext; events: EventView[] }): JSX.Element {
  const { t } = ctx;
  if (!events.length) return <p safe>{t('referrals.timeline.empty')}</p>;
  return (
    <table>
      <caption safe>{t('referrals.timeline.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('referrals.timeline.date')}</th>
          <th scope="col" safe>{t('referrals.timeline.step')}</th>
          <th scope="col" safe>{t('referrals.timeline.note')}</th>
          <th scope="col" safe>{t('referrals.timeline.by')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr>
            <td>
              <DateText ctx={ctx} value={e.effectiveDate ?? e.occurredAt} />
            </td>
            <th scope="row" safe>
              {e.fromStatus ? t('referrals.timeline.fromTo', { from: statusLabel(t, e.fromStatus), to: statusLabel(t, e.toStatus) }) : statusLabel(t, e.toStatus)}
            </th>
            <td safe>{e.automatic ? t(`referrals.auto.${e.automatic}`) : (e.note ?? '')}</td>
            <td safe>{e.actorLabel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecipientPage({
  ctx,
  detail,
  forms,
  documents,
}: {
  ctx: PageContext;
  detail: RecipientDetail;
  /** Present when the reader works for the recipient body. */
  forms: RecipientForms | null;
  /** The documents of the recipient's case (titles of the answer documents). */
  documents: RecipientForms['documents'];
}): JSX.Element {
  const { t } = ctx;
  const { referral, recipient: r, events } = detail;
  const title = t('referrals.recipient.title', { body: r.bodyName });
  return (
    <Layout ctx={ctx} title={`${title} – ${referral.subject}`}>
      <p>
        <a href={referralHref(referral.id)} safe>{t('referrals.backToReferral')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p class="lead">
        <a href={referralHref(referral.id)} safe>
          {referral.subject}
        </a>
        <span safe>{` – ${t('referrals.recipient.from', { sender: referral.senderBodyName })}`}</span>
      </p>
      <dl class="meta">
        <dt safe>{t('referrals.col.recipientNumber')}</dt>
        <dd>
          {r.caseId ? (
            <a href={caseHref(r.caseId)} safe>
              {r.registryNumber ?? ''}
            </a>
          ) : (
            <span safe>{t('common.none')}</span>
          )}
        </dd>
        <dt safe>{t('referrals.col.status')}</dt>
        <dd>
          <StatusText t={t} status={r.status} late={r.late} />
        </dd>
        <dt safe>{t('referrals.col.received')}</dt>
        <dd>
          <DateText ctx={ctx} value={r.receivedOn} />
        </dd>
        <dt safe>{t('referrals.col.deadline')}</dt>
        <dd>
          <DateText ctx={ctx} value={referral.deadline} />
        </dd>
        {r.answeredOn ? (
          <>
            <dt safe>{r.status === 'declined' ? t('referrals.col.declinedOn') : t('referrals.col.answered')}</dt>
            <dd>
              <DateText ctx={ctx} value={r.answeredOn} />
            </dd>
          </>
        ) : (
          ''
        )}
        {r.stance ? (
          <>
            <dt safe>{t('referrals.col.stance')}</dt>
            <dd safe>{stanceLabel(t, r.stance)}</dd>
          </>
        ) : (
          ''
        )}
        {r.declineReason ? (
          <>
            <dt safe>{t('referrals.field.declineReason')}</dt>
            <dd safe>{r.declineReason}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <Warnings ctx={ctx} warnings={r.warnings} />
      {r.status === 'answered' && r.answerDocumentIds.length ? (
        <>
          <h2 safe>{t('referrals.answer.documents')}</h2>
          <ul>
            {r.answerDocumentIds.map((id) => {
              const doc = documents.find((d) => d.id === id);
              return (
                <li>
                  <a href={documentHref(id)} safe>
                    {doc?.title ?? t('referrals.answer.document')}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 safe>{t('referrals.timeline.title')}</h2>
      <Timeline ctx={ctx} events={events} />
      {forms ? <ResponseForms ctx={ctx} detail={detail} forms={forms} /> : ''}
    </Layout>
  );
}

function ResponseForms({ ctx, detail, forms }: { ctx: PageContext; detail: RecipientDetail; forms: RecipientForms }): JSX.Element {
  const { t } = ctx;
  const r = detail.recipient;
  const base = recipientHref(detail.referral.id, r.id);
  const manual = r.allowedNext.filter((s) => isManualStep(r.status, s));
  const canDecline = r.allowedNext.includes('declined');
  const canAnswer = r.allowedNext.includes('answered');
  const kindText = (k: string | null) => (k ? t(`referrals.documentKind.${k}`) : '');
  return (
    <>
      {manual.length ? (
        <section aria-labelledby="status-form-title">
          <h2 id="status-form-title" safe>{t('referrals.statusForm.title')}</h2>
          <ErrorSummary errors={forms.status.errors} t={t} />
          <form method="post" action={`${base}/status`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ChoiceGroup
              name="to"
              type="radio"
              legend={t('referrals.statusForm.to')}
              options={manual.map((s: RecipientStatus) => ({ value: s, label: statusLabel(t, s) }))}
              form={forms.status}
              t={t}
              required
            />
            <TextField name="date" type="date" label={t('referrals.field.stepDate')} hint={t('referrals.field.todayHint')} form={forms.status} t={t} />
            <TextArea name="note" label={t('referrals.field.note')} form={forms.status} t={t} rows={2} />
            <button type="submit" safe>{t('referrals.statusForm.submit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
      {canAnswer ? (
        <section aria-labelledby="answer-form-title">
          <h2 id="answer-form-title" safe>{t('referrals.answerForm.title')}</h2>
          <ErrorSummary errors={forms.answer.errors} t={t} />
          <form method="post" action={`${base}/answer`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ChoiceGroup
              name="stance"
              type="radio"
              legend={t('referrals.col.stance')}
              options={STANCES.map((s) => ({ value: s, label: stanceLabel(t, s) }))}
              form={forms.answer}
              t={t}
              required
            />
            <TextField name="answeredOn" type="date" label={t('referrals.field.answeredOn')} form={forms.answer} t={t} required />
            {forms.documents.length ? (
              <ChoiceGroup
                name="documentIds"
                legend={t('referrals.answer.documents')}
                hint={t('referrals.answerForm.documentsHint')}
                options={forms.documents.map((d) => ({
                  value: d.id,
                  label: `${d.number ?? ''}. ${d.title ?? t('referrals.answer.document')} (${kindText(d.kind)}, ${d.date})`,
                }))}
                form={forms.answer}
                t={t}
              />
            ) : (
              <p safe>{t('referrals.answerForm.noDocuments')}</p>
            )}
            <TextArea name="note" label={t('referrals.field.note')} form={forms.answer} t={t} rows={2} />
            <button type="submit" safe>{t('referrals.answerForm.submit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
      {canDecline ? (
        <section aria-labelledby="decline-form-title">
          <h2 id="decline-form-title" safe>{t('referrals.declineForm.title')}</h2>
          <ErrorSummary errors={forms.decline.errors} t={t} />
          <form method="post" action={`${base}/decline`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="reason" label={t('referrals.field.declineReason')} form={forms.decline} t={t} rows={3} required />
            <TextField name="date" type="date" label={t('referrals.field.stepDate')} hint={t('referrals.field.todayHint')} form={forms.decline} t={t} />
            <button type="submit" class="secondary" safe>{t('referrals.declineForm.submit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

// ── saved groups ────────────────────────────────────────────────────────────
function GroupForm({ ctx, form, bodies, action, submit }: { ctx: PageContext; form: FormState; bodies: BodyChoice[]; action: string; submit: string }): JSX.Element {
  const { t } = ctx;
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <TextField name="name" label={t('referrals.groups.name')} form={form} t={t} required maxlength={200} />
      <TextArea name="description" label={t('referrals.groups.description')} form={form} t={t} rows={2} />
      <ChoiceGroup
        name="bodyKinds"
        legend={t('referrals.groups.kinds')}
        hint={t('referrals.groups.kindsHint')}
        options={BODY_KINDS.map((k) => ({ value: k, label: t('referrals.groups.allOfKind', { kind: bodyKindsLabel(t, k).toLowerCase() }) }))}
        form={form}
        t={t}
      />
      <BodyCheckboxes name="bodyIds" legend={t('referrals.groups.bodies')} hint={t('referrals.groups.bodiesHint')} bodies={bodies} form={form} t={t} />
      <button type="submit" safe>{submit}</button>
    </form>
  );
}

export function GroupsPage({ ctx, groups, form, bodies }: { ctx: PageContext; groups: GroupView[]; form: FormState; bodies: BodyChoice[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('referrals.groups.title')}>
      <p>
        <a href="/referrals" safe>{t('referrals.backToList')}</a>
      </p>
      <h1 safe>{t('referrals.groups.title')}</h1>
      <p class="lead" safe>{t('referrals.groups.lead')}</p>
      {groups.length ? (
        <table>
          <caption safe>{t('referrals.groups.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('referrals.groups.name')}</th>
              <th scope="col" safe>{t('referrals.groups.rule')}</th>
              <th scope="col" safe>{t('referrals.groups.members')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr>
                <th scope="row">
                  <a href={`/referral-groups/${g.id}`} safe>
                    {g.name}
                  </a>
                  {g.description ? <p class="secret" safe>{g.description}</p> : ''}
                </th>
                <td safe>
                  {[...g.bodyKinds.map((k) => t('referrals.groups.allOfKind', { kind: bodyKindsLabel(t, k).toLowerCase() })), ...g.bodies.map((b) => b.name)].join(', ')}
                </td>
                <td safe>{t('referrals.list.recipientCount', { n: g.members.length })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('referrals.groups.empty')}</p>
      )}
      <section aria-labelledby="group-form-title">
        <h2 id="group-form-title" safe>{t('referrals.groups.new')}</h2>
        <ErrorSummary errors={form.errors} t={t} />
        <GroupForm ctx={ctx} form={form} bodies={bodies} action="/referral-groups" submit={t('referrals.groups.create')} />
      </section>
    </Layout>
  );
}

export function GroupEditPage({ ctx, group, form, bodies }: { ctx: PageContext; group: GroupView; form: FormState; bodies: BodyChoice[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={group.name}>
      <p>
        <a href="/referral-groups" safe>{t('referrals.groups.back')}</a>
      </p>
      <h1 safe>{group.name}</h1>
      <p safe>{t('referrals.groups.membersNow', { names: group.members.map((b) => b.name).join(', ') || t('common.none') })}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <GroupForm ctx={ctx} form={form} bodies={bodies} action={`/referral-groups/${group.id}`} submit={t('form.save')} />
      <h2 safe>{t('referrals.groups.delete')}</h2>
      <form method="post" action={`/referral-groups/${group.id}/delete`}>
        <CsrfField token={ctx.csrfToken} />
        <p safe>{t('referrals.groups.deleteHint')}</p>
        <button type="submit" class="secondary" safe>{t('referrals.groups.delete')}</button>
      </form>
    </Layout>
  );
}

// ── sections on the registry's case page ────────────────────────────────────
export function SenderCaseSection({ ctx, view }: { ctx: PageContext; view: Omit<ReferralView, 'shown'> }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby="referral-section-title">
      <h2 id="referral-section-title" safe>{t('referrals.section.sender', { n: view.recipientCount })}</h2>
      <p>
        <span safe>{`${referralStatusLabel(t, view.status)}. `}</span>
        <span safe>{t('referrals.section.deadline', { deadline: formatDate(ctx.locale, view.deadline) })}</span>
        {view.status === 'draft' ? '' : (
          <>
            {' '}
            <CountsText ctx={ctx} counts={view.counts} />
          </>
        )}
      </p>
      <p>
        <a href={`${referralHref(view.id)}#tracking`} safe>
          {t('referrals.section.follow')}
        </a>
      </p>
    </section>
  );
}

export function RecipientCaseSection({ ctx, view, recipient }: { ctx: PageContext; view: Omit<ReferralView, 'shown'>; recipient: RecipientView }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby="referral-section-title">
      <h2 id="referral-section-title" safe>{t('referrals.section.recipient', { sender: view.senderBodyName })}</h2>
      <p>
        <span safe>{`${t('referrals.col.status')}: `}</span>
        <StatusText t={t} status={recipient.status} late={recipient.late} />
        <span safe>{`. ${t('referrals.section.answerBy', { deadline: formatDate(ctx.locale, view.deadline) })}`}</span>
      </p>
      <p>
        <a href={recipientHref(view.id, recipient.id)} safe>
          {t('referrals.section.respond')}
        </a>
        {' · '}
        <a href={referralHref(view.id)} safe>
          {t('referrals.section.referral', { number: view.registryNumber })}
        </a>
      </p>
    </section>
  );
}
