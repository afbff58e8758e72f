import { formatDate, type Translate } from '../../../core/i18n.js';
import { formatValue } from '../../../views/charts.js';
import type { FormState, PageContext } from '../../../views/context.js';
import type { Finding } from '../followability.js';
import { periodLabel } from '../periods.js';
import type { BodyName, IndicatorDoc } from '../queries.js';
import type { Dimension, StrategyStatus } from '../schema.js';

export const strategyHref = (slug: string) => `/strategies/${slug}`;
export const indicatorHref = (id: string) => `/indicators/${id}`;

export function Back({ href, label }: { href: string; label: string }): JSX.Element {
  return (
    <p>
      <a href={href} safe>
        {label}
      </a>
    </p>
  );
}

export function DateText({ ctx, value }: { ctx: PageContext; value: string | Date | null }): JSX.Element {
  if (value === null) return <span safe>{ctx.t('common.none')}</span>;
  const iso = typeof value === 'string' ? value : value.toISOString();
  return (
    <time datetime={iso} safe>
      {formatDate(ctx.locale, value)}
    </time>
  );
}

export const statusText = (t: Translate, status: StrategyStatus) => t(`strategy.status.${status}`);

export function StatusTag({ t, status }: { t: Translate; status: StrategyStatus }): JSX.Element {
  return (
    <span class="tag" safe>
      {statusText(t, status)}
    </span>
  );
}

export function BodyText({ t, body }: { t: Translate; body: BodyName | null }): JSX.Element {
  if (!body) return <span safe>{t('strategy.noOwner')}</span>;
  return (
    <a href={`/organisation/bodies/${body.slug}`} safe>
      {body.name}
    </a>
  );
}

export const dimensionsText = (t: Translate, ds: Dimension[]) => (ds.length ? ds.map((d) => t(`strategy.dimension.${d}`)).join(', ') : t('common.none'));

/** "45 % (2024)" or "–". */
export function valueText(ctx: PageContext, value: number | null, unit: string, period?: string | null): string {
  if (value === null) return ctx.t('common.none');
  const v = formatValue(value, ctx.locale, unit || undefined);
  return period ? `${v} (${periodLabel(period, ctx.locale)})` : v;
}

export function indicatorTarget(ctx: PageContext, i: Pick<IndicatorDoc, 'target' | 'targetPeriod' | 'unit'>): string {
  return i.target === null ? ctx.t('strategy.indicator.noTarget') : valueText(ctx, i.target, i.unit, i.targetPeriod);
}

/**
 * The followability findings: focus areas first (seed 004's critique), then one line per goal with
 * all its reasons. The API lists the same findings one by one.
 */
export function FindingsList({ ctx, findings, headingId }: { ctx: PageContext; findings: Finding[]; headingId: string }): JSX.Element {
  const { t } = ctx;
  const areas = findings.filter((f) => f.subject === 'focusArea');
  const byGoal = new Map<string, { title: string; reasons: string[] }>();
  for (const f of findings) {
    if (f.subject !== 'goal') continue;
    const entry = byGoal.get(f.goalId) ?? { title: f.title, reasons: [] };
    entry.reasons.push(f.reason === 'indicatorWithoutTarget' ? t('strategy.followability.short.indicatorWithoutTarget', { indicator: f.indicatorName }) : t(`strategy.followability.short.${f.reason}`));
    byGoal.set(f.goalId, entry);
  }
  return (
    <section aria-labelledby={headingId} class="followability">
      <h2 id={headingId} safe>
        {t('strategy.followability.title')}
      </h2>
      <p class="hint" safe>
        {t('strategy.followability.explain')}
      </p>
      {findings.length === 0 ? (
        <p role="status" safe>
          {t('strategy.followability.none')}
        </p>
      ) : (
        <>
          <p role="status" safe>
            {t('strategy.followability.count', { count: findings.length })}
          </p>
          {areas.length ? (
            <>
              <h3 safe>{t('strategy.followability.focusAreas')}</h3>
              <ul class="findings">
                {areas.map((f) => (
                  <li data-reason={f.reason}>
                    <strong safe>{t(`strategy.followability.reason.${f.reason}`)}</strong>
                    {': '}
                    <span safe>{f.text[ctx.locale]}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          {byGoal.size ? (
            <>
              <h3 safe>{t('strategy.followability.goals')}</h3>
              <ul class="findings">
                {[...byGoal.entries()].map(([goalId, g]) => (
                  <li>
                    <a href={`#goal-${goalId}`} safe>
                      {g.title}
                    </a>
                    {': '}
                    <span safe>{`${g.reasons.join(', ')}.`}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </>
      )}
    </section>
  );
}

/** A group of checkboxes in a fieldset, with the form's errors. */
export function CheckboxGroup({
  name,
  legend,
  options,
  form,
  hint,
}: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  form: FormState;
  hint?: string;
}): JSX.Element {
  const raw = form.values[name];
  const checked = new Set(Array.isArray(raw) ? raw.map(String) : raw === undefined || raw === null || raw === '' ? [] : [String(raw)]);
  const errors = form.errors[name] ?? [];
  const id = `f-${name}`;
  return (
    <fieldset id={id} class={errors.length ? 'field-error' : undefined} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend safe>{legend}</legend>
      {hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {errors.map((e) => (
        <p class="error-message" safe>
          {e}
        </p>
      ))}
      {options.map((o) => (
        <div class="checkbox">
          <input type="checkbox" id={`${id}-${o.value}`} name={name} value={o.value} checked={checked.has(o.value)} />{' '}
          <label for={`${id}-${o.value}`} safe>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function DeleteButton({ ctx, action, label }: { ctx: PageContext; action: string; label: string }): JSX.Element {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <button type="submit" class="secondary" safe>
        {label}
      </button>
    </form>
  );
}
