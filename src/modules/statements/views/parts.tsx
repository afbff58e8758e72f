import { formatDate, type Translate } from '../../../core/i18n.js';
import type { PageContext } from '../../../views/context.js';
import type { Change, SectionDiff } from '../diff.js';
import type { StatementView, VersionView } from '../queries.js';
import { signatoryLine, TEXT_SECTIONS } from '../text.js';

export const statementHref = (id: string) => `/statements/${id}`;
export const caseHref = (id: string) => `/registry/cases/${id}`;
export const documentHref = (id: string) => `/registry/documents/${id}`;

export function DateText({ ctx, value }: { ctx: PageContext; value: string | Date }): JSX.Element {
  const iso = typeof value === 'string' ? value : value.toISOString();
  return (
    <time datetime={iso} safe>
      {formatDate(ctx.locale, value)}
    </time>
  );
}

export const statusText = (t: Translate, s: Pick<StatementView, 'status' | 'currentVersion'>) =>
  t(s.status === 'final' ? 'statements.status.finalVersion' : 'statements.status.draftVersion', { version: s.currentVersion });

/** Paragraphs separated by blank lines; single line breaks kept. */
function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p safe>{p}</p>
        ))}
    </>
  );
}

/** The statement text in the standard order; headings one level below `level`. */
export function StatementText({ ctx, version, level = 2 }: { ctx: PageContext; version: VersionView; level?: 2 | 3 }): JSX.Element {
  const { t } = ctx;
  const H = ({ text }: { text: string }) => (level === 2 ? <h2 safe>{text}</h2> : <h3 safe>{text}</h3>);
  return (
    <div class="statement-text">
      {TEXT_SECTIONS.map((section) => {
        const heading = <H text={t(`statements.section.${section}`)} />;
        if (section === 'proposedDecision' || section === 'attachmentNames') {
          const items = version[section];
          if (items.length === 0) return '';
          return (
            <>
              {heading}
              {items.length === 1 && section === 'proposedDecision' ? (
                <p safe>{items[0]!}</p>
              ) : (
                <ol>
                  {items.map((i) => (
                    <li safe>{i}</li>
                  ))}
                </ol>
              )}
            </>
          );
        }
        const text = version[section];
        if (!text.trim()) return '';
        return (
          <>
            {heading}
            <Paragraphs text={text} />
          </>
        );
      })}
      {version.signatories.length ? (
        <>
          <H text={t('statements.section.signatories')} />
          <ul class="signatories">
            {version.signatories.map((s) => (
              <li>
                <span safe>{s.name}</span>
                {s.title ? (
                  <>
                    <br />
                    <span safe>{s.title}</span>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </div>
  );
}

/** Facts about the statement: Dnr (the case's), body, administration, date, status. */
export function StatementMeta({ ctx, s, version }: { ctx: PageContext; s: StatementView; version: VersionView }): JSX.Element {
  const { t } = ctx;
  return (
    <dl class="meta">
      <dt safe>{t('statements.meta.registryNumber')}</dt>
      <dd>
        <a href={caseHref(s.caseId)} safe>
          {s.registryNumber}
        </a>
      </dd>
      <dt safe>{t('statements.meta.body')}</dt>
      <dd safe>{s.bodyName}</dd>
      {s.administrationName ? (
        <>
          <dt safe>{t('statements.meta.administration')}</dt>
          <dd safe>{s.administrationName}</dd>
        </>
      ) : (
        ''
      )}
      <dt safe>{t('statements.meta.date')}</dt>
      <dd>
        <DateText ctx={ctx} value={version.documentDate} />
      </dd>
      <dt safe>{t('statements.meta.status')}</dt>
      <dd safe>{statusText(t, s)}</dd>
      {s.documentId ? (
        <>
          <dt safe>{t('statements.meta.document')}</dt>
          <dd>
            <a href={documentHref(s.documentId)} safe>
              {t('statements.meta.documentLink', { number: `${s.registryNumber}:${s.documentNumber ?? ''}` })}
            </a>
          </dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}

/** One change: <ins>/<del> with a visually hidden word, so the change is never told by colour alone. */
function ChangeText({ t, change }: { t: Translate; change: Change }): JSX.Element {
  if (change.type === 'unchanged') return <span safe>{change.text}</span>;
  const [start, end] =
    change.type === 'added' ? [t('statements.diff.added'), t('statements.diff.addedEnd')] : [t('statements.diff.removed'), t('statements.diff.removedEnd')];
  const inner = (
    <>
      <span class="visually-hidden" safe>{`[${start}: `}</span>
      <span safe>{change.text}</span>
      <span class="visually-hidden" safe>{` (${end})]`}</span>
    </>
  );
  return change.type === 'added' ? <ins>{inner}</ins> : <del>{inner}</del>;
}

export function DiffView({ ctx, sections }: { ctx: PageContext; sections: SectionDiff[] }): JSX.Element {
  const { t } = ctx;
  return (
    <div class="statement-diff">
      {sections.map((s) => (
        <section aria-labelledby={`diff-${s.section}`}>
          <h2 id={`diff-${s.section}`} safe>
            {t(`statements.section.${s.section}`)}
          </h2>
          {s.changed ? (
            <p class="diff">
              {s.changes.map((c) => (
                <ChangeText t={t} change={c} />
              ))}
            </p>
          ) : (
            <p class="hint" safe>
              {t('statements.diff.noChange')}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}

export { signatoryLine };
