import { escapeHtml } from '@kitajs/html';
import { CsrfField, ErrorSummary, Pager, SelectField, TextField, type PageInfo } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { exampleRegistryNumber } from '../registry-pattern.js';
import type { AdministrationView, AdministrationRow, BodyRow, MembershipView, PartyRow, PersonView } from '../repository.js';
import type { MembershipRole } from '../schema.js';
import { day, kindLabel, roleGroupLabel, roleLabel, roleOptions } from './labels.js';

export interface BodyPageProps {
  ctx: PageContext;
  canManage: boolean;
  body: BodyRow;
  administrations: Array<AdministrationRow | AdministrationView>;
  /** The day the member list is for (YYYY-MM-DD) and whether it is today. */
  on: string;
  isToday: boolean;
  members: Array<{ role: MembershipRole; memberships: MembershipView[] }>;
  history: MembershipView[];
  historyInfo: PageInfo;
  /** Administrators only: choices for the add form, the add form's state, and a failed end form. */
  people?: PersonView[];
  parties?: PartyRow[];
  addForm?: FormState;
  endForm?: { membershipId: string; form: FormState } | undefined;
}

const bodyPath = (b: BodyRow) => `/organisation/bodies/${encodeURIComponent(b.slug)}`;
const endFieldName = (membershipId: string) => `end-${membershipId}`;

