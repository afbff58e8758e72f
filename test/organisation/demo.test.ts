import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository, verifyAuditChain } from '../../src/audit/index.js';
import { anonymous, systemActor } from '../../src/auth/actor.js';
import { Unauthenticated } from '../../src/core/errors.js';
import {
  findBodyBySlug,
  findPartyByAbbreviation,
  listAdministrations,
  listMemberships,
  listPeople,
  organisationCounts,
  seedOrganisationDemo,
  validateRegistryPattern,
} from '../../src/modules/organisation/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const ctx = () => ({ db: t.database.db, clock: t.clock, actor: systemActor('demo') });

describe('organisation demo data', () => {
  it('is refused without the right to manage the organisation', async () => {
    await expect(seedOrganisationDemo({ db: t.database.db, clock: t.clock, actor: anonymous })).rejects.toThrow(Unauthenticated);
    expect(await organisationCounts(t.database.db)).toEqual({ bodies: 0, administrations: 0, parties: 0, people: 0, memberships: 0 });
  });

  it('creates the organisation of the seed documents, each record audited', async () => {
    const first = await seedOrganisationDemo(ctx());
    expect(first.summary).toEqual({ newBodies: 14, newAdministrations: 9, newParties: 8, newPeople: 13, newMemberships: 7 });
    expect(await organisationCounts(t.database.db)).toEqual({ bodies: 14, administrations: 9, parties: 8, people: 13, memberships: 7 });
    const audit = await auditRepository.recent(t.database.db, 1000);
    expect(audit).toHaveLength(14 + 9 + 8 + 13 + 7);
    expect(audit.every((e) => e.actorLabel === 'system:demo' && e.action.startsWith('organisation.'))).toBe(true);
    expect(Object.keys(first.bodyIdsByName)).toEqual(
      expect.arrayContaining(['Kommunfullmäktige', 'Kommunstyrelsen', 'Socialnämnden', 'Kulturnämnden', 'Hägersten-Liljeholmens stadsdelsnämnd', 'AB Stokab']),
    );
  });

  it('creates nothing on a second run', async () => {
    const before = await organisationCounts(t.database.db);
    const auditBefore = (await auditRepository.recent(t.database.db, 1000)).length;
    const second = await seedOrganisationDemo(ctx());
    expect(second.summary).toEqual({ newBodies: 0, newAdministrations: 0, newParties: 0, newPeople: 0, newMemberships: 0 });
    expect(await organisationCounts(t.database.db)).toEqual(before);
    expect((await auditRepository.recent(t.database.db, 1000)).length).toBe(auditBefore);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('gives each body the registry number format its documents use', async () => {
    const db = t.database.db;
    const hl = await findBodyBySlug(db, 'hagersten-liljeholmens-stadsdelsnamnd');
    expect(hl).toMatchObject({ kind: 'districtBoard', registryPattern: '{seq}-{year}-{class}', defaultClassCode: '1.5.1' });
    expect(await findBodyBySlug(db, 'socialnamnden')).toMatchObject({ registryPattern: '{class}-{seq}/{year}', defaultClassCode: '1.7.1' });
    expect(await findBodyBySlug(db, 'kulturnamnden')).toMatchObject({ registryPattern: '171-{seq}/{year}' });
    expect(await findBodyBySlug(db, 'kommunstyrelsen')).toMatchObject({ kind: 'executiveBoard', shortName: 'KS' });
    expect(await findBodyBySlug(db, 'digitaliseringsradet')).toMatchObject({ kind: 'digitalisationCouncil' });
    expect(await findBodyBySlug(db, 'ab-stokab')).toMatchObject({ kind: 'companyBoard' });
    expect(await findBodyBySlug(db, 'kommunfullmaktige')).toMatchObject({ kind: 'cityCouncil' });
    for (const slug of ['hagersten-liljeholmens-stadsdelsnamnd', 'socialnamnden', 'kulturnamnden']) {
      expect(validateRegistryPattern((await findBodyBySlug(db, slug))!.registryPattern).ok).toBe(true);
    }
    const districts = await findBodyBySlug(db, 'farsta-stadsdelsnamnd');
    expect(districts?.kind).toBe('districtBoard');
  });

  it('has the parties, the members of the two boards and the officials', async () => {
    const db = t.database.db;
    expect(await findPartyByAbbreviation(db, 'mp')).toMatchObject({ abbreviation: 'MP', name: 'Miljöpartiet de gröna' });
    expect(await findPartyByAbbreviation(db, 'SD')).toMatchObject({ name: 'Sverigedemokraterna' });

    const hl = (await findBodyBySlug(db, 'hagersten-liljeholmens-stadsdelsnamnd'))!;
    const hlMembers = await listMemberships(db, hl.id, { page: 1, pageSize: 100, on: '2016-09-01' });
    expect(hlMembers.items.map((m) => `${m.personName} (${m.partyAbbreviation}) ${m.role}`).sort()).toEqual([
      'Abit Dundar (L) member',
      'Carita Stenbacka Tenezakis (V) member',
      'Eva Fagerhem (S) member',
      'Jessica Jormtun (MP) member',
      'Lars Svärd (M) member',
    ]);
    expect(hlMembers.items.every((m) => m.fromDate === '2015-01-01' && m.toDate === '2018-10-14')).toBe(true);

    const social = (await findBodyBySlug(db, 'socialnamnden'))!;
    const socialMembers = await listMemberships(db, social.id, { page: 1, pageSize: 100 });
    expect(socialMembers.items.map((m) => `${m.personName} (${m.partyAbbreviation}) ${m.role}`).sort()).toEqual([
      'Frida Johansson Metso (L) member',
      'Inga-Lill Persson (L) substitute',
    ]);

    const kultur = await listPeople(db, { page: 1, pageSize: 100, q: 'kultur' });
    expect(kultur.items.map((p) => p.name).sort()).toEqual(['Patrik Liljegren', 'Robert Olsson']);
    const arbetsmarknad = await listPeople(db, { page: 1, pageSize: 100, q: 'arbetsmarknadsdirektör' });
    expect(arbetsmarknad.items).toEqual([expect.objectContaining({ name: 'Arjun Bakshi', administrationName: 'Arbetsmarknadsförvaltningen', partyId: null })]);

    const ks = (await findBodyBySlug(db, 'kommunstyrelsen'))!;
    const ksAdministrations = await listAdministrations(db, { page: 1, pageSize: 10, bodyId: ks.id });
    expect(ksAdministrations.items.map((a) => a.name)).toEqual(['Stadsledningskontoret']);
  });
});
