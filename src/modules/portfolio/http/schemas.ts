import { z } from 'zod';
import { importProjectsInput } from '../commands/import-projects.js';
import {
  createProjectInput,
  createRoundInput,
  linkDecisionInput,
  recordDecisionInput,
  reportInput,
  saveSelectionInput,
  setProjectStatusInput,
  setScoresInput,
  updateProjectInput,
} from '../commands/inputs.js';
import { COST_BEARINGS, PROJECT_KINDS, PROJECT_STATUSES, ROUND_STATUSES } from '../schema.js';
import { DIMENSIONS } from '../../strategy/schema.js';

// ── inputs ──────────────────────────────────────────────────────────────────
export const idParams = z.strictObject({ id: z.uuid() });
const lang = z.enum(['sv', 'en']).optional();
export const projectListQuery = z.strictObject({
  bodyId: z.uuid().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  kind: z.enum(PROJECT_KINDS).optional(),
  goalId: z.uuid().optional(),
  dimension: z.enum(DIMENSIONS).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  lang,
});
export const overviewQuery = z.strictObject({ bodyId: z.uuid().optional(), goalId: z.uuid().optional(), dimension: z.enum(DIMENSIONS).optional(), lang });

export const createProjectBody = createProjectInput;
export const updateProjectBody = updateProjectInput;
export const statusBody = setProjectStatusInput;
export const linkDecisionBody = linkDecisionInput;
export const reportBody = reportInput;
/** A file in JSON: base64 of at most 5 MB. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const importBody = importProjectsInput.extend({
  contentBase64: z.string().min(1).max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4),
});
export const createRoundBody = createRoundInput;
export const scoresBody = setScoresInput;
export const selectionBody = saveSelectionInput;
export const decisionBody = recordDecisionInput;

// ── outputs ─────────────────────────────────────────────────────────────────
const reportSchema = z.object({
  period: z.string(),
  progress: z.number(),
  milestones: z.array(z.object({ title: z.string(), due: z.string().nullable(), done: z.boolean() })),
  spent: z.number().nullable(),
  budget: z.number().nullable(),
  narrative: z.string(),
  reportedBy: z.string(),
  reportedAt: z.string(),
});

const decisionSchema = z.object({
  itemId: z.uuid(),
  meetingId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  meetingDate: z.string(),
  paragraph: z.number().int(),
  title: z.string(),
  finalOn: z.string().nullable(),
  decisionPoints: z.array(z.string()),
  href: z.string().describe('The decision’s page'),
});

const related = z.object({ id: z.uuid(), title: z.string(), status: z.enum(PROJECT_STATUSES), ownerBodyName: z.string() });

const projectFields = {
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(PROJECT_KINDS).describe('operational = verksamhetsprojekt, enabling = förutsättningsprojekt'),
  status: z.enum(PROJECT_STATUSES),
  ownerBodyId: z.uuid(),
  ownerBodyName: z.string(),
  strategyId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  weight: z.number(),
  estimatedCostPerYear: z.number().nullable().describe('SEK per year'),
  costBearing: z.enum(COST_BEARINGS),
  costKey: z.string().nullable(),
  benefits: z.string(),
  risks: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  goals: z.array(z.object({ id: z.uuid(), title: z.string(), strategyId: z.uuid(), strategyTitle: z.string(), dimensions: z.array(z.string()) })),
  progress: z
    .object({ percent: z.number(), fromChildren: z.boolean(), period: z.string().nullable() })
    .describe('The latest report’s progress; for a parent, the weighted roll-up of its children'),
  latestReport: reportSchema.nullable(),
  submittedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const projectSummarySchema = z.object(projectFields).meta({ id: 'ProjectSummary' });
export const projectSchema = z
  .object({
    ...projectFields,
    parent: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    children: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(PROJECT_STATUSES), weight: z.number(), progress: z.number() })),
    dependsOn: z.array(related),
    dependents: z.array(related),
    decisions: z.array(decisionSchema),
    reports: z.array(reportSchema),
  })
  .meta({ id: 'Project' });
export const projectListSchema = z.object({ items: z.array(projectSummarySchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

const issueSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string(), code: z.string(), value: z.string().optional() });
export const importReportSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    rows: z.number().int(),
    stored: z.boolean(),
    dryRun: z.boolean(),
    created: z.array(z.object({ row: z.number().int(), id: z.uuid(), title: z.string() })),
    errors: z.array(issueSchema),
    warnings: z.array(issueSchema),
  })
  .meta({ id: 'ProjectImportReport' });
export const importRejectedSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  report: importReportSchema.optional(),
});

const criterionSchema = z.object({ key: z.string(), labelSv: z.string(), labelEn: z.string(), weight: z.number(), inverse: z.boolean() });
const roundFields = {
  id: z.uuid(),
  councilBodyId: z.uuid(),
  councilBodyName: z.string(),
  title: z.string(),
  year: z.number().int(),
  budget: z.number().describe('SEK'),
  status: z.enum(ROUND_STATUSES),
  criteria: z.array(criterionSchema),
  decisionItemId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const roundSummarySchema = z.object(roundFields).meta({ id: 'PrioritisationRoundSummary' });
export const roundListSchema = z.object({ items: z.array(roundSummarySchema) });
export const roundSchema = z
  .object({
    ...roundFields,
    candidates: z.array(
      z.object({
        projectId: z.uuid(),
        title: z.string(),
        ownerBodyName: z.string(),
        kind: z.enum(PROJECT_KINDS),
        status: z.enum(PROJECT_STATUSES),
        estimatedCostPerYear: z.number().nullable(),
        scores: z.record(z.string(), z.number()),
        weightedScore: z.number().describe('0–5: Σ weight × score (5 − score for inverse criteria) / Σ weights'),
        points: z.number().describe('Σ weight × score: what the proposal maximises'),
        scored: z.number().int(),
        complete: z.boolean(),
        rank: z.number().int(),
        dependsOn: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(PROJECT_STATUSES), satisfied: z.boolean() })),
        proposedByTool: z.boolean().describe('In the tool’s proposal computed from the current scores'),
        notConsidered: z.enum(['unmetDependency', 'overBudget', 'noCost', 'notProposed']).nullable(),
        selection: z.object({ selected: z.boolean(), amount: z.number().nullable(), proposedByTool: z.boolean() }).nullable(),
      }),
    ),
    proposal: z.object({ selected: z.array(z.uuid()), totalCost: z.number(), totalValue: z.number(), optimal: z.boolean() }),
    selectedTotal: z.number(),
    decision: decisionSchema.nullable(),
  })
  .meta({ id: 'PrioritisationRound' });
export const decisionResultSchema = z.object({ roundId: z.uuid(), meetingId: z.uuid(), itemId: z.uuid(), funded: z.array(z.uuid()) });
export const linkResultSchema = z.object({ linked: z.boolean() });
export const scoreResultSchema = z.object({ changed: z.number().int() });

export const overviewSchema = z
  .object({
    total: z.number().int(),
    byStatus: z.array(z.object({ status: z.enum(PROJECT_STATUSES), count: z.number().int() })),
    byKind: z.array(z.object({ kind: z.enum(PROJECT_KINDS), count: z.number().int() })),
    byBody: z.array(
      z.object({
        bodyId: z.uuid(),
        bodyName: z.string(),
        projects: z.number().int(),
        byStatus: z.record(z.string(), z.number().int()),
        estimatedCost: z.number(),
        budget: z.number(),
        spent: z.number(),
        progress: z.number().nullable(),
      }),
    ),
    totals: z.object({ estimatedCost: z.number(), budget: z.number(), spent: z.number() }),
  })
  .meta({ id: 'PortfolioOverview' });

export const errorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});
