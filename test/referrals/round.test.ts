import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { verifyAuditChain } from '../../src/audit/index.js';
import { notifications } from '../../src/modules/notifications/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { b64, buildWorld, publishEvent, type World } from './fixtures.js';

/**
 * A whole round over HTTP: KS sends to three recipients; Hägersten-Liljeholmen answers (its steps
 * driven by the statements' and meetings' domain events), Socialnämnden declines, Kulturnämnden
 * is still drafting when the clock passes the deadline.
 */
let t: TestApp;
let w: World;
let referralId: string;
let senderCaseId: string;
const rec: Record<'hl' | 'soc' | 'kul', { id: string; caseId: string; registryNumber: string }> = {} as never;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await w.c.anon.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};

describe('creating a round', () => {
  it('registers the sender case with the draft and its attachments', async () => {
    const res = await w.c.ksReg.post('/api/referrals', {
      senderBodyId: w.ks,
      subject: 'Strategi för Stockholm som smart och uppkopplad stad',
      description: 'Förslag till strategi med kommunikationsstrategi och projektkartläggning.',
      letterDate: '2026-11-02',
      deadline: '2026-12-15',
      recipients: [{ bodyId: w.hl }, { bodyId: w.soc }, { bodyId: w.amn }],
      draft: { filename: 'strategi.txt', mediaType: 'text/plain', content: b64('Strategi för Stockholm som smart och uppkopplad stad') },
      attachments: [
        { filename: 'Kommunikationsstrategi.txt', mediaType: 'text/plain', content: b64('Kommunikation') },
        { title: 'Kartläggning pågående projekt', filename: 'bilaga3.txt', mediaType: 'text/plain', content: b64('Projekt') },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    referralId = body.id;
    senderCaseId = body.caseId;
    expect(body).toMatchObject({
      status: 'draft',
      senderBodyName: 'Kommunstyrelsen',
      registryNumber: 'KS 2026/1',
      warnings: [],
      recipientCount: 3,
      counts: { pending: 3, late: 0 },
    });
    expect(body.recipients.map((r: { bodyName: string; status: string }) => `${r.bodyName}:${r.status}`)).toEqual([
      'Arbetsmarknadsnämnden:pending',
      'Hägersten-Liljeholmens stadsdelsnämnd:pending',
      'Socialnämnden:pending',
    ]);
    const theCase = await get(`/api/cases/${senderCaseId}`);
    expect(theCase.title).toBe('Strategi för Stockholm som smart och uppkopplad stad');
    expect(theCase.documents.map((d: { kind: string; title: string }) => `${d.kind}:${d.title}`)).toEqual(
      expect.arrayContaining(['draft:strategi', 'attachment:Kommunikationsstrategi', 'attachment:Kartläggning pågående projekt']),
    );
  });

  it('changes recipients, dates and subject while a draft', async () => {
    const res = await w.c.ksReg.patch(`/api/referrals/${referralId}`, {
      recipients: [{ bodyId: w.hl }, { bodyId: w.soc }, { bodyId: w.kul, existingNumber: '171-908/2026' }],
      deadline: '2026-12-14',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().recipients.map((r: { bodyName: string; existingNumber: string | null }) => [r.bodyName, r.existingNumber])).toEqual([
      ['Hägersten-Liljeholmens stadsdelsnämnd', null],
      ['Kulturnämnden', '171-908/2026'],
      ['Socialnämnden', null],
    ]);
    const again = await w.c.ksReg.patch(`/api/referrals/${referralId}`, { deadline: '2026-12-15', subject: 'Strategi för Stockholm som smart och uppkopplad stad' });
    expect(again.json().deadline).toBe('2026-12-15');
  });
});

describe('sending', () => {
  it('gives every recipient its own case, the letter and a notification', async () => {
    const res = await w.c.ksReg.post(`/api/referrals/${referralId}/send`, {});
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status).toBe('sent');
    expect(body.counts).toMatchObject({ received: 3, pending: 0 });
    for (const r of body.recipients) {
      const key = r.bodyId === w.hl ? 'hl' : r.bodyId === w.soc ? 'soc' : 'kul';
      rec[key] = { id: r.id, caseId: r.caseId, registryNumber: r.registryNumber };
      expect(r).toMatchObject({ status: 'received', receivedOn: '2026-11-23', late: false });
    }
    expect(rec.hl.registryNumber).toBe('1-2026-1.5.1');
    expect(rec.soc.registryNumber).toBe('1.7.1-1/2026');
    expect(rec.kul.registryNumber).toBe('171-908/2026');

    const hlCase = await get(`/api/cases/${rec.hl.caseId}`);
    expect(hlCase.bodyName).toBe('Hägersten-Liljeholmens stadsdelsnämnd');
    expect(hlCase.documents).toHaveLength(1);
    const letter = await get(`/api/documents/${hlCase.documents[0].documentId}`);
    expect(letter).toMatchObject({ kind: 'referralLetter', direction: 'incoming', counterpart: 'Kommunstyrelsen (KS 2026/1)', documentDate: '2026-11-02' });

    const inbox = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'referral.received'));
    expect(inbox).toHaveLength(3);
    const hlNote = inbox.find((n) => n.params.registryNumber === '1-2026-1.5.1')!;
    expect(hlNote.params).toEqual({
      subject: 'Strategi för Stockholm som smart och uppkopplad stad',
      sender: 'Kommunstyrelsen',
      deadline: '2026-12-15',
      registryNumber: '1-2026-1.5.1',
    });
    expect(hlNote.link).toBe(`/referrals/${referralId}/recipients/${rec.hl.id}`);
  });

  it('sends only once, and keeps the round fixed afterwards except the deadline', async () => {
    const again = await w.c.ksReg.post(`/api/referrals/${referralId}/send`, {});
    expect(again.statusCode).toBe(422);
    expect(again.json().fields.status).toEqual(['Remissen är redan skickad.']);
    const locked = await w.c.ksReg.patch(`/api/referrals/${referralId}`, { subject: 'Ny rubrik', recipients: [] });
    expect(locked.statusCode).toBe(422);
    expect(Object.keys(locked.json().fields).sort()).toEqual(['recipients', 'subject']);
    const extended = await w.c.ksReg.patch(`/api/referrals/${referralId}`, { deadline: '2026-12-16' });
    expect(extended.statusCode).toBe(200);
    await w.c.ksReg.patch(`/api/referrals/${referralId}`, { deadline: '2026-12-15' });
  });
});

describe('Hägersten-Liljeholmen answers, moved along by domain events', () => {
  it('drafting, on the agenda, off and on again, decided', async () => {
    await publishEvent(t, 'statements.drafted', { caseId: rec.hl.caseId, date: '2026-11-24' });
    expect((await get(`/api/referral-recipients/${rec.hl.id}`)).status).toBe('drafting');
    await publishEvent(t, 'meetings.itemScheduled', { caseId: rec.hl.caseId, meetingDate: '2026-12-03' });
    expect((await get(`/api/referral-recipients/${rec.hl.id}`)).status).toBe('onAgenda');
    // A statement saved again while on the agenda would be a step back: nothing happens.
    await publishEvent(t, 'statements.drafted', { caseId: rec.hl.caseId, date: '2026-11-25' });
    expect((await get(`/api/referral-recipients/${rec.hl.id}`)).status).toBe('onAgenda');
    await publishEvent(t, 'meetings.itemUnscheduled', { caseId: rec.hl.caseId });
    expect((await get(`/api/referral-recipients/${rec.hl.id}`)).status).toBe('drafting');
    await publishEvent(t, 'meetings.itemScheduled', { caseId: rec.hl.caseId, meetingDate: '2026-12-10' });
    // Cases that are not a referral recipient's are ignored.
    await publishEvent(t, 'meetings.itemScheduled', { caseId: senderCaseId, meetingDate: '2026-12-10' });
    await publishEvent(t, 'meetings.decisionFinal', { caseId: '00000000-0000-4000-8000-000000000000', finalOn: '2026-12-10', extractDocumentId: null });
  });

  it('records the decision with its extract and answers with the extract and the statement', async () => {
    const statement = await w.c.hlReg.post(`/api/cases/${rec.hl.caseId}/documents`, { kind: 'statement', title: 'Tjänsteutlåtande', documentDate: '2026-11-20' });
    const extract = await w.c.hlReg.post(`/api/cases/${rec.hl.caseId}/documents`, { kind: 'protocolExtract', title: 'Protokollsutdrag § 13', documentDate: '2026-12-10' });
    const later = await w.c.hlReg.post(`/api/cases/${rec.hl.caseId}/documents`, { kind: 'protocolExtract', title: 'Utdrag, annat §', documentDate: '2026-12-11' });
    expect(statement.statusCode, statement.body).toBe(201);
    await publishEvent(t, 'meetings.decisionFinal', { caseId: rec.hl.caseId, finalOn: '2026-12-10', extractDocumentId: extract.json().id });
    const decided = await get(`/api/referral-recipients/${rec.hl.id}`);
    expect(decided).toMatchObject({ status: 'decided', answerDocumentIds: [extract.json().id] });

    const answer = await w.c.hlOfficer.post(`/api/referral-recipients/${rec.hl.id}/answer`, { stance: 'approvesWithViews', answeredOn: '2026-11-23' });
    expect(answer.statusCode, answer.body).toBe(200);
    const answered = answer.json();
    expect(answered).toMatchObject({ status: 'answered', stance: 'approvesWithViews', answeredOn: '2026-11-23', late: false, warnings: [] });
    // The remembered extract (not the newer one) and the statement.
    expect(answered.answerDocumentIds).toEqual([extract.json().id, statement.json().id]);
    expect(later.statusCode).toBe(201);

    expect(answered.events.map((e: { fromStatus: string; toStatus: string; automatic: string | null; actor: string }) => [e.fromStatus, e.toStatus, e.automatic, e.actor])).toEqual([
      ['pending', 'received', null, 'ks-reg'],
      ['received', 'drafting', 'statements.drafted', 'system:meetings-test'],
      ['drafting', 'onAgenda', 'meetings.itemScheduled', 'system:meetings-test'],
      ['onAgenda', 'drafting', 'meetings.itemUnscheduled', 'system:meetings-test'],
      ['drafting', 'onAgenda', 'meetings.itemScheduled', 'system:meetings-test'],
      ['onAgenda', 'decided', 'meetings.decisionFinal', 'system:meetings-test'],
      ['decided', 'answered', null, 'hl-officer'],
    ]);
    expect(answered.events[2].effectiveDate).toBe('2026-12-03');
    const timeline = await get(`/api/referral-recipients/${rec.hl.id}/timeline`);
    expect(timeline.items).toHaveLength(7);

    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'referral.statusChanged'));
    expect(told.map((n) => n.params)).toEqual([{ subject: 'Strategi för Stockholm som smart och uppkopplad stad', body: 'Hägersten-Liljeholmens stadsdelsnämnd', status: 'besvarad' }]);
  });
});

