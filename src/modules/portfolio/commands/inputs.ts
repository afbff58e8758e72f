import { z } from 'zod';
import { COST_BEARINGS, PROJECT_KINDS, PROJECT_STATUSES } from '../schema.js';

/** Shared pieces of the portfolio commands' inputs (also the API's request bodies). */
export const isoDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'portfolio.date.range' });
/** SEK, up to a trillion. */
export const sekAmount = z.number().min(0).max(1e12);
export const TEXT_MAX = 10_000;
const longText = z.string().max(TEXT_MAX);
export const titleInput = z.string().trim().min(1).max(300);

/** '2026' (year), '2026-T1' (tertial), '2026-Q1' (quarter), '2026-03' (month). */
export const PERIOD_PATTERN = /^\d{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$/;
export const periodInput = z.string().trim().max(10).regex(PERIOD_PATTERN, { message: 'portfolio.period.format' });

/** The fields of a project; none has a default here, so an update changes only what it names. */
const projectFields = {
  title: titleInput,
  description: longText,
  /** operational = verksamhetsprojekt, enabling = förutsättningsprojekt. */
  kind: z.enum(PROJECT_KINDS),
  ownerBodyId: z.uuid(),
  strategyId: z.uuid().nullable(),
  /** The parent project its progress rolls up to. */
  parentId: z.uuid().nullable(),
  /** Share in the parent's progress (only the ratio between siblings matters). */
  weight: z.number().min(0).max(1000),
  /** SEK per year. */
  estimatedCostPerYear: sekAmount.nullable(),
  /** owner: the owning area bears the specific costs; shared: split by `costKey`. */
  costBearing: z.enum(COST_BEARINGS),
  /** For shared costs: how they are split, e.g. "per antal användare". */
  costKey: z.string().trim().max(500).nullable(),
  benefits: longText,
  risks: longText,
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  /** Goals of the strategy the project serves. */
  goalIds: z.array(z.uuid()).max(50),
  /** Projects this one needs (no cycles). */
  dependsOnIds: z.array(z.uuid()).max(100),
};

export const createProjectInput = z.strictObject({
  ...projectFields,
  description: projectFields.description.optional(),
  strategyId: projectFields.strategyId.optional(),
  parentId: projectFields.parentId.optional(),
  weight: projectFields.weight.optional(),
  estimatedCostPerYear: projectFields.estimatedCostPerYear.optional(),
  costBearing: projectFields.costBearing.optional(),
  costKey: projectFields.costKey.optional(),
  benefits: projectFields.benefits.optional(),
  risks: projectFields.risks.optional(),
  startDate: projectFields.startDate.optional(),
  endDate: projectFields.endDate.optional(),
  goalIds: projectFields.goalIds.optional(),
  dependsOnIds: projectFields.dependsOnIds.optional(),
  /** Mapping: boards submit possible (proposed) and ongoing projects. */
  status: z.enum(PROJECT_STATUSES).optional(),
});
export type CreateProjectInput = z.input<typeof createProjectInput>;
export type CreateProjectData = z.output<typeof createProjectInput>;

export const updateProjectInput = z.strictObject(Object.fromEntries(Object.entries(projectFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof projectFields]: z.ZodOptional<(typeof projectFields)[K]>;
});
export type UpdateProjectInput = z.input<typeof updateProjectInput>;

export const setProjectStatusInput = z.strictObject({
  status: z.enum(PROJECT_STATUSES),
  /** Why (kept in the audit log). */
  note: z.string().trim().max(1000).optional(),
});
export type SetProjectStatusInput = z.input<typeof setProjectStatusInput>;

export const linkDecisionInput = z.strictObject({
  /** The agenda item (§) whose decision concerns the project; it must be final. */
  itemId: z.uuid(),
});
export type LinkDecisionInput = z.input<typeof linkDecisionInput>;

export const milestoneInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  due: isoDate.nullable().default(null),
  done: z.boolean().default(false),
});

export const reportInput = z.strictObject({
  period: periodInput,
  /** 0–100 %. For a parent project the page shows the roll-up of its children instead. */
  progress: z.number().int().min(0).max(100),
  milestones: z.array(milestoneInput).max(50).default([]),
  /** SEK spent so far in the period. */
  spent: sekAmount.nullable().default(null),
  /** SEK budgeted for the period. */
  budget: sekAmount.nullable().default(null),
  narrative: longText.default(''),
});
export type ReportInput = z.input<typeof reportInput>;

// ── prioritisation ──────────────────────────────────────────────────────────
export const criterionInput = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/, { message: 'portfolio.criterion.key' }),
  labelSv: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  /** Whole numbers, so weighted scores are whole and the knapsack compares them exactly. */
  weight: z.number().int().min(0).max(100),
  /** Risk and cost: a high score counts as low (5 − score). */
  inverse: z.boolean(),
});

export const createRoundInput = z.strictObject({
  /** The digitalisation council (a body of kind digitalisationCouncil). */
  councilBodyId: z.uuid(),
  title: titleInput,
  year: z.number().int().min(2000).max(2100),
  /** SEK available. */
  budget: z.number().positive().max(1e12),
  /** Defaults: goal contribution, benefit for residents, readiness, risk (inverse), cost (inverse). */
  criteria: z.array(criterionInput).min(1).max(10).optional(),
});
export type CreateRoundInput = z.input<typeof createRoundInput>;

export const setScoresInput = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        projectId: z.uuid(),
        criterion: z.string().trim().min(1).max(40),
        /** 0–5; null removes the score. */
        score: z.number().int().min(0).max(5).nullable(),
      }),
    )
    .min(1)
    .max(5000),
});
export type SetScoresInput = z.input<typeof setScoresInput>;

export const saveSelectionInput = z.strictObject({
  /** The whole selection: listed projects with `selected: true` are funded; the rest are not. */
  items: z
    .array(
      z.strictObject({
        projectId: z.uuid(),
        selected: z.boolean(),
        /** SEK granted; defaults to the project's estimated cost per year. */
        amount: sekAmount.nullable().optional(),
      }),
    )
    .max(1000),
});
export type SaveSelectionInput = z.input<typeof saveSelectionInput>;

export const recordDecisionInput = z.strictObject({
  /** The council's meeting day; today when left out. Not in the future. */
  decisionDate: isoDate.optional(),
  /** A planned meeting of the council to put the item on (approved at once); a new meeting when left out. */
  meetingId: z.uuid().optional(),
  /** Justerare. */
  approvers: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
});
export type RecordDecisionInput = z.input<typeof recordDecisionInput>;
