import type { FieldErrors } from '../core/errors.js';
import type { Translate } from '../core/i18n.js';
import type { FormState } from './context.js';

const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** GOV.UK-style error summary: focusable, linked to each field, announced by screen readers. */
export function ErrorSummary({ errors, t }: { errors: FieldErrors; t: Translate }): JSX.Element {
  const entries = Object.entries(errors).filter(([, msgs]) => msgs.length > 0);
  if (entries.length === 0) return '';
  const count = entries.reduce((n, [, msgs]) => n + msgs.length, 0);
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" safe>{t('error.summaryTitle', { count })}</h2>
      <ul>
        {entries.flatMap(([name, msgs]) =>
          msgs.map((m) => (
            <li>
              {name === '_' ? (
                <span safe>{m}</span>
              ) : (
                <a href={`#${fieldId(name)}`} safe>
                  {m}
                </a>
              )}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string }): JSX.Element {
  return <input type="hidden" name="_csrf" value={token} />;
}

interface FieldBase {
  name: string;
  label: string;
  form: FormState;
  t: Translate;
  hint?: string;
  required?: boolean;
}

function FieldFrame(props: FieldBase & { children: JSX.Element }): JSX.Element {
  const id = fieldId(props.name);
  const errors = props.form.errors[props.name] ?? [];
  return (
    <div class={errors.length ? 'field field-error' : 'field'}>
      <label for={id}>
        <span safe>{props.label}</span>
        {props.required ? <span class="req" safe>{` ${props.t('form.required')}`}</span> : ''}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {errors.map((e) => (
        <p class="error-message" id={`${id}-error`} safe>
          {e}
        </p>
      ))}
      {props.children as 'safe'}
    </div>
  );
}

function describedBy(props: FieldBase): string | undefined {
  const id = fieldId(props.name);
  const parts = [props.hint ? `${id}-hint` : '', props.form.errors[props.name]?.length ? `${id}-error` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

const valueOf = (form: FormState, name: string): string => {
  const v = form.values[name];
  return v === undefined || v === null ? '' : String(v);
};

/**
 * kitajs escapes `"` in attributes but not `&`, so a typed "&amp;" would come back as "&".
 * Escape the ampersand ourselves for attribute values that echo user input.
 */
export const attrValue = (v: string): string => v.replace(/&/g, '&amp;');

export function TextField(
  props: FieldBase & { type?: string; autocomplete?: string; maxlength?: number; inputmode?: string },
): JSX.Element {
  const id = fieldId(props.name);
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? '' : attrValue(valueOf(props.form, props.name))}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)}
        inputmode={props.inputmode}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name]?.length ? 'true' : undefined}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldBase & { rows?: number }): JSX.Element {
  const id = fieldId(props.name);
  return (
    <FieldFrame {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={String(props.rows ?? 5)}
        required={props.required}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name]?.length ? 'true' : undefined}
        safe
      >
        {valueOf(props.form, props.name)}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldBase & { options: Array<{ value: string; label: string }>; emptyLabel?: string },
): JSX.Element {
  const id = fieldId(props.name);
  const current = valueOf(props.form, props.name);
  return (
    <FieldFrame {...props}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-describedby={describedBy(props)}
        aria-invalid={props.form.errors[props.name]?.length ? 'true' : undefined}
      >
        {props.emptyLabel !== undefined ? (
          <option value="" safe>
            {props.emptyLabel}
          </option>
        ) : (
          ''
        )}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current} safe>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
}

/** Numbered paging with previous/next links that keep the other query parameters. */
export function Pager({ info, baseUrl, t }: { info: PageInfo; baseUrl: string; t: Translate }): JSX.Element {
  const pages = Math.max(1, Math.ceil(info.total / info.pageSize));
  const href = (p: number) => {
    const url = new URL(baseUrl, 'http://x');
    url.searchParams.set('page', String(p));
    return url.pathname + url.search;
  };
  return (
    <nav class="pager" aria-label={t('paging.label')}>
      <p safe>{t('paging.status', { page: info.page, pages, total: info.total })}</p>
      <ul>
        {info.page > 1 ? (
          <li>
            <a href={href(info.page - 1)} rel="prev" safe>
              {t('paging.previous')}
            </a>
          </li>
        ) : (
          ''
        )}
        {info.page < pages ? (
          <li>
            <a href={href(info.page + 1)} rel="next" safe>
              {t('paging.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
