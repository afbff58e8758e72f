import './messages.js';
import './policy.js';

/** The strategy module's public surface: other modules import only from here. */
export { registerStrategyRoutes } from './http/routes.js';
export { STRATEGY_FOLLOWUP_WRITE, STRATEGY_INDICATOR_VALUES, STRATEGY_WRITE } from './policy.js';

// Writes (each validated, authorised, in one transaction, audited).
export {
  adoptStrategy,
  adoptStrategyInput,
  createStrategy,
  createStrategyInput,
  saveStrategyVersion,
  saveVersionInput,
  updateStrategy,
  updateStrategyInput,
  type AdoptStrategyInput,
  type CreateStrategyInput,
  type SaveVersionInput,
  type UpdateStrategyInput,
} from './commands/strategies.js';
export {
  addAction,
  addActionInput,
  addElement,
  addElementInput,
  addFocusArea,
  addFocusAreaInput,
  addGoal,
  addGoalInput,
  removeAction,
  removeElement,
  removeFocusArea,
  removeGoal,
  updateAction,
  updateActionInput,
  updateElement,
  updateElementInput,
  updateFocusArea,
  updateFocusAreaInput,
  updateGoal,
  updateGoalInput,
  type AddActionInput,
  type AddElementInput,
  type AddFocusAreaInput,
  type AddGoalInput,
  type UpdateActionInput,
  type UpdateElementInput,
  type UpdateFocusAreaInput,
  type UpdateGoalInput,
} from './commands/parts.js';
export {
  checkIndicator,
  createIndicator,
  createIndicatorInput,
  ImportRejected,
  importIndicatorValues,
  importValuesInput,
  recordIndicatorValue,
  recordValueInput,
  removeIndicator,
  removeIndicatorValue,
  updateIndicator,
  updateIndicatorInput,
  type CreateIndicatorInput,
  type ImportResult,
  type ImportValuesInput,
  type RecordValueInput,
  type UpdateIndicatorInput,
  type ValueSource,
} from './commands/indicators.js';
export { ASSESSMENTS, saveFollowup, saveFollowupInput, submitFollowup, type Assessment, type SaveFollowupInput } from './commands/followups.js';

// Reads (strategies are public; follow-up drafts only for their board).
export {
  bodyChoices,
  findFollowup,
  findStrategy,
  followabilityOf,
  followupOverview,
  getFollowup,
  getIndicatorSeries,
  getStrategy,
  getVersion,
  indicatorsForGoals,
  listFollowups,
  listGoals,
  listIndicatorSeries,
  listStrategies,
  listVersions,
  progressTowardsTarget,
  strategyDocument,
  strategyFollowability,
  REPORTING_KINDS,
  type FollowupOverview,
  type FollowupView,
  type GoalSummary,
  type IndicatorFilter,
  type IndicatorSeries,
  type IndicatorView,
  type SeriesValue,
  type StrategyDocument,
  type StrategySummary,
  type StrategyView,
  type VersionSummary,
  type VersionView,
} from './queries.js';

// Pure helpers.
export { indicatorChartData, presentSeries, presentStrategy } from './presenters.js';
export {
  checkFollowability,
  countFindings,
  isMeasurable,
  isVagueGoal,
  FOCUS_AREA_REASONS,
  GOAL_REASONS,
  type Finding,
  type FindingText,
  type FollowabilityInput,
} from './followability.js';
export {
  comparePeriods,
  formatPeriodCode,
  isPeriodOf,
  normalisePeriod,
  parsePeriod,
  periodContaining,
  periodEndDate,
  periodLabel,
  PERIOD_EXAMPLES,
  type Period,
} from './periods.js';
export { parseDecimal, parseIndicatorCsv, type ImportProblem, type ImportRow, type ParsedImport } from './csv-import.js';

// Demo data (seeds 002 and 004).
export { seedStrategyDemo, type StrategyDemoResult } from './demo.js';

// Types and tables.
export { DIMENSIONS, ELEMENT_KINDS, INDICATOR_DIRECTIONS, PERIODICITIES, STRATEGY_STATUSES, type Dimension, type ElementKind, type IndicatorDirection, type Periodicity, type StrategyStatus } from './schema.js';
