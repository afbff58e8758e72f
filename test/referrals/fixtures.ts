import { systemActor } from '../../src/auth/actor.js';
import type { DomainEvents } from '../../src/core/events.js';
import { publish } from '../../src/core/events.js';
import type { Db } from '../../src/db/client.js';
import { bodies, type BodyKind } from '../../src/modules/organisation/schema.js';
import { addUser, Client, type TestApp } from '../helpers/app.js';

/** Bodies inserted directly: only the columns the registry and referrals read matter here. */
export async function insertBody(
  db: Db,
  opts: { name: string; kind?: BodyKind; pattern?: string; defaultClassCode?: string | null; archived?: boolean },
): Promise<string> {
  const now = new Date('2026-01-01T00:00:00Z');
  const slug = opts.name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const [row] = await db
    .insert(bodies)
    .values({
      slug,
      name: opts.name,
      kind: opts.kind ?? 'specialistBoard',
      registryPattern: opts.pattern ?? '{seq}-{year}',
      defaultClassCode: opts.defaultClassCode ?? null,
      createdAt: now,
      updatedAt: now,
      archivedAt: opts.archived ? now : null,
    })
    .returning({ id: bodies.id });
  return row!.id;
}

export interface World {
  ks: string;
  hl: string;
  soc: string;
  kul: string;
  amn: string;
  skarp: string;
  old: string;
  /** Logged-in clients by user name. */
  c: Record<'ksReg' | 'hlReg' | 'hlOfficer' | 'socReg' | 'socSecretary' | 'kulReg' | 'amnReg' | 'member' | 'admin' | 'anon', Client>;
}

/** The seed documents' bodies with the number patterns they show, and staff for each. */
export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  const w = {
    ks: await insertBody(db, { name: 'Kommunstyrelsen', kind: 'executiveBoard', pattern: 'KS {year}/{seq}' }),
    hl: await insertBody(db, { name: 'Hägersten-Liljeholmens stadsdelsnämnd', kind: 'districtBoard', pattern: '{seq}-{year}-{class}', defaultClassCode: '1.5.1' }),
    soc: await insertBody(db, { name: 'Socialnämnden', pattern: '{class}-{seq}/{year}', defaultClassCode: '1.7.1' }),
    kul: await insertBody(db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' }),
    amn: await insertBody(db, { name: 'Arbetsmarknadsnämnden', pattern: 'AMN {year}-{seq:4}' }),
    skarp: await insertBody(db, { name: 'Skarpnäcks stadsdelsnämnd', kind: 'districtBoard' }),
    old: await insertBody(db, { name: 'Gamla nämnden', archived: true }),
  };
  await addUser(t, 'ks-reg', [{ role: 'registrar', bodyId: w.ks }]);
  await addUser(t, 'hl-reg', [{ role: 'registrar', bodyId: w.hl }]);
  await addUser(t, 'hl-officer', [{ role: 'caseOfficer', bodyId: w.hl }]);
  await addUser(t, 'soc-reg', [{ role: 'registrar', bodyId: w.soc }]);
  await addUser(t, 'soc-secretary', [{ role: 'boardSecretary', bodyId: w.soc }]);
  await addUser(t, 'kul-reg', [{ role: 'registrar', bodyId: w.kul }]);
  await addUser(t, 'amn-reg', [{ role: 'registrar', bodyId: w.amn }]);
  await addUser(t, 'member', [{ role: 'boardMember', bodyId: w.ks }]);
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  const users = {
    ksReg: 'ks-reg',
    hlReg: 'hl-reg',
    hlOfficer: 'hl-officer',
    socReg: 'soc-reg',
    socSecretary: 'soc-secretary',
    kulReg: 'kul-reg',
    amnReg: 'amn-reg',
    member: 'member',
    admin: 'admin',
  } as const;
  const c = { anon: new Client(t.app) } as World['c'];
  for (const [key, username] of Object.entries(users)) {
    const client = new Client(t.app);
    const res = await client.login(username);
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
    c[key as keyof typeof users] = client;
  }
  return { ...w, c };
}

/** Publish a domain event as another module's command would, in a transaction of its own. */
export async function publishEvent<K extends keyof DomainEvents>(t: TestApp, name: K, payload: DomainEvents[K], label = 'meetings-test'): Promise<void> {
  const actor = systemActor(label);
  await t.database.db.transaction(async (tx) => publish(tx, { db: tx, clock: t.clock, actor }, name, payload));
}

export const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A multipart/form-data body as a browser sends it: repeated fields (checkboxes) and several files. */
export function multipart(fields: Record<string, string | string[]>, files: Array<{ name: string; filename: string; type: string; content: Buffer }> = []) {
  const boundary = '----stadsnavtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
  }
  for (const file of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Post a multipart page form with the client's CSRF token. */
export async function postMultipart(client: Client, url: string, fields: Record<string, string | string[]>, files: Parameters<typeof multipart>[1] = []) {
  if (!client.csrf) await client.refreshCsrf();
  const { payload, contentType } = multipart({ _csrf: client.csrf, ...fields }, files);
  return client.request({ method: 'POST', url, payload, headers: { 'content-type': contentType, accept: 'text/html' }, csrf: false });
}