function MemberTable({ ctx, role, memberships }: { ctx: PageContext; role: MembershipRole; memberships: MembershipView[] }): JSX.Element {
  const { t, locale } = ctx;
  return (
    <table>
      <caption safe>{roleGroupLabel(t, role)}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('organisation.person.name')}</th>
          <th scope="col" safe>{t('organisation.membership.party')}</th>
          <th scope="col" safe>{t('organisation.membership.fromDate')}</th>
          <th scope="col" safe>{t('organisation.membership.toDate')}</th>
        </tr>
      </thead>
      <tbody>
        {memberships.map((m) => (
          <tr>
            <th scope="row" safe>
              {m.personName}
            </th>
            <td>{m.partyAbbreviation ? <abbr title={m.partyName ?? undefined} safe>{m.partyAbbreviation}</abbr> : escapeHtml(t('common.none'))}</td>
            <td safe>{day(locale, m.fromDate)}</td>
            <td safe>{m.toDate ? day(locale, m.toDate) : t('organisation.membership.ongoing')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EndForm({ ctx, m, endForm }: { ctx: PageContext; m: MembershipView; endForm: BodyPageProps['endForm'] }): JSX.Element {
  const { t } = ctx;
  const name = endFieldName(m.id);
  const id = `f-${name}`;
  const failed = endForm?.membershipId === m.id ? endForm.form : undefined;
  const errors = failed?.errors[name] ?? [];
  const value = failed ? String(failed.values.toDate ?? '') : '';
  return (
    <form method="post" action={`/organisation/memberships/${m.id}/end`} class={errors.length ? 'inline-form field-error' : 'inline-form'}>
      <CsrfField token={ctx.csrfToken} />
      <label for={id} class="visually-hidden" safe>
        {t('organisation.membership.endDate', { name: m.personName })}
      </label>
      {errors.map((e) => (
        <span class="error-message" id={`${id}-error`} safe>
          {e}
        </span>
      ))}
      <input
        type="date"
        id={id}
        name="toDate"
        value={value}
        required
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
      />
      <button type="submit" class="secondary" safe>
        {t('organisation.membership.end')}
      </button>
    </form>
  );
}

export function BodyPage(props: BodyPageProps): JSX.Element {
  const { ctx, body, canManage } = props;
  const { t, locale } = ctx;
  const example = exampleRegistryNumber(body.registryPattern, Number(props.on.slice(0, 4)), body.defaultClassCode);
  const addForm = props.addForm ?? { values: { fromDate: props.on }, errors: {} };
  const endErrors = props.endForm ? props.endForm.form.errors : {};
  const summaryErrors = { ...(props.addForm?.errors ?? {}), ...endErrors };
  return (
    <Layout ctx={ctx} title={body.name} description={body.description ?? undefined}>
      <h1 safe>{body.name}</h1>
      {body.archivedAt ? (
        <p>
          <span class="tag" safe>{t('organisation.body.archivedTag')}</span> <span safe>{t('organisation.body.archivedHint')}</span>
        </p>
      ) : (
        ''
      )}
      <ErrorSummary errors={summaryErrors} t={t} />
      {body.description ? (
        <p class="lead" safe>
          {body.description}
        </p>
      ) : (
        ''
      )}
      <dl class="meta">
        <dt safe>{t('organisation.body.kind')}</dt>
        <dd safe>{kindLabel(t, body.kind)}</dd>
        {body.shortName ? (
          <>
            <dt safe>{t('organisation.body.shortName')}</dt>
            <dd safe>{body.shortName}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('organisation.body.registryPattern')}</dt>
        <dd>
          <code safe>{body.registryPattern}</code>
          {example ? (
            <>
              {' '}
              <span safe>{t('organisation.body.exampleNumber', { example })}</span>
            </>
          ) : (
            ''
          )}
        </dd>
        {body.defaultClassCode ? (
          <>
            <dt safe>{t('organisation.body.defaultClassCode')}</dt>
            <dd safe>{body.defaultClassCode}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {canManage ? (
        <p class="actions">
          <a class="button secondary" href={`${bodyPath(body)}/edit`} safe>
            {t('organisation.body.editLink')}
          </a>
        </p>
      ) : (
        ''
      )}

      <section aria-labelledby="administrations-heading">
        <h2 id="administrations-heading" safe>{t('organisation.body.administrations')}</h2>
        {props.administrations.length ? (
          <ul>
            {props.administrations.map((a) => (
              <li>
                <a href={`/organisation/people?administrationId=${a.id}`} safe>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p safe>{t('organisation.body.noAdministrations')}</p>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" safe>
          {props.isToday ? t('organisation.body.membersNow') : t('organisation.body.membersOn', { date: day(locale, props.on) })}
        </h2>
        <form method="get" action={bodyPath(body)} class="actions">
          <label for="f-on" safe>{t('organisation.body.membersDate')}</label>
          <input type="date" id="f-on" name="on" value={props.on} />
          <button type="submit" class="secondary" safe>
            {t('organisation.body.show')}
          </button>
        </form>
        {props.members.length ? (
          props.members.map((g) => <MemberTable ctx={ctx} role={g.role} memberships={g.memberships} />)
        ) : (
          <p safe>{t('organisation.body.noMembers')}</p>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" safe>{t('organisation.body.history')}</h2>
        {props.history.length ? (
          <table>
            <caption class="visually-hidden" safe>{t('organisation.body.history')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('organisation.person.name')}</th>
                <th scope="col" safe>{t('organisation.membership.role')}</th>
                <th scope="col" safe>{t('organisation.membership.party')}</th>
                <th scope="col" safe>{t('organisation.membership.fromDate')}</th>
                <th scope="col" safe>{t('organisation.membership.toDate')}</th>
                {canManage ? <th scope="col" safe>{t('organisation.admin.actions')}</th> : ''}
              </tr>
            </thead>
            <tbody>
              {props.history.map((m) => (
                <tr>
                  <th scope="row" safe>
                    {m.personName}
                  </th>
                  <td safe>{roleLabel(t, m.role)}</td>
                  <td safe>{m.partyAbbreviation ?? t('common.none')}</td>
                  <td safe>{day(locale, m.fromDate)}</td>
                  <td safe>{m.toDate ? day(locale, m.toDate) : t('organisation.membership.ongoing')}</td>
                  {canManage ? (
                    <td>
                      <EndForm ctx={ctx} m={m} endForm={props.endForm} />
                      <form method="post" action={`/organisation/memberships/${m.id}/delete`} class="inline-form">
                        <CsrfField token={ctx.csrfToken} />
                        <button type="submit" class="link-button">
                          {escapeHtml(t('organisation.membership.delete'))}
                          <span class="visually-hidden" safe>
                            {` ${m.personName}, ${roleLabel(t, m.role)}`}
                          </span>
                        </button>
                      </form>
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p safe>{t('organisation.body.historyEmpty')}</p>
        )}
        <Pager info={props.historyInfo} baseUrl={`${bodyPath(body)}?on=${props.on}`} t={t} />
      </section>

      {canManage ? (
        <section aria-labelledby="add-heading">
          <h2 id="add-heading" safe>{t('organisation.membership.add')}</h2>
          <form method="post" action={`${bodyPath(body)}/memberships`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <SelectField
              name="personId"
              label={t('organisation.membership.person')}
              hint={t('organisation.membership.personHint')}
              form={addForm}
              t={t}
              required
              emptyLabel={t('organisation.membership.choosePerson')}
              options={(props.people ?? []).map((p) => ({
                value: p.id,
                label: p.partyAbbreviation ? `${p.name} (${p.partyAbbreviation})` : p.title ? `${p.name}, ${p.title}` : p.name,
              }))}
            />
            <SelectField name="role" label={t('organisation.membership.role')} form={addForm} t={t} required options={roleOptions(t)} />
            <SelectField
              name="partyId"
              label={t('organisation.membership.party')}
              hint={t('organisation.membership.partyHint')}
              form={addForm}
              t={t}
              emptyLabel={t('organisation.membership.personsParty')}
              options={(props.parties ?? []).map((p) => ({ value: p.id, label: `${p.abbreviation} – ${p.name}` }))}
            />
            <TextField name="fromDate" type="date" label={t('organisation.membership.fromDate')} form={addForm} t={t} required />
            <TextField name="toDate" type="date" label={t('organisation.membership.toDate')} hint={t('organisation.membership.toDateHint')} form={addForm} t={t} />
            <button type="submit" safe>{t('organisation.membership.addSubmit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
