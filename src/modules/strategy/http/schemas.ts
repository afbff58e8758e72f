import { z } from 'zod';
import { ASSESSMENTS, saveFollowupInput } from '../commands/followups.js';
import { createIndicatorInput, importValuesInput, recordValueInput, updateIndicatorInput } from '../commands/indicators.js';
import {
  addActionInput,
  addElementInput,
  addFocusAreaInput,
  addGoalInput,
  updateActionInput,
  updateElementInput,
  updateFocusAreaInput,
  updateGoalInput,
} from '../commands/parts.js';
import { adoptStrategyInput, createStrategyInput, saveVersionInput, updateStrategyInput } from '../commands/strategies.js';
import { FOCUS_AREA_REASONS, GOAL_REASONS } from '../followability.js';
import { DIMENSIONS, ELEMENT_KINDS, FOLLOWUP_STATUSES, INDICATOR_DIRECTIONS, PERIODICITIES, STRATEGY_STATUSES, VALUE_SOURCES } from '../schema.js';

// ── inputs ──────────────────────────────────────────────────────────────────
const lang = z.enum(['sv', 'en']).optional();
/** A strategy by id or slug. */
export const strategyParams = z.strictObject({ id: z.string().min(1).max(200) });
export const uuidParams = z.strictObject({ id: z.uuid() });
export const partParams = z.strictObject({ id: z.string().min(1).max(200), partId: z.uuid() });
export const versionParams = z.strictObject({ id: z.string().min(1).max(200), version: z.coerce.number().int().min(1).max(100_000) });
/** The period is checked against the indicator's periodicity by the command (422). */
export const valueParams = z.strictObject({ id: z.uuid(), period: z.string().min(1).max(100) });
export const langQuery = z.strictObject({ lang });
export const goalsQuery = z.strictObject({ strategyId: z.uuid().optional(), lang });
export const indicatorQuery = z.strictObject({
  strategyId: z.uuid().optional(),
  goalId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  dimension: z.enum(DIMENSIONS).optional(),
  lang,
});
export const followupQuery = z.strictObject({
  strategyId: z.uuid().optional(),
  bodyId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lang,
});

export const createBody = createStrategyInput;
export const updateBody = updateStrategyInput;
export const versionBody = saveVersionInput;
export const adoptBody = adoptStrategyInput;
export const elementBody = addElementInput;
export const elementPatch = updateElementInput;
export const focusAreaBody = addFocusAreaInput;
export const focusAreaPatch = updateFocusAreaInput;
export const goalBody = addGoalInput;
export const goalPatch = updateGoalInput;
export const actionBody = addActionInput;
export const actionPatch = updateActionInput;
export const indicatorBody = createIndicatorInput;
export const indicatorPatch = updateIndicatorInput;
export const valueBody = recordValueInput;
export const importBody = importValuesInput;
export const followupBody = saveFollowupInput;

// ── outputs ─────────────────────────────────────────────────────────────────
const bodyName = z.object({ id: z.uuid(), name: z.string(), slug: z.string() }).nullable();

const elementSchema = z.object({ id: z.uuid(), kind: z.enum(ELEMENT_KINDS), position: z.number().int(), title: z.string(), description: z.string() });
const focusAreaSchema = z.object({ id: z.uuid(), position: z.number().int(), title: z.string(), description: z.string() });
const goalSchema = z
  .object({
    id: z.uuid(),
    focusAreaId: z.uuid().nullable(),
    position: z.number().int(),
    title: z.string(),
    description: z.string(),
    dimensions: z.array(z.enum(DIMENSIONS)),
    ownerBody: bodyName,
  })
  .meta({ id: 'StrategyGoal' });
const actionSchema = z.object({
  id: z.uuid(),
  goalId: z.uuid().nullable(),
  focusAreaId: z.uuid().nullable(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  ownerBody: bodyName,
  dueDate: z.string().nullable(),
});
const indicatorDocSchema = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  baselinePeriod: z.string().nullable(),
  target: z.number().nullable(),
  targetPeriod: z.string().nullable(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  periodicity: z.enum(PERIODICITIES),
  source: z.string().nullable(),
  ownerBody: bodyName,
});

const documentFields = {
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  vision: z.string(),
  goalPicture: z.string().describe('Målbild'),
  status: z.enum(STRATEGY_STATUSES),
  ownerBody: bodyName,
  referralId: z.uuid().nullable(),
  adoptionItemId: z.uuid().nullable(),
  adoptedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  elements: z.array(elementSchema).describe('Principles for implementation, enablers and cost-distribution principles'),
  focusAreas: z.array(focusAreaSchema).describe('Insatsområden'),
  goals: z.array(goalSchema),
  actions: z.array(actionSchema),
};

