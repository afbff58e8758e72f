import type { Ctx } from '../../core/context.js';
import { addMembership } from './commands/add-membership.js';
import { createAdministration } from './commands/create-administration.js';
import { createBody } from './commands/create-body.js';
import { createParty } from './commands/create-party.js';
import { ensurePerson } from './commands/ensure-person.js';
import { organisationRepository as repo } from './repository.js';
import type { BodyKind, MembershipRole } from './schema.js';

/**
 * The organisation the five seed documents name (Stockholm, term 2015–2018), created through the
 * commands so every record has its audit entry. Idempotent: what exists (by name, abbreviation,
 * or person + body + role + start) is left alone, so a second run creates nothing.
 * Only real names from the seeds and real Stockholm bodies; no invented people.
 */

const PARTIES: Array<[abbreviation: string, name: string]> = [
  ['MP', 'Miljöpartiet de gröna'],
  ['S', 'Socialdemokraterna'],
  ['V', 'Vänsterpartiet'],
  ['M', 'Moderaterna'],
  ['L', 'Liberalerna'],
  ['C', 'Centerpartiet'],
  ['KD', 'Kristdemokraterna'],
  ['SD', 'Sverigedemokraterna'],
];

interface DemoBody {
  name: string;
  kind: BodyKind;
  shortName?: string;
  description?: string;
  registryPattern?: string;
  defaultClassCode?: string;
  administrations?: string[];
}

const district = (area: string, pattern?: { registryPattern: string; defaultClassCode: string }): DemoBody => ({
  name: `${area} stadsdelsnämnd`,
  kind: 'districtBoard',
  ...pattern,
  administrations: [`${area} stadsdelsförvaltning`],
});

const BODIES: DemoBody[] = [
  { name: 'Kommunfullmäktige', kind: 'cityCouncil', shortName: 'KF', description: 'Stadens högsta beslutande organ.' },
  {
    name: 'Kommunstyrelsen',
    kind: 'executiveBoard',
    shortName: 'KS',
    description: 'Leder och samordnar stadens verksamhet. Skickar strategin för Stockholm som smart och uppkopplad stad på remiss och följer upp nämndernas och bolagsstyrelsernas arbete med den.',
    administrations: ['Stadsledningskontoret'],
  },
  {
    name: 'Digitaliseringsrådet',
    kind: 'digitalisationCouncil',
    description: 'Samordnar strategin för den smarta staden, prioriterar projekt och väljer vilka projekt som ska finansieras.',
  },
  // Dnr 1.7.1-368/2016 (seed 001).
  { name: 'Socialnämnden', kind: 'specialistBoard', registryPattern: '{class}-{seq}/{year}', defaultClassCode: '1.7.1', administrations: ['Socialförvaltningen'] },
  { name: 'Arbetsmarknadsnämnden', kind: 'specialistBoard', administrations: ['Arbetsmarknadsförvaltningen'] },
  // Dnr 171-908/2016 (seed 003).
  { name: 'Kulturnämnden', kind: 'specialistBoard', registryPattern: '171-{seq}/{year}', administrations: ['Kulturförvaltningen'] },
  { name: 'Miljö- och hälsoskyddsnämnden', kind: 'specialistBoard' },
  { name: 'Trafiknämnden', kind: 'specialistBoard' },
  { name: 'AB Stokab', kind: 'companyBoard', description: 'Stadens bolag för bredband och fiberinfrastruktur.' },
  // Dnr 304-2016-1.5.1 (seed 000).
  district('Hägersten-Liljeholmens', { registryPattern: '{seq}-{year}-{class}', defaultClassCode: '1.5.1' }),
  district('Skärholmens'),
  district('Farsta'),
  district('Kungsholmens'),
  district('Södermalms'),
];

/** Term 2015–2018: the seeds' meetings were in 2016. */
const TERM = { fromDate: '2015-01-01', toDate: '2018-10-14' };

const MEMBERSHIPS: Array<{ person: string; party: string; body: string; role: MembershipRole }> = [
  // Seed 000: the proposers and the reservation at Hägersten-Liljeholmens stadsdelsnämnd.
  { person: 'Jessica Jormtun', party: 'MP', body: 'Hägersten-Liljeholmens stadsdelsnämnd', role: 'member' },
  { person: 'Eva Fagerhem', party: 'S', body: 'Hägersten-Liljeholmens stadsdelsnämnd', role: 'member' },
  { person: 'Carita Stenbacka Tenezakis', party: 'V', body: 'Hägersten-Liljeholmens stadsdelsnämnd', role: 'member' },
  { person: 'Lars Svärd', party: 'M', body: 'Hägersten-Liljeholmens stadsdelsnämnd', role: 'member' },
  { person: 'Abit Dundar', party: 'L', body: 'Hägersten-Liljeholmens stadsdelsnämnd', role: 'member' },
  // Seed 001: "Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson (L)".
  { person: 'Frida Johansson Metso', party: 'L', body: 'Socialnämnden', role: 'member' },
  { person: 'Inga-Lill Persson', party: 'L', body: 'Socialnämnden', role: 'substitute' },
];

