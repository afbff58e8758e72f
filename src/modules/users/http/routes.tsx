import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createUserInput, updateUserInput } from '../../../auth/index.js';
import { Invalid, type FieldErrors } from '../../../core/errors.js';
import { translator } from '../../../core/i18n.js';
import { blankToUndefined, formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import type { App, AppDeps } from '../../../http/types.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { changeOwnPassword } from '../commands/change-own-password.js';
import { createAccount } from '../commands/create-account.js';
import { updateAccount } from '../commands/update-account.js';
import { updateOwnProfile } from '../commands/update-own-profile.js';
import { presentAccount, presentAuditEntry, presentVerifyResult } from '../presenters.js';
import { getAccount, getOwnAccount, listAccounts, listAuditEntries, listRoleBodies, verifyChain, type Account } from '../queries.js';
import type { AuditFilter } from '../repository.js';
import { AccountPage } from '../views/account.js';
import { AuditPage } from '../views/audit.js';
import { EditUserPage, NewUserPage, UsersListPage, type EditForms } from '../views/users.js';
import { roleErrorsOnControls, rolesFromForm, rolesToFormValues } from './role-form.js';
import {
  accountListSchema,
  accountSchema,
  auditListQuery,
  auditListSchema,
  idParams,
  itemErrors,
  readErrors,
  userListQuery,
  verifyBody,
  verifyResultSchema,
  writeErrors,
} from './schemas.js';

const SESSION = [{ session: [] }];
const SESSION_CSRF = [{ session: [], csrf: [] }];
const USERS_PAGE_SIZE = 25;
const AUDIT_PAGE_SIZE = 50;

type FormValues = Record<string, string | string[] | undefined>;
/** A field posted twice by a crafted request counts once. */
const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** Blank required form fields get a plain "fill in …" message instead of a schema message. */
function requireFields(values: FormValues, required: Record<string, string>): void {
  const fields: FieldErrors = {};
  for (const [name, key] of Object.entries(required)) if (first(values[name]) === undefined) fields[name] = [key];
  if (Object.keys(fields).length) throw new Invalid(fields);
}

/** Page query values: blank means "no filter"; over-long or odd values are refused with 400. */
const pageNumber = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
const pageParams = z.object({ id: z.string().max(200) });

export function registerUsersRoutes(app: App, deps: AppDeps): void {
  registerApi(app);
  registerPages(app, deps);
}

function registerApi(app: App): void {
  app.get(
    '/api/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'List user accounts (administrators); q searches username, name and e-mail',
        security: SESSION,
        querystring: userListQuery,
        response: { 200: accountListSchema, ...readErrors },
      },
    },
    async (req) => {
      const { page, pageSize, q } = req.query;
      const { items, total } = await listAccounts(req.ctx, { page, pageSize, q });
      return { items: items.map(presentAccount), page, pageSize, total };
    },
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a user account (administrators). The password must pass the policy: 12–128 characters, not common or breached.',
        security: SESSION_CSRF,
        body: createUserInput,
        response: { 201: accountSchema, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = await createAccount(req.ctx, req.body);
      return reply.code(201).send(presentAccount(await getAccount(req.ctx, user.id)));
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: 'One user account (administrators)',
        security: SESSION,
        params: idParams,
        response: { 200: accountSchema, ...itemErrors },
      },
    },
    async (req) => presentAccount(await getAccount(req.ctx, req.params.id)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary:
          'Change a user account (administrators): name, e-mail, language, active, password reset, roles (replaces all). A new password or deactivation ends the user’s sessions.',
        security: SESSION_CSRF,
        params: idParams,
        body: updateUserInput,
        response: { 200: accountSchema, ...writeErrors },
      },
    },
    async (req) => {
      await updateAccount(req.ctx, req.params.id, req.body);
      return presentAccount(await getAccount(req.ctx, req.params.id));
    },
  );

  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first (administrators)',
        security: SESSION,
        querystring: auditListQuery,
        response: { 200: auditListSchema, ...readErrors },
      },
    },
    async (req) => {
      const { page, pageSize, subjectType, subjectId, action } = req.query;
      const { rows, total } = await listAuditEntries(req.ctx, { subjectType, subjectId, action }, { page, pageSize });
      return { items: rows.map(presentAuditEntry), page, pageSize, total };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole audit log (administrators)',
        security: SESSION_CSRF,
        body: verifyBody,
        response: { 200: verifyResultSchema, ...readErrors },
      },
    },
    async (req) => presentVerifyResult(await verifyChain(req.ctx)),
  );
}

