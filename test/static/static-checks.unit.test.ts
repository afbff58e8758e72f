import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Part of `npm test`, so CI refuses type errors and unescaped HTML as it refuses failing tests. */
describe('static checks', () => {
  it('type-checks the whole project (tsc --noEmit, strict)', async () => {
    const result = await run(bin('tsc'), ['--noEmit', '-p', root], { cwd: root }).catch((e: { stdout: string }) => e);
    expect(result.stdout).toBe('');
  }, 120_000);

  it('finds no XSS in JSX views (xss-scan: every dynamic text child escaped)', async () => {
    const result = await run(bin('xss-scan'), ['--simplified'], { cwd: root }).catch((e: { stdout: string; stderr: string }) => e);
    const output = `${result.stdout}${result.stderr}`;
    expect(output.split('\n').filter((line) => /error/i.test(line))).toEqual([]);
    expect(output).toMatch(/No XSS vulnerabilities found/);
  }, 120_000);
});
