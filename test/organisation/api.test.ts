import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository, verifyAuditChain } from '../../src/audit/index.js';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: Client;
let registrar: Client;
let anon: Client;

beforeAll(async () => {
  t = await buildTestApp();
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  await addUser(t, 'registrar', [{ role: 'registrar' }]);
  admin = new Client(t.app);
  registrar = new Client(t.app);
  anon = new Client(t.app);
  expect((await admin.login('admin')).statusCode).toBe(200);
  expect((await registrar.login('registrar')).statusCode).toBe(200);
});
afterAll(() => t.close());

const lastAudit = async () => (await auditRepository.recent(t.database.db, 1))[0]!;
const auditCount = async () => (await auditRepository.recent(t.database.db, 100_000)).length;

/** The write left exactly one audit entry, with this action and subject. */
async function expectAudited(before: number, action: string, subjectId: string) {
  expect(await auditCount()).toBe(before + 1);
  const entry = await lastAudit();
  expect(entry.action).toBe(action);
  expect(entry.subjectId).toBe(subjectId);
  expect(entry.actorLabel).toBe('admin');
  return entry;
}

const ids: Record<string, string> = {};

describe('bodies', () => {
  it('creates a body with a transliterated slug, and audits it', async () => {
    const n = await auditCount();
    const res = await admin.post('/api/bodies', {
      name: 'Hägersten-Liljeholmens stadsdelsnämnd',
      kind: 'districtBoard',
      registryPattern: '{seq}-{year}-{class}',
      defaultClassCode: '1.5.1',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      slug: 'hagersten-liljeholmens-stadsdelsnamnd',
      name: 'Hägersten-Liljeholmens stadsdelsnämnd',
      kind: 'districtBoard',
      registryPattern: '{seq}-{year}-{class}',
      defaultClassCode: '1.5.1',
      shortName: null,
      archived: false,
    });
    ids.hl = body.id;
    const entry = await expectAudited(n, 'organisation.body.create', body.id);
    expect(entry.summary.after).toMatchObject({ name: 'Hägersten-Liljeholmens stadsdelsnämnd', slug: 'hagersten-liljeholmens-stadsdelsnamnd' });
  });

  it('gives a default registry pattern', async () => {
    const res = await admin.post('/api/bodies', { name: 'Kulturnämnden', kind: 'specialistBoard' });
    expect(res.statusCode).toBe(201);
    expect(res.json().registryPattern).toBe('{seq}-{year}');
    ids.kultur = res.json().id;
  });

  it('makes slugs unique when two names transliterate alike', async () => {
    const res = await admin.post('/api/bodies', { name: 'Kulturnamnden', kind: 'specialistBoard' });
    expect(res.statusCode).toBe(201);
    expect(res.json().slug).toBe('kulturnamnden-2');
    ids.kultur2 = res.json().id;
  });

  it('refuses a duplicate name (any case) with 422 on the name field, and changes nothing', async () => {
    const n = await auditCount();
    for (const name of ['Kulturnämnden', 'KULTURNÄMNDEN', ' kulturnämnden ']) {
      const res = await admin.post('/api/bodies', { name, kind: 'districtBoard' });
      expect(res.statusCode, name).toBe(422);
      expect(res.json().error).toBe('invalid');
      expect(res.json().fields).toEqual({ name: ['Det finns redan ett organ med det namnet.'] });
    }
    expect(await auditCount()).toBe(n);
  });

  it('answers 422, never 500, when two administrators create the same name at once', async () => {
    const [a, b] = await Promise.all([
      admin.post('/api/bodies', { name: 'Samtidiga nämnden', kind: 'specialistBoard' }),
      admin.post('/api/bodies', { name: 'Samtidiga nämnden', kind: 'specialistBoard' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 422]);
    const refused = a.statusCode === 422 ? a : b;
    expect(refused.json().fields).toEqual({ name: ['Det finns redan ett organ med det namnet.'] });
    const created = a.statusCode === 201 ? a : b;
    await admin.post(`/api/bodies/${created.json().id}/archive`);
  });

  it('answers the duplicate-name message in English with ?lang=en', async () => {
    const res = await admin.post('/api/bodies?lang=en', { name: 'Kulturnämnden', kind: 'specialistBoard' });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.name).toEqual(['There is already a body with that name.']);
    await admin.get('/api/bodies?lang=sv');
  });

  it('reads a body publicly, with administrations and members', async () => {
    const res = await anon.get(`/api/bodies/${ids.hl}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.hl, administrations: [], members: [], membersOn: '2026-11-23' });
  });

  it('lists bodies by kind with paging', async () => {
    const all = await anon.get('/api/bodies?pageSize=2');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(all.json().items).toHaveLength(2);
    const page2 = await anon.get('/api/bodies?pageSize=2&page=2');
    expect(page2.json().items).toHaveLength(1);
    const districts = await anon.get('/api/bodies?kind=districtBoard');
    expect(districts.json().total).toBe(1);
    expect(districts.json().items[0].id).toBe(ids.hl);
    const search = await anon.get('/api/bodies?q=liljeholm');
    expect(search.json().items.map((b: { id: string }) => b.id)).toEqual([ids.hl]);
  });

  it('updates a body; a new name gives a new slug; the audit keeps before and after', async () => {
    const n = await auditCount();
    const res = await admin.patch(`/api/bodies/${ids.kultur2}`, { name: 'Kulturrådet', kind: 'digitalisationCouncil', shortName: 'KR', description: 'Test' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Kulturrådet', slug: 'kulturradet', kind: 'digitalisationCouncil', shortName: 'KR' });
    const entry = await expectAudited(n, 'organisation.body.update', ids.kultur2!);
    expect(entry.summary.before).toMatchObject({ name: 'Kulturnamnden', slug: 'kulturnamnden-2' });
    expect(entry.summary.after).toMatchObject({ name: 'Kulturrådet', slug: 'kulturradet' });
  });

  it('clears optional fields with null and keeps the slug when the name stays', async () => {
    const res = await admin.patch(`/api/bodies/${ids.kultur2}`, { shortName: null, description: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: 'kulturradet', shortName: null, description: null });
  });

  it('refuses renaming onto another body’s name', async () => {
    const res = await admin.patch(`/api/bodies/${ids.kultur2}`, { name: 'Kulturnämnden' });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields)).toEqual(['name']);
  });

  it('validates the registry pattern', async () => {
    for (const [pattern, message] of [
      ['{year}-{class}', 'löpnumret {seq}'],
      ['{seq}-{month}', 'Okänd platshållare'],
      ['{seq}{year}', 'Skilj platshållarna åt'],
      ['{seq:0}', 'mellan 1 och 10'],
    ] as const) {
      const res = await admin.patch(`/api/bodies/${ids.kultur}`, { registryPattern: pattern });
      expect(res.statusCode, pattern).toBe(400);
      expect(res.json().fields['body.registryPattern'].join(' ')).toContain(message);
    }
    const ok = await admin.patch(`/api/bodies/${ids.kultur}`, { registryPattern: '171-{seq}/{year}' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().registryPattern).toBe('171-{seq}/{year}');
  });

  it('archives a body once; archived bodies leave the default list', async () => {
    const n = await auditCount();
    const res = await admin.post(`/api/bodies/${ids.kultur2}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json().archived).toBe(true);
    expect(res.json().archivedAt).toBe('2026-11-23T09:00:00.000Z');
    await expectAudited(n, 'organisation.body.archive', ids.kultur2!);
    const again = await admin.post(`/api/bodies/${ids.kultur2}/archive`);
    expect(again.statusCode).toBe(409);
    const list = await anon.get('/api/bodies');
    expect(list.json().items.map((b: { id: string }) => b.id)).not.toContain(ids.kultur2);
    const withArchived = await anon.get('/api/bodies?includeArchived=true');
    expect(withArchived.json().items.map((b: { id: string }) => b.id)).toContain(ids.kultur2);
    // Still readable on its own.
    expect((await anon.get(`/api/bodies/${ids.kultur2}`)).json().archived).toBe(true);
  });
});

describe('validation of requests', () => {
  it('refuses malformed JSON with 400', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/bodies', payload: '{"name": "x",', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('bad_json');
  });

  it('refuses wrong types with 400 and names the fields', async () => {
    const res = await admin.post('/api/bodies', { name: 42, kind: 'nämnd' });
    expect(res.statusCode).toBe(400);
    // Schema errors name the part of the request: body.<field>, params.<field>, querystring.<field>.
    expect(Object.keys(res.json().fields).sort()).toEqual(['body.kind', 'body.name']);
    expect(res.json().fields['body.kind']).toEqual(['Välj typ av organ.']);
  });

  it('refuses over-long strings on every text field', async () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      ['POST', '/api/bodies', { name: long(200), kind: 'specialistBoard' }, 'name'],
      ['POST', '/api/bodies', { name: 'B1', kind: 'specialistBoard', shortName: long(50) }, 'shortName'],
      ['POST', '/api/bodies', { name: 'B2', kind: 'specialistBoard', description: long(2000) }, 'description'],
      ['POST', '/api/bodies', { name: 'B3', kind: 'specialistBoard', registryPattern: `{seq}${long(100)}` }, 'registryPattern'],
      ['POST', '/api/bodies', { name: 'B4', kind: 'specialistBoard', defaultClassCode: long(30) }, 'defaultClassCode'],
      ['POST', '/api/administrations', { name: long(200) }, 'name'],
      ['POST', '/api/parties', { abbreviation: 'X'.repeat(11), name: 'X' }, 'abbreviation'],
      ['POST', '/api/parties', { abbreviation: 'X', name: long(200) }, 'name'],
      ['POST', '/api/people', { name: long(200) }, 'name'],
      ['POST', '/api/people', { name: 'P', title: long(200) }, 'title'],
    ];
    for (const [method, url, payload, field] of cases) {
      const res = await admin.request({ method: method as 'POST', url, payload });
      expect(res.statusCode, `${url} ${field}`).toBe(400);
      expect(Object.keys(res.json().fields), `${url} ${field}`).toEqual([`body.${field}`]);
    }
  });

  it('refuses unknown fields with 400', async () => {
    const res = await admin.post('/api/bodies', { name: 'Extra', kind: 'specialistBoard', extra: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ 'body.extra': ['Okänt fält.'] });
    const patch = await admin.patch(`/api/bodies/${ids.hl}`, { slug: 'hacked' });
    expect(patch.statusCode).toBe(400);
    expect(Object.keys(patch.json().fields)).toEqual(['body.slug']);
    const query = await anon.get('/api/bodies?sort=name');
    expect(query.statusCode).toBe(400);
    expect(Object.keys(query.json().fields)).toEqual(['querystring.sort']);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    for (const url of ['/api/bodies/not-a-uuid', '/api/people/123', '/api/bodies/xyz/memberships']) {
      const res = await anon.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().fields['params.id']).toBeDefined();
    }
    for (const url of [`/api/bodies/${randomUUID()}`, `/api/people/${randomUUID()}`, `/api/bodies/${randomUUID()}/memberships`]) {
      const res = await anon.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toBe('not_found');
    }
    expect((await admin.patch(`/api/bodies/${randomUUID()}`, { name: 'Ingen' })).statusCode).toBe(404);
    expect((await admin.patch('/api/bodies/nope', { name: 'Ingen' })).statusCode).toBe(400);
    expect((await admin.delete(`/api/memberships/${randomUUID()}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/administrations/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('caps the page size at 100', async () => {
    expect((await anon.get('/api/bodies?pageSize=100')).statusCode).toBe(200);
    expect((await anon.get('/api/bodies?pageSize=101')).statusCode).toBe(400);
    expect((await anon.get('/api/people?page=0')).statusCode).toBe(400);
    expect((await anon.get('/api/parties?pageSize=abc')).statusCode).toBe(400);
  });
});

describe('administrations', () => {
  it('creates, lists, updates and deletes an administration', async () => {
    let n = await auditCount();
    const res = await admin.post('/api/administrations', { name: 'Hägersten-Liljeholmens stadsdelsförvaltning', bodyId: ids.hl });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'hagersten-liljeholmens-stadsdelsforvaltning', bodyId: ids.hl, bodyName: 'Hägersten-Liljeholmens stadsdelsnämnd' });
    ids.hlAdm = res.json().id;
    await expectAudited(n, 'organisation.administration.create', ids.hlAdm!);

    const kf = await admin.post('/api/administrations', { name: 'Kulturförvaltningen', bodyId: ids.kultur });
    ids.kulturAdm = kf.json().id;

    const list = await anon.get(`/api/administrations?bodyId=${ids.hl}`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: ids.hlAdm }] });
    const detail = await anon.get(`/api/bodies/${ids.hl}`);
    expect(detail.json().administrations.map((a: { name: string }) => a.name)).toEqual(['Hägersten-Liljeholmens stadsdelsförvaltning']);

    n = await auditCount();
    const tmp = await admin.post('/api/administrations', { name: 'Tillfälliga förvaltningen' });
    expect(tmp.json().bodyId).toBeNull();
    const upd = await admin.patch(`/api/administrations/${tmp.json().id}`, { name: 'Ändrade förvaltningen', bodyId: ids.kultur });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ slug: 'andrade-forvaltningen', bodyId: ids.kultur });
    await expectAudited(n + 1, 'organisation.administration.update', tmp.json().id);
    const del = await admin.delete(`/api/administrations/${tmp.json().id}`);
    expect(del.statusCode).toBe(204);
    await expectAudited(n + 2, 'organisation.administration.delete', tmp.json().id);
    expect((await admin.delete(`/api/administrations/${tmp.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate name and an unknown body with 422', async () => {
    const dup = await admin.post('/api/administrations', { name: 'Kulturförvaltningen' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().fields).toEqual({ name: ['Det finns redan en förvaltning med det namnet.'] });
    const unknown = await admin.post('/api/administrations', { name: 'Ny förvaltning', bodyId: randomUUID() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields).toEqual({ bodyId: ['Organet finns inte.'] });
  });
});

describe('parties and people', () => {
  it('creates and updates parties; abbreviations and names are unique', async () => {
    const n = await auditCount();
    const l = await admin.post('/api/parties', { abbreviation: 'L', name: 'Liberalerna' });
    expect(l.statusCode).toBe(201);
    ids.L = l.json().id;
    await expectAudited(n, 'organisation.party.create', ids.L!);
    ids.MP = (await admin.post('/api/parties', { abbreviation: 'MP', name: 'Miljöpartiet' })).json().id;

    const dupAbbr = await admin.post('/api/parties', { abbreviation: 'mp', name: 'Något annat' });
    expect(dupAbbr.statusCode).toBe(422);
    expect(dupAbbr.json().fields).toEqual({ abbreviation: ['Det finns redan ett parti med den förkortningen.'] });
    const dupName = await admin.post('/api/parties', { abbreviation: 'LIB', name: 'liberalerna' });
    expect(dupName.statusCode).toBe(422);
    expect(dupName.json().fields).toEqual({ name: ['Det finns redan ett parti med det namnet.'] });
    const badAbbr = await admin.post('/api/parties', { abbreviation: 'M-P', name: 'X' });
    expect(badAbbr.statusCode).toBe(400);

    const upd = await admin.patch(`/api/parties/${ids.MP}`, { name: 'Miljöpartiet de gröna' });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ abbreviation: 'MP', name: 'Miljöpartiet de gröna' });
    const entry = await lastAudit();
    expect(entry.action).toBe('organisation.party.update');
    expect(entry.summary.before).toMatchObject({ name: 'Miljöpartiet' });
    expect(entry.summary.after).toMatchObject({ name: 'Miljöpartiet de gröna' });

    const list = await anon.get('/api/parties');
    expect(list.json()).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(list.json().items.map((p: { abbreviation: string }) => p.abbreviation)).toEqual(['L', 'MP']);
  });

  it('creates, reads, searches and updates people', async () => {
    const n = await auditCount();
    const abit = await admin.post('/api/people', { name: '  Abit   Dundar ', partyId: ids.L });
    expect(abit.statusCode).toBe(201);
    expect(abit.json()).toMatchObject({ name: 'Abit Dundar', partyId: ids.L, partyAbbreviation: 'L', title: null });
    ids.abit = abit.json().id;
    await expectAudited(n, 'organisation.person.create', ids.abit!);

    const anne = await admin.post('/api/people', { name: 'Anne Lund', title: 'handläggare', administrationId: ids.kulturAdm });
    expect(anne.json()).toMatchObject({ administrationName: 'Kulturförvaltningen', title: 'handläggare' });
    ids.anne = anne.json().id;
    ids.jessica = (await admin.post('/api/people', { name: 'Jessica Jormtun', partyId: ids.MP })).json().id;

    expect((await anon.get(`/api/people/${ids.abit}`)).json().name).toBe('Abit Dundar');
    const search = await anon.get('/api/people?q=lund');
    expect(search.json().items.map((p: { name: string }) => p.name)).toEqual(['Anne Lund']);
    const byTitle = await anon.get('/api/people?q=HANDLÄGG');
    expect(byTitle.json().total).toBeGreaterThanOrEqual(0);
    const byParty = await anon.get(`/api/people?partyId=${ids.L}`);
    expect(byParty.json().items.map((p: { name: string }) => p.name)).toEqual(['Abit Dundar']);
    const wildcard = await anon.get('/api/people?q=%25');
    expect(wildcard.json().total).toBe(0);

    const upd = await admin.patch(`/api/people/${ids.anne}`, { title: 'utredare', partyId: null });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().title).toBe('utredare');
    expect((await lastAudit()).action).toBe('organisation.person.update');

    const badParty = await admin.post('/api/people', { name: 'X', partyId: randomUUID() });
    expect(badParty.statusCode).toBe(422);
    expect(badParty.json().fields).toEqual({ partyId: ['Partiet finns inte.'] });
  });
});

describe('memberships', () => {
  it('adds memberships, shows them grouped by role on the day asked for', async () => {
    const n = await auditCount();
    const res = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: ids.abit, role: 'member', fromDate: '2015-01-01', toDate: '2018-10-14' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ personName: 'Abit Dundar', role: 'member', partyId: ids.L, partyAbbreviation: 'L', fromDate: '2015-01-01', toDate: '2018-10-14' });
    ids.abitHl = res.json().id;
    await expectAudited(n, 'organisation.membership.add', ids.abitHl!);

    const chair = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: ids.jessica, role: 'chair', fromDate: '2015-01-01' });
    expect(chair.statusCode).toBe(201);
    ids.jessicaChair = chair.json().id;

    const in2016 = await anon.get(`/api/bodies/${ids.hl}?on=2016-09-01`);
    expect(in2016.json().membersOn).toBe('2016-09-01');
    expect(in2016.json().members.map((g: { role: string; memberships: Array<{ personName: string }> }) => [g.role, g.memberships.map((m) => m.personName)])).toEqual([
      ['chair', ['Jessica Jormtun']],
      ['member', ['Abit Dundar']],
    ]);
    const today = await anon.get(`/api/bodies/${ids.hl}`);
    expect(today.json().members).toEqual([expect.objectContaining({ role: 'chair' })]);

    const list = await anon.get(`/api/bodies/${ids.hl}/memberships`);
    expect(list.json().total).toBe(2);
    const onlyMembers = await anon.get(`/api/bodies/${ids.hl}/memberships?role=member&on=2016-01-01`);
    expect(onlyMembers.json().items.map((m: { id: string }) => m.id)).toEqual([ids.abitHl]);
  });

  it('refuses an end before the start, duplicates and overlaps', async () => {
    const n = await auditCount();
    const backwards = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: ids.anne, role: 'substitute', fromDate: '2016-01-01', toDate: '2015-12-31' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().fields).toEqual({ 'body.toDate': ['Slutdatumet kan inte vara före startdatumet.'] });

    const dup = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: ids.abit, role: 'member', fromDate: '2015-01-01' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().fields).toEqual({ fromDate: ['Personen har redan det uppdraget i organet från samma datum.'] });

    const overlap = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: ids.abit, role: 'member', fromDate: '2017-01-01' });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().fields.fromDate).toEqual(['Personen har redan samma uppdrag i organet under en del av perioden.']);

    const unknownPerson = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: randomUUID(), role: 'member', fromDate: '2015-01-01' });
    expect(unknownPerson.statusCode).toBe(422);
    expect(unknownPerson.json().fields).toEqual({ personId: ['Personen finns inte.'] });
    const badDate = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: ids.anne, role: 'member', fromDate: '2015-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(Object.keys(badDate.json().fields)).toEqual(['body.fromDate']);
    const badRole = await admin.post(`/api/bodies/${ids.hl}/memberships`, { personId: ids.anne, role: 'boss', fromDate: '2015-01-01' });
    expect(badRole.statusCode).toBe(400);
    expect(await auditCount()).toBe(n);
  });

  it('ends a membership, refusing an end before its start', async () => {
    const n = await auditCount();
    const early = await admin.patch(`/api/memberships/${ids.jessicaChair}`, { toDate: '2014-12-31' });
    expect(early.statusCode).toBe(422);
    expect(early.json().fields).toEqual({ toDate: ['Slutdatumet kan inte vara före startdatumet.'] });
    expect(await auditCount()).toBe(n);

    const ended = await admin.patch(`/api/memberships/${ids.jessicaChair}`, { toDate: '2018-10-14' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().toDate).toBe('2018-10-14');
    const entry = await expectAudited(n, 'organisation.membership.end', ids.jessicaChair!);
    expect(entry.summary.before).toMatchObject({ toDate: null });
    expect(entry.summary.after).toMatchObject({ toDate: '2018-10-14' });
    expect((await anon.get(`/api/bodies/${ids.hl}`)).json().members).toEqual([]);
  });

  it('changes a membership and deletes one recorded by mistake', async () => {
    const n = await auditCount();
    const upd = await admin.patch(`/api/memberships/${ids.jessicaChair}`, { role: 'member', partyId: ids.MP });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ role: 'member', partyAbbreviation: 'MP' });
    await expectAudited(n, 'organisation.membership.update', ids.jessicaChair!);
    const del = await admin.delete(`/api/memberships/${ids.jessicaChair}`);
    expect(del.statusCode).toBe(204);
    await expectAudited(n + 1, 'organisation.membership.delete', ids.jessicaChair!);
    expect((await anon.get(`/api/bodies/${ids.hl}/memberships`)).json().total).toBe(1);
  });

  it('keeps people when their administration is deleted', async () => {
    const del = await admin.delete(`/api/administrations/${ids.kulturAdm}`);
    expect(del.statusCode).toBe(204);
    expect((await lastAudit()).summary.detachedPeople).toBe(1);
    const anne = await anon.get(`/api/people/${ids.anne}`);
    expect(anne.json()).toMatchObject({ name: 'Anne Lund', administrationId: null });
  });
});

