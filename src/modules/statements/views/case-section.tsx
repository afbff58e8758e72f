import { can } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import type { PageContext } from '../../../views/context.js';
import type { CaseView } from '../../registry/index.js';
import { STATEMENTS_WRITE } from '../policy.js';
import { statementsForCase } from '../queries.js';
import { statementHref, statusText } from './parts.js';

/**
 * The case page's "Tjänsteutlåtande" part: the statement's version and status with links to read,
 * edit and compare – or, for its writers, a link to start one. Drafts show only to the body's staff.
 */
export async function statementCaseSection(ctx: Ctx, page: PageContext, view: CaseView): Promise<string | null> {
  const { t } = page;
  const [s] = await statementsForCase(ctx, view.id);
  const mayStart = !s && can(ctx.actor, STATEMENTS_WRITE, { bodyId: view.bodyId });
  if (!s && !mayStart) return null;
  return (
    <section aria-labelledby="statement-section-title" class="case-section">
      <h2 id="statement-section-title" safe>
        {t('statements.kind')}
      </h2>
      {s ? (
        <>
          <p>
            <a href={statementHref(s.id)} safe>
              {s.title}
            </a>
            <span safe>{` – ${statusText(t, s)}`}</span>
          </p>
          <ul class="actions">
            {s.may.write ? (
              <li>
                <a href={`${statementHref(s.id)}/edit`} safe>
                  {t('statements.action.edit')}
                </a>
              </li>
            ) : (
              ''
            )}
            {s.may.readVersions ? (
              <li>
                <a href={`${statementHref(s.id)}/versions`} safe>
                  {t('statements.action.versions')}
                </a>
              </li>
            ) : (
              ''
            )}
            {s.may.readVersions && s.currentVersion > 1 ? (
              <li>
                <a href={`${statementHref(s.id)}/diff?from=${s.currentVersion - 1}&to=${s.currentVersion}`} safe>
                  {t('statements.action.diff')}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </>
      ) : (
        <p>
          <a href={`/statements/new?caseId=${view.id}`} safe>
            {t('statements.action.start')}
          </a>
        </p>
      )}
    </section>
  );
}
