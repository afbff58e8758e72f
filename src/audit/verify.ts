import type { Db } from '../db/client.js';
import { entryHash, GENESIS_HASH } from './chain.js';
import { auditRepository } from './repository.js';

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walk the whole chain in pages; report the first entry that does not follow from its predecessor. */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await auditRepository.page(db, expectedSeq - 1, 5000);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, entries: checked, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${row.seq})` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, entries: checked, brokenAt: row.seq, reason: `entry ${row.seq} does not link to entry ${row.seq - 1}` };
      }
      if (entryHash(row) !== row.hash) {
        return { ok: false, entries: checked, brokenAt: row.seq, reason: `entry ${row.seq} was altered (hash mismatch)` };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    onProgress?.(checked);
  }
  return { ok: true, entries: checked, lastHash: prevHash };
}
