import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Database } from '../../src/db/client.js';
import { withDatabase } from './global-setup.js';

export type TestDriver = 'pglite' | 'postgres';
export const testDriver = (): TestDriver => (process.env.STADSNAV_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite');

/**
 * A migrated, empty database of its own for one test file: a PGlite snapshot, or a clone of the
 * run's PostgreSQL template. `close()` also drops the clone.
 */
export async function createTestDb(): Promise<Database> {
  if (testDriver() === 'postgres') {
    const template = inject('postgresTemplate');
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!template || !adminUrl) throw new Error('STADSNAV_TEST_DRIVER=postgres needs TEST_DATABASE_URL');
    const name = `${template}_${randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${name} template ${template}`);
    const database = await createDb({ databaseUrl: withDatabase(adminUrl, name), poolSize: 20 });
    const close = database.close;
    database.close = async () => {
      await close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    };
    return database;
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  return createDb({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
