import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { PERIOD_EXAMPLES } from '../periods.js';
import type { BodyName, FocusAreaDoc, GoalDoc } from '../queries.js';
import { DIMENSIONS, ELEMENT_KINDS, INDICATOR_DIRECTIONS, PERIODICITIES } from '../schema.js';
import { Back, CheckboxGroup, DeleteButton, strategyHref } from './parts.js';

/** The forms for the parts of a strategy and for indicators: one frame, the fields per kind. */
export type PartFormKind = 'element' | 'focusArea' | 'goal' | 'action' | 'indicator';

interface FrameProps {
  ctx: PageContext;
  strategy: { slug: string; title: string };
  kind: PartFormKind;
  /** Editing an existing part: its title (for the heading) and the delete action. */
  editing: { title: string; deleteAction: string } | null;
  action: string;
  form: FormState;
  back?: { href: string; label: string };
  children: JSX.Element | JSX.Element[];
}

function PartFrame({ ctx, strategy, kind, editing, action, form, back, children }: FrameProps): JSX.Element {
  const { t } = ctx;
  const title = editing ? t(`strategy.form.${kind}.edit`, { title: editing.title }) : t(`strategy.form.${kind}.new`);
  return (
    <Layout ctx={ctx} title={`${title} – ${strategy.title}`}>
      <Back href={back?.href ?? strategyHref(strategy.slug)} label={back?.label ?? t('strategy.backToStrategy')} />
      <p class="kicker" safe>
        {strategy.title}
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {children as 'safe'}
        <button type="submit" safe>
          {t('form.save')}
        </button>
      </form>
      {editing ? (
        <section aria-labelledby="remove-title">
          <h2 id="remove-title" safe>
            {t('strategy.form.remove')}
          </h2>
          <p class="hint" safe>
            {t(`strategy.form.${kind}.removeHint`)}
          </p>
          <DeleteButton ctx={ctx} action={editing.deleteAction} label={t('strategy.form.removeSubmit', { title: editing.title })} />
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

type Common = Omit<FrameProps, 'kind' | 'children'>;

export function ElementFormPage(props: Common): JSX.Element {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <PartFrame {...props} kind="element">
      <SelectField name="kind" label={t('strategy.element.kind')} form={form} t={t} required options={ELEMENT_KINDS.map((k) => ({ value: k, label: t(`strategy.element.${k}`) }))} />
      <TextField name="title" label={t('strategy.field.title')} form={form} t={t} required maxlength={500} />
      <TextArea name="description" label={t('strategy.field.description')} form={form} t={t} rows={5} />
      <TextField name="position" type="number" inputmode="numeric" label={t('strategy.field.position')} hint={t('strategy.field.positionHint')} form={form} t={t} />
    </PartFrame>
  );
}

export function FocusAreaFormPage(props: Common): JSX.Element {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <PartFrame {...props} kind="focusArea">
      <TextField name="title" label={t('strategy.field.title')} form={form} t={t} required maxlength={500} />
      <TextArea name="description" label={t('strategy.field.description')} form={form} t={t} rows={5} />
      <TextField name="position" type="number" inputmode="numeric" label={t('strategy.field.position')} hint={t('strategy.field.positionHint')} form={form} t={t} />
    </PartFrame>
  );
}

const bodyOptions = (bodies: BodyName[]) => bodies.map((b) => ({ value: b.id, label: b.name }));

export function GoalFormPage(props: Common & { bodies: BodyName[]; focusAreas: FocusAreaDoc[] }): JSX.Element {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <PartFrame {...props} kind="goal">
      <TextField name="title" label={t('strategy.field.title')} hint={t('strategy.goal.titleHint')} form={form} t={t} required maxlength={500} />
      <TextArea name="description" label={t('strategy.field.description')} form={form} t={t} rows={4} />
      <CheckboxGroup name="dimensions" legend={t('strategy.goal.dimensions')} hint={t('strategy.goal.dimensionsHint')} form={form} options={DIMENSIONS.map((d) => ({ value: d, label: t(`strategy.dimension.${d}`) }))} />
      <SelectField name="ownerBodyId" label={t('strategy.goal.owner')} form={form} t={t} options={bodyOptions(props.bodies)} emptyLabel={t('strategy.noOwner')} />
      <SelectField
        name="focusAreaId"
        label={t('strategy.goal.focusArea')}
        form={form}
        t={t}
        options={props.focusAreas.map((f, n) => ({ value: f.id, label: `${n + 1}. ${f.title}` }))}
        emptyLabel={t('strategy.goal.noFocusArea')}
      />
      <TextField name="position" type="number" inputmode="numeric" label={t('strategy.field.position')} hint={t('strategy.field.positionHint')} form={form} t={t} />
    </PartFrame>
  );
}

export function ActionFormPage(props: Common & { bodies: BodyName[]; focusAreas: FocusAreaDoc[]; goals: GoalDoc[] }): JSX.Element {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <PartFrame {...props} kind="action">
      <TextField name="title" label={t('strategy.field.title')} form={form} t={t} required maxlength={500} />
      <TextArea name="description" label={t('strategy.field.description')} form={form} t={t} rows={4} />
      <SelectField name="goalId" label={t('strategy.action.goal')} form={form} t={t} options={props.goals.map((g) => ({ value: g.id, label: g.title }))} emptyLabel={t('strategy.action.noGoal')} />
      <SelectField
        name="focusAreaId"
        label={t('strategy.goal.focusArea')}
        hint={t('strategy.action.focusAreaHint')}
        form={form}
        t={t}
        options={props.focusAreas.map((f, n) => ({ value: f.id, label: `${n + 1}. ${f.title}` }))}
        emptyLabel={t('strategy.goal.noFocusArea')}
      />
      <SelectField name="ownerBodyId" label={t('strategy.action.owner')} form={form} t={t} options={bodyOptions(props.bodies)} emptyLabel={t('strategy.noOwner')} />
      <TextField name="dueDate" type="date" label={t('strategy.action.dueDate')} form={form} t={t} />
      <TextField name="position" type="number" inputmode="numeric" label={t('strategy.field.position')} hint={t('strategy.field.positionHint')} form={form} t={t} />
    </PartFrame>
  );
}

