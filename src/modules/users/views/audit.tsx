import type { VerifyResult } from '../../../audit/index.js';
import { CsrfField, Pager, type PageInfo } from '../../../views/components.js';
import type { PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { formatDateTime, summaryLines, verifyMessage, type BodyNames } from '../presenters.js';
import type { AuditFilter, AuditLogRow } from '../repository.js';
import { AdminNav } from './parts.js';

function actionLabel(ctx: PageContext, action: string): string {
  const key = `users.audit.action.${action}`;
  const label = ctx.t(key);
  return label === key ? action : label;
}

function Subject({ ctx, row, usernames }: { ctx: PageContext; row: AuditLogRow; usernames: ReadonlyMap<string, string> }): JSX.Element {
  const typeKey = `users.audit.subject.${row.subjectType}`;
  const typeLabel = ctx.t(typeKey) === typeKey ? row.subjectType : ctx.t(typeKey);
  const username = row.subjectId ? usernames.get(row.subjectId) : undefined;
  return (
    <>
      <span safe>{typeLabel}</span>{' '}
      {username ? (
        <a href={`/admin/users/${row.subjectId}`} safe>
          {username}
        </a>
      ) : (
        <code safe>{row.subjectId ?? ''}</code>
      )}
    </>
  );
}

function Changes({ ctx, row, bodyNames }: { ctx: PageContext; row: AuditLogRow; bodyNames: BodyNames }): JSX.Element {
  const { t } = ctx;
  const lines = summaryLines(row.summary, t, bodyNames);
  if (lines.length === 0) return <span safe>{t('users.audit.change.none')}</span>;
  return (
    <ul class="changes">
      {lines.map((l) => (
        <li>
          {l.label ? <strong safe>{`${l.label}: `}</strong> : ''}
          {l.before !== undefined && l.after !== undefined ? (
            <>
              <span class="visually-hidden" safe>{`${t('users.audit.change.before')}: `}</span>
              <del safe>{l.before}</del>
              <span aria-hidden="true"> → </span>
              <span class="visually-hidden" safe>{` ${t('users.audit.change.after')}: `}</span>
              <ins safe>{l.after}</ins>
            </>
          ) : (
            <span safe>{l.after ?? l.before ?? ''}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function VerifyOutcome({ ctx, result }: { ctx: PageContext; result: VerifyResult }): JSX.Element {
  const m = verifyMessage(result, ctx.t);
  return (
    <div class={m.ok ? 'flash' : 'error-summary'} role={m.ok ? 'status' : 'alert'} id="verify-result">
      <p>
        <strong safe>{m.text}</strong>
      </p>
      {m.reason ? <p safe>{m.reason}</p> : ''}
    </div>
  );
}

export function AuditPage(props: {
  ctx: PageContext;
  rows: AuditLogRow[];
  info: PageInfo;
  filter: AuditFilter;
  usernames: ReadonlyMap<string, string>;
  bodyNames: BodyNames;
  verify?: VerifyResult | undefined;
}): JSX.Element {
  const { ctx, rows, info, filter, usernames, bodyNames, verify } = props;
  const { t } = ctx;
  const filtered = Boolean(filter.subjectType || filter.subjectId || filter.action);
  return (
    <Layout ctx={ctx} title={t('users.audit.title')}>
      <AdminNav ctx={ctx} current="audit" />
      <h1 safe>{t('users.audit.title')}</h1>

      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading" safe>
          {t('users.audit.verify.heading')}
        </h2>
        <p safe>{t('users.audit.verify.intro')}</p>
        {verify ? <VerifyOutcome ctx={ctx} result={verify} /> : ''}
        <form method="post" action="/admin/audit/verify">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" safe>
            {t('users.audit.verify.submit')}
          </button>
        </form>
      </section>

      <form method="get" action="/admin/audit">
        <fieldset>
          <legend safe>{t('users.audit.filter.legend')}</legend>
          <div class="field">
            <label for="f-subjectType" safe>
              {t('users.audit.filter.subjectType')}
            </label>
            <input type="text" id="f-subjectType" name="subjectType" value={filter.subjectType ?? ''} maxlength="200" />
          </div>
          <div class="field">
            <label for="f-subjectId" safe>
              {t('users.audit.filter.subjectId')}
            </label>
            <input type="text" id="f-subjectId" name="subjectId" value={filter.subjectId ?? ''} maxlength="200" />
          </div>
          <div class="field">
            <label for="f-action" safe>
              {t('users.audit.filter.action')}
            </label>
            <p class="hint" id="f-action-hint" safe>
              {t('users.audit.filter.actionHint')}
            </p>
            <input type="text" id="f-action" name="action" value={filter.action ?? ''} maxlength="200" aria-describedby="f-action-hint" />
          </div>
          <div class="actions">
            <button type="submit" safe>
              {t('common.filter')}
            </button>
            {filtered ? (
              <a href="/admin/audit" safe>
                {t('users.audit.filter.clear')}
              </a>
            ) : (
              ''
            )}
          </div>
        </fieldset>
      </form>

      {rows.length === 0 ? (
        <p safe>{t('users.audit.empty')}</p>
      ) : (
        <table>
          <caption safe>{t('users.audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('users.audit.col.seq')}
              </th>
              <th scope="col" safe>
                {t('users.audit.col.time')}
              </th>
              <th scope="col" safe>
                {t('users.audit.col.actor')}
              </th>
              <th scope="col" safe>
                {t('users.audit.col.action')}
              </th>
              <th scope="col" safe>
                {t('users.audit.col.subject')}
              </th>
              <th scope="col" safe>
                {t('users.audit.col.changes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">{row.seq}</th>
                <td>
                  <time datetime={row.occurredAt.toISOString()} safe>
                    {formatDateTime(ctx.locale, row.occurredAt)}
                  </time>
                </td>
                <td safe>{row.actorLabel}</td>
                <td>
                  <span safe>{actionLabel(ctx, row.action)}</span> <code safe>{row.action}</code>
                </td>
                <td>
                  <Subject ctx={ctx} row={row} usernames={usernames} />
                </td>
                <td>
                  <Changes ctx={ctx} row={row} bodyNames={bodyNames} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager info={info} baseUrl={ctx.path} t={t} />
    </Layout>
  );
}
