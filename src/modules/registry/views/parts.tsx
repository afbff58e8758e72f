import { formatDate, type Translate } from '../../../core/i18n.js';
import { SelectField, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { formatBytes } from '../commands/add-attachment.js';
import type { RegistryEntry } from '../queries.js';
import { CASE_STATUSES, DOCUMENT_DIRECTIONS, DOCUMENT_KINDS } from '../schema.js';

export const kindLabel = (t: Translate, kind: string | null) => (kind ? t(`registry.kind.${kind}`) : t('registry.entry.case'));
export const directionLabel = (t: Translate, direction: string | null) => (direction ? t(`registry.direction.${direction}`) : '');
export const kindOptions = (t: Translate) => DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`registry.kind.${k}`) }));
export const directionOptions = (t: Translate) => DOCUMENT_DIRECTIONS.map((d) => ({ value: d, label: t(`registry.direction.${d}`) }));
export const statusOptions = (t: Translate) => CASE_STATUSES.map((s) => ({ value: s, label: t(`registry.case.status.${s}`) }));
export const sizeLabel = formatBytes;

export function DateText({ ctx, value }: { ctx: PageContext; value: string | Date }): JSX.Element {
  const iso = typeof value === 'string' ? value : value.toISOString();
  return (
    <time datetime={iso} safe>
      {formatDate(ctx.locale, value)}
    </time>
  );
}

/** What replaces a secret subject: plain text, so screen readers announce it like any title. */
export function restrictedText(t: Translate, ground: string | null): string {
  return ground ? t('registry.restricted.ground', { ground }) : t('registry.restricted');
}

export function Restricted({ t, ground }: { t: Translate; ground: string | null }): JSX.Element {
  return (
    <span class="secret" safe>
      {restrictedText(t, ground)}
    </span>
  );
}

export const classificationText = (t: Translate, c: { confidentiality: number; integrity: number; availability: number }) =>
  t('registry.classification.short', { k: c.confidentiality, r: c.integrity, t: c.availability });

export const documentHref = (id: string) => `/registry/documents/${id}`;
export const caseHref = (id: string) => `/registry/cases/${id}`;

/** The registry list table; restricted entries keep date, number, kind and body. */
export function EntryTable({
  ctx,
  entries,
  caption,
  showBody = true,
}: {
  ctx: PageContext;
  entries: RegistryEntry[];
  caption: string;
  showBody?: boolean;
}): JSX.Element {
  const { t } = ctx;
  return (
    <table>
      <caption safe>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('registry.col.date')}</th>
          <th scope="col" safe>{t('registry.col.number')}</th>
          <th scope="col" safe>{t('registry.col.documentNumber')}</th>
          <th scope="col" safe>{t('registry.col.kind')}</th>
          {showBody ? (
            <th scope="col" safe>
              {t('registry.col.body')}
            </th>
          ) : (
            ''
          )}
          <th scope="col" safe>{t('registry.col.title')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const href = e.documentId ? documentHref(e.documentId) : caseHref(e.caseId);
          return (
            <tr>
              <td>
                <DateText ctx={ctx} value={e.entryDate} />
              </td>
              <td>
                <a href={caseHref(e.caseId)} safe>
                  {e.registryNumber}
                </a>
              </td>
              <td safe>{e.documentNumber === null ? t('common.none') : String(e.documentNumber)}</td>
              <td safe>{kindLabel(t, e.kind)}</td>
              {showBody ? <td safe>{e.bodyName}</td> : ''}
              <td>
                {e.restricted ? (
                  <a href={href} class="secret" safe>
                    {restrictedText(t, e.secrecyGround)}
                  </a>
                ) : (
                  <a href={href} safe>
                    {e.title ?? ''}
                  </a>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** K, R and T as three selects with the meaning of each level spelled out. */
export function ClassificationFields({
  form,
  t,
  prefix = 'classification.',
  secrecyGround = false,
}: {
  form: FormState;
  t: Translate;
  prefix?: string;
  secrecyGround?: boolean;
}): JSX.Element {
  const levels = (dimension: 'k' | 'r' | 't') =>
    [0, 1, 2, 3, 4].map((n) => ({ value: String(n), label: t(n === 0 && dimension === 'k' ? 'registry.level.0.k' : `registry.level.${n}`) }));
  const withDefault: FormState = {
    errors: form.errors,
    values: {
      [`${prefix}confidentiality`]: '0',
      [`${prefix}integrity`]: '0',
      [`${prefix}availability`]: '0',
      ...form.values,
    },
  };
  return (
    <fieldset>
      <legend safe>{t('registry.classification')}</legend>
      <p class="hint" safe>{t('registry.classification.hint')}</p>
      <SelectField name={`${prefix}confidentiality`} label={t('registry.classification.confidentiality')} form={withDefault} t={t} options={levels('k')} />
      <SelectField name={`${prefix}integrity`} label={t('registry.classification.integrity')} form={withDefault} t={t} options={levels('r')} />
      <SelectField name={`${prefix}availability`} label={t('registry.classification.availability')} form={withDefault} t={t} options={levels('t')} />
      {secrecyGround ? (
        <TextField
          name="secrecyGround"
          label={t('registry.document.secrecyGround')}
          hint={t('registry.document.secrecyGroundHint')}
          form={form}
          t={t}
          maxlength={200}
        />
      ) : (
        ''
      )}
    </fieldset>
  );
}

/** A file input framed like the shared fields (label, hint, error, aria-describedby). */
export function FileField({ name, label, hint, form }: { name: string; label: string; hint: string; form: FormState }): JSX.Element {
  const id = `f-${name}`;
  const errors = form.errors[name] ?? [];
  return (
    <div class={errors.length ? 'field field-error' : 'field'}>
      <label for={id} safe>
        {label}
      </label>
      <p class="hint" id={`${id}-hint`} safe>
        {hint}
      </p>
      {errors.map((e) => (
        <p class="error-message" id={`${id}-error`} safe>
          {e}
        </p>
      ))}
      <input
        id={id}
        name={name}
        type="file"
        aria-describedby={errors.length ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={errors.length ? 'true' : undefined}
      />
    </div>
  );
}
