import { formatDate, type Locale, type Translate } from '../../../core/i18n.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { SelectField } from '../../../views/components.js';
import { DIMENSIONS } from '../../strategy/index.js';
import type { ProgressInfo } from '../queries.js';
import type { DecisionRef } from '../repository.js';
import { decisionHref } from '../presenters.js';

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};
const decimalFormats: Record<Locale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};
const scoreFormats: Record<Locale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

export const whole = (ctx: Pick<PageContext, 'locale'>, n: number) => numberFormats[ctx.locale].format(n);
export const decimal = (ctx: Pick<PageContext, 'locale'>, n: number) => decimalFormats[ctx.locale].format(n);
export const scoreText = (ctx: Pick<PageContext, 'locale'>, n: number) => scoreFormats[ctx.locale].format(n);
export const money = (ctx: PageContext, n: number | null | undefined) => (n === null || n === undefined ? ctx.t('common.none') : ctx.t('portfolio.amount', { amount: whole(ctx, n) }));
export const day = (ctx: PageContext, d: string | Date | null | undefined) => (d ? formatDate(ctx.locale, d) : ctx.t('common.none'));

export const statusLabel = (t: Translate, s: string) => t(`portfolio.status.${s}`);
export const kindLabel = (t: Translate, k: string) => t(`portfolio.kind.${k}`);

export function progressText(ctx: PageContext, p: ProgressInfo): string {
  if (p.fromChildren) return ctx.t('portfolio.progress.fromChildren', { value: decimal(ctx, p.progress), count: p.children });
  if (p.period) return ctx.t('portfolio.progress.reported', { value: decimal(ctx, p.progress), period: p.period });
  return ctx.t('portfolio.progress.none');
}

/** A native meter with the same figure in text (the meter alone is not read out everywhere). */
export function Progress({ ctx, p }: { ctx: PageContext; p: ProgressInfo }): JSX.Element {
  const text = progressText(ctx, p);
  return (
    <span class="progress">
      {p.fromChildren || p.period ? <meter min="0" max="100" value={String(Math.round(p.progress))} aria-hidden="true"></meter> : ''}{' '}
      <span safe>{text}</span>
    </span>
  );
}

export function decisionLabel(ctx: PageContext, d: Pick<DecisionRef, 'bodyName' | 'meetingDate' | 'paragraph' | 'title'>): string {
  return ctx.t('portfolio.project.decisionLabel', { body: d.bodyName, date: day(ctx, d.meetingDate), paragraph: d.paragraph, title: d.title });
}

export function DecisionLink({ ctx, d }: { ctx: PageContext; d: Pick<DecisionRef, 'bodyName' | 'meetingDate' | 'paragraph' | 'title' | 'meetingId' | 'itemId'> }): JSX.Element {
  return (
    <a href={decisionHref(d)} safe>
      {decisionLabel(ctx, d)}
    </a>
  );
}

export function Back({ href, label }: { href: string; label: string }): JSX.Element {
  return (
    <p>
      <a href={href} safe>
        {label}
      </a>
    </p>
  );
}

/** A group of checkboxes in a fieldset (goals, dependencies). `form.values[name]` is a list of chosen values. */
export function CheckboxGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  options: Array<{ value: string; label: string }>;
  form: FormState;
  empty: string;
}): JSX.Element {
  const raw = props.form.values[props.name];
  const chosen = new Set(Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' && raw ? [raw] : []);
  const errors = props.form.errors[props.name] ?? [];
  const id = fieldId(props.name);
  return (
    <fieldset id={id} class={errors.length ? 'field-error' : undefined} aria-describedby={props.hint ? `${id}-hint` : undefined}>
      <legend safe>{props.legend}</legend>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {errors.map((e) => (
        <p class="error-message" safe>
          {e}
        </p>
      ))}
      {props.options.length === 0 ? (
        <p safe>{props.empty}</p>
      ) : (
        props.options.map((o, i) => (
          <div class="checkbox">
            <input type="checkbox" id={`${id}-${i}`} name={props.name} value={o.value} checked={chosen.has(o.value)} />{' '}
            <label for={`${id}-${i}`} safe>
              {o.label}
            </label>
          </div>
        ))
      )}
    </fieldset>
  );
}

export function Checkbox(props: { name: string; label: string; checked: boolean; value?: string; id?: string }): JSX.Element {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={props.name} value={props.value ?? 'yes'} checked={props.checked} />{' '}
      <label for={id} safe>
        {props.label}
      </label>
    </div>
  );
}

/** The goal and sustainability-dimension filters shared by the project list and the dashboard. */
export function GoalDimensionFilters({
  ctx,
  form,
  goals,
  goalLabel,
}: {
  ctx: PageContext;
  form: FormState;
  goals: Array<{ id: string; title: string; strategyTitle: string }>;
  goalLabel: string;
}): JSX.Element {
  const { t } = ctx;
  return (
    <>
      <SelectField
        name="goalId"
        label={goalLabel}
        form={form}
        t={t}
        emptyLabel={t('portfolio.filter.allGoals')}
        options={goals.map((g) => ({ value: g.id, label: `${g.title} (${g.strategyTitle})` }))}
      />
      <SelectField
        name="dimension"
        label={t('portfolio.col.dimension')}
        form={form}
        t={t}
        emptyLabel={t('portfolio.filter.allDimensions')}
        options={DIMENSIONS.map((d) => ({ value: d, label: t(`portfolio.dimension.${d}`) }))}
      />
    </>
  );
}
