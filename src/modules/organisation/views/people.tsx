import { escapeHtml } from '@kitajs/html';
import { Pager, type PageInfo } from '../../../views/components.js';
import type { PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { PersonView } from '../repository.js';
import { AdminLinks } from './overview.js';

export interface PeoplePageProps {
  ctx: PageContext;
  canManage: boolean;
  people: PersonView[];
  info: PageInfo;
  q: string;
  /** Filters kept in the paging links (party or administration from the overview and body pages). */
  filters: { partyId?: string | undefined; administrationId?: string | undefined };
  /** What the list is narrowed to, e.g. "Liberalerna" or "Kulturförvaltningen". */
  filterLabel?: string | undefined;
}

export function PeoplePage(props: PeoplePageProps): JSX.Element {
  const { ctx, canManage } = props;
  const { t } = ctx;
  const base = new URLSearchParams();
  if (props.q) base.set('q', props.q);
  if (props.filters.partyId) base.set('partyId', props.filters.partyId);
  if (props.filters.administrationId) base.set('administrationId', props.filters.administrationId);
  const baseUrl = `/organisation/people${base.size ? `?${base.toString()}` : ''}`;
  return (
    <Layout ctx={ctx} title={t('organisation.people.title')}>
      <h1 safe>{t('organisation.people.title')}</h1>
      <p>
        <a href="/organisation" safe>{t('organisation.backToOverview')}</a>
      </p>
      {canManage ? <AdminLinks ctx={ctx} links={[{ href: '/organisation/people/new', key: 'organisation.person.new' }]} /> : ''}
      <form method="get" action="/organisation/people" role="search" class="actions">
        <label for="f-q" safe>{t('organisation.people.search')}</label>
        <input type="search" id="f-q" name="q" value={props.q} maxlength="200" />
        {props.filters.partyId ? <input type="hidden" name="partyId" value={props.filters.partyId} /> : ''}
        {props.filters.administrationId ? <input type="hidden" name="administrationId" value={props.filters.administrationId} /> : ''}
        <button type="submit" class="secondary" safe>
          {t('common.search')}
        </button>
      </form>
      {props.filterLabel ? (
        <p>
          <span safe>{t('organisation.people.filteredBy', { filter: props.filterLabel })}</span>{' '}
          <a href="/organisation/people" safe>{t('organisation.people.clearFilter')}</a>
        </p>
      ) : (
        ''
      )}
      {props.people.length ? (
        <table>
          <caption safe>{t('organisation.people.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('organisation.person.name')}</th>
              <th scope="col" safe>{t('organisation.person.party')}</th>
              <th scope="col" safe>{t('organisation.person.jobTitle')}</th>
              <th scope="col" safe>{t('organisation.person.administration')}</th>
              {canManage ? <th scope="col" safe>{t('organisation.admin.actions')}</th> : ''}
            </tr>
          </thead>
          <tbody>
            {props.people.map((p) => (
              <tr>
                <th scope="row" safe>
                  {p.name}
                </th>
                <td>{p.partyAbbreviation ? <abbr title={p.partyName ?? undefined} safe>{p.partyAbbreviation}</abbr> : escapeHtml(t('common.none'))}</td>
                <td safe>{p.title ?? t('common.none')}</td>
                <td safe>{p.administrationName ?? t('common.none')}</td>
                {canManage ? (
                  <td>
                    <a href={`/organisation/people/${p.id}/edit`}>
                      {escapeHtml(t('common.edit'))}
                      <span class="visually-hidden" safe>
                        {` ${p.name}`}
                      </span>
                    </a>
                  </td>
                ) : (
                  ''
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('organisation.people.empty')}</p>
      )}
      <Pager info={props.info} baseUrl={baseUrl} t={t} />
    </Layout>
  );
}
