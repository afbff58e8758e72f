import { CsrfField, ErrorSummary, SelectField, TextField } from '../../../views/components.js';
import { emptyForm, type FormState, type PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { grantsLabel, type BodyNames } from '../presenters.js';
import type { Account } from '../queries.js';
import { LOCALE_OPTIONS } from './parts.js';

export function AccountPage(props: {
  ctx: PageContext;
  account: Account;
  bodyNames: BodyNames;
  profile: FormState;
  password?: FormState;
}): JSX.Element {
  const { ctx, account, bodyNames, profile } = props;
  const password = props.password ?? emptyForm();
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.account.title')}>
      <h1 safe>{t('users.account.title')}</h1>
      <ErrorSummary errors={{ ...profile.errors, ...password.errors }} t={t} />
      <dl class="meta">
        <dt safe>{t('users.account.username')}</dt>
        <dd safe>{account.user.username}</dd>
        <dt safe>{t('users.account.roles')}</dt>
        <dd safe>{grantsLabel(account.roles, t, bodyNames)}</dd>
      </dl>

      <h2 safe>{t('users.account.profile')}</h2>
      <form method="post" action="/account" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="displayName" label={t('users.field.displayName')} form={profile} t={t} required autocomplete="name" maxlength={200} />
        <SelectField
          name="locale"
          label={t('users.field.locale')}
          hint={t('users.account.localeHint')}
          form={profile}
          t={t}
          options={LOCALE_OPTIONS(t)}
        />
        <button type="submit" safe>
          {t('form.save')}
        </button>
      </form>

      <h2 safe>{t('users.account.password.heading')}</h2>
      <p safe>{t('users.account.password.intro')}</p>
      <form method="post" action="/account/password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="text" name="username" value={account.user.username} autocomplete="username" hidden />
        <TextField
          name="currentPassword"
          label={t('users.account.password.current')}
          form={password}
          t={t}
          required
          type="password"
          autocomplete="current-password"
          maxlength={1024}
        />
        <TextField
          name="newPassword"
          label={t('users.account.password.new')}
          hint={t('users.password.hint')}
          form={password}
          t={t}
          required
          type="password"
          autocomplete="new-password"
          maxlength={1024}
        />
        <button type="submit" safe>
          {t('users.account.password.submit')}
        </button>
      </form>
    </Layout>
  );
}
