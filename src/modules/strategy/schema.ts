import { date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bodies } from '../organisation/schema.js';
import { referrals } from '../referrals/schema.js';
import { agendaItems } from '../meetings/schema.js';

export const STRATEGY_STATUSES = ['draft', 'adopted', 'archived'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];
export const strategyStatusEnum = pgEnum('strategy_status', STRATEGY_STATUSES);

/** The four sustainability dimensions of Vision 2040 (seed 002). */
export const DIMENSIONS = ['ecological', 'economic', 'social', 'democratic'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * A strategy (e.g. "Strategi för Stockholm som smart och uppkopplad stad", or the 2008 e-strategy).
 * The live structure is in the tables below (stable ids, so projects and indicator values can point
 * at goals); every saved or adopted state is also kept as an immutable snapshot in strategy_versions.
 */
export const strategies = pgTable('strategies', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  /** e.g. Vision 2040 "Ett Stockholm för alla". */
  vision: text('vision').notNull().default(''),
  /** Målbild. */
  goalPicture: text('goal_picture').notNull().default(''),
  status: strategyStatusEnum('status').notNull().default('draft'),
  ownerBodyId: uuid('owner_body_id').references(() => bodies.id, { onDelete: 'set null' }),
  /** The referral round that consulted on the draft. */
  referralId: uuid('referral_id').references(() => referrals.id, { onDelete: 'set null' }),
  /** The agenda item (§) whose decision adopted it. */
  adoptionItemId: uuid('adoption_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
  adoptedOn: date('adopted_on', { mode: 'string' }),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  currentVersion: integer('current_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const strategyVersions = pgTable(
  'strategy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The whole structure at that moment (strategy, elements, focus areas, goals, indicators, actions). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('strategy_versions_unique').on(t.strategyId, t.version)],
);

/** Principles for implementation, enablers (möjliggörare) and cost-distribution principles. */
export const ELEMENT_KINDS = ['principle', 'enabler', 'costPrinciple'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];
export const elementKindEnum = pgEnum('strategy_element_kind', ELEMENT_KINDS);

export const strategyElements = pgTable(
  'strategy_elements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    kind: elementKindEnum('kind').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [index('strategy_elements_strategy_idx').on(t.strategyId, t.kind)],
);

/** Insatsområde (seed 004 has five). */
export const focusAreas = pgTable(
  'focus_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [index('focus_areas_strategy_idx').on(t.strategyId)],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    focusAreaId: uuid('focus_area_id').references(() => focusAreas.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dimensions: jsonb('dimensions').$type<Dimension[]>().notNull().default([]),
    ownerBodyId: uuid('owner_body_id').references(() => bodies.id, { onDelete: 'set null' }),
  },
  (t) => [index('goals_strategy_idx').on(t.strategyId)],
);

/** Insats / åtgärd. */
export const strategyActions = pgTable(
  'strategy_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    focusAreaId: uuid('focus_area_id').references(() => focusAreas.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerBodyId: uuid('owner_body_id').references(() => bodies.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
  },
  (t) => [index('strategy_actions_strategy_idx').on(t.strategyId)],
);

export const INDICATOR_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
export const indicatorDirectionEnum = pgEnum('indicator_direction', INDICATOR_DIRECTIONS);

export const PERIODICITIES = ['year', 'tertial', 'quarter', 'month'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];
export const periodicityEnum = pgEnum('indicator_periodicity', PERIODICITIES);

export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    unit: text('unit').notNull(),
    baseline: numeric('baseline', { mode: 'number' }),
    baselinePeriod: text('baseline_period'),
    target: numeric('target', { mode: 'number' }),
    targetPeriod: text('target_period'),
    direction: indicatorDirectionEnum('direction').notNull().default('increase'),
    periodicity: periodicityEnum('periodicity').notNull().default('year'),
    /** Where the values come from (ILS, a register, the city data platform …). */
    source: text('source'),
    ownerBodyId: uuid('owner_body_id').references(() => bodies.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('indicators_goal_idx').on(t.goalId)],
);

export const VALUE_SOURCES = ['manual', 'csv', 'api', 'dataPlatform'] as const;
export const valueSourceEnum = pgEnum('indicator_value_source', VALUE_SOURCES);

/** One value per indicator and period: '2024', '2024-T1' (tertial), '2024-Q1', '2024-03'. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    source: valueSourceEnum('source').notNull().default('manual'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('indicator_values_unique').on(t.indicatorId, t.period)],
);

export const FOLLOWUP_STATUSES = ['draft', 'submitted'] as const;
export const followupStatusEnum = pgEnum('annual_followup_status', FOLLOWUP_STATUSES);

/** Each board's yearly follow-up against a strategy (verksamhetsberättelse part). */
export const annualFollowups = pgTable(
  'annual_followups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    status: followupStatusEnum('status').notNull().default('draft'),
    summary: text('summary').notNull().default(''),
    /** Per goal: how the board contributed, with an assessment. */
    goalAssessments: jsonb('goal_assessments')
      .$type<Array<{ goalId: string; assessment: 'onTrack' | 'atRisk' | 'offTrack' | 'notStarted'; comment: string }>>()
      .notNull()
      .default([]),
    challenges: text('challenges').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: text('submitted_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('annual_followups_unique').on(t.strategyId, t.bodyId, t.year)],
);

