import { can } from '../../../access/index.js';
import { ROLES } from '../../../auth/index.js';
import type { Translate } from '../../../core/i18n.js';
import { asArray } from '../../../http/forms.js';
import type { FormState, PageContext } from '../../../views/context.js';
import type { BodyOption } from '../repository.js';
import { bodiesField, cityField } from '../http/role-form.js';

/** Links between the administration pages, shown above their h1. */
export function AdminNav({ ctx, current }: { ctx: PageContext; current: 'users' | 'audit' }): JSX.Element {
  const { t } = ctx;
  const items = [
    { key: 'users' as const, href: '/admin/users', label: t('users.title'), permission: 'user.manage' },
    { key: 'audit' as const, href: '/admin/audit', label: t('users.audit.title'), permission: 'audit.read' },
  ].filter((i) => can(ctx.actor, i.permission));
  return (
    <nav class="admin-nav actions" aria-label={t('users.adminNav')}>
      {items.map((i) => (
        <a href={i.href} aria-current={i.key === current ? 'page' : undefined} safe>
          {i.label}
        </a>
      ))}
    </nav>
  );
}

function FieldErrorsList({ messages, id }: { messages: string[]; id?: string }): JSX.Element {
  return (
    <>
      {messages.map((m) => (
        <p class="error-message" id={id} safe>
          {m}
        </p>
      ))}
    </>
  );
}

/**
 * Roles as a fieldset: for each role a "whole city" checkbox and a multi-select of bodies.
 * Values and errors use the `city_<role>` / `bodies_<role>` names of http/role-form.ts.
 */
export function RolesFieldset({ form, t, bodies }: { form: FormState; t: Translate; bodies: BodyOption[] }): JSX.Element {
  const general = form.errors.roles ?? [];
  return (
    <fieldset id="f-roles" class={general.length ? 'roles field-error' : 'roles'} aria-describedby="f-roles-hint">
      <legend safe>{t('users.roles.legend')}</legend>
      <p class="hint" id="f-roles-hint" safe>
        {t('users.roles.hint')}
      </p>
      {bodies.length === 0 ? (
        <p class="hint" safe>
          {t('users.roles.noBodies')}
        </p>
      ) : (
        ''
      )}
      <FieldErrorsList messages={general} />
      {ROLES.map((role) => {
        const city = cityField(role);
        const many = bodiesField(role);
        const selected = new Set(asArray(form.values[many] as string | string[] | undefined));
        const cityErrors = form.errors[city] ?? [];
        const bodyErrors = form.errors[many] ?? [];
        return (
          <fieldset class={cityErrors.length || bodyErrors.length ? 'role field-error' : 'role'}>
            <legend safe>{t(`role.${role}`)}</legend>
            <div class="checkbox">
              <FieldErrorsList messages={cityErrors} id={`f-${city}-error`} />
              <input
                type="checkbox"
                id={`f-${city}`}
                name={city}
                value="1"
                checked={form.values[city] !== undefined}
                aria-describedby={cityErrors.length ? `f-${city}-error` : undefined}
              />{' '}
              <label for={`f-${city}`} safe>
                {t('users.roles.wholeCity')}
              </label>
            </div>
            {bodies.length ? (
              <div class="field">
                <label for={`f-${many}`} safe>
                  {t('users.roles.bodies')}
                </label>
                <p class="hint" id={`f-${many}-hint`} safe>
                  {t('users.roles.bodiesHint')}
                </p>
                <FieldErrorsList messages={bodyErrors} id={`f-${many}-error`} />
                <select
                  id={`f-${many}`}
                  name={many}
                  multiple="multiple"
                  size={String(Math.min(6, Math.max(2, bodies.length)))}
                  aria-describedby={bodyErrors.length ? `f-${many}-hint f-${many}-error` : `f-${many}-hint`}
                  aria-invalid={bodyErrors.length ? 'true' : undefined}
                >
                  {bodies.map((b) => (
                    <option value={b.id} selected={selected.has(b.id)} safe>
                      {b.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              ''
            )}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

export const LOCALE_OPTIONS = (t: Translate) => [
  { value: 'sv', label: t('users.locale.sv') },
  { value: 'en', label: t('users.locale.en') },
];
