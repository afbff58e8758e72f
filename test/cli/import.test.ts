import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dryRunResultSchema } from '../../src/modules/archive-import/parser/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const seeds = path.join(root, 'test/fixtures/archive/seeds');
const expectedDir = path.join(root, 'test/fixtures/archive/expected');
const work = mkdtempSync(path.join(tmpdir(), 'stadsnav-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function stadsnav(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'src/cli.ts'), ...args], {
      cwd: work,
      env: { ...process.env, STADSNAV_DATA_DIR: path.join(work, 'data') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('stadsnav import --dry-run --json', () => {
  it('prints one contract object per seed file, equal to the hand-written expectations', async () => {
    const folder = path.join(work, 'seeds');
    mkdirSync(path.join(folder, 'nested'), { recursive: true });
    const names = readdirSync(seeds).sort();
    for (const [i, name] of names.entries()) copyFileSync(path.join(seeds, name), path.join(folder, i % 2 ? 'nested' : '', name));
    const run = await stadsnav(['import', '--dry-run', '--json', 'seeds']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as Array<{ file: string }>;
    expect(results).toHaveLength(5);
    for (const result of results) {
      expect(dryRunResultSchema.safeParse(result).success).toBe(true);
      const name = path.basename(result.file);
      const expected = JSON.parse(readFileSync(path.join(expectedDir, `${name}.json`), 'utf8'));
      expect({ ...result, file: name }).toEqual(expected);
    }
    expect(run.stderr).toContain('5 av 5 filer lästa');
  });

  it('continues past unreadable files, reports them with the reason, and exits 1', async () => {
    const folder = path.join(work, 'mixed');
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(seeds, '001_41b9deafe301b80b.txt'), path.join(folder, 'a-good.txt'));
    writeFileSync(path.join(folder, 'b-empty.txt'), '   \n');
    writeFileSync(path.join(folder, 'c-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8, 0, 0]));
    writeFileSync(path.join(folder, 'd-ignored.docx'), 'not picked up from a folder');
    const run = await stadsnav(['import', '--dry-run', '--json', 'mixed']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ file: string; kind: string; warnings: string[] }>;
    expect(results.map((r) => path.basename(r.file))).toEqual(['a-good.txt', 'b-empty.txt', 'c-binary.txt']);
    expect(results[0]!.kind).toBe('protocolExtract');
    expect(results[1]!.kind).toBe('unknown');
    expect(results[2]!.kind).toBe('unknown');
    expect(run.stderr).toContain('2 filer kunde inte läsas');
    expect(run.stderr).toMatch(/b-empty\.txt: .+/);
    expect(run.stderr).toMatch(/c-binary\.txt: .+/);
  });

  it('exits 2 with a message for a missing path, a bad option, or --json without --dry-run', async () => {
    const missing = await stadsnav(['import', '--dry-run', '--json', 'no-such-folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-folder');
    expect(missing.stdout).toBe('');
    const badMax = await stadsnav(['import', '--dry-run', '--max-bytes', 'lots', 'seeds']);
    expect(badMax.code).toBe(2);
    const jsonStore = await stadsnav(['import', '--json', 'seeds']);
    expect(jsonStore.code).toBe(2);
    expect(jsonStore.stderr).toContain('--dry-run');
    const missingStore = await stadsnav(['import', 'no-such-folder']);
    expect(missingStore.code).toBe(2);
    expect(missingStore.stderr).toContain('no-such-folder');
  });
});
