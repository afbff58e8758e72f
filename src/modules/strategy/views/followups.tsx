import { CsrfField, ErrorSummary, SelectField, TextArea } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { ASSESSMENTS, type Assessment } from '../commands/followups.js';
import type { BodyName, FollowupOverview, FollowupView } from '../queries.js';
import { Back, DateText, strategyHref } from './parts.js';

export const followupHref = (slug: string, year: number, body?: string) => `${strategyHref(slug)}/followups/${year}${body ? `/${body}` : ''}`;

const assessmentText = (ctx: PageContext, a: Assessment | undefined) => (a ? ctx.t(`strategy.assessment.${a}`) : ctx.t('strategy.assessment.none'));

const shortSummary = (f: FollowupView | null): string => {
  if (!f) return '';
  return f.summary.length > 240 ? `${f.summary.slice(0, 240)}…` : f.summary;
};

function countOf(f: FollowupView | null, a: Assessment): number {
  return f ? f.goalAssessments.filter((g) => g.assessment === a).length : 0;
}

/** All boards' follow-ups of one year: the executive board's combined picture. */
export function FollowupOverviewPage({ ctx, o, writable }: { ctx: PageContext; o: FollowupOverview; writable: Set<string> }): JSX.Element {
  const { t } = ctx;
  const title = t('strategy.followups.title', { year: o.year, title: o.strategy.title });
  const submitted = o.rows.map((r) => r.followup).filter((f): f is FollowupView => f?.status === 'submitted');
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={strategyHref(o.strategy.slug)} label={t('strategy.backToStrategy')} />
      <h1 safe>{title}</h1>
      <p safe>{t('strategy.followups.lead')}</p>
      <nav aria-label={t('strategy.followups.years')}>
        <ul class="actions">
          {[o.year + 1, ...o.years.filter((y) => y !== o.year + 1)].map((y) => (
            <li>
              <a href={followupHref(o.strategy.slug, y)} aria-current={y === o.year ? 'page' : undefined} safe>
                {String(y)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status" safe>
        {t('strategy.followups.counts', o.counts)}
      </p>
      <table class="followups">
        <caption safe>{t('strategy.followups.caption', { year: o.year })}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('strategy.followups.body')}</th>
            <th scope="col" safe>{t('strategy.followups.status')}</th>
            {ASSESSMENTS.map((a) => (
              <th scope="col" safe>
                {t(`strategy.assessment.${a}`)}
              </th>
            ))}
            <th scope="col" safe>{t('strategy.followups.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {o.rows.map(({ body, followup }) => (
            <tr>
              <th scope="row">
                {followup ? (
                  <a href={followupHref(o.strategy.slug, o.year, body.slug)} safe>
                    {body.name}
                  </a>
                ) : (
                  <span safe>{body.name}</span>
                )}
              </th>
              <td>
                <span safe>{t(followup ? `strategy.followup.status.${followup.status}` : 'strategy.followup.status.missing')}</span>
                {writable.has(body.id) && (!followup || followup.status === 'draft') ? (
                  <>
                    {' '}
                    <a href={`${followupHref(o.strategy.slug, o.year, body.slug)}/edit`} safe>
                      {t(followup ? 'strategy.followup.continue' : 'strategy.followup.start')}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </td>
              {ASSESSMENTS.map((a) => (
                <td class="num" safe>
                  {followup ? String(countOf(followup, a)) : t('common.none')}
                </td>
              ))}
              <td safe>{shortSummary(followup)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="per-goal-title">
        <h2 id="per-goal-title" safe>
          {t('strategy.followups.perGoal')}
        </h2>
        <p class="hint" safe>
          {t('strategy.followups.perGoalExplain', { count: submitted.length })}
        </p>
        <table>
          <caption safe>{t('strategy.followups.perGoalCaption', { year: o.year })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('strategy.followups.goal')}</th>
              {ASSESSMENTS.map((a) => (
                <th scope="col" safe>
                  {t(`strategy.assessment.${a}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {o.goals.map((g) => (
              <tr>
                <th scope="row" safe>
                  {g.title}
                </th>
                {ASSESSMENTS.map((a) => (
                  <td class="num" safe>
                    {String(submitted.filter((f) => f.goalAssessments.some((x) => x.goalId === g.id && x.assessment === a)).length)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

export function FollowupPage({
  ctx,
  strategy,
  goals,
  f,
  submitForm,
}: {
  ctx: PageContext;
  strategy: { slug: string; title: string };
  goals: Array<{ id: string; title: string }>;
  f: FollowupView;
  submitForm: FormState;
}): JSX.Element {
  const { t } = ctx;
  const title = t('strategy.followup.title', { body: f.body.name, year: f.year });
  const byGoal = new Map(f.goalAssessments.map((a) => [a.goalId, a]));
  const href = followupHref(strategy.slug, f.year, f.body.slug);
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={followupHref(strategy.slug, f.year)} label={t('strategy.followup.backToYear', { year: f.year })} />
      <p class="kicker" safe>
        {strategy.title}
      </p>
      <h1 safe>{title}</h1>
      <dl class="meta">
        <dt safe>{t('strategy.followups.status')}</dt>
        <dd safe>{t(`strategy.followup.status.${f.status}`)}</dd>
        {f.submittedAt ? (
          <>
            <dt safe>{t('strategy.followup.submittedAt')}</dt>
            <dd>
              <DateText ctx={ctx} value={f.submittedAt} /> <span safe>{`(${f.submittedBy ?? ''})`}</span>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {f.status === 'draft' ? (
        <p class="hint" safe>
          {t('strategy.followup.draftNotice')}
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t('strategy.followups.summary')}</h2>
      <p class="prewrap" safe>
        {f.summary || t('common.none')}
      </p>
      <table>
        <caption safe>{t('strategy.followup.assessmentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('strategy.followups.goal')}</th>
            <th scope="col" safe>{t('strategy.followup.assessment')}</th>
            <th scope="col" safe>{t('strategy.followup.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {goals.map((g) => (
            <tr>
              <th scope="row" safe>
                {g.title}
              </th>
              <td safe>{assessmentText(ctx, byGoal.get(g.id)?.assessment)}</td>
              <td safe>{byGoal.get(g.id)?.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 safe>{t('strategy.followup.challenges')}</h2>
      <p class="prewrap" safe>
        {f.challenges || t('common.none')}
      </p>
      <h2 safe>{t('strategy.followup.nextSteps')}</h2>
      <p class="prewrap" safe>
        {f.nextSteps || t('common.none')}
      </p>
      {f.may.write ? (
        <section aria-labelledby="submit-title">
          <h2 id="submit-title" safe>
            {t('strategy.followup.submitTitle')}
          </h2>
          <ul class="actions">
            <li>
              <a href={`${href}/edit`} safe>
                {t('strategy.followup.continue')}
              </a>
            </li>
          </ul>
          <ErrorSummary errors={submitForm.errors} t={t} />
          <p safe>{t('strategy.followup.submitExplain')}</p>
          <form method="post" action={`${href}/submit`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" safe>
              {t('strategy.followup.submit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function FollowupFormPage({
  ctx,
  strategy,
  body,
  year,
  goals,
  form,
}: {
  ctx: PageContext;
  strategy: { slug: string; title: string };
  body: BodyName;
  year: number;
  goals: Array<{ id: string; title: string }>;
  form: FormState;
}): JSX.Element {
  const { t } = ctx;
  const title = t('strategy.followup.formTitle', { body: body.name, year });
  const href = followupHref(strategy.slug, year, body.slug);
  const options = ASSESSMENTS.map((a) => ({ value: a, label: t(`strategy.assessment.${a}`) }));
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={followupHref(strategy.slug, year)} label={t('strategy.followup.backToYear', { year })} />
      <p class="kicker" safe>
        {strategy.title}
      </p>
      <h1 safe>{title}</h1>
      <p class="hint" safe>
        {t('strategy.followup.formLead')}
      </p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${href}/edit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="summary" label={t('strategy.followups.summary')} hint={t('strategy.followup.summaryHint')} form={form} t={t} rows={6} />
        {goals.map((g, n) => (
          <fieldset>
            <legend safe>{t('strategy.followup.goalLegend', { n: n + 1, title: g.title })}</legend>
            <SelectField name={`assessment.${g.id}`} label={t('strategy.followup.assessment')} form={form} t={t} options={options} emptyLabel={t('strategy.assessment.none')} />
            <TextArea name={`comment.${g.id}`} label={t('strategy.followup.comment')} form={form} t={t} rows={3} />
          </fieldset>
        ))}
        <TextArea name="challenges" label={t('strategy.followup.challenges')} form={form} t={t} rows={4} />
        <TextArea name="nextSteps" label={t('strategy.followup.nextSteps')} form={form} t={t} rows={4} />
        <button type="submit" safe>
          {t('strategy.followup.save')}
        </button>
      </form>
    </Layout>
  );
}