describe('Socialnämnden declines', () => {
  it('declines with a reason and refuses steps outside the table with the allowed ones named', async () => {
    const res = await w.c.socSecretary.post(`/api/referral-recipients/${rec.soc.id}/decline`, { reason: 'Ärendet hanteras av Arbetsmarknadsnämnden.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', declineReason: 'Ärendet hanteras av Arbetsmarknadsnämnden.', answeredOn: '2026-11-23' });
    const bad = await w.c.socReg.post(`/api/referral-recipients/${rec.soc.id}/transition`, { to: 'onAgenda' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().fields.to).toEqual(['Det går inte att gå från ”Avböjd” till ”På dagordningen”. Möjliga nästa steg: Mottagen.']);
    const answer = await w.c.socReg.post(`/api/referral-recipients/${rec.soc.id}/answer?lang=en`, { stance: 'approves', answeredOn: '2026-11-23' });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().fields.status).toEqual(['Cannot go from "Declined" to "Answered". Allowed next steps: Received.']);
    await w.c.socReg.get('/api/auth/session?lang=sv');
  });
});

describe('Kulturnämnden is late', () => {
  it('drafts by hand, then passes the deadline unanswered', async () => {
    const step = await w.c.kulReg.post(`/api/referral-recipients/${rec.kul.id}/transition`, { to: 'drafting', date: '2026-11-23', note: 'Handläggare utsedd' });
    expect(step.statusCode, step.body).toBe(200);
    expect(step.json().events.at(-1)).toMatchObject({ fromStatus: 'received', toStatus: 'drafting', note: 'Handläggare utsedd', actor: 'kul-reg' });

    t.clock.set('2026-12-16T09:00:00Z');
    try {
      const round = await get(`/api/referrals/${referralId}`);
      expect(round.status).toBe('sent');
      expect(round.counts).toMatchObject({ answered: 1, declined: 1, drafting: 1, late: 1 });
      const byBody = Object.fromEntries(round.recipients.map((r: { bodyId: string; late: boolean }) => [r.bodyId, r.late]));
      expect(byBody).toEqual({ [w.hl]: false, [w.soc]: false, [w.kul]: true });

      const late = await get(`/api/referrals/${referralId}?status=late`);
      expect(late.recipients.map((r: { bodyName: string }) => r.bodyName)).toEqual(['Kulturnämnden']);
      const districts = await get(`/api/referrals/${referralId}?bodyKind=districtBoard`);
      expect(districts.recipients.map((r: { bodyName: string }) => r.bodyName)).toEqual(['Hägersten-Liljeholmens stadsdelsnämnd']);
      const withViews = await get(`/api/referrals/${referralId}?stance=approvesWithViews`);
      expect(withViews.recipients).toHaveLength(1);
      const page = await w.c.anon.get(`/referrals/${referralId}?status=late`, { accept: 'text/html' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Kulturnämnden');
      expect(page.body).not.toContain('>Socialnämnden<');
      expect(page.body).toContain('<strong class="tag">Sen</strong>');

      // Answering after the deadline: answered late, no longer late (a new session: the old one timed out).
      await w.c.kulReg.login('kul-reg');
      await w.c.kulReg.post(`/api/referral-recipients/${rec.kul.id}/transition`, { to: 'decided' });
      const answered = await w.c.kulReg.post(`/api/referral-recipients/${rec.kul.id}/answer`, { stance: 'approves', answeredOn: '2026-12-16', documentIds: [] });
      expect(answered.json()).toMatchObject({ status: 'answered', late: false, answeredLate: true, answerDocumentIds: [] });
      // Everyone has given its final word: the round closes, and reopens when an answer is withdrawn.
      expect((await get(`/api/referrals/${referralId}`)).status).toBe('closed');
      const reopened = await w.c.kulReg.post(`/api/referral-recipients/${rec.kul.id}/transition`, { to: 'decided', note: 'Svaret drogs tillbaka' });
      expect(reopened.json()).toMatchObject({ status: 'decided', stance: null, answeredOn: null, late: true });
      expect((await get(`/api/referrals/${referralId}`)).status).toBe('sent');
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
    }
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('reading', () => {
  it('lists the round for everyone, and the reader’s own part of it', async () => {
    const all = await get('/api/referrals');
    expect(all.items.map((r: { subject: string }) => r.subject)).toEqual(['Strategi för Stockholm som smart och uppkopplad stad']);
    const mine = (await w.c.hlReg.get('/api/referrals?role=received')).json();
    expect(mine.items[0].mine.map((m: { bodyName: string; status: string }) => `${m.bodyName}:${m.status}`)).toEqual(['Hägersten-Liljeholmens stadsdelsnämnd:answered']);
    expect((await w.c.hlReg.get('/api/referrals?role=sent')).json().items).toEqual([]);
    expect((await w.c.ksReg.get('/api/referrals?role=sent')).json().total).toBe(1);
  });

  it('shows the round on the sender case and on a recipient case', async () => {
    const sender = await w.c.anon.get(`/registry/cases/${senderCaseId}`, { accept: 'text/html' });
    expect(sender.body).toContain('Remiss till 3 mottagare');
    expect(sender.body).toContain(`/referrals/${referralId}#tracking`);
    const recipient = await w.c.anon.get(`/registry/cases/${rec.soc.caseId}`, { accept: 'text/html' });
    expect(recipient.body).toContain('Svar på remiss från Kommunstyrelsen');
    expect(recipient.body).toContain('Svara senast 15 december 2026');
    expect(recipient.body).toContain(`/referrals/${referralId}/recipients/${rec.soc.id}`);
  });
});