export function IndicatorFormPage(props: Common & { bodies: BodyName[]; goals: GoalDoc[] }): JSX.Element {
  const { ctx, form } = props;
  const { t } = ctx;
  const examples = PERIODICITIES.map((p) => `${t(`strategy.periodicity.${p}`)} ${PERIOD_EXAMPLES[p]}`).join(', ');
  return (
    <PartFrame {...props} kind="indicator">
      <SelectField name="goalId" label={t('strategy.indicator.goal')} form={form} t={t} required options={props.goals.map((g) => ({ value: g.id, label: g.title }))} />
      <TextField name="name" label={t('strategy.indicator.name')} form={form} t={t} required maxlength={500} />
      <TextArea name="description" label={t('strategy.field.description')} hint={t('strategy.indicator.descriptionHint')} form={form} t={t} rows={3} />
      <TextField name="unit" label={t('strategy.indicator.unit')} hint={t('strategy.indicator.unitHint')} form={form} t={t} maxlength={40} />
      <SelectField name="periodicity" label={t('strategy.indicator.periodicity')} hint={t('strategy.indicator.periodicityHint', { examples })} form={form} t={t} required options={PERIODICITIES.map((p) => ({ value: p, label: t(`strategy.periodicity.${p}`) }))} />
      <SelectField name="direction" label={t('strategy.indicator.direction')} form={form} t={t} required options={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`strategy.direction.${d}`) }))} />
      <TextField name="baseline" inputmode="decimal" label={t('strategy.indicator.baseline')} form={form} t={t} maxlength={30} />
      <TextField name="baselinePeriod" label={t('strategy.indicator.baselinePeriod')} form={form} t={t} maxlength={20} />
      <TextField name="target" inputmode="decimal" label={t('strategy.indicator.target')} hint={t('strategy.indicator.targetHint')} form={form} t={t} maxlength={30} />
      <TextField name="targetPeriod" label={t('strategy.indicator.targetPeriod')} form={form} t={t} maxlength={20} />
      <TextField name="source" label={t('strategy.indicator.source')} hint={t('strategy.indicator.sourceHint')} form={form} t={t} maxlength={500} />
      <SelectField name="ownerBodyId" label={t('strategy.indicator.owner')} hint={t('strategy.indicator.ownerHint')} form={form} t={t} options={bodyOptions(props.bodies)} emptyLabel={t('strategy.noOwner')} />
    </PartFrame>
  );
}
