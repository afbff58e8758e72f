import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'stadsnav-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command, as `npx stadsnav` runs it, on a private embedded database. */
function stadsnav(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'src/cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, STADSNAV_DATA_DIR: dataDir, STADSNAV_SEED_DEMO: 'never', DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('stadsnav CLI', () => {
  it('prints help for the program and each command', async () => {
    const main = await stadsnav(['--help']);
    expect(main.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed-demo', 'user', 'audit']) expect(main.stdout).toContain(cmd);
    const add = await stadsnav(['user', 'add', '--help']);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('--username');
    const verify = await stadsnav(['audit', 'verify', '--help']);
    expect(verify.code).toBe(0);
  });

  it('exits 2 with a message on an unknown command or missing option', async () => {
    const unknown = await stadsnav(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/i);
    const missing = await stadsnav(['user', 'add', '-n', 'Anna']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--username');
  });

  it('exits 2 on an unknown role and on a password the policy refuses', async () => {
    const role = await stadsnav(['user', 'add', '-u', 'anna', '-n', 'Anna', '-r', 'wizard']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('Okänd roll "wizard"');
    const weak = await stadsnav(['user', 'add', '-u', 'anna', '-n', 'Anna', '--password-stdin'], 'password1234\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('vanliga eller läckta lösenord');
  });

  it('exits 2 on invalid configuration', async () => {
    const child = await new Promise<Run>((resolve) => {
      const p = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'src/cli.ts'), 'migrate'], {
        cwd: root,
        env: { ...process.env, PORT: 'not-a-port', STADSNAV_DATA_DIR: dataDir },
      });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(child.code).toBe(2);
    expect(child.stderr).toContain('PORT');
  });

  it('creates users, verifies the audit chain, and detects tampering', async () => {
    const created = await stadsnav(['user', 'add', '-u', 'anna', '-n', 'Anna Andersson', '-r', 'administrator', '--password-stdin'], 'en lång och unik lösenfras\n');
    expect(created.stderr).toContain('Skapade användaren anna');
    expect(created.code).toBe(0);
    const generated = await stadsnav(['user', 'add', '-u', 'bertil', '-n', 'Bertil']);
    expect(generated.code).toBe(0);
    expect(generated.stdout.trim()).toMatch(/^[a-z2-9]{6}(-[a-z2-9]{6}){3}$/);

    const ok = await stadsnav(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: 2 poster/);

    // Tamper as someone with direct database access would: past the trigger.
    const database = await createDb({ dataDir });
    await database.db.execute(sql`alter table audit_log disable trigger user`);
    await database.db.execute(sql`update audit_log set actor_label = 'someone-else' where seq = 1`);
    await database.db.execute(sql`alter table audit_log enable trigger user`);
    await database.close();

    const broken = await stadsnav(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BRUTEN vid post 1');
  });
});
