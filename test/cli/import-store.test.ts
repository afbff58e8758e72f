import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';

const root = path.resolve(import.meta.dirname, '../..');
const seeds = path.join(root, 'test/fixtures/archive/seeds');
const work = mkdtempSync(path.join(tmpdir(), 'stadsnav-import-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function start(args: string[], dataDir: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'src/cli.ts'), ...args], {
    cwd: work,
    env: { ...process.env, STADSNAV_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** Counts that must agree if every file was stored all-or-nothing. */
async function counts(dataDir: string) {
  const database = await createDb({ dataDir });
  try {
    const one = async (q: string) => Number(((await database.db.execute(sql.raw(q))) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
    return {
      files: await one('select count(*)::int as n from imported_files'),
      documents: await one("select count(*)::int as n from documents"),
      cases: await one('select count(*)::int as n from cases'),
      orphanDocuments: await one('select count(*)::int as n from documents d where not exists (select 1 from imported_files f where f.document_id = d.id)'),
    };
  } finally {
    await database.close();
  }
}

describe('stadsnav import (storing)', () => {
  it('stores the seeds, reports the files it cannot store with the reason, and skips them all the second time', async () => {
    const dataDir = path.join(work, 'data-seeds');
    const first = await start(['import', '--verbose', seeds], dataDir).done;
    expect(first.stderr).toMatch(/3 sparade, 0 redan importerade .*, 2 misslyckades av 5 filer/);
    expect(first.stderr).toContain('002_60c3910f374916ba.txt: documentDate');
    expect(first.stderr).toContain('004_4df7957926e1cc26.txt: body');
    expect(first.code).toBe(1);
    const second = await start(['import', seeds], dataDir).done;
    expect(second.stderr).toMatch(/0 sparade, 3 redan importerade .*, 2 misslyckades/);
    expect(await counts(dataDir)).toMatchObject({ files: 3, documents: 3, orphanDocuments: 0 });
  }, 120_000);

  it('leaves no partial records when killed with SIGKILL mid-run, and a re-run completes the rest', async () => {
    const folder = path.join(work, 'many');
    mkdirSync(folder);
    const base = readFileSync(path.join(seeds, '001_41b9deafe301b80b.txt'), 'utf8');
    const total = 40;
    for (let i = 0; i < total; i++) {
      const text = base.replace('1.7.1-368/2016', `1.7.1-${1000 + i}/2016`) + `\nArkivkopia ${i}.\n`;
      writeFileSync(path.join(folder, `extract-${String(i).padStart(2, '0')}.txt`), text);
    }
    const dataDir = path.join(work, 'data-kill');
    const run = start(['import', '--verbose', folder], dataDir);
    // Kill as soon as a few files are in: the next file's transaction is then usually open.
    await new Promise<void>((resolve) => {
      let seen = '';
      run.child.stderr!.on('data', (d) => {
        seen += d;
        if ((seen.match(/^stored\t/gm) ?? []).length >= 3) {
          run.child.kill('SIGKILL');
          resolve();
        }
      });
    });
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');

    const after = await counts(dataDir);
    expect(after.files).toBeGreaterThanOrEqual(3);
    expect(after.files).toBeLessThan(total);
    // Every document and case belongs to a fully stored file.
    expect(after.orphanDocuments).toBe(0);
    expect(after.documents).toBe(after.files);
    // One case per file, and Kommunstyrelsen's case for the referral round they answer.
    expect(after.cases).toBe(after.files + 1);

    const rerun = await start(['import', folder], dataDir).done;
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`${total - after.files} sparade, ${after.files} redan importerade`);
    expect(await counts(dataDir)).toMatchObject({ files: total, documents: total, cases: total + 1, orphanDocuments: 0 });
  }, 240_000);
});
