import { and, asc, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
// Shared schema files, read only: bodies for names and kinds, the strategy's goals (title,
// dimensions) for the goals a project serves, and meetings' agenda items for linked decisions.
import { agendaItems, meetings } from '../meetings/schema.js';
import { bodies } from '../organisation/schema.js';
import { cases } from '../registry/schema.js';
import { goals, strategies, type Dimension } from '../strategy/schema.js';
import {
  prioritisationRounds,
  projectDecisions,
  projectDependencies,
  projectGoals,
  projectReports,
  projects,
  projectScores,
  roundSelections,
  type ProjectKind,
  type ProjectStatus,
} from './schema.js';

export type ProjectRow = typeof projects.$inferSelect;
export type RoundRow = typeof prioritisationRounds.$inferSelect;
export type ScoreRow = typeof projectScores.$inferSelect;
export type SelectionRow = typeof roundSelections.$inferSelect;
export type ReportRow = typeof projectReports.$inferSelect;

export type ProjectWithBody = ProjectRow & { ownerBodyName: string };

export interface ProjectFilter {
  bodyId?: string | undefined;
  status?: ProjectStatus | undefined;
  kind?: ProjectKind | undefined;
  goalId?: string | undefined;
  dimension?: Dimension | undefined;
  strategyId?: string | undefined;
  q?: string | undefined;
  ids?: readonly string[] | undefined;
}

export interface GoalRef {
  projectId: string;
  goalId: string;
  title: string;
  strategyId: string;
  strategyTitle: string;
  dimensions: Dimension[];
}

export interface DecisionRef {
  projectId: string;
  itemId: string;
  meetingId: string;
  meetingDate: string;
  paragraph: number;
  title: string;
  bodyId: string;
  bodyName: string;
  finalOn: string | null;
  decisionPoints: string[];
}

const projectColumns = {
  id: projects.id,
  title: projects.title,
  description: projects.description,
  kind: projects.kind,
  status: projects.status,
  ownerBodyId: projects.ownerBodyId,
  strategyId: projects.strategyId,
  parentId: projects.parentId,
  weight: projects.weight,
  estimatedCostPerYear: projects.estimatedCostPerYear,
  costBearing: projects.costBearing,
  costKey: projects.costKey,
  benefits: projects.benefits,
  risks: projects.risks,
  startDate: projects.startDate,
  endDate: projects.endDate,
  submittedBy: projects.submittedBy,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  ownerBodyName: bodies.name,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function projectWhere(f: ProjectFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.bodyId) conds.push(eq(projects.ownerBodyId, f.bodyId));
  if (f.status) conds.push(eq(projects.status, f.status));
  if (f.kind) conds.push(eq(projects.kind, f.kind));
  if (f.strategyId) conds.push(eq(projects.strategyId, f.strategyId));
  if (f.ids) conds.push(f.ids.length ? inArray(projects.id, [...f.ids]) : sql`false`);
  if (f.goalId) {
    conds.push(sql`exists (select 1 from ${projectGoals} where ${projectGoals.projectId} = ${projects.id} and ${projectGoals.goalId} = ${f.goalId})`);
  }
  if (f.dimension) {
    conds.push(
      sql`exists (select 1 from ${projectGoals} join ${goals} on ${goals.id} = ${projectGoals.goalId} where ${projectGoals.projectId} = ${projects.id} and ${goals.dimensions} @> ${JSON.stringify([f.dimension])}::jsonb)`,
    );
  }
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(projects.title, like), ilike(projects.description, like))!);
  }
  return conds.length ? and(...conds) : undefined;
}

/** A decision (agenda item) as the project pages show it. */
const decisionColumns = {
  itemId: agendaItems.id,
  meetingId: meetings.id,
  meetingDate: meetings.meetingDate,
  paragraph: agendaItems.paragraph,
  title: agendaItems.title,
  bodyId: bodies.id,
  bodyName: bodies.name,
  finalOn: agendaItems.finalOn,
  decisionPoints: agendaItems.decisionPoints,
};

