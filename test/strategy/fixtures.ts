import type { Db } from '../../src/db/client.js';
import { cases } from '../../src/modules/registry/schema.js';
import { referrals } from '../../src/modules/referrals/schema.js';
import { agendaItems, meetings } from '../../src/modules/meetings/schema.js';
import { addUser, Client, type TestApp } from '../helpers/app.js';
import { insertBody } from '../registry/fixtures.js';

/**
 * Kommunstyrelsen owns the strategies; Kulturnämnden and Socialnämnden own goals and indicators and
 * write follow-ups. Staff of each, an administrator, a board member and an anonymous reader.
 */
export async function strategySetup(t: TestApp) {
  const ks = await insertBody(t.database.db, { name: 'Kommunstyrelsen', kind: 'executiveBoard', pattern: 'KS {year}/{seq}' });
  const kultur = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' });
  const social = await insertBody(t.database.db, { name: 'Socialnämnden' });
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  await addUser(t, 'reg.ks', [{ role: 'registrar', bodyId: ks }]);
  await addUser(t, 'officer.ks', [{ role: 'caseOfficer', bodyId: ks }]);
  await addUser(t, 'secretary.ks', [{ role: 'boardSecretary', bodyId: ks }]);
  await addUser(t, 'officer.k', [{ role: 'caseOfficer', bodyId: kultur }]);
  await addUser(t, 'secretary.k', [{ role: 'boardSecretary', bodyId: kultur }]);
  await addUser(t, 'officer.s', [{ role: 'caseOfficer', bodyId: social }]);
  await addUser(t, 'member.ks', [{ role: 'boardMember', bodyId: ks }]);
  const login = async (name: string) => {
    const c = new Client(t.app);
    if (name !== 'anonymous') await c.login(name);
    return c;
  };
  const clients = {
    admin: await login('admin'),
    reg: await login('reg.ks'),
    officer: await login('officer.ks'),
    ksSecretary: await login('secretary.ks'),
    kultur: await login('officer.k'),
    kulturSecretary: await login('secretary.k'),
    social: await login('officer.s'),
    member: await login('member.ks'),
    anon: await login('anonymous'),
  };
  return { ks, kultur, social, clients };
}

/**
 * A referral round and a decided agenda item (§) of Kommunstyrelsen, inserted directly: what a
 * strategy links to. The referrals and meetings modules own these tables; only ids matter here.
 */
export async function insertDecision(db: Db, bodyId: string): Promise<{ referralId: string; meetingId: string; itemId: string }> {
  const now = new Date('2026-01-01T00:00:00Z');
  const [c] = await db
    .insert(cases)
    .values({ bodyId, registryNumber: 'KS 2016/1', year: 2016, sequence: 1, title: 'Strategi för Stockholm som smart och uppkopplad stad', registeredAt: now, registeredBy: 'test', updatedAt: now })
    .returning({ id: cases.id });
  const [r] = await db
    .insert(referrals)
    .values({ caseId: c!.id, senderBodyId: bodyId, subject: 'Strategi för Stockholm som smart och uppkopplad stad', letterDate: '2016-06-14', deadline: '2016-09-30', status: 'sent', createdBy: 'test', createdAt: now, updatedAt: now })
    .returning({ id: referrals.id });
  const [m] = await db.insert(meetings).values({ bodyId, meetingDate: '2017-03-15', createdAt: now, updatedAt: now }).returning({ id: meetings.id });
  const [i] = await db
    .insert(agendaItems)
    .values({ meetingId: m!.id, paragraph: 7, title: 'Strategi för Stockholm som smart och uppkopplad stad', caseId: c!.id, position: 1, createdAt: now, updatedAt: now })
    .returning({ id: agendaItems.id });
  return { referralId: r!.id, meetingId: m!.id, itemId: i!.id };
}

export const html = { accept: 'text/html' };
