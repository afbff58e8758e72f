import { formatDate } from '../../../../core/i18n.js';
import type { PageContext } from '../../../../views/context.js';
import { Layout } from '../../../../views/layout.js';
import { lateLabel, memberText, partyHeading, themeLabel } from '../exports.js';
import { splitParagraphs } from '../text.js';
import type { CompiledRecipient, CompiledTheme, Compilation, PartyGroup, Segment } from '../model.js';

/**
 * The compiled view of a referral round: overview, one table row and one section per recipient,
 * reservations and special statements by party (identical texts merged), and recurring themes
 * with their passages, matched words in <mark>.
 */

function DateText({ ctx, value }: { ctx: PageContext; value: string | null }): JSX.Element {
  if (!value) return <span safe>{ctx.t('common.none')}</span>;
  return (
    <time datetime={value} safe>
      {formatDate(ctx.locale, value)}
    </time>
  );
}

const recipientAnchor = (id: string) => `recipient-${id}`;
const themeAnchor = (id: string) => `theme-${id}`;

/** Escaped segments; only the matched words are wrapped, in <mark>. */
function Highlight({ segments }: { segments: Segment[] }): JSX.Element {
  return (
    <>
      {segments.map((s) =>
        s.match ? (
          <mark safe>{s.text}</mark>
        ) : (
          <span safe>{s.text}</span>
        ),
      )}
    </>
  );
}

function Points({ points }: { points: string[] }): JSX.Element {
  if (points.length === 1) return <p safe>{points[0]!}</p>;
  return (
    <ol>
      {points.map((p) => (
        <li safe>{p.replace(/^\s*\d{1,2}[.)]\s*/, '')}</li>
      ))}
    </ol>
  );
}

function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {splitParagraphs(text).map((p) => (
        <p safe>{p}</p>
      ))}
    </>
  );
}