export const documentSchema = z.object({ ...documentFields, indicators: z.array(indicatorDocSchema) }).meta({ id: 'StrategyDocument' });

export const strategySchema = z
  .object({
    ...documentFields,
    indicators: z.array(indicatorDocSchema.extend({ latest: z.object({ period: z.string(), value: z.number() }).nullable() })),
    referral: z.object({ id: z.uuid(), subject: z.string(), href: z.string() }).nullable().describe('The referral round that consulted on the strategy'),
    adoption: z
      .object({ itemId: z.uuid(), meetingId: z.uuid(), paragraph: z.number().int(), meetingDate: z.string(), bodyName: z.string(), href: z.string() })
      .nullable()
      .describe('The decision (agenda item §) that adopted it, with a link to its extract'),
    currentVersion: z.number().int(),
    changedSinceVersion: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Strategy' });

export const summarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(STRATEGY_STATUSES),
  ownerBody: bodyName,
  adoptedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  currentVersion: z.number().int(),
  updatedAt: z.string(),
});
export const summaryListSchema = z.object({ items: z.array(summarySchema) });

export const versionSummarySchema = z.object({ version: z.number().int(), note: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });
export const versionListSchema = z.object({ items: z.array(versionSummarySchema) });
export const versionSchema = versionSummarySchema.extend({ document: documentSchema }).meta({ id: 'StrategyVersion' });

const textSchema = z.object({ sv: z.string(), en: z.string() });
export const findingSchema = z
  .object({
    subject: z.enum(['goal', 'focusArea']),
    reason: z.enum([...GOAL_REASONS, ...FOCUS_AREA_REASONS]),
    title: z.string().describe('The goal or focus area'),
    goalId: z.uuid().optional(),
    focusAreaId: z.uuid().optional(),
    indicatorId: z.uuid().optional(),
    indicatorName: z.string().optional(),
    goals: z.array(z.object({ id: z.uuid(), title: z.string() })).optional().describe('The vague goals of a focus area'),
    text: textSchema,
    message: z.string().describe('The text in the reader’s language'),
  })
  .meta({ id: 'FollowabilityFinding' });
export const followabilitySchema = z.object({
  strategyId: z.uuid(),
  followable: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  findings: z.array(findingSchema),
});

export const goalListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      strategyId: z.uuid(),
      strategyTitle: z.string(),
      strategySlug: z.string(),
      focusAreaId: z.uuid().nullable(),
      position: z.number().int(),
      dimensions: z.array(z.enum(DIMENSIONS)),
      ownerBodyId: z.uuid().nullable(),
    }),
  ),
});

export const partSchemas = { element: elementSchema, focusArea: focusAreaSchema, action: actionSchema };
export const partRowSchema = z.object({ id: z.uuid(), strategyId: z.uuid(), position: z.number().int(), title: z.string() }).loose();

export const valueSchema = z.object({
  period: z.string(),
  value: z.number(),
  source: z.enum(VALUE_SOURCES),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const seriesSchema = z
  .object({
    indicator: indicatorDocSchema.extend({
      goalTitle: z.string(),
      goalDimensions: z.array(z.enum(DIMENSIONS)),
      goalOwnerBody: bodyName,
      strategyId: z.uuid(),
      strategySlug: z.string(),
      strategyTitle: z.string(),
      strategyOwnerBodyId: z.uuid().nullable(),
      href: z.string(),
    }),
    values: z.array(valueSchema).describe('In period order'),
    progress: z.number().nullable().describe('Percent of the way from the baseline to the target'),
  })
  .meta({ id: 'IndicatorSeries' });
export const seriesListSchema = z.object({ items: z.array(seriesSchema) });

export const importResultSchema = z.object({
  stored: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});
export const problemSchema = z.object({ row: z.number().int().describe('Line in the file; 0 for the file as a whole'), field: z.string(), code: z.string(), message: z.string() });
export const importErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  problems: z.array(problemSchema).optional().describe('The validation report; nothing was stored'),
});

export const followupSchema = z
  .object({
    id: z.uuid(),
    strategyId: z.uuid(),
    body: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
    year: z.number().int(),
    status: z.enum(FOLLOWUP_STATUSES),
    summary: z.string(),
    goalAssessments: z.array(z.object({ goalId: z.uuid(), assessment: z.enum(ASSESSMENTS), comment: z.string() })),
    challenges: z.string(),
    nextSteps: z.string(),
    submittedAt: z.string().nullable(),
    submittedBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AnnualFollowup' });
export const followupListSchema = z.object({ items: z.array(followupSchema) });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
