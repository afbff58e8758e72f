import { type AnyPgColumn, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bodies } from '../organisation/schema.js';
import { agendaItems } from '../meetings/schema.js';
import { goals, strategies } from '../strategy/schema.js';

/** verksamhetsprojekt / förutsättningsprojekt (seed 002). */
export const PROJECT_KINDS = ['operational', 'enabling'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const projectKindEnum = pgEnum('project_kind', PROJECT_KINDS);

export const PROJECT_STATUSES = ['proposed', 'ongoing', 'paused', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const projectStatusEnum = pgEnum('project_status', PROJECT_STATUSES);

/** Kostnadsfördelning: the owning area bears specific costs; shared platforms are split by a key. */
export const COST_BEARINGS = ['owner', 'shared'] as const;
export const costBearingEnum = pgEnum('project_cost_bearing', COST_BEARINGS);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: projectKindEnum('kind').notNull(),
    status: projectStatusEnum('status').notNull().default('proposed'),
    ownerBodyId: uuid('owner_body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'restrict' }),
    strategyId: uuid('strategy_id').references(() => strategies.id, { onDelete: 'set null' }),
    /** Sub-projects roll their progress up to the parent by weight (Decidim accountability). */
    parentId: uuid('parent_id').references((): AnyPgColumn => projects.id, { onDelete: 'set null' }),
    weight: numeric('weight', { mode: 'number' }).notNull().default(1),
    /** SEK per year. */
    estimatedCostPerYear: numeric('estimated_cost_per_year', { mode: 'number' }),
    costBearing: costBearingEnum('cost_bearing').notNull().default('owner'),
    /** For shared costs: the key, e.g. "per number of users" or "equal split between the boards". */
    costKey: text('cost_key'),
    benefits: text('benefits').notNull().default(''),
    risks: text('risks').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    submittedBy: text('submitted_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('projects_owner_idx').on(t.ownerBodyId), index('projects_status_idx').on(t.status), index('projects_parent_idx').on(t.parentId)],
);

export const projectGoals = pgTable(
  'project_goals',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.goalId] })],
);

export const projectDependencies = pgTable(
  'project_dependencies',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    dependsOnId: uuid('depends_on_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.dependsOnId] })],
);

/** Decisions about a project (funding, start, stop): an agenda item of some body's meeting. */
export const projectDecisions = pgTable(
  'project_decisions',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.itemId] })],
);

export interface Criterion {
  key: string;
  labelSv: string;
  labelEn: string;
  /** Relative weight; scores are 0–5 and "risk" and "cost" count inversely (higher = better after inversion). */
  weight: number;
  inverse: boolean;
}

export const ROUND_STATUSES = ['open', 'decided'] as const;
export const roundStatusEnum = pgEnum('prioritisation_round_status', ROUND_STATUSES);

/** One prioritisation by the digitalisation council: criteria, budget, scores, the funded set. */
export const prioritisationRounds = pgTable('prioritisation_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilBodyId: uuid('council_body_id')
    .notNull()
    .references(() => bodies.id, { onDelete: 'restrict' }),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  /** SEK available for the round. */
  budget: numeric('budget', { mode: 'number' }).notNull(),
  criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
  status: roundStatusEnum('status').notNull().default('open'),
  /** The council's decision (§) recording the funded set. */
  decisionItemId: uuid('decision_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const projectScores = pgTable(
  'project_scores',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => prioritisationRounds.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    criterion: text('criterion').notNull(),
    score: integer('score').notNull(),
    scoredBy: text('scored_by').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.projectId, t.criterion] })],
);

/** The set: what the tool proposed and what the council chose (and with how much). */
export const roundSelections = pgTable(
  'round_selections',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => prioritisationRounds.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    proposedByTool: boolean('proposed_by_tool').notNull().default(false),
    selected: boolean('selected').notNull().default(false),
    amount: numeric('amount', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.projectId] })],
);

/** Status per period from the project owner. */
export const projectReports = pgTable(
  'project_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    progress: integer('progress').notNull(),
    milestones: jsonb('milestones').$type<Array<{ title: string; due: string | null; done: boolean }>>().notNull().default([]),
    spent: numeric('spent', { mode: 'number' }),
    budget: numeric('budget', { mode: 'number' }),
    narrative: text('narrative').notNull().default(''),
    reportedBy: text('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('project_reports_unique').on(t.projectId, t.period)],
);