export const portfolioRepository = {
  // ── projects ──────────────────────────────────────────────────────────────
  async insertProject(tx: Db, row: typeof projects.$inferInsert): Promise<ProjectRow> {
    const [created] = await tx.insert(projects).values(row).returning();
    return created!;
  },
  async updateProject(tx: Db, id: string, patch: Partial<typeof projects.$inferInsert>): Promise<ProjectRow> {
    const [row] = await tx.update(projects).set(patch).where(eq(projects.id, id)).returning();
    return row!;
  },
  /** SELECT … FOR UPDATE: concurrent edits of one project queue. */
  async lockProject(tx: Db, id: string): Promise<ProjectRow | undefined> {
    const [row] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
    return row;
  },
  async findProject(db: Db, id: string): Promise<ProjectWithBody | undefined> {
    const [row] = await db.select(projectColumns).from(projects).innerJoin(bodies, eq(bodies.id, projects.ownerBodyId)).where(eq(projects.id, id));
    return row;
  },
  async findProjectsByTitle(db: Db, titles: readonly string[]): Promise<Array<{ id: string; title: string; status: ProjectStatus }>> {
    if (titles.length === 0) return [];
    return db
      .select({ id: projects.id, title: projects.title, status: projects.status })
      .from(projects)
      .where(inArray(sql`lower(${projects.title})`, titles.map((t) => t.toLowerCase())));
  },
  async listProjects(db: Db, filter: ProjectFilter, page?: { offset: number; limit: number }): Promise<{ rows: ProjectWithBody[]; total: number }> {
    const where = projectWhere(filter);
    const base = db.select(projectColumns).from(projects).innerJoin(bodies, eq(bodies.id, projects.ownerBodyId)).where(where).orderBy(asc(bodies.name), asc(projects.title), asc(projects.id));
    const rows = page ? await base.limit(page.limit).offset(page.offset) : await base;
    if (!page) return { rows, total: rows.length };
    const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where);
    return { rows, total: c?.n ?? 0 };
  },
  async projectChoices(db: Db): Promise<Array<{ id: string; title: string; status: ProjectStatus; ownerBodyName: string }>> {
    return db
      .select({ id: projects.id, title: projects.title, status: projects.status, ownerBodyName: bodies.name })
      .from(projects)
      .innerJoin(bodies, eq(bodies.id, projects.ownerBodyId))
      .orderBy(asc(projects.title), asc(projects.id));
  },
  async childrenOf(db: Db, parentId: string): Promise<ProjectWithBody[]> {
    return db
      .select(projectColumns)
      .from(projects)
      .innerJoin(bodies, eq(bodies.id, projects.ownerBodyId))
      .where(eq(projects.parentId, parentId))
      .orderBy(asc(projects.title));
  },
  /** id → parentId of every project (small: for the cycle check and the roll-up). */
  async parentMap(db: Db): Promise<Array<{ id: string; parentId: string | null; weight: number }>> {
    return db.select({ id: projects.id, parentId: projects.parentId, weight: projects.weight }).from(projects);
  },

  // ── goals ─────────────────────────────────────────────────────────────────
  async replaceGoals(tx: Db, projectId: string, goalIds: readonly string[]): Promise<void> {
    await tx.delete(projectGoals).where(eq(projectGoals.projectId, projectId));
    if (goalIds.length) await tx.insert(projectGoals).values(goalIds.map((goalId) => ({ projectId, goalId })));
  },
  async goalsOf(db: Db, projectIds: readonly string[]): Promise<GoalRef[]> {
    if (projectIds.length === 0) return [];
    return db
      .select({
        projectId: projectGoals.projectId,
        goalId: goals.id,
        title: goals.title,
        strategyId: goals.strategyId,
        strategyTitle: strategies.title,
        dimensions: goals.dimensions,
      })
      .from(projectGoals)
      .innerJoin(goals, eq(goals.id, projectGoals.goalId))
      .innerJoin(strategies, eq(strategies.id, goals.strategyId))
      .where(inArray(projectGoals.projectId, [...projectIds]))
      .orderBy(asc(strategies.title), asc(goals.position));
  },
  async findGoals(db: Db, ids: readonly string[]): Promise<Array<{ id: string; strategyId: string; title: string }>> {
    if (ids.length === 0) return [];
    return db.select({ id: goals.id, strategyId: goals.strategyId, title: goals.title }).from(goals).where(inArray(goals.id, [...ids]));
  },
  /** Every goal of every strategy, for the forms and the dashboard's filter. */
  async goalChoices(db: Db): Promise<Array<{ id: string; title: string; strategyId: string; strategyTitle: string; position: number; dimensions: Dimension[] }>> {
    return db
      .select({ id: goals.id, title: goals.title, strategyId: goals.strategyId, strategyTitle: strategies.title, position: goals.position, dimensions: goals.dimensions })
      .from(goals)
      .innerJoin(strategies, eq(strategies.id, goals.strategyId))
      .orderBy(asc(strategies.title), asc(goals.position), asc(goals.id));
  },
  async strategyExists(db: Db, id: string): Promise<boolean> {
    const [row] = await db.select({ id: strategies.id }).from(strategies).where(eq(strategies.id, id));
    return Boolean(row);
  },

  // ── dependencies ──────────────────────────────────────────────────────────
  async replaceDependencies(tx: Db, projectId: string, dependsOnIds: readonly string[]): Promise<void> {
    await tx.delete(projectDependencies).where(eq(projectDependencies.projectId, projectId));
    if (dependsOnIds.length) await tx.insert(projectDependencies).values(dependsOnIds.map((dependsOnId) => ({ projectId, dependsOnId })));
  },
  async allDependencies(db: Db): Promise<Array<{ projectId: string; dependsOnId: string }>> {
    return db.select({ projectId: projectDependencies.projectId, dependsOnId: projectDependencies.dependsOnId }).from(projectDependencies);
  },
  /** Lock the dependency table's writers against each other, so two concurrent edits cannot close a cycle together. */
  async lockDependencyGraph(tx: Db): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('portfolio.project_dependencies'))`);
  },

  // ── decisions ─────────────────────────────────────────────────────────────
  async linkDecision(tx: Db, projectId: string, itemId: string): Promise<boolean> {
    const rows = await tx.insert(projectDecisions).values({ projectId, itemId }).onConflictDoNothing().returning();
    return rows.length > 0;
  },
  async decisionsOf(db: Db, projectIds: readonly string[]): Promise<DecisionRef[]> {
    if (projectIds.length === 0) return [];
    return db
      .select({ projectId: projectDecisions.projectId, ...decisionColumns })
      .from(projectDecisions)
      .innerJoin(agendaItems, eq(agendaItems.id, projectDecisions.itemId))
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(inArray(projectDecisions.projectId, [...projectIds]))
      .orderBy(desc(meetings.meetingDate), asc(agendaItems.paragraph));
  },
  /** A decision (agenda item) as the project page shows it; with its case's confidentiality. */
  async findDecisionItem(db: Db, itemId: string): Promise<(Omit<DecisionRef, 'projectId'> & { caseConfidentiality: number | null }) | undefined> {
    const [row] = await db
      .select({ ...decisionColumns, caseConfidentiality: cases.confidentiality })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .leftJoin(cases, eq(cases.id, agendaItems.caseId))
      .where(eq(agendaItems.id, itemId));
    return row;
  },
  /** Final, public decisions of the given bodies, newest first: what a project may be linked to. */
  async decisionChoices(db: Db, bodyIds: readonly string[], limit = 200): Promise<Array<Omit<DecisionRef, 'projectId'>>> {
    if (bodyIds.length === 0) return [];
    return db
      .select(decisionColumns)
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .leftJoin(cases, eq(cases.id, agendaItems.caseId))
      .where(and(inArray(meetings.bodyId, [...bodyIds]), isNotNull(agendaItems.finalOn), sql`coalesce(${cases.confidentiality}, 0) = 0`))
      .orderBy(desc(meetings.meetingDate), desc(agendaItems.paragraph))
      .limit(limit);
  },

  // ── reports ───────────────────────────────────────────────────────────────
  async upsertReport(tx: Db, row: typeof projectReports.$inferInsert): Promise<{ report: ReportRow; before: ReportRow | undefined }> {
    const [before] = await tx
      .select()
      .from(projectReports)
      .where(and(eq(projectReports.projectId, row.projectId), eq(projectReports.period, row.period)))
      .for('update');
    const [report] = await tx
      .insert(projectReports)
      .values(row)
      .onConflictDoUpdate({
        target: [projectReports.projectId, projectReports.period],
        set: {
          progress: row.progress,
          milestones: row.milestones,
          spent: row.spent,
          budget: row.budget,
          narrative: row.narrative,
          reportedBy: row.reportedBy,
          reportedAt: row.reportedAt,
        },
      })
      .returning();
    return { report: report!, before };
  },
  async reportsOf(db: Db, projectIds: readonly string[]): Promise<ReportRow[]> {
    if (projectIds.length === 0) return [];
    return db
      .select()
      .from(projectReports)
      .where(inArray(projectReports.projectId, [...projectIds]))
      .orderBy(asc(projectReports.projectId), desc(projectReports.period), desc(projectReports.reportedAt));
  },
  async allReports(db: Db): Promise<ReportRow[]> {
    return db.select().from(projectReports).orderBy(asc(projectReports.projectId), desc(projectReports.period), desc(projectReports.reportedAt));
  },

  // ── bodies ────────────────────────────────────────────────────────────────
  async bodyChoices(db: Db): Promise<Array<{ id: string; name: string; kind: string }>> {
    return db.select({ id: bodies.id, name: bodies.name, kind: bodies.kind }).from(bodies).where(sql`${bodies.archivedAt} is null`).orderBy(asc(bodies.name));
  },
  async findBodiesByName(db: Db, names: readonly string[]): Promise<Array<{ id: string; name: string; slug: string; shortName: string | null }>> {
    if (names.length === 0) return [];
    const lower = names.map((n) => n.toLowerCase());
    return db
      .select({ id: bodies.id, name: bodies.name, slug: bodies.slug, shortName: bodies.shortName })
      .from(bodies)
      .where(or(inArray(sql`lower(${bodies.name})`, lower), inArray(bodies.slug, lower), inArray(sql`lower(${bodies.shortName})`, lower)));
  },

  // ── rounds ────────────────────────────────────────────────────────────────
  async insertRound(tx: Db, row: typeof prioritisationRounds.$inferInsert): Promise<RoundRow> {
    const [created] = await tx.insert(prioritisationRounds).values(row).returning();
    return created!;
  },
  async updateRound(tx: Db, id: string, patch: Partial<typeof prioritisationRounds.$inferInsert>): Promise<RoundRow> {
    const [row] = await tx.update(prioritisationRounds).set(patch).where(eq(prioritisationRounds.id, id)).returning();
    return row!;
  },
  async lockRound(tx: Db, id: string): Promise<RoundRow | undefined> {
    const [row] = await tx.select().from(prioritisationRounds).where(eq(prioritisationRounds.id, id)).for('update');
    return row;
  },
  async findRound(db: Db, id: string): Promise<(RoundRow & { councilBodyName: string }) | undefined> {
    const [row] = await db
      .select({ round: prioritisationRounds, councilBodyName: bodies.name })
      .from(prioritisationRounds)
      .innerJoin(bodies, eq(bodies.id, prioritisationRounds.councilBodyId))
      .where(eq(prioritisationRounds.id, id));
    return row ? { ...row.round, councilBodyName: row.councilBodyName } : undefined;
  },
  async findRoundByTitle(db: Db, councilBodyId: string, title: string, year: number): Promise<RoundRow | undefined> {
    const [row] = await db
      .select()
      .from(prioritisationRounds)
      .where(and(eq(prioritisationRounds.councilBodyId, councilBodyId), eq(prioritisationRounds.title, title), eq(prioritisationRounds.year, year)));
    return row;
  },
  async listRounds(db: Db): Promise<Array<RoundRow & { councilBodyName: string }>> {
    const rows = await db
      .select({ round: prioritisationRounds, councilBodyName: bodies.name })
      .from(prioritisationRounds)
      .innerJoin(bodies, eq(bodies.id, prioritisationRounds.councilBodyId))
      .orderBy(desc(prioritisationRounds.year), desc(prioritisationRounds.createdAt));
    return rows.map((r) => ({ ...r.round, councilBodyName: r.councilBodyName }));
  },
  /** The round's candidates: every proposed project, and any project already scored or selected in it. */
  async candidateIds(db: Db, roundId: string): Promise<string[]> {
    const rows = await db
      .select({ id: projects.id })
      .from(projects)
      .where(
        or(
          eq(projects.status, 'proposed'),
          sql`exists (select 1 from ${projectScores} where ${projectScores.roundId} = ${roundId} and ${projectScores.projectId} = ${projects.id})`,
          sql`exists (select 1 from ${roundSelections} where ${roundSelections.roundId} = ${roundId} and ${roundSelections.projectId} = ${projects.id})`,
        ),
      );
    return rows.map((r) => r.id);
  },

  // ── scores and selections ─────────────────────────────────────────────────
  async upsertScore(tx: Db, row: typeof projectScores.$inferInsert): Promise<void> {
    await tx
      .insert(projectScores)
      .values(row)
      .onConflictDoUpdate({
        target: [projectScores.roundId, projectScores.projectId, projectScores.criterion],
        set: { score: row.score, scoredBy: row.scoredBy, scoredAt: row.scoredAt },
      });
  },
  async deleteScore(tx: Db, roundId: string, projectId: string, criterion: string): Promise<void> {
    await tx
      .delete(projectScores)
      .where(and(eq(projectScores.roundId, roundId), eq(projectScores.projectId, projectId), eq(projectScores.criterion, criterion)));
  },
  async scoresOf(db: Db, roundId: string): Promise<ScoreRow[]> {
    return db.select().from(projectScores).where(eq(projectScores.roundId, roundId));
  },
  async selectionsOf(db: Db, roundId: string): Promise<SelectionRow[]> {
    return db.select().from(roundSelections).where(eq(roundSelections.roundId, roundId));
  },
  async replaceSelections(tx: Db, roundId: string, rows: Array<Omit<typeof roundSelections.$inferInsert, 'roundId'>>): Promise<void> {
    await tx.delete(roundSelections).where(eq(roundSelections.roundId, roundId));
    if (rows.length) await tx.insert(roundSelections).values(rows.map((r) => ({ ...r, roundId })));
  },
};
