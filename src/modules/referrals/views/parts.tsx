import { formatDate, type Translate } from '../../../core/i18n.js';
import type { FormState, PageContext } from '../../../views/context.js';
import type { BodyChoice } from '../repository.js';
import type { RecipientStatus, ReferralStatus, Stance } from '../schema.js';

export const statusLabel = (t: Translate, s: RecipientStatus | 'late') => t(`referrals.status.${s}`);
export const referralStatusLabel = (t: Translate, s: ReferralStatus) => t(`referrals.referralStatus.${s}`);
export const stanceLabel = (t: Translate, s: Stance | null) => (s ? t(`referrals.stance.${s}`) : '');
export const bodyKindLabel = (t: Translate, k: string) => t(`referrals.bodyKind.${k}`);
export const bodyKindsLabel = (t: Translate, k: string) => t(`referrals.bodyKinds.${k}`);
export const warningLabel = (t: Translate, w: string) => t(`referrals.warning.${w}`);

export const referralHref = (id: string) => `/referrals/${id}`;
export const recipientHref = (referralId: string, recipientId: string) => `/referrals/${referralId}/recipients/${recipientId}`;
export const caseHref = (id: string) => `/registry/cases/${id}`;
export const documentHref = (id: string) => `/registry/documents/${id}`;

/** Same ids as the shared form components, so the error summary's links land on the field. */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function DateText({ ctx, value }: { ctx: PageContext; value: string | Date | null | undefined }): JSX.Element {
  if (!value) return <span safe>{ctx.t('common.none')}</span>;
  const iso = typeof value === 'string' ? value : value.toISOString();
  return (
    <time datetime={iso} safe>
      {formatDate(ctx.locale, value)}
    </time>
  );
}

const selectedValues = (form: FormState, name: string): string[] => {
  const v = form.values[name];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
};

function Errors({ form, name }: { form: FormState; name: string }): JSX.Element {
  return (
    <>
      {(form.errors[name] ?? []).map((e) => (
        <p class="error-message" id={`${fieldId(name)}-error`} safe>
          {e}
        </p>
      ))}
    </>
  );
}

/** Checkboxes (or radio buttons) in a fieldset with a legend, a hint and the field's errors. */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  options: Array<{ value: string; label: string }>;
  form: FormState;
  type?: 'checkbox' | 'radio';
  hint?: string;
  required?: boolean;
  t: Translate;
  idSuffix?: string;
}): JSX.Element {
  const id = fieldId(props.idSuffix ? `${props.name}-${props.idSuffix}` : props.name);
  const chosen = selectedValues(props.form, props.name);
  const hasErrors = (props.form.errors[props.name] ?? []).length > 0;
  return (
    <fieldset id={id} class={hasErrors ? 'field-error' : undefined} aria-describedby={props.hint ? `${id}-hint` : undefined}>
      <legend>
        <span safe>{props.legend}</span>
        {props.required ? <span class="req" safe>{` ${props.t('form.required')}`}</span> : ''}
      </legend>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {props.idSuffix ? '' : <Errors form={props.form} name={props.name} />}
      {props.options.map((o, i) => (
        <div>
          <input type={props.type ?? 'checkbox'} id={`${id}-${i}`} name={props.name} value={o.value} checked={chosen.includes(o.value)} />{' '}
          <label for={`${id}-${i}`} safe>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Recipient bodies as checkboxes, one fieldset per body kind. */
export function BodyCheckboxes({
  name,
  legend,
  hint,
  bodies,
  form,
  t,
  exclude,
}: {
  name: string;
  legend: string;
  hint?: string;
  bodies: BodyChoice[];
  form: FormState;
  t: Translate;
  exclude?: string | undefined;
}): JSX.Element {
  const kinds = [...new Set(bodies.map((b) => b.kind))];
  const errors = form.errors[name] ?? [];
  return (
    <fieldset id={fieldId(name)} class={errors.length ? 'field-error' : undefined}>
      <legend safe>{legend}</legend>
      {hint ? <p class="hint" safe>{hint}</p> : ''}
      <Errors form={form} name={name} />
      {kinds.map((kind) => {
        const options = bodies.filter((b) => b.kind === kind && b.id !== exclude).map((b) => ({ value: b.id, label: b.name }));
        return options.length ? <ChoiceGroup name={name} idSuffix={kind} legend={bodyKindsLabel(t, kind)} options={options} form={form} t={t} /> : '';
      })}
    </fieldset>
  );
}

export function FileInput({ name, label, hint, form, multiple }: { name: string; label: string; hint: string; form: FormState; multiple?: boolean }): JSX.Element {
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  return (
    <div class={errors.length ? 'field field-error' : 'field'}>
      <label for={id} safe>
        {label}
      </label>
      <p class="hint" id={`${id}-hint`} safe>
        {hint}
      </p>
      <Errors form={form} name={name} />
      <input type="file" id={id} name={name} multiple={multiple} aria-describedby={`${id}-hint`} aria-invalid={errors.length ? 'true' : undefined} />
    </div>
  );
}

/** The status of one recipient, with the late flag beside it. */
export function StatusText({ t, status, late }: { t: Translate; status: RecipientStatus; late: boolean }): JSX.Element {
  return (
    <>
      <span safe>{statusLabel(t, status)}</span>
      {late ? (
        <>
          {' '}
          <strong class="tag" safe>
            {t('referrals.late')}
          </strong>
        </>
      ) : (
        ''
      )}
    </>
  );
}

export const warningsText = (t: Translate, warnings: readonly string[]) => warnings.map((w) => warningLabel(t, w)).join(' ');
