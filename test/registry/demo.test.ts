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
  it('registers the cases of the seed documents with their real numbers, once', async () => {
    const first = await seedRegistryDemo(ctx(), bodyIds);
    expect(first.summary).toEqual({ newCases: 7, newDocuments: 14, skippedBodies: [] });
    const second = await seedRegistryDemo(ctx(), bodyIds);
    expect(second.summary).toEqual({ newCases: 0, newDocuments: 0, skippedBodies: [] });
    expect(second.caseIds).toEqual(first.caseIds);

    const anon = new Client(t.app);
    const list = (await anon.get('/api/registry?pageSize=100')).json();
    const numbers = new Set(list.items.map((i: { registryNumber: string }) => i.registryNumber));
    for (const n of ['304-2016-1.5.1', '1.7.1-368/2016', '171-908/2016', 'KS 2016/1', 'AMN 2016-0001']) expect(numbers).toContain(n);
    expect([...numbers].some((n) => /^\d+-2008-/.test(n as string))).toBe(true);

    const hl = (await anon.get(`/api/cases/${first.caseIds['hl-strategy']}`)).json();
    expect(hl.documents.map((d: { kind: string }) => d.kind)).toEqual(['statement', 'protocolExtract']);
    const extract = (await anon.get(`/api/documents/${hl.documents[1].documentId}`)).json();
    expect(extract.text).toContain('Abit Dundar m.fl. (L) reserverade sig');
    expect(extract.attachments[0].filename).toBe('000_605d7dfb49ed5342.txt');
    expect((await anon.get(extract.attachments[0].url)).body).toContain('Chydeniusinitiativet');

    const ks = (await anon.get(`/api/cases/${first.caseIds['ks-strategy']}`)).json();
    expect(ks.documents.map((d: { title: string }) => d.title)).toEqual([
      'Förslag: Strategi för Stockholm som smart och uppkopplad stad',
      'Bilaga 1: Strategi',
      'Bilaga 2: Kommunikationsstrategi',
      'Bilaga 3: Kartläggning pågående projekt',
      'Bilaga 4: Möjliga projekt',
    ]);
    const kultur = (await anon.get(`/api/cases/${first.caseIds['culture-strategy']}`)).json();
    expect(kultur.registeredAt.slice(0, 10)).toBe('2017-06-16');
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
