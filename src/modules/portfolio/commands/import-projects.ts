import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { readTable, UnreadableFile, type Table } from '../import/read.js';
import { mapHeader, planImport, type ImportIssue, type Lookups } from '../import/rows.js';
import { canWriteFor, PORTFOLIO_WRITE } from '../policy.js';
import { portfolioRepository as repo } from '../repository.js';
import { insertProject } from './create-project.js';

export interface ImportReport {
  format: 'csv' | 'xlsx';
  /** Data rows read (blank rows are skipped). */
  rows: number;
  stored: boolean;
  dryRun: boolean;
  created: Array<{ row: number; id: string; title: string }>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** The report of a refused import travels in the error, so pages and the API can show it. */
export class ImportRejected extends Invalid {
  constructor(readonly report: ImportReport) {
    super(
      Object.fromEntries(report.errors.map((e, i) => [`rows.${e.row}.${i}`, [e.message]])),
      `import refused: ${report.errors.length} problems`,
    );
  }
}

export const importProjectsInput = z.strictObject({
  filename: z.string().trim().min(1).max(300),
  /** Check and report without storing anything. */
  dryRun: z.boolean().default(false),
});
export type ImportProjectsInput = z.input<typeof importProjectsInput>;

async function lookups(ctx: Ctx, table: Table): Promise<Lookups> {
  const bodies = new Map<string, { id: string; name: string }>();
  const ownerColumn = mapHeader(table.header).index.get('owner');
  const owners = ownerColumn === undefined ? [] : [...new Set(table.rows.map((r) => String(r.cells[ownerColumn] ?? '').trim()).filter(Boolean))];
  for (const b of await repo.findBodiesByName(ctx.db, owners)) {
    for (const k of [b.name, b.slug, b.shortName].filter((x): x is string => Boolean(x))) bodies.set(k.toLowerCase(), { id: b.id, name: b.name });
  }
  const goals = new Map<string, Array<{ id: string; strategyId: string }>>();
  for (const g of await repo.goalChoices(ctx.db)) goals.set(g.title.toLowerCase(), [...(goals.get(g.title.toLowerCase()) ?? []), { id: g.id, strategyId: g.strategyId }]);
  const projects = new Map<string, Array<{ id: string; ownerBodyId: string }>>();
  for (const p of (await repo.listProjects(ctx.db, {})).rows) projects.set(p.title.toLowerCase(), [...(projects.get(p.title.toLowerCase()) ?? []), { id: p.id, ownerBodyId: p.ownerBodyId }]);
  return { bodies, goals, projects, mayWriteFor: (bodyId) => canWriteFor(ctx.actor, bodyId) };
}

/**
 * Bulk import of projects from CSV or XLSX (the mapping of ongoing and possible projects).
 * All or nothing: when any row has a problem nothing is stored and ImportRejected (422) carries
 * the report (row, column, message); otherwise every row is created through the same checks as
 * the form, in one transaction, in an order where referred-to projects come first.
 */
export async function importProjects(ctx: Ctx, input: ImportProjectsInput, content: Buffer): Promise<ImportReport> {
  const data = validate(importProjectsInput, input);
  authorize(ctx.actor, PORTFOLIO_WRITE);
  let table: Table;
  try {
    table = await readTable(data.filename, content);
  } catch (e) {
    if (e instanceof UnreadableFile) throw new Invalid({ file: [`portfolio.import.unreadable.${e.reason}`] });
    throw e;
  }
  const plan = planImport(table, await lookups(ctx, table));
  const report: ImportReport = { format: table.format, rows: table.rows.length, stored: false, dryRun: data.dryRun, created: [], errors: plan.errors, warnings: plan.warnings };
  if (plan.errors.length) throw new ImportRejected(report);
  if (table.rows.length === 0) throw new Invalid({ file: ['portfolio.import.unreadable.empty'] });
  if (data.dryRun) return report;

  return ctx.db.transaction(async (tx) => {
    await repo.lockDependencyGraph(tx);
    const byRow = new Map(plan.rows.map((r) => [r.row, r] as const));
    const idByTitle = new Map<string, string>();
    const existing = await repo.findProjectsByTitle(tx, plan.rows.flatMap((r) => [...r.dependsOnTitles, ...(r.parentTitle ? [r.parentTitle] : [])]));
    const resolve = (title: string) => idByTitle.get(title.toLowerCase()) ?? existing.find((p) => p.title.toLowerCase() === title.toLowerCase())?.id;
    for (const rowNumber of plan.order) {
      const r = byRow.get(rowNumber)!;
      authorize(ctx.actor, PORTFOLIO_WRITE, { bodyId: r.input.ownerBodyId });
      try {
        const created = await insertProject(tx, ctx, {
          ...r.input,
          dependsOnIds: r.dependsOnTitles.map((t) => resolve(t)!),
          parentId: r.parentTitle ? resolve(r.parentTitle)! : null,
        });
        idByTitle.set(created.title.toLowerCase(), created.id);
        report.created.push({ row: r.row, id: created.id, title: created.title });
      } catch (e) {
        // The form's checks found what the file check could not see: report it by row.
        if (e instanceof Invalid) {
          throw new ImportRejected({
            ...report,
            created: [],
            errors: Object.entries(e.fields).flatMap(([field, msgs]) => msgs.map((m) => ({ row: r.row, column: field, message: m }))),
          });
        }
        throw e;
      }
    }
    report.created.sort((a, b) => a.row - b.row);
    report.stored = true;
    await recordAudit(tx, ctx, {
      action: 'portfolio.project.import',
      subjectType: 'projectImport',
      details: { filename: data.filename, format: table.format, rows: table.rows.length, created: report.created.length, warnings: report.warnings.length },
    });
    return report;
  });
}
