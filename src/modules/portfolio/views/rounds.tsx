import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { CandidateView } from '../evaluation.js';
import { projectHref, roundHref } from '../presenters.js';
import type { RoundView } from '../queries.js';
import type { RoundRow } from '../repository.js';
import type { Criterion } from '../schema.js';
import { DEFAULT_CRITERIA, SCORE_MAX, SCORE_MIN } from '../scoring.js';
import { Back, day, DecisionLink, fieldId, money, scoreText, statusLabel, whole } from './parts.js';

export const criterionLabel = (ctx: PageContext, c: Criterion) => (ctx.locale === 'en' ? c.labelEn : c.labelSv);

// ── the list ────────────────────────────────────────────────────────────────
export function RoundListPage(props: { ctx: PageContext; rounds: Array<RoundRow & { councilBodyName: string }>; councils: Array<{ id: string; name: string }>; form: FormState }): JSX.Element {
  const { ctx, rounds, councils, form } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('portfolio.rounds.title')} description={t('portfolio.rounds.lead')}>
      <Back href="/projects" label={t('portfolio.backToList')} />
      <h1 safe>{t('portfolio.rounds.title')}</h1>
      <p class="lead" safe>
        {t('portfolio.rounds.lead')}
      </p>
      {rounds.length ? (
        <table>
          <caption safe>{t('portfolio.rounds.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('portfolio.rounds.col.title')}</th>
              <th scope="col" safe>{t('portfolio.rounds.col.council')}</th>
              <th scope="col" safe>{t('portfolio.rounds.col.year')}</th>
              <th scope="col" safe>{t('portfolio.rounds.col.budget')}</th>
              <th scope="col" safe>{t('portfolio.rounds.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr>
                <th scope="row">
                  <a href={roundHref(r.id)} safe>
                    {r.title}
                  </a>
                </th>
                <td safe>{r.councilBodyName}</td>
                <td safe>{String(r.year)}</td>
                <td safe>{money(ctx, r.budget)}</td>
                <td safe>{t(`portfolio.roundStatus.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('portfolio.rounds.empty')}</p>
      )}
      {councils.length ? (
        <section aria-labelledby="new-round">
          <h2 id="new-round" safe>
            {t('portfolio.rounds.new')}
          </h2>
          <ErrorSummary errors={form.errors} t={t} />
          <form method="post" action="/prioritisation" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <SelectField name="councilBodyId" label={t('portfolio.rounds.council')} form={form} t={t} required options={councils.map((c) => ({ value: c.id, label: c.name }))} />
            <TextField name="title" label={t('portfolio.rounds.titleField')} form={form} t={t} required maxlength={300} />
            <TextField name="year" type="number" inputmode="numeric" label={t('portfolio.rounds.year')} form={form} t={t} required />
            <TextField name="budget" type="number" inputmode="numeric" label={t('portfolio.rounds.budget')} form={form} t={t} required />
            <fieldset>
              <legend safe>{t('portfolio.rounds.weightsLegend')}</legend>
              <p class="hint" safe>
                {t('portfolio.rounds.weightsHint')}
              </p>
              {DEFAULT_CRITERIA.map((c) => (
                <TextField name={`weight.${c.key}`} type="number" inputmode="numeric" label={t('portfolio.rounds.weightOf', { criterion: criterionLabel(ctx, c) })} form={form} t={t} />
              ))}
            </fieldset>
            <button type="submit" safe>
              {t('portfolio.rounds.create')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ── one round ───────────────────────────────────────────────────────────────
export interface RoundForms {
  scores: FormState;
  selection: FormState;
  decision: FormState;
}

const dependsText = (ctx: PageContext, c: CandidateView) =>
  c.dependsOn.length ? c.dependsOn.map((d) => (d.satisfied ? ctx.t('portfolio.round.dependencyRunning', { title: d.title }) : d.title)).join(', ') : ctx.t('common.none');

export function RoundPage(props: { ctx: PageContext; v: RoundView; forms: RoundForms }): JSX.Element {
  const { ctx, v, forms } = props;
  const { t } = ctx;
  const r = v.round;
  const proposed = v.candidates.filter((c) => c.project.status === 'proposed');
  const shown = r.status === 'open' ? proposed : v.candidates.filter((c) => c.selection || c.result.scored > 0);
  return (
    <Layout ctx={ctx} title={r.title} description={t('portfolio.rounds.lead')}>
      <Back href="/prioritisation" label={t('portfolio.round.backToRounds')} />
      <p class="kicker" safe>
        {t('portfolio.rounds.title')}
      </p>
      <h1 safe>{r.title}</h1>
      <dl class="meta">
        <dt safe>{t('portfolio.round.meta.council')}</dt>
        <dd safe>{r.councilBodyName}</dd>
        <dt safe>{t('portfolio.round.meta.year')}</dt>
        <dd safe>{String(r.year)}</dd>
        <dt safe>{t('portfolio.round.meta.budget')}</dt>
        <dd safe>{money(ctx, r.budget)}</dd>
        <dt safe>{t('portfolio.round.meta.status')}</dt>
        <dd safe>{t(`portfolio.roundStatus.${r.status}`)}</dd>
        {v.lastScored ? (
          <>
            <dt safe>{t('portfolio.round.meta.lastScored')}</dt>
            <dd safe>{`${v.lastScored.by}, ${day(ctx, v.lastScored.at)}`}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {v.decision ? (
        <section aria-labelledby="decided">
          <h2 id="decided" safe>
            {t('portfolio.round.decision')}
          </h2>
          <p>
            <DecisionLink ctx={ctx} d={v.decision} />
          </p>
          <ol>
            {v.decision.decisionPoints.map((p) => (
              <li safe>{p}</li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      <table>
        <caption safe>{t('portfolio.round.criteriaCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('portfolio.round.col.criterion')}</th>
            <th scope="col" safe>{t('portfolio.round.col.weight')}</th>
            <th scope="col" safe>{t('portfolio.round.col.direction')}</th>
          </tr>
        </thead>
        <tbody>
          {v.criteria.map((c) => (
            <tr>
              <th scope="row" safe>
                {criterionLabel(ctx, c)}
              </th>
              <td safe>{String(c.weight)}</td>
              <td safe>{t(c.inverse ? 'portfolio.round.inverse' : 'portfolio.round.direct')}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="scoring">
        <h2 id="scoring" safe>
          {t('portfolio.round.scoring')}
        </h2>
        {shown.length === 0 ? <p safe>{t('portfolio.round.noCandidates')}</p> : v.may.edit ? <ScoringForm ctx={ctx} v={v} candidates={proposed} form={forms.scores} /> : <ScoreTable ctx={ctx} v={v} candidates={shown} />}
      </section>

      <section aria-labelledby="ranking">
        <h2 id="ranking" safe>
          {t('portfolio.round.ranking')}
        </h2>
        {shown.length ? <RankingTable ctx={ctx} candidates={shown} criteria={v.criteria.length} /> : <p safe>{t('portfolio.round.noCandidates')}</p>}
      </section>

      {r.status === 'open' ? (
        <section aria-labelledby="proposal">
          <h2 id="proposal" safe>
            {t('portfolio.round.proposal')}
          </h2>
          <p class="hint" safe>
            {t('portfolio.round.proposalLead')}
          </p>
          {v.proposal.selected.length ? (
            <>
              <p safe>
                {t('portfolio.round.proposalSummary', {
                  count: v.proposal.selected.length,
                  cost: whole(ctx, v.proposal.totalCost),
                  budget: whole(ctx, r.budget),
                  points: whole(ctx, v.proposal.totalValue),
                })}
              </p>
              <ul>
                {v.candidates
                  .filter((c) => c.proposed)
                  .map((c) => (
                    <li>
                      <a href={projectHref(c.project.id)} safe>
                        {c.project.title}
                      </a>{' '}
                      <span safe>{`(${money(ctx, c.project.estimatedCostPerYear)})`}</span>
                    </li>
                  ))}
              </ul>
            </>
          ) : (
            <p safe>{t('portfolio.round.proposalEmpty')}</p>
          )}
          {v.proposal.optimal ? '' : <p class="hint" safe>{t('portfolio.round.proposalNotOptimal')}</p>}
          {v.may.edit && v.proposal.selected.length ? (
            <form method="post" action={`${roundHref(r.id)}/proposal`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" safe>
                {t('portfolio.round.applyProposal')}
              </button>
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="selection">
        <h2 id="selection" safe>
          {r.status === 'open' ? t('portfolio.round.selection') : t('portfolio.round.fundedCaption')}
        </h2>
        {v.may.edit && proposed.length ? <SelectionForm ctx={ctx} v={v} candidates={proposed} form={forms.selection} /> : <SelectionTable ctx={ctx} v={v} />}
      </section>

      {v.may.edit ? (
        <section aria-labelledby="decision">
          <h2 id="decision" safe>
            {t('portfolio.round.decision')}
          </h2>
          <p class="hint" safe>
            {t('portfolio.round.decisionLead')}
          </p>
          <ErrorSummary errors={forms.decision.errors} t={t} />
          <form method="post" action={`${roundHref(r.id)}/decision`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="decisionDate" type="date" label={t('portfolio.round.decisionDate')} form={forms.decision} t={t} required />
            <TextArea name="approvers" label={t('portfolio.round.approvers')} hint={t('portfolio.round.approversHint')} form={forms.decision} t={t} rows={2} />
            <button type="submit" safe>
              {t('portfolio.round.recordDecision')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

function ScoringForm({ ctx, v, candidates, form }: { ctx: PageContext; v: RoundView; candidates: CandidateView[]; form: FormState }): JSX.Element {
  const { t } = ctx;
  const options = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));
  return (
    <>
      <p class="hint" safe>
        {t('portfolio.round.scoringLead')}
      </p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${roundHref(v.round.id)}/scores`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div class="table-scroll">
          <table>
            <ScoreTableHead ctx={ctx} v={v} />
            <tbody>
              {candidates.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={projectHref(c.project.id)} safe>
                      {c.project.title}
                    </a>
                  </th>
                  {v.criteria.map((k) => {
                    const name = `score.${c.project.id}.${k.key}`;
                    const id = fieldId(name);
                    const typed = form.values[name];
                    const current = typed !== undefined ? String(typed) : c.scores[k.key] !== undefined ? String(c.scores[k.key]) : '';
                    return (
                      <td>
                        <label for={id} class="visually-hidden" safe>
                          {t('portfolio.round.scoreLabel', { project: c.project.title, criterion: criterionLabel(ctx, k) })}
                        </label>
                        <select id={id} name={name}>
                          <option value="" selected={current === ''} safe>
                            {t('portfolio.round.notScored')}
                          </option>
                          {options.map((o) => (
                            <option value={o} selected={current === o} safe>
                              {o}
                            </option>
                          ))}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit" safe>
          {t('portfolio.round.saveScores')}
        </button>
      </form>
    </>
  );
}

/** Caption and column headers of the score table, the same whether scores are editable or not. */
function ScoreTableHead({ ctx, v }: { ctx: PageContext; v: RoundView }): JSX.Element {
  const { t } = ctx;
  return (
    <>
      <caption safe>{t('portfolio.round.scoringCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('portfolio.round.col.project')}</th>
          {v.criteria.map((c) => (
            <th scope="col" safe>
              {criterionLabel(ctx, c)}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

function ScoreTable({ ctx, v, candidates }: { ctx: PageContext; v: RoundView; candidates: CandidateView[] }): JSX.Element {
  const { t } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <ScoreTableHead ctx={ctx} v={v} />
        <tbody>
          {candidates.map((c) => (
            <tr>
              <th scope="row">
                <a href={projectHref(c.project.id)} safe>
                  {c.project.title}
                </a>
              </th>
              {v.criteria.map((k) => (
                <td safe>{c.scores[k.key] === undefined ? t('portfolio.round.notScored') : String(c.scores[k.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RankingTable({ ctx, candidates, criteria }: { ctx: PageContext; candidates: CandidateView[]; criteria: number }): JSX.Element {
  const { t } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <caption safe>{t('portfolio.round.rankingCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('portfolio.round.col.rank')}</th>
            <th scope="col" safe>{t('portfolio.round.col.project')}</th>
            <th scope="col" safe>{t('portfolio.col.owner')}</th>
            <th scope="col" safe>{t('portfolio.round.col.cost')}</th>
            <th scope="col" safe>{t('portfolio.round.col.score')}</th>
            <th scope="col" safe>{t('portfolio.round.col.scored')}</th>
            <th scope="col" safe>{t('portfolio.round.col.dependsOn')}</th>
            <th scope="col" safe>{t('portfolio.round.col.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr>
              <td safe>{String(c.rank)}</td>
              <th scope="row">
                <a href={projectHref(c.project.id)} safe>
                  {c.project.title}
                </a>
              </th>
              <td safe>{c.project.ownerBodyName}</td>
              <td safe>{money(ctx, c.project.estimatedCostPerYear)}</td>
              <td safe>{scoreText(ctx, c.result.score)}</td>
              <td safe>{t('portfolio.round.scoredOf', { scored: c.result.scored, total: criteria })}</td>
              <td safe>{dependsText(ctx, c)}</td>
              <td safe>{c.proposed ? t('common.yes') : c.notConsidered ? `${t('common.no')} (${t(`portfolio.round.notConsidered.${c.notConsidered}`)})` : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SelectionForm({ ctx, v, candidates, form }: { ctx: PageContext; v: RoundView; candidates: CandidateView[]; form: FormState }): JSX.Element {
  const { t } = ctx;
  const typed = form.values.selected;
  const typedSelected = typed === undefined ? null : new Set(Array.isArray(typed) ? typed.map(String) : [String(typed)]);
  return (
    <>
      <p class="hint" safe>
        {t('portfolio.round.selectionLead')}
      </p>
      <p safe>{t('portfolio.round.selectionTotal', { total: whole(ctx, v.selectedTotal), budget: whole(ctx, v.round.budget) })}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${roundHref(v.round.id)}/selection`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submitted" value="yes" />
        <table>
          <caption safe>{t('portfolio.round.selectionCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('portfolio.round.col.project')}</th>
              <th scope="col" safe>{t('portfolio.round.col.select')}</th>
              <th scope="col" safe>{t('portfolio.round.col.amount')}</th>
              <th scope="col" safe>{t('portfolio.round.col.proposed')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => {
              const checked = typedSelected ? typedSelected.has(c.project.id) : Boolean(c.selection?.selected);
              const amountName = `amount.${c.project.id}`;
              const amount = form.values[amountName] !== undefined ? String(form.values[amountName]) : String(c.selection?.amount ?? c.project.estimatedCostPerYear ?? '');
              const checkId = fieldId(`selected-${c.project.id}`);
              const amountId = fieldId(amountName);
              return (
                <tr>
                  <th scope="row">
                    <a href={projectHref(c.project.id)} safe>
                      {c.project.title}
                    </a>
                  </th>
                  <td>
                    <input type="checkbox" id={checkId} name="selected" value={c.project.id} checked={checked} />
                    <label for={checkId} class="visually-hidden" safe>
                      {t('portfolio.round.selectLabel', { project: c.project.title })}
                    </label>
                  </td>
                  <td>
                    <label for={amountId} class="visually-hidden" safe>
                      {t('portfolio.round.amountLabel', { project: c.project.title })}
                    </label>
                    <input type="number" inputmode="numeric" id={amountId} name={amountName} value={amount} min="0" />
                  </td>
                  <td safe>{c.proposed ? t('common.yes') : t('common.no')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="submit" safe>
          {t('portfolio.round.saveSelection')}
        </button>
      </form>
    </>
  );
}

function SelectionTable({ ctx, v }: { ctx: PageContext; v: RoundView }): JSX.Element {
  const { t } = ctx;
  const rows = v.candidates.filter((c) => c.selection?.selected);
  if (rows.length === 0) return <p safe>{t('portfolio.round.proposalEmpty')}</p>;
  return (
    <>
      <p safe>{t('portfolio.round.selectionTotal', { total: whole(ctx, v.selectedTotal), budget: whole(ctx, v.round.budget) })}</p>
      <table>
        <caption safe>{t('portfolio.round.selectionCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('portfolio.round.col.project')}</th>
            <th scope="col" safe>{t('portfolio.col.owner')}</th>
            <th scope="col" safe>{t('portfolio.round.col.amount')}</th>
            <th scope="col" safe>{t('portfolio.col.status')}</th>
            <th scope="col" safe>{t('portfolio.round.col.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr>
              <th scope="row">
                <a href={projectHref(c.project.id)} safe>
                  {c.project.title}
                </a>
              </th>
              <td safe>{c.project.ownerBodyName}</td>
              <td safe>{money(ctx, c.selection?.amount)}</td>
              <td safe>{statusLabel(t, c.project.status)}</td>
              <td safe>{c.selection?.proposedByTool ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
