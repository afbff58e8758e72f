import { escapeHtml } from '@kitajs/html';
import { Pager, type PageInfo } from '../../../views/components.js';
import type { PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { exampleRegistryNumber } from '../registry-pattern.js';
import type { AdministrationView, BodyRow, PartyRow } from '../repository.js';
import type { BodyKind } from '../schema.js';
import { kindGroupLabel } from './labels.js';

export interface OverviewProps {
  ctx: PageContext;
  canManage: boolean;
  year: number;
  /** All kinds (first bodies of each), or one kind with paging. */
  groups: Array<{ kind: BodyKind; bodies: BodyRow[]; total: number }>;
  kindPage?: { kind: BodyKind; info: PageInfo } | undefined;
  administrations: AdministrationView[];
  administrationsTotal: number;
  parties: PartyRow[];
}

export function AdminLinks({ ctx, links }: { ctx: PageContext; links: Array<{ href: string; key: string }> }): JSX.Element {
  return (
    <nav class="actions" aria-label={ctx.t('organisation.admin.actions')}>
      {links.map((l) => (
        <a class="button secondary" href={l.href} safe>
          {ctx.t(l.key)}
        </a>
      ))}
    </nav>
  );
}

function BodyTable({ ctx, kind, bodies, year }: { ctx: PageContext; kind: BodyKind; bodies: BodyRow[]; year: number }): JSX.Element {
  const { t } = ctx;
  return (
    <table>
      <caption class="visually-hidden" safe>{kindGroupLabel(t, kind)}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('organisation.body.name')}</th>
          <th scope="col" safe>{t('organisation.body.shortName')}</th>
          <th scope="col" safe>{t('organisation.body.registryExample')}</th>
        </tr>
      </thead>
      <tbody>
        {bodies.map((b) => (
          <tr>
            <th scope="row">
              <a href={`/organisation/bodies/${encodeURIComponent(b.slug)}`} safe>
                {b.name}
              </a>
            </th>
            <td safe>{b.shortName ?? t('common.none')}</td>
            <td safe>{exampleRegistryNumber(b.registryPattern, year, b.defaultClassCode) ?? b.registryPattern}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OverviewPage(props: OverviewProps): JSX.Element {
  const { ctx, canManage } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('organisation.title')} description={t('organisation.intro')}>
      <h1 safe>{t('organisation.title')}</h1>
      <p class="lead" safe>{t('organisation.intro')}</p>
      <p>
        <a href="/organisation/people" safe>{t('organisation.people.link')}</a>
      </p>
      {canManage ? (
        <AdminLinks
          ctx={ctx}
          links={[
            { href: '/organisation/bodies/new', key: 'organisation.body.new' },
            { href: '/organisation/administrations/new', key: 'organisation.administration.new' },
            { href: '/organisation/parties/new', key: 'organisation.party.new' },
            { href: '/organisation/people/new', key: 'organisation.person.new' },
          ]}
        />
      ) : (
        ''
      )}

      {props.kindPage ? (
        <section aria-labelledby="kind-heading">
          <h2 id="kind-heading" safe>{kindGroupLabel(t, props.kindPage.kind)}</h2>
          <p>
            <a href="/organisation" safe>{t('organisation.allKinds')}</a>
          </p>
          {props.groups[0]?.bodies.length ? (
            <BodyTable ctx={ctx} kind={props.kindPage.kind} bodies={props.groups[0].bodies} year={props.year} />
          ) : (
            <p safe>{t('organisation.bodies.empty')}</p>
          )}
          <Pager info={props.kindPage.info} baseUrl={`/organisation?kind=${props.kindPage.kind}`} t={t} />
        </section>
      ) : props.groups.length === 0 ? (
        <p safe>{t('organisation.bodies.empty')}</p>
      ) : (
        <>
          {props.groups.map((g) => (
          <section aria-labelledby={`kind-${g.kind}`}>
            <h2 id={`kind-${g.kind}`} safe>{kindGroupLabel(t, g.kind)}</h2>
            <BodyTable ctx={ctx} kind={g.kind} bodies={g.bodies} year={props.year} />
            {g.total > g.bodies.length ? (
              <p>
                <a href={`/organisation?kind=${g.kind}`} safe>{t('organisation.body.showAll', { count: g.total })}</a>
              </p>
            ) : (
              ''
            )}
          </section>
          ))}
        </>
      )}

      {props.kindPage ? (
        ''
      ) : (
        <>
          <section aria-labelledby="administrations-heading">
            <h2 id="administrations-heading" safe>{t('organisation.administrations.title')}</h2>
            {props.administrations.length ? (
              <table>
                <caption class="visually-hidden" safe>{t('organisation.administrations.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('organisation.administration.name')}</th>
                    <th scope="col" safe>{t('organisation.administration.body')}</th>
                    {canManage ? <th scope="col" safe>{t('organisation.admin.actions')}</th> : ''}
                  </tr>
                </thead>
                <tbody>
                  {props.administrations.map((a) => (
                    <tr>
                      <th scope="row" safe>
                        {a.name}
                      </th>
                      <td>
                        {a.bodySlug ? (
                          <a href={`/organisation/bodies/${encodeURIComponent(a.bodySlug)}`} safe>
                            {a.bodyName}
                          </a>
                        ) : (
                          escapeHtml(t('common.none'))
                        )}
                      </td>
                      {canManage ? (
                        <td>
                          <a href={`/organisation/administrations/${encodeURIComponent(a.slug)}/edit`}>
                            {escapeHtml(t('common.edit'))}
                            <span class="visually-hidden" safe>
                              {` ${a.name}`}
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
              <p safe>{t('organisation.administrations.empty')}</p>
            )}
            {props.administrationsTotal > props.administrations.length ? (
              <p safe>{t('organisation.administrations.more', { shown: props.administrations.length, total: props.administrationsTotal })}</p>
            ) : (
              ''
            )}
          </section>

          <section aria-labelledby="parties-heading">
            <h2 id="parties-heading" safe>{t('organisation.parties.title')}</h2>
            {props.parties.length ? (
              <table>
                <caption class="visually-hidden" safe>{t('organisation.parties.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('organisation.party.abbreviation')}</th>
                    <th scope="col" safe>{t('organisation.party.name')}</th>
                    {canManage ? <th scope="col" safe>{t('organisation.admin.actions')}</th> : ''}
                  </tr>
                </thead>
                <tbody>
                  {props.parties.map((p) => (
                    <tr>
                      <th scope="row" safe>
                        {p.abbreviation}
                      </th>
                      <td>
                        <a href={`/organisation/people?partyId=${p.id}`} safe>
                          {p.name}
                        </a>
                      </td>
                      {canManage ? (
                        <td>
                          <a href={`/organisation/parties/${p.id}/edit`}>
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
              <p safe>{t('organisation.parties.empty')}</p>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}