function registerPages(app: App, deps: AppDeps): void {
  const hide = true;

  // ---- user list and creation ----
  app.get(
    '/admin/users',
    {
      config: { permission: 'user.manage' },
      schema: { hide, querystring: z.object({ page: pageNumber, q: optionalText, lang: z.string().max(10).optional() }) },
    },
    async (req, reply) => {
      const { page, q } = req.query;
      const [{ items, total }, bodies] = await Promise.all([
        listAccounts(req.ctx, { page, pageSize: USERS_PAGE_SIZE, q }),
        listRoleBodies(req.ctx),
      ]);
      return reply.html(
        <UsersListPage
          ctx={req.pageContext()}
          items={items}
          info={{ page, pageSize: USERS_PAGE_SIZE, total }}
          q={q}
          bodyNames={new Map(bodies.map((b) => [b.id, b.name]))}
          now={deps.clock.now()}
        />,
      );
    },
  );

  app.get('/admin/users/new', { config: { permission: 'user.manage' }, schema: { hide } }, async (req, reply) => {
    const bodies = await listRoleBodies(req.ctx);
    return reply.html(<NewUserPage ctx={req.pageContext()} form={emptyForm({ locale: req.locale })} bodies={bodies} />);
  });

  app.post('/admin/users', { config: { permission: 'user.manage' }, schema: { hide, body: formBodySchema } }, async (req, reply) => {
    const values = blankToUndefined(req.body);
    const roles = rolesFromForm(values);
    const bodies = await listRoleBodies(req.ctx);
    return handleFormSubmit(req, reply, {
      values,
      run: async () => {
        requireFields(values, {
          username: 'users.field.usernameRequired',
          displayName: 'users.field.displayNameRequired',
          password: 'users.field.passwordRequired',
        });
        return createAccount(req.ctx, {
          username: first(values.username) ?? '',
          displayName: first(values.displayName) ?? '',
          email: first(values.email) ?? null,
          password: first(values.password) ?? '',
          locale: (first(values.locale) ?? 'sv') as 'sv',
          roles,
        });
      },
      render: (form) => <NewUserPage ctx={req.pageContext()} form={{ values: form.values, errors: roleErrorsOnControls(form.errors, roles) }} bodies={bodies} />,
      redirect: (user) => `/admin/users/${user.id}`,
      flash: (user) => req.t('auth.users.created', { username: user.username }),
    });
  });

  // ---- one user: details and roles, password reset, (de)activation ----
  const detailsForm = (account: Account): FormState =>
    emptyForm({
      displayName: account.user.displayName,
      email: account.user.email ?? undefined,
      locale: account.user.locale,
      ...rolesToFormValues(account.roles),
    });

  const editPage = async (req: FastifyRequest, account: Account, forms: Partial<EditForms>) => {
    const bodies = await listRoleBodies(req.ctx);
    return await (
      <EditUserPage
        ctx={req.pageContext()}
        account={account}
        bodies={bodies}
        forms={{ details: forms.details ?? detailsForm(account), ...forms }}
        now={deps.clock.now()}
      />
    );
  };

  app.get('/admin/users/:id', { config: { permission: 'user.manage' }, schema: { hide, params: pageParams } }, async (req, reply) => {
    const account = await getAccount(req.ctx, req.params.id);
    return reply.html(await editPage(req, account, {}));
  });

  app.post(
    '/admin/users/:id',
    { config: { permission: 'user.manage' }, schema: { hide, params: pageParams, body: formBodySchema } },
    async (req, reply) => {
      const account = await getAccount(req.ctx, req.params.id);
      const values = blankToUndefined(req.body);
      const roles = rolesFromForm(values);
      return handleFormSubmit(req, reply, {
        values,
        run: async () => {
          requireFields(values, { displayName: 'users.field.displayNameRequired' });
          return updateAccount(req.ctx, account.user.id, {
            displayName: first(values.displayName) ?? '',
            email: first(values.email) ?? null,
            ...(values.locale !== undefined && { locale: first(values.locale) as 'sv' }),
            roles,
          });
        },
        render: (form) => editPage(req, account, { details: { values: form.values, errors: roleErrorsOnControls(form.errors, roles) } }),
        redirect: (user) => `/admin/users/${user.id}`,
        flash: () => req.t('users.edit.saved'),
      });
    },
  );

  app.post(
    '/admin/users/:id/password',
    { config: { permission: 'user.manage' }, schema: { hide, params: pageParams, body: formBodySchema } },
    async (req, reply) => {
      const account = await getAccount(req.ctx, req.params.id);
      const values = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values: {},
        run: async () => {
          requireFields(values, { password: 'users.field.passwordRequired' });
          return updateAccount(req.ctx, account.user.id, { password: first(values.password) ?? '' });
        },
        render: (form) => editPage(req, account, { password: form }),
        redirect: (user) => `/admin/users/${user.id}`,
        flash: () => req.t('users.reset.done'),
      });
    },
  );

  app.post(
    '/admin/users/:id/active',
    { config: { permission: 'user.manage' }, schema: { hide, params: pageParams, body: formBodySchema } },
    async (req, reply) => {
      const account = await getAccount(req.ctx, req.params.id);
      const values = blankToUndefined(req.body);
      const raw = first(values.active);
      const active = raw === 'true' ? true : raw === 'false' ? false : raw;
      return handleFormSubmit(req, reply, {
        values: {},
        run: () => updateAccount(req.ctx, account.user.id, { active: active as boolean }),
        render: (form) => editPage(req, account, { status: form }),
        redirect: (user) => `/admin/users/${user.id}`,
        flash: (user) => req.t(user.active ? 'users.status.activated' : 'users.status.deactivated'),
      });
    },
  );

  // ---- audit log ----
  const auditQuery = z.object({
    page: pageNumber,
    subjectType: optionalText,
    subjectId: optionalText,
    action: optionalText,
    lang: z.string().max(10).optional(),
  });

  const auditPage = async (req: FastifyRequest, filter: AuditFilter, page: number, verify?: Awaited<ReturnType<typeof verifyChain>>) => {
    const [{ rows, total, usernames }, bodies] = await Promise.all([
      listAuditEntries(req.ctx, filter, { page, pageSize: AUDIT_PAGE_SIZE }),
      listRoleBodies(req.ctx),
    ]);
    return await (
      <AuditPage
        ctx={req.pageContext()}
        rows={rows}
        info={{ page, pageSize: AUDIT_PAGE_SIZE, total }}
        filter={filter}
        usernames={usernames}
        bodyNames={new Map(bodies.map((b) => [b.id, b.name]))}
        verify={verify}
      />
    );
  };

  app.get('/admin/audit', { config: { permission: 'audit.read' }, schema: { hide, querystring: auditQuery } }, async (req, reply) => {
    const { page, subjectType, subjectId, action } = req.query;
    return reply.html(await auditPage(req, { subjectType, subjectId, action }, page));
  });

  // Verification only reads, so the result is shown directly (a reload just verifies again).
  app.post(
    '/admin/audit/verify',
    { config: { permission: 'audit.read' }, schema: { hide, body: formBodySchema.nullish() } },
    async (req, reply) => {
      const result = await verifyChain(req.ctx);
      return reply.html(await auditPage(req, {}, 1, result));
    },
  );

  // ---- the logged-in user's own account ----
  const loginRateLimit = { max: deps.config.STADSNAV_LOGIN_RATE_LIMIT, timeWindow: '1 minute' };

  const accountPage = async (req: FastifyRequest, forms: { profile?: FormState; password?: FormState }) => {
    const [account, bodies] = await Promise.all([getOwnAccount(req.ctx), listRoleBodies(req.ctx)]);
    const profile = forms.profile ?? emptyForm({ displayName: account.user.displayName, locale: account.user.locale });
    return await (
      <AccountPage
        ctx={req.pageContext()}
        account={account}
        bodyNames={new Map(bodies.map((b) => [b.id, b.name]))}
        profile={profile}
        password={forms.password}
      />
    );
  };

  app.get('/account', { config: { permission: 'session.own' }, schema: { hide } }, async (req, reply) => {
    return reply.html(await accountPage(req, {}));
  });

  app.post('/account', { config: { permission: 'session.own' }, schema: { hide, body: formBodySchema } }, async (req, reply) => {
    const values = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values,
      run: async () => {
        requireFields(values, { displayName: 'users.field.displayNameRequired' });
        return updateOwnProfile(req.ctx, { displayName: first(values.displayName) ?? '', locale: (first(values.locale) ?? '') as 'sv' });
      },
      render: (form) => accountPage(req, { profile: form }),
      // ?lang= also sets the language cookie, so the new preference applies at once.
      redirect: (user) => `/account?lang=${user.locale}`,
      flash: (user) => translator(user.locale === 'en' ? 'en' : 'sv')('users.account.saved'),
    });
  });

  app.post(
    '/account/password',
    { config: { permission: 'session.own', rateLimit: loginRateLimit }, schema: { hide, body: formBodySchema } },
    async (req, reply) => {
      const values = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values: {},
        run: async () => {
          requireFields(values, { currentPassword: 'users.field.currentPasswordRequired', newPassword: 'users.field.passwordRequired' });
          return changeOwnPassword(
            req.ctx,
            { currentPassword: first(values.currentPassword) ?? '', newPassword: first(values.newPassword) ?? '' },
            req.sessionId,
          );
        },
        render: (form) => accountPage(req, { password: form }),
        redirect: () => '/account',
        flash: () => req.t('users.account.password.changed'),
      });
    },
  );
}