function RecipientTable({ ctx, c }: { ctx: PageContext; c: Compilation }): JSX.Element {
  const { t } = ctx;
  return (
    <table>
      <caption safe>{t('compilation.recipients.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('compilation.col.body')}</th>
          <th scope="col" safe>{t('compilation.col.number')}</th>
          <th scope="col" safe>{t('compilation.col.status')}</th>
          <th scope="col" safe>{t('compilation.col.stance')}</th>
          <th scope="col" safe>{t('compilation.col.answered')}</th>
          <th scope="col" safe>{t('compilation.col.late')}</th>
          <th scope="col" safe>{t('compilation.col.reservations')}</th>
        </tr>
      </thead>
      <tbody>
        {c.recipients.map((r) => (
          <tr>
            <th scope="row">
              <a href={`#${recipientAnchor(r.id)}`} safe>
                {r.bodyName}
              </a>
            </th>
            <td safe>{r.registryNumber ?? t('common.none')}</td>
            <td safe>{t(`compilation.status.${r.status}`)}</td>
            <td safe>{t(`compilation.stance.${r.stance}`)}</td>
            <td>
              <DateText ctx={ctx} value={r.answeredOn} />
            </td>
            <td safe>{lateLabel(t, r)}</td>
            <td safe>{r.reservationParties.join(', ') || t('common.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecipientSection({ ctx, c, r }: { ctx: PageContext; c: Compilation; r: CompiledRecipient }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby={recipientAnchor(r.id)}>
      <h3 id={recipientAnchor(r.id)} safe>
        {r.bodyName}
      </h3>
      <p>
        <span safe>{t(`compilation.stance.${r.stance}`)}</span>
        {r.registryNumber ? <span safe>{` · ${t('compilation.meta.number')} ${r.registryNumber}`}</span> : ''}
      </p>
      {r.restricted ? (
        <p class="secret" safe>
          {t('compilation.answers.restricted')}
        </p>
      ) : (
        <>
          {r.declineReason ? <p safe>{t('compilation.answers.declineReason', { reason: r.declineReason })}</p> : ''}
          {r.decision ? (
            <>
              <h4 safe>
                {t('compilation.answers.decision', { paragraph: r.decision.paragraph, date: formatDate(ctx.locale, r.decision.meetingDate) }) +
                  (r.decision.final ? '' : ` ${t('compilation.answers.decisionPreliminary')}`)}
              </h4>
              <Points points={r.decision.points} />
              <p>
                <a href={r.decision.url} safe>
                  {t('compilation.answers.openExtract')}
                </a>
              </p>
            </>
          ) : (
            ''
          )}
          {r.statement ? (
            <>
              <h4 safe>
                {t('compilation.answers.statement', { date: formatDate(ctx.locale, r.statement.documentDate) }) +
                  (r.statement.status === 'draft' ? ` ${t('compilation.answers.statementDraft')}` : '')}
              </h4>
              {r.statement.proposedDecision.length ? (
                <>
                  <p safe>{t('compilation.answers.proposedDecision')}</p>
                  <Points points={r.statement.proposedDecision} />
                </>
              ) : (
                ''
              )}
              {r.statement.summary ? (
                <>
                  <p safe>{t('compilation.answers.summary')}</p>
                  <blockquote>
                    <p safe>{r.statement.summary}</p>
                  </blockquote>
                </>
              ) : (
                ''
              )}
              <p>
                <a href={r.statement.url} safe>
                  {t('compilation.answers.openStatement')}
                </a>
              </p>
            </>
          ) : (
            ''
          )}
          {r.answerDocuments.length ? (
            <>
              <h4 safe>{t('compilation.answers.documents')}</h4>
              <ul>
                {r.answerDocuments.map((d) => (
                  <li>
                    <a href={d.url} safe>
                      {d.title}
                    </a>{' '}
                    (<DateText ctx={ctx} value={d.documentDate} />)
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          {!r.decision && !r.statement && !r.declineReason && !r.answerDocuments.length ? <p safe>{t('compilation.answers.none')}</p> : ''}
          {r.themes.length ? (
            <p>
              <span safe>{`${t('compilation.col.themes')}: `}</span>
              {r.themes.map((id, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={`#${themeAnchor(id)}`} safe>
                    {themeLabel(c, id, ctx.locale)}
                  </a>
                </>
              ))}
            </p>
          ) : (
            ''
          )}
        </>
      )}
    </section>
  );
}

function PartyTexts({ ctx, groups, givenIn, idPrefix }: { ctx: PageContext; groups: PartyGroup[]; givenIn: string; idPrefix: string }): JSX.Element {
  const { t } = ctx;
  return (
    <>
      {groups.map((g, gi) => (
        <section aria-labelledby={`${idPrefix}-${gi}`}>
          <h3 id={`${idPrefix}-${gi}`} safe>
            {partyHeading(t, g)}
          </h3>
          {g.texts.map((text) => (
            <div class="merged-text">
              {text.occurrences.length > 1 ? <p safe>{t('compilation.text.sameIn', { count: text.occurrences.length })}</p> : ''}
              <p safe>{`${givenIn}:`}</p>
              <ul>
                {text.occurrences.map((o) => (
                  <li>
                    <a href={o.url} safe>
                      {o.bodyName}
                    </a>
                    <span safe>
                      {`${o.registryNumber ? `, ${o.registryNumber}` : ''}, ${t('compilation.text.paragraph', { paragraph: o.paragraph, date: formatDate(ctx.locale, o.meetingDate) })}`}
                    </span>
                    {o.members.length ? <span safe>{`: ${o.members.map((m) => memberText(t, m)).join(', ')}`}</span> : ''}
                    {o.inFavourOfOwnProposal ? <span safe>{`, ${t('compilation.text.inFavour')}`}</span> : ''}
                  </li>
                ))}
              </ul>
              <blockquote>{text.text ? <Paragraphs text={text.text} /> : <p safe>{t('compilation.text.empty')}</p>}</blockquote>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function ThemeSection({ ctx, theme }: { ctx: PageContext; theme: CompiledTheme }): JSX.Element {
  const { t, locale } = ctx;
  return (
    <section aria-labelledby={themeAnchor(theme.id)}>
      <h3 id={themeAnchor(theme.id)} safe>
        {`${theme.label[locale]} (${theme.recipientCount})`}
      </h3>
      <p class="hint" safe>
        {t('compilation.themes.terms', { terms: theme.terms.join(', ') })}
      </p>
      <h4 safe>{t('compilation.themes.passages')}</h4>
      <ul class="theme-passages">
        {theme.passages.map((p) => (
          <li>
            <a href={p.url} safe>
              {`${p.bodyName} – ${t(`compilation.source.${p.source}`)}`}
            </a>
            <blockquote>
              <p>
                <Highlight segments={p.headline} />
              </p>
            </blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CompilationPage({ ctx, c }: { ctx: PageContext; c: Compilation }): JSX.Element {
  const { t, locale } = ctx;
  const r = c.referral;
  const heading = t('compilation.heading', { subject: r.subject });
  const raised = c.themes.filter((th) => th.recipientCount > 0);
  const notRaised = c.themes.filter((th) => th.recipientCount === 0);
  const base = `/referrals/${r.id}/compilation`;
  const lang = locale === 'sv' ? '' : `?lang=${locale}`;
  return (
    <Layout ctx={ctx} title={heading} description={t('compilation.title')}>
      <p>
        <a href={`/referrals/${r.id}`} safe>
          {t('compilation.backToReferral')}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      <p class="lead" safe>
        {t('compilation.lead', { date: formatDate(locale, c.compiledOn) })}
      </p>
      <dl class="meta">
        <dt safe>{t('compilation.meta.sender')}</dt>
        <dd safe>{r.senderBodyName}</dd>
        <dt safe>{t('compilation.meta.number')}</dt>
        <dd>
          <a href={r.url} safe>
            {r.registryNumber}
          </a>
        </dd>
        <dt safe>{t('compilation.meta.letterDate')}</dt>
        <dd>
          <DateText ctx={ctx} value={r.letterDate} />
        </dd>
        <dt safe>{t('compilation.meta.deadline')}</dt>
        <dd>
          <DateText ctx={ctx} value={r.deadline} />
        </dd>
        <dt safe>{t('compilation.meta.recipients')}</dt>
        <dd safe>{String(c.counts.recipients)}</dd>
      </dl>
      <nav aria-labelledby="compilation-downloads">
        <h2 id="compilation-downloads" safe>
          {t('compilation.downloads')}
        </h2>
        <ul>
          <li>
            <a href={`${base}.pdf${lang}`} type="application/pdf" safe>
              {t('compilation.download.pdf')}
            </a>
          </li>
          <li>
            <a href={`${base}.csv${lang}`} type="text/csv" safe>
              {t('compilation.download.csv')}
            </a>
          </li>
          <li>
            <a href={`${base}.json`} type="application/json" safe>
              {t('compilation.download.json')}
            </a>
          </li>
        </ul>
      </nav>

      <h2 safe>{t('compilation.summary.heading')}</h2>
      <table>
        <caption safe>{t('compilation.summary.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('compilation.summary.stance')}</th>
            <th scope="col" safe>{t('compilation.summary.count')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(c.counts.byStance).map(([stance, n]) => (
            <tr>
              <th scope="row" safe>{t(`compilation.stance.${stance}`)}</th>
              <td safe>{String(n)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" safe>{t('compilation.summary.late')}</th>
            <td safe>{String(c.counts.late)}</td>
          </tr>
          <tr>
            <th scope="row" safe>{t('compilation.summary.answeredLate')}</th>
            <td safe>{String(c.counts.answeredLate)}</td>
          </tr>
        </tbody>
      </table>

      <h2 safe>{t('compilation.recipients.heading')}</h2>
      <RecipientTable ctx={ctx} c={c} />

      <h2 safe>{t('compilation.answers.heading')}</h2>
      <>
        {c.recipients.map((rec) => (
          <RecipientSection ctx={ctx} c={c} r={rec} />
        ))}
      </>

      <h2 safe>{t('compilation.reservations.heading')}</h2>
      {c.reservations.length ? (
        <PartyTexts ctx={ctx} groups={c.reservations} givenIn={t('compilation.text.reservedIn')} idPrefix="reservation-party" />
      ) : (
        <p safe>{t('compilation.reservations.none')}</p>
      )}

      {c.specialStatements.length ? (
        <>
          <h2 safe>{t('compilation.special.heading')}</h2>
          <PartyTexts ctx={ctx} groups={c.specialStatements} givenIn={t('compilation.text.givenIn')} idPrefix="special-party" />
        </>
      ) : (
        ''
      )}

      <h2 safe>{t('compilation.themes.heading')}</h2>
      <p safe>{t('compilation.themes.lead')}</p>
      {raised.length ? (
        <>
          <table>
            <caption safe>{t('compilation.themes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('compilation.themes.col.theme')}</th>
                <th scope="col" safe>{t('compilation.themes.col.count')}</th>
                <th scope="col" safe>{t('compilation.themes.col.bodies')}</th>
              </tr>
            </thead>
            <tbody>
              {raised.map((th) => (
                <tr>
                  <th scope="row">
                    <a href={`#${themeAnchor(th.id)}`} safe>
                      {th.label[locale]}
                    </a>
                  </th>
                  <td safe>{String(th.recipientCount)}</td>
                  <td safe>{th.bodies.map((b) => b.bodyName).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {raised.map((th) => (
            <ThemeSection ctx={ctx} theme={th} />
          ))}
        </>
      ) : (
        <p safe>{t('compilation.themes.none')}</p>
      )}
      {raised.length && notRaised.length ? (
        <p safe>{t('compilation.themes.notRaised', { themes: notRaised.map((th) => th.label[locale]).join(', ') })}</p>
      ) : (
        ''
      )}
    </Layout>
  );
}
