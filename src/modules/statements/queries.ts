import { canReadClassified } from '../../access/classification.js';
import { can } from '../../access/permissions.js';
import type { Actor } from '../../auth/actor.js';
import { Forbidden, NotFound, Unauthenticated } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { diffVersions, type SectionDiff } from './diff.js';
import { STATEMENTS_FINALISE, STATEMENTS_READ_DRAFT, STATEMENTS_WRITE } from './policy.js';
import { statementsRepository, type StatementWithCase, type VersionRow } from './repository.js';
import type { Signatory, StatementStatus } from './schema.js';

/** Reads need the database and who is looking. */
export interface ReadCtx {
  db: Db;
  actor: Actor;
}

export interface VersionView {
  version: number;
  documentDate: string;
  proposedDecision: string[];
  summary: string;
  preparation: string;
  background: string;
  views: string;
  attachmentNames: string[];
  signatories: Signatory[];
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface StatementView {
  id: string;
  caseId: string;
  bodyId: string;
  bodyName: string;
  /** The statement's Dnr is its case's registry number. */
  registryNumber: string;
  caseTitle: string;
  title: string;
  status: StatementStatus;
  currentVersion: number;
  documentId: string | null;
  documentNumber: number | null;
  administrationId: string | null;
  administrationName: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The current (latest) version. */
  version: VersionView;
  /** What the reader may do with it. */
  may: { write: boolean; finalise: boolean; readVersions: boolean };
}

export interface VersionSummary {
  version: number;
  documentDate: string;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface StatementDiff {
  statementId: string;
  from: number;
  to: number;
  sections: SectionDiff[];
}

/** The public surface's view of a case's statement (used by the referral compilation and demo). */
export interface CaseStatement {
  caseId: string;
  statementId: string;
  title: string;
  status: 'draft' | 'final';
  version: number;
  documentDate: string;
  proposedDecision: string[];
  summary: string;
  preparation: string;
  background: string;
  views: string;
  attachmentNames: string[];
  signatories: Signatory[];
  documentId: string | null;
}

export const versionView = (v: VersionRow): VersionView => ({
  version: v.version,
  documentDate: v.documentDate,
  proposedDecision: v.proposedDecision,
  summary: v.summary,
  preparation: v.preparation,
  background: v.background,
  views: v.views,
  attachmentNames: v.attachmentNames,
  signatories: v.signatories,
  note: v.note,
  createdBy: v.createdBy,
  createdAt: v.createdAt,
});

// ── read rules ──────────────────────────────────────────────────────────────
type Readable = Pick<StatementWithCase, 'status' | 'bodyId' | 'caseConfidentiality' | 'documentConfidentiality'>;

/** Drafts: the body's staff. Final: the case's (and its document's) classification – public when public. */
export function canReadStatement(actor: Actor, s: Readable): boolean {
  if (s.status === 'draft') return can(actor, STATEMENTS_READ_DRAFT, { bodyId: s.bodyId });
  return canReadClassified(actor, { bodyId: s.bodyId, confidentiality: Math.max(s.caseConfidentiality, s.documentConfidentiality) });
}

/** The version history and the differences are working material: the body's staff only. */
export const canReadVersions = (actor: Actor, s: Pick<StatementWithCase, 'bodyId'>) => can(actor, STATEMENTS_READ_DRAFT, { bodyId: s.bodyId });

function refuse(actor: Actor): never {
  if (actor.kind === 'anonymous') throw new Unauthenticated();
  throw new Forbidden('statements.read');
}

async function load(ctx: ReadCtx, id: string): Promise<StatementWithCase> {
  const s = await statementsRepository.findStatement(ctx.db, id);
  if (!s) throw new NotFound('statement');
  return s;
}

function view(actor: Actor, s: StatementWithCase, v: VersionRow): StatementView {
  return {
    id: s.id,
    caseId: s.caseId,
    bodyId: s.bodyId,
    bodyName: s.bodyName,
    registryNumber: s.registryNumber,
    caseTitle: s.caseTitle,
    title: s.title,
    status: s.status,
    currentVersion: s.currentVersion,
    documentId: s.documentId,
    documentNumber: s.documentNumber,
    administrationId: s.administrationId,
    administrationName: s.administrationName,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: versionView(v),
    may: {
      write: s.status === 'draft' && can(actor, STATEMENTS_WRITE, { bodyId: s.bodyId }),
      finalise: s.status === 'draft' && can(actor, STATEMENTS_FINALISE, { bodyId: s.bodyId }),
      readVersions: canReadVersions(actor, s),
    },
  };
}

/** A statement with its current version. 401/403 when the reader may not read it. */
export async function getStatement(ctx: ReadCtx, id: string): Promise<StatementView> {
  const s = await load(ctx, id);
  if (!canReadStatement(ctx.actor, s)) refuse(ctx.actor);
  const v = await statementsRepository.findVersion(ctx.db, s.id, s.currentVersion);
  return view(ctx.actor, s, v!);
}

async function loadForVersions(ctx: ReadCtx, id: string): Promise<StatementWithCase> {
  const s = await load(ctx, id);
  if (!canReadVersions(ctx.actor, s)) refuse(ctx.actor);
  return s;
}

export async function listVersions(ctx: ReadCtx, id: string): Promise<{ statement: StatementView; versions: VersionSummary[] }> {
  const s = await loadForVersions(ctx, id);
  const rows = await statementsRepository.listVersions(ctx.db, s.id);
  const current = rows.find((r) => r.version === s.currentVersion)!;
  return {
    statement: view(ctx.actor, s, current),
    versions: rows.map((r) => ({ version: r.version, documentDate: r.documentDate, note: r.note, createdBy: r.createdBy, createdAt: r.createdAt })),
  };
}

export async function getVersion(ctx: ReadCtx, id: string, version: number): Promise<{ statement: StatementView; version: VersionView }> {
  const s = await loadForVersions(ctx, id);
  const v = await statementsRepository.findVersion(ctx.db, s.id, version);
  if (!v) throw new NotFound('version');
  const current = version === s.currentVersion ? v : (await statementsRepository.findVersion(ctx.db, s.id, s.currentVersion))!;
  return { statement: view(ctx.actor, s, current), version: versionView(v) };
}

/** Word-level differences from version `from` to version `to`, per section. */
export async function statementDiff(ctx: ReadCtx, id: string, from: number, to: number): Promise<{ statement: StatementView; diff: StatementDiff }> {
  const s = await loadForVersions(ctx, id);
  const [a, b] = [await statementsRepository.findVersion(ctx.db, s.id, from), await statementsRepository.findVersion(ctx.db, s.id, to)];
  if (!a || !b) throw new NotFound('version');
  const current = to === s.currentVersion ? b : (await statementsRepository.findVersion(ctx.db, s.id, s.currentVersion))!;
  return { statement: view(ctx.actor, s, current), diff: { statementId: s.id, from, to, sections: diffVersions(a, b) } };
}

/** The statements of a case the reader may read, newest first. */
export async function statementsForCase(ctx: ReadCtx, caseId: string): Promise<StatementView[]> {
  const rows = (await statementsRepository.statementsOfCases(ctx.db, [caseId])).filter((s) => canReadStatement(ctx.actor, s));
  const versions = await statementsRepository.findVersions(ctx.db, rows.map((s) => ({ statementId: s.id, version: s.currentVersion })));
  return rows.map((s) => view(ctx.actor, s, versions.find((v) => v.statementId === s.id)!));
}

/**
 * Each case's statement (the newest, when there are several) with its current version, drafts
 * included. No read rule is applied: the caller decides what its reader may see (a draft is
 * readable only by the body's staff; a final one follows the case's classification).
 */
export async function latestStatementsForCases(db: Db, caseIds: string[]): Promise<CaseStatement[]> {
  const rows = await statementsRepository.statementsOfCases(db, [...new Set(caseIds)]);
  const latest = new Map<string, StatementWithCase>();
  for (const s of rows) if (!latest.has(s.caseId)) latest.set(s.caseId, s);
  const picked = [...latest.values()];
  const versions = await statementsRepository.findVersions(db, picked.map((s) => ({ statementId: s.id, version: s.currentVersion })));
  const order = new Map(caseIds.map((id, i) => [id, i] as const));
  return picked
    .sort((a, b) => order.get(a.caseId)! - order.get(b.caseId)!)
    .map((s) => {
      const v = versions.find((x) => x.statementId === s.id)!;
      return {
        caseId: s.caseId,
        statementId: s.id,
        title: s.title,
        status: s.status,
        version: s.currentVersion,
        documentDate: v.documentDate,
        proposedDecision: v.proposedDecision,
        summary: v.summary,
        preparation: v.preparation,
        background: v.background,
        views: v.views,
        attachmentNames: v.attachmentNames,
        signatories: v.signatories,
        documentId: s.documentId,
      };
    });
}
