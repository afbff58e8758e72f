import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: unknown;
  prevHash: string;
}

/** SHA-256 over the RFC 8785 canonical JSON of the entry, including the previous hash. */
export function entryHash(e: ChainedFields): string {
  const canonical = canonicalize({
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    summary: e.summary ?? null,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(canonical ?? '').digest('hex');
}
