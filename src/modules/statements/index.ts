import './messages.js';
import './policy.js';
import { registerCaseSection } from '../registry/index.js';
import { statementCaseSection } from './views/case-section.js';

/** The statements module's public surface: other modules import only from here. */
export { registerStatementsRoutes } from './http/routes.js';
export { STATEMENTS_FINALISE, STATEMENTS_READ_DRAFT, STATEMENTS_WRITE } from './policy.js';
export { createStatement, createStatementInput, type CreateStatementInput } from './commands/create-statement.js';
export { saveStatementVersion, saveStatementVersionInput, type SaveStatementVersionInput } from './commands/save-statement-version.js';
export { finaliseStatement, finaliseStatementInput, type FinaliseStatementInput } from './commands/finalise-statement.js';
export { statementContentInput } from './commands/inputs.js';
export {
  canReadStatement,
  getStatement,
  getVersion,
  latestStatementsForCases,
  listVersions,
  statementDiff,
  statementsForCase,
  type CaseStatement,
  type StatementDiff,
  type StatementView,
  type VersionSummary,
  type VersionView,
} from './queries.js';
export { diffText, diffVersions, DIFF_SECTIONS, type Change, type DiffSection, type SectionDiff } from './diff.js';
export { statementPlainText, SWEDISH_HEADINGS, TEXT_SECTIONS, type StatementContent } from './text.js';
export type { Signatory, StatementStatus } from './schema.js';

/** "Tjänsteutlåtande – version 3, utkast – Skriv/ändra – Jämför versioner" on the case page. */
registerCaseSection(30, statementCaseSection);
