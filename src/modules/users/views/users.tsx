import { CsrfField, ErrorSummary, Pager, SelectField, TextField, type PageInfo } from '../../../views/components.js';
import { emptyForm, type FormState, type PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { formatDateTime, grantsLabel, type BodyNames } from '../presenters.js';
import type { Account } from '../queries.js';
import type { BodyOption } from '../repository.js';
import { AdminNav, LOCALE_OPTIONS, RolesFieldset } from './parts.js';

function statusLabel(ctx: PageContext, account: Account, now: Date): string {
  const { user } = account;
  if (!user.active) return ctx.t('users.status.inactive');
  if (user.lockedUntil && user.lockedUntil > now) return ctx.t('users.status.locked', { time: formatDateTime(ctx.locale, user.lockedUntil) });
  return ctx.t('users.status.active');
}

export function UsersListPage(props: {
  ctx: PageContext;
  items: Account[];
  info: PageInfo;
  q: string | undefined;
  bodyNames: BodyNames;
  now: Date;
}): JSX.Element {
  const { ctx, items, info, q, bodyNames, now } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.title')}>
      <AdminNav ctx={ctx} current="users" />
      <h1 safe>{t('users.title')}</h1>
      <p>
        <a class="button" href="/admin/users/new" safe>
          {t('users.new')}
        </a>
      </p>
      <form method="get" action="/admin/users" role="search">
        <div class="field">
          <label for="f-q" safe>
            {t('users.search.label')}
          </label>
          <p class="hint" id="f-q-hint" safe>
            {t('users.search.hint')}
          </p>
          <input type="search" id="f-q" name="q" value={q ?? ''} maxlength="200" aria-describedby="f-q-hint" />
        </div>
        <button type="submit" safe>
          {t('common.search')}
        </button>
      </form>
      {q ? (
        <p role="status" safe>
          {t('users.search.results', { total: info.total, q })}
        </p>
      ) : (
        ''
      )}
      {items.length === 0 ? (
        <p safe>{t('users.empty')}</p>
      ) : (
        <table>
          <caption safe>{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('users.col.username')}
              </th>
              <th scope="col" safe>
                {t('users.col.name')}
              </th>
              <th scope="col" safe>
                {t('users.col.email')}
              </th>
              <th scope="col" safe>
                {t('users.col.roles')}
              </th>
              <th scope="col" safe>
                {t('users.col.status')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/users/${a.user.id}`} safe>
                    {a.user.username}
                  </a>
                </th>
                <td safe>{a.user.displayName}</td>
                <td safe>{a.user.email ?? t('common.none')}</td>
                <td safe>{grantsLabel(a.roles, t, bodyNames)}</td>
                <td safe>{statusLabel(ctx, a, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager info={info} baseUrl={ctx.path} t={t} />
    </Layout>
  );
}

function PasswordField({ ctx, form, name, label }: { ctx: PageContext; form: FormState; name: string; label: string }): JSX.Element {
  return (
    <TextField
      name={name}
      label={label}
      hint={ctx.t('users.password.hint')}
      form={form}
      t={ctx.t}
      required
      type="password"
      autocomplete="new-password"
      maxlength={1024}
    />
  );
}

export function NewUserPage({ ctx, form, bodies }: { ctx: PageContext; form: FormState; bodies: BodyOption[] }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.new')}>
      <AdminNav ctx={ctx} current="users" />
      <h1 safe>{t('users.new')}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action="/admin/users" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="username"
          label={t('users.field.username')}
          hint={t('users.field.usernameHint')}
          form={form}
          t={t}
          required
          autocomplete="off"
          maxlength={64}
        />
        <TextField name="displayName" label={t('users.field.displayName')} form={form} t={t} required autocomplete="off" maxlength={200} />
        <TextField name="email" label={t('users.field.email')} form={form} t={t} type="email" autocomplete="off" maxlength={320} />
        <SelectField name="locale" label={t('users.field.locale')} form={form} t={t} options={LOCALE_OPTIONS(t)} />
        <PasswordField ctx={ctx} form={form} name="password" label={t('users.field.initialPassword')} />
        <RolesFieldset form={form} t={t} bodies={bodies} />
        <div class="actions">
          <button type="submit" safe>
            {t('common.create')}
          </button>
          <a href="/admin/users" safe>
            {t('form.cancel')}
          </a>
        </div>
      </form>
    </Layout>
  );
}

export interface EditForms {
  details: FormState;
  password?: FormState;
  status?: FormState;
}

export function EditUserPage(props: {
  ctx: PageContext;
  account: Account;
  bodies: BodyOption[];
  forms: EditForms;
  now: Date;
}): JSX.Element {
  const { ctx, account, bodies, forms, now } = props;
  const { t } = ctx;
  const { user } = account;
  const base = `/admin/users/${user.id}`;
  const password = forms.password ?? emptyForm();
  const status = forms.status ?? emptyForm();
  const allErrors = { ...forms.details.errors, ...password.errors, ...status.errors };
  const statusErrors = status.errors.active ?? [];
  const title = t('users.edit.title', { username: user.username });
  const bodyNames = new Map(bodies.map((b) => [b.id, b.name]));
  return (
    <Layout ctx={ctx} title={title}>
      <AdminNav ctx={ctx} current="users" />
      <h1 safe>{title}</h1>
      <ErrorSummary errors={allErrors} t={t} />
      <dl class="meta">
        <dt safe>{t('users.field.username')}</dt>
        <dd safe>{user.username}</dd>
        <dt safe>{t('users.col.status')}</dt>
        <dd safe>{statusLabel(ctx, account, now)}</dd>
        <dt safe>{t('users.col.roles')}</dt>
        <dd safe>{grantsLabel(account.roles, t, bodyNames)}</dd>
        <dt safe>{t('users.edit.created')}</dt>
        <dd>
          <time datetime={user.createdAt.toISOString()} safe>
            {formatDateTime(ctx.locale, user.createdAt)}
          </time>
        </dd>
      </dl>
      <p>
        <a href={`/admin/audit?subjectType=user&subjectId=${user.id}`} safe>
          {t('users.edit.history')}
        </a>
      </p>

      <h2 safe>{t('users.edit.details')}</h2>
      <form method="post" action={base} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="displayName" label={t('users.field.displayName')} form={forms.details} t={t} required autocomplete="off" maxlength={200} />
        <TextField name="email" label={t('users.field.email')} form={forms.details} t={t} type="email" autocomplete="off" maxlength={320} />
        <SelectField name="locale" label={t('users.field.locale')} form={forms.details} t={t} options={LOCALE_OPTIONS(t)} />
        <RolesFieldset form={forms.details} t={t} bodies={bodies} />
        <button type="submit" safe>
          {t('form.save')}
        </button>
      </form>

      <h2 safe>{t('users.reset.heading')}</h2>
      <p safe>{t('users.reset.intro')}</p>
      <form method="post" action={`${base}/password`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <PasswordField ctx={ctx} form={password} name="password" label={t('users.field.newPassword')} />
        <button type="submit" safe>
          {t('users.reset.submit')}
        </button>
      </form>

      <h2 safe>{t('users.status.heading')}</h2>
      <p safe>{t(user.active ? 'users.status.deactivateIntro' : 'users.status.activateIntro')}</p>
      <form method="post" action={`${base}/active`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
        {statusErrors.map((m) => (
          <p class="error-message" id="f-active-error" safe>
            {m}
          </p>
        ))}
        <button
          type="submit"
          id="f-active"
          class={user.active ? 'secondary' : undefined}
          aria-describedby={statusErrors.length ? 'f-active-error' : undefined}
          safe
        >
          {t(user.active ? 'users.status.deactivate' : 'users.status.activate')}
        </button>
      </form>
    </Layout>
  );
}