describe('who may write', () => {
  const writes = (): Array<[string, string, unknown]> => [
    ['POST', '/api/bodies', { name: 'Förbjudna nämnden', kind: 'specialistBoard' }],
    ['PATCH', `/api/bodies/${ids.hl}`, { description: 'x' }],
    ['POST', `/api/bodies/${ids.hl}/archive`, undefined],
    ['POST', '/api/administrations', { name: 'Förbjudna förvaltningen' }],
    ['PATCH', `/api/administrations/${ids.hlAdm}`, { name: 'x' }],
    ['DELETE', `/api/administrations/${ids.hlAdm}`, undefined],
    ['POST', '/api/parties', { abbreviation: 'FP', name: 'Förbjudna partiet' }],
    ['PATCH', `/api/parties/${ids.L}`, { name: 'x' }],
    ['POST', '/api/people', { name: 'Förbjuden person' }],
    ['PATCH', `/api/people/${ids.abit}`, { name: 'x' }],
    ['POST', `/api/bodies/${ids.hl}/memberships`, { personId: ids.anne, role: 'member', fromDate: '2020-01-01' }],
    ['PATCH', `/api/memberships/${ids.abitHl}`, { toDate: '2018-01-01' }],
    ['DELETE', `/api/memberships/${ids.abitHl}`, undefined],
  ];

  it('anonymous visitors get 401 and registrars 403 on every write; nothing changes', async () => {
    const n = await auditCount();
    for (const [method, url, payload] of writes()) {
      const a = await anon.request({ method: method as 'POST', url, ...(payload !== undefined && { payload: payload as object }) });
      expect(a.statusCode, `anonymous ${method} ${url}`).toBe(401);
      const r = await registrar.request({ method: method as 'POST', url, ...(payload !== undefined && { payload: payload as object }) });
      expect(r.statusCode, `registrar ${method} ${url}`).toBe(403);
    }
    expect(await auditCount()).toBe(n);
  });

  it('anyone may read', async () => {
    for (const url of ['/api/bodies', `/api/bodies/${ids.hl}`, '/api/administrations', '/api/parties', '/api/people', `/api/people/${ids.abit}`, `/api/bodies/${ids.hl}/memberships`]) {
      expect((await anon.get(url)).statusCode, url).toBe(200);
      expect((await registrar.get(url)).statusCode, url).toBe(200);
    }
  });
});

describe('API description and audit chain', () => {
  it('lists every organisation route in OpenAPI under the organisation tag', async () => {
    const doc = (await anon.get('/api/openapi.json')).json();
    const expected: Record<string, string[]> = {
      '/api/bodies': ['get', 'post'],
      '/api/bodies/{id}': ['get', 'patch'],
      '/api/bodies/{id}/archive': ['post'],
      '/api/administrations': ['get', 'post'],
      '/api/administrations/{id}': ['patch', 'delete'],
      '/api/parties': ['get', 'post'],
      '/api/parties/{id}': ['patch'],
      '/api/people': ['get', 'post'],
      '/api/people/{id}': ['get', 'patch'],
      '/api/bodies/{id}/memberships': ['get', 'post'],
      '/api/memberships/{id}': ['patch', 'delete'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) {
        const op = doc.paths[path]?.[method];
        expect(op, `${method} ${path}`).toBeDefined();
        expect(op.tags).toEqual(['organisation']);
        expect(Object.keys(op.responses)).toContain(method === 'post' && !path.endsWith('archive') ? '201' : method === 'delete' ? '204' : '200');
      }
    }
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/organisation'))).toBe(false);
  });

  it('keeps an unbroken audit chain', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
  });
});
