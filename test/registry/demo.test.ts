import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { systemActor } from '../../src/auth/actor.js';
import { verifyAuditChain } from '../../src/audit/index.js';
import { seedRegistryDemo } from '../../src/modules/registry/index.js';
import { insertSeedBodies } from './fixtures.js';

let t: TestApp;
let bodyIds: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  bodyIds = await insertSeedBodies(t.database.db);
});
afterAll(() => t.close());

const ctx = () => ({ db: t.database.db, clock: t.clock, actor: systemActor('demo') });

describe('seedRegistryDemo', () => {
  it('registers the material outside the 2016 referral round, once', async () => {
    const first = await seedRegistryDemo(ctx(), bodyIds);
    expect(first.summary).toEqual({ newCases: 2, newDocuments: 2, skippedBodies: [] });
    const second = await seedRegistryDemo(ctx(), bodyIds);
    expect(second.summary).toEqual({ newCases: 0, newDocuments: 0, skippedBodies: [] });
    expect(second.caseIds).toEqual(first.caseIds);

    const anon = new Client(t.app);
    const list = (await anon.get('/api/registry?pageSize=100')).json();
    const numbers = list.items.map((i: { registryNumber: string }) => i.registryNumber as string);
    expect(numbers.some((n: string) => /^\d+-2008-/.test(n))).toBe(true);

    const eStrategy = (await anon.get(`/api/cases/${first.caseIds['district-e-strategy-2008']}`)).json();
    const statement = (await anon.get(`/api/documents/${eStrategy.documents[0].documentId}`)).json();
    expect(statement.attachments[0].filename).toBe('004_4df7957926e1cc26.txt');
    expect((await anon.get(statement.attachments[0].url)).body).toContain('insatsområden');
  });

  it('shows the secret demo document restricted to the public', async () => {
    const anon = new Client(t.app);
    const page = await anon.get('/registry', { accept: 'text/html' });
    expect(page.body).toContain('Uppgift skyddad enligt sekretess (OSL 39 kap. 3 §)');
    expect(page.body).not.toContain('Bedömning av personalärende');
    const api = await anon.get('/api/registry?pageSize=100');
    expect(api.body).not.toContain('Bedömning av personalärende');
  });

  it('leaves a verifiable audit trail', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
