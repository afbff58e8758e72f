import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { systemActor } from '../../src/auth/actor.js';
import { registerCase } from '../../src/modules/registry/index.js';
import { cases, registrySeries } from '../../src/modules/registry/schema.js';
import { insertBody } from './fixtures.js';

let t: TestApp;
let plain: string; // pattern {seq}/{year}
let classy: string; // pattern {seq}-{year}-{class}, no default class
let registrar: Client;

beforeAll(async () => {
  t = await buildTestApp({ now: '2026-11-23T09:00:00Z' });
  plain = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '{seq}/{year}' });
  classy = await insertBody(t.database.db, { name: 'Hägersten-Liljeholmens stadsdelsnämnd', pattern: '{seq}-{year}-{class}', kind: 'districtBoard' });
  await addUser(t, 'reg', [
    { role: 'registrar', bodyId: plain },
    { role: 'registrar', bodyId: classy },
  ]);
  registrar = new Client(t.app);
  expect((await registrar.login('reg')).statusCode).toBe(200);
});
afterAll(() => t.close());

const sequencesOf = async (bodyId: string, year: number) =>
  (await t.database.db.select({ s: cases.sequence, n: cases.registryNumber }).from(cases).where(eq(cases.bodyId, bodyId)))
    .filter((r) => r.n.includes(String(year)))
    .map((r) => r.s)
    .sort((a, b) => a - b);

