import { CsrfField, ErrorSummary, TextField } from '../../views/components.js';
import type { FormState, PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';

export function LoginPage({ ctx, form, next }: { ctx: PageContext; form: FormState; next: string }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('auth.login.title')}>
      <h1 safe>{t('auth.login.title')}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action="/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField name="username" label={t('auth.login.username')} form={form} t={t} required autocomplete="username" maxlength={64} />
        <TextField name="password" label={t('auth.login.password')} form={form} t={t} required type="password" autocomplete="current-password" />
        <button type="submit" safe>
          {t('auth.login.submit')}
        </button>
      </form>
    </Layout>
  );
}
