import './messages.js';
import './policy.js';

/** The portfolio module's public surface: other modules import only from here. */
export { registerPortfolioRoutes } from './http/routes.js';
export { PORTFOLIO_PRIORITISE, PORTFOLIO_WRITE } from './policy.js';

// Commands (each validated, authorised, in one transaction, audited).
export { createProject, createProjectInput, type CreateProjectInput } from './commands/create-project.js';
export { updateProject, updateProjectInput, type UpdateProjectInput } from './commands/update-project.js';
export { setProjectStatus, setProjectStatusInput, type SetProjectStatusInput } from './commands/set-project-status.js';
export { linkProjectDecision, linkDecisionInput, type LinkDecisionInput } from './commands/link-project-decision.js';
export { reportProjectStatus, reportInput, type ReportInput } from './commands/report-project-status.js';
export { importProjects, importProjectsInput, ImportRejected, type ImportProjectsInput, type ImportReport } from './commands/import-projects.js';
export { createRound, createRoundInput, type CreateRoundInput } from './commands/create-round.js';
export { setScores, setScoresInput, type SetScoresInput } from './commands/set-scores.js';
export { applyProposal } from './commands/apply-proposal.js';
export { saveSelection, saveSelectionInput, type SaveSelectionInput } from './commands/save-selection.js';
export { recordFundingDecision, recordDecisionInput, fundingDecisionText, type RecordDecisionInput } from './commands/record-funding-decision.js';

// Reads (everything public).
export {
  getProject,
  getRound,
  listProjects,
  listRounds,
  portfolioOverview,
  type PortfolioFilter,
  type PortfolioOverview,
  type ProjectSummary,
  type ProjectView,
  type RoundView,
} from './queries.js';
export { evaluateRound, type CandidateView, type RoundEvaluation } from './evaluation.js';

// Pure helpers.
export { proposeFundedSet, checkSet, DEFAULT_MAX_NODES, type KnapsackInput, type KnapsackItem, type KnapsackResult } from './knapsack.js';
export { rollUpProgress, type RollupNode, type RolledUp } from './rollup.js';
export { DEFAULT_CRITERIA, weightedScore, rank, effectiveScore, type WeightedScore } from './scoring.js';
export { findDependencyCycle, findParentCycle, dependencyOrder } from './graph.js';
export { COLUMNS as IMPORT_COLUMNS, planImport, parseAmount, parseDate, type ImportIssue, type ImportPlan } from './import/rows.js';
export { readTable, type Table } from './import/read.js';
export { templateCsv, templateXlsx } from './import/template.js';

// Demo data (seeds 002 and 003).
export { seedPortfolioDemo, type PortfolioDemoResult } from './demo.js';

// Types and tables.
export { COST_BEARINGS, PROJECT_KINDS, PROJECT_STATUSES, ROUND_STATUSES, type Criterion, type ProjectKind, type ProjectStatus } from './schema.js';