describe('gap-free, unique numbers', () => {
  it('gives 50 parallel registrations the numbers 1..50, each once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => registrar.post('/api/cases', { bodyId: plain, title: `Parallellt ärende ${i + 1}` })),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    const numbers = responses.map((r) => r.json().registryNumber as string);
    expect(new Set(numbers).size).toBe(50);
    expect(responses.map((r) => r.json().sequence as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(numbers).toContain('1/2026');
    expect(numbers).toContain('50/2026');
  });

  it('does not spend a number on a failed registration, even under concurrency', async () => {
    // Every fifth request lacks the class the pattern needs: it fails after taking its number.
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        registrar.post('/api/cases', { bodyId: classy, title: `Ärende ${i}`, ...(i % 5 === 4 ? {} : { classCode: '1.5.1' }) }),
      ),
    );
    const failed = responses.filter((r) => r.statusCode === 422);
    expect(failed).toHaveLength(5);
    for (const f of failed) expect(f.json().fields).toHaveProperty('classCode');
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(20);
    expect(await sequencesOf(classy, 2026)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const next = await registrar.post('/api/cases', { bodyId: classy, title: 'Nästa', classCode: '1.5.1' });
    expect(next.json().registryNumber).toBe('21-2026-1.5.1');
  });

  it('returns the number when the surrounding transaction rolls back', async () => {
    const ctx = { db: t.database.db, clock: t.clock, actor: systemActor('test') };
    let taken = '';
    await expect(
      t.database.db.transaction(async (tx) => {
        const c = await registerCase({ ...ctx, db: tx }, { bodyId: plain, title: 'Rullas tillbaka' });
        taken = c.registryNumber;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(taken).toBe('51/2026');
    const after = await registrar.post('/api/cases', { bodyId: plain, title: 'Efter återrullningen' });
    expect(after.json().registryNumber).toBe('51/2026');
  });

  it('numbers per year in Stockholm time: 00:30 on New Year is the new year', async () => {
    t.clock.set('2026-12-31T23:30:00Z');
    try {
      // A month later the session has expired: log in again.
      const c = new Client(t.app);
      await c.login('reg');
      const r = await c.post('/api/cases', { bodyId: plain, title: 'Nyårsnatt' });
      expect(r.json().year).toBe(2027);
      expect(r.json().registryNumber).toBe('1/2027');
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
      registrar = new Client(t.app);
      await registrar.login('reg');
    }
  });
});

describe('a pattern without {year}', () => {
  it('refuses a number that already exists with 409 instead of reusing it', async () => {
    const noYear = await insertBody(t.database.db, { name: 'Utan år', pattern: 'UA-{seq}' });
    const c = new Client(t.app);
    await addUser(t, 'reg.ua', [{ role: 'registrar', bodyId: noYear }]);
    await c.login('reg.ua');
    expect((await c.post('/api/cases', { bodyId: noYear, title: 'Förra året', year: 2025 })).json().registryNumber).toBe('UA-1');
    const clash = await c.post('/api/cases', { bodyId: noYear, title: 'I år' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toContain('UA-1');
    expect(clash.json().message).toContain('{year}');
  });
});

describe('back-registration of archive material', () => {
  it('registers in an earlier year with its own series', async () => {
    const r = await registrar.post('/api/cases', { bodyId: plain, title: 'Arkiv 2016', year: 2016, registeredOn: '2016-06-16' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ registryNumber: '1/2016', year: 2016, sequence: 1 });
    expect(r.json().registeredAt).toBe('2016-06-16T12:00:00.000Z');
  });

  it('refuses a future year and a registration date without archive context', async () => {
    const future = await registrar.post('/api/cases', { bodyId: plain, title: 'Framtid', year: 2030 });
    expect(future.statusCode).toBe(422);
    expect(future.json().fields).toHaveProperty('year');
    const dated = await registrar.post('/api/cases', { bodyId: plain, title: 'Datum', registeredOn: '2026-01-01' });
    expect(dated.statusCode).toBe(422);
    expect(dated.json().fields).toHaveProperty('registeredOn');
  });

  it('keeps an existing number, moves the series up to it, and refuses it twice', async () => {
    const r = await registrar.post('/api/cases', { bodyId: classy, title: 'Strategi för Stockholm som smart och uppkopplad stad', existingNumber: 'Dnr 304-2016-1.5.1' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ registryNumber: '304-2016-1.5.1', year: 2016, sequence: 304, classCode: '1.5.1' });
    const [series] = await t.database.db
      .select()
      .from(registrySeries)
      .where(eq(registrySeries.bodyId, classy));
    expect(series).toBeDefined();

    const again = await registrar.post('/api/cases', { bodyId: classy, title: 'Dubblett', existingNumber: '304-2016-1.5.1' });
    expect(again.statusCode).toBe(422);
    expect(again.json().fields.existingNumber).toBeDefined();

    // A lower number fills an empty slot and leaves the series where it is.
    const lower = await registrar.post('/api/cases', { bodyId: classy, title: 'Äldre', existingNumber: '12-2016-1.5.1' });
    expect(lower.statusCode, lower.body).toBe(201);
    const next = await registrar.post('/api/cases', { bodyId: classy, title: 'Nästa 2016', year: 2016, classCode: '1.5.1' });
    expect(next.json().registryNumber).toBe('305-2016-1.5.1');
  });

  it('refuses an existing number it cannot read, or whose class or year disagree', async () => {
    const unreadable = await registrar.post('/api/cases', { bodyId: classy, title: 'X', existingNumber: 'ABC' });
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().fields).toHaveProperty('existingNumber');
    const year = await registrar.post('/api/cases', { bodyId: classy, title: 'X', existingNumber: '400-2016-1.5.1', year: 2015 });
    expect(year.statusCode).toBe(422);
    const klass = await registrar.post('/api/cases', { bodyId: classy, title: 'X', existingNumber: '401-2016-1.5.1', classCode: '2.2' });
    expect(klass.statusCode).toBe(422);
    expect(klass.json().fields).toHaveProperty('classCode');
  });

  it('never lets the class change once numbered', async () => {
    const r = await registrar.post('/api/cases', { bodyId: classy, title: 'Klass', classCode: '1.5.1' });
    const id = r.json().id as string;
    const same = await registrar.patch(`/api/cases/${id}`, { classCode: '1.5.1', status: 'closed' });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().status).toBe('closed');
    const changed = await registrar.patch(`/api/cases/${id}`, { classCode: '9.9' });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().fields.classCode).toBeDefined();
  });
});
