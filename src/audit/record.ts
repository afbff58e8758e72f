import { actorId, actorLabel, type Actor } from '../auth/actor.js';
import type { Clock } from '../core/clock.js';
import type { Db } from '../db/client.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { auditRepository } from './repository.js';
import type { AuditSummary } from './schema.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Extra context (e.g. counts); never secrets such as password hashes. */
  details?: Record<string, unknown>;
}

/** Append one entry. Call inside the command's transaction so the write and its trace commit together. */
export async function recordAudit(tx: Db, ctx: { actor: Actor; clock: Clock }, entry: AuditEntry): Promise<void> {
  await auditRepository.lockChain(tx);
  const last = await auditRepository.last(tx);
  const summary: AuditSummary = { ...(entry.details ?? {}) };
  if (entry.before !== undefined) summary.before = entry.before;
  if (entry.after !== undefined) summary.after = entry.after;
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: ctx.clock.now(),
    actorId: actorId(ctx.actor),
    actorLabel: actorLabel(ctx.actor),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    // Round-trip through JSON so the hash covers exactly what jsonb stores (no undefined, no Dates).
    summary: JSON.parse(JSON.stringify(summary)) as AuditSummary,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await auditRepository.insert(tx, { ...fields, hash: entryHash(fields) });
}