/** Officials who signed or handled the statements (seeds 002 and 003). */
const OFFICIALS: Array<{ name: string; title: string; administration: string }> = [
  { name: 'Arjun Bakshi', title: 'arbetsmarknadsdirektör', administration: 'Arbetsmarknadsförvaltningen' },
  { name: 'Arja Lindholm', title: 'kommunikationschef', administration: 'Arbetsmarknadsförvaltningen' },
  { name: 'Robert Olsson', title: 'kulturdirektör', administration: 'Kulturförvaltningen' },
  { name: 'Patrik Liljegren', title: 'Chef, Kulturstrategiska staben', administration: 'Kulturförvaltningen' },
  { name: 'Anne Lund', title: 'handläggare', administration: 'Kulturförvaltningen' },
  { name: 'Erika Dahlberg', title: 'handläggare', administration: 'Kulturförvaltningen' },
];

export interface OrganisationDemoResult {
  /** Body name → id, for the other modules' demo data (e.g. "Socialnämnden"). */
  bodyIdsByName: Record<string, string>;
  administrationIdsByName: Record<string, string>;
  partyIdsByAbbreviation: Record<string, string>;
  personIdsByName: Record<string, string>;
  /** How many records this run created (all zero on a second run). */
  summary: { newBodies: number; newAdministrations: number; newParties: number; newPeople: number; newMemberships: number };
}

/** `ctx.actor` must be allowed `organisation.manage` (the system actor or an administrator). */
export async function seedOrganisationDemo(ctx: Ctx): Promise<OrganisationDemoResult> {
  const summary = { newBodies: 0, newAdministrations: 0, newParties: 0, newPeople: 0, newMemberships: 0 };
  const partyIds: Record<string, string> = {};
  const bodyIds: Record<string, string> = {};
  const administrationIds: Record<string, string> = {};
  const personIds: Record<string, string> = {};

  for (const [abbreviation, name] of PARTIES) {
    let party = await repo.findPartyByAbbreviation(ctx.db, abbreviation);
    if (!party) {
      party = await createParty(ctx, { abbreviation, name });
      summary.newParties++;
    }
    partyIds[abbreviation] = party.id;
  }

  for (const spec of BODIES) {
    let body = await repo.findBodyByName(ctx.db, spec.name);
    if (!body) {
      body = await createBody(ctx, {
        name: spec.name,
        kind: spec.kind,
        shortName: spec.shortName ?? null,
        description: spec.description ?? null,
        ...(spec.registryPattern && { registryPattern: spec.registryPattern }),
        defaultClassCode: spec.defaultClassCode ?? null,
      });
      summary.newBodies++;
    }
    bodyIds[spec.name] = body.id;
    for (const administrationName of spec.administrations ?? []) {
      let administration = await repo.findAdministrationByName(ctx.db, administrationName);
      if (!administration) {
        administration = await createAdministration(ctx, { name: administrationName, bodyId: body.id });
        summary.newAdministrations++;
      }
      administrationIds[administrationName] = administration.id;
    }
  }

  for (const official of OFFICIALS) {
    const { person, created } = await ensurePerson(ctx, {
      name: official.name,
      title: official.title,
      administrationId: administrationIds[official.administration] ?? null,
    });
    if (created) summary.newPeople++;
    personIds[official.name] = person.id;
  }

  for (const m of MEMBERSHIPS) {
    const partyId = partyIds[m.party] ?? null;
    const { person, created } = await ensurePerson(ctx, { name: m.person, partyId });
    if (created) summary.newPeople++;
    personIds[m.person] = person.id;
    const bodyId = bodyIds[m.body]!;
    const exists = await repo.findMembership(ctx.db, { personId: person.id, bodyId, role: m.role, fromDate: TERM.fromDate });
    if (exists) continue;
    await addMembership(ctx, bodyId, { personId: person.id, role: m.role, partyId, ...TERM });
    summary.newMemberships++;
  }

  return { bodyIdsByName: bodyIds, administrationIdsByName: administrationIds, partyIdsByAbbreviation: partyIds, personIdsByName: personIds, summary };
}
