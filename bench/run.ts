/**
 * Benchmarks (never timed tests): `npm run bench [-- parse|store] [--count N]`.
 *   parse: the archive parser on a generated corpus (default 10 000 documents), one core.
 *   store: parse + store as registry records in an in-memory PGlite (default 500 documents).
 * Results go to stdout; docs/performance.md records them with the command.
 */
import os from 'node:os';
import { generateCorpus } from './corpus.js';

const args = process.argv.slice(2);
const which = args.find((a) => !a.startsWith('--')) ?? 'all';
const countArg = args.indexOf('--count');
const count = (d: number) => (countArg >= 0 ? Number(args[countArg + 1]) : d);

async function benchParse(n: number) {
  const { parseDocument } = await import('../src/modules/archive-import/parser/index.js');
  const corpus = generateCorpus(n);
  const warm = Date.now();
  parseDocument({ file: 'warm.txt', text: corpus[0]!.text }); // loads the Swedish dictionary once
  const warmMs = Date.now() - warm;
  const kinds: Record<string, number> = {};
  const started = process.hrtime.bigint();
  for (const doc of corpus) {
    const r = parseDocument({ file: doc.name, text: doc.text });
    kinds[r.result.kind] = (kinds[r.result.kind] ?? 0) + 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`parse: ${n} documents in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} documents/s on one core (dictionary load ${warmMs} ms, not counted)`);
  console.log(`       kinds: ${JSON.stringify(kinds)}`);
}

async function benchStore(n: number) {
  const { createDb } = await import('../src/db/client.js');
  const { systemActor } = await import('../src/auth/index.js');
  const { systemClock } = await import('../src/core/clock.js');
  await import('../src/modules/registry/index.js');
  const { storeImportedFile } = await import('../src/modules/archive-import/index.js');
  const { parseDocument, toDryRunJson } = await import('../src/modules/archive-import/parser/index.js');
  const database = await createDb({ dataDir: 'memory://' });
  await database.migrate();
  const ctx = { db: database.db, clock: systemClock, actor: systemActor('bench') };
  const corpus = generateCorpus(n, 7);
  parseDocument({ file: 'warm.txt', text: corpus[0]!.text });
  let stored = 0;
  let failed = 0;
  const reasons = new Map<string, number>();
  const { failureReason } = await import('../src/modules/archive-import/index.js');
  const started = process.hrtime.bigint();
  for (const doc of corpus) {
    const parsed = parseDocument({ file: doc.name, text: doc.text });
    try {
      await storeImportedFile(ctx, {
        runId: null,
        filename: doc.name,
        bytes: new TextEncoder().encode(doc.text),
        originalText: parsed.originalText,
        repairedText: parsed.text,
        parsed: toDryRunJson(parsed),
      });
      stored++;
    } catch (e) {
      failed++;
      const reason = failureReason(e).replace(/"[^"]*"/g, '"…"');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`store: ${n} documents parsed and stored in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} documents/s (PGlite in memory; ${stored} stored, ${failed} refused with a reason)`);
  for (const [reason, k] of reasons) console.log(`       refused ${k}×: ${reason}`);
  await database.close();
}

console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
if (which === 'parse' || which === 'all') await benchParse(count(10_000));
if (which === 'store' || which === 'all') await benchStore(count(500));
