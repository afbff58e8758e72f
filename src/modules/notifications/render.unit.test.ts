import { describe, expect, it } from 'vitest';
import { absoluteLinks, formatMailLogBlock, isKnownKind, renderMail, renderNotification } from './render.js';

const received = { subject: 'Strategi för Stockholm som smart och uppkopplad stad', sender: 'Kommunstyrelsen', deadline: '2016-09-30', registryNumber: '171-908/2016' };

describe('notification texts', () => {
  it('renders the referral kinds in Swedish and English', () => {
    expect(renderNotification('sv', 'referral.received', received)).toEqual({
      title: 'Ny remiss: Strategi för Stockholm som smart och uppkopplad stad',
      text: 'Kommunstyrelsen har skickat remissen ”Strategi för Stockholm som smart och uppkopplad stad” till er. Den har registrerats med diarienummer 171-908/2016. Remisstiden går ut 2016-09-30.',
    });
    expect(renderNotification('en', 'referral.received', received).title).toBe('New referral: Strategi för Stockholm som smart och uppkopplad stad');
    const status = renderNotification('sv', 'referral.statusChanged', { subject: 'Smart stad', body: 'Kulturnämnden', status: 'besvarad' });
    expect(status.title).toBe('Remissen ”Smart stad”: Kulturnämnden – besvarad');
    expect(renderNotification('en', 'referral.reminder', { subject: 'Smart stad', deadline: '2016-09-30', registryNumber: 'KS 2016/1' }).text).toContain(
      'to be answered by 2016-09-30',
    );
    for (const kind of ['referral.received', 'referral.reminder', 'referral.statusChanged']) expect(isKnownKind(kind)).toBe(true);
  });

  it('leaves a missing param empty and falls back for an unknown kind', () => {
    expect(renderNotification('sv', 'referral.reminder', { subject: 'X' }).text).toBe(
      'Remissen ”X” (diarienummer ) ska besvaras senast . Svaret har inte kommit in ännu.',
    );
    expect(isKnownKind('meetings.nothing')).toBe(false);
    expect(renderNotification('en', 'meetings.nothing', {})).toEqual({ title: 'New message', text: 'You have a new message in Stadsnav.' });
  });

  it('writes the e-mail in Swedish with the link on a line of its own', () => {
    const mail = renderMail({ kind: 'referral.received', params: { ...received, subject: 'Rad 1\nRad 2' }, link: '/referrals/abc', recipientName: 'Hugo' });
    expect(mail.subject).toBe('Ny remiss: Rad 1 Rad 2');
    expect(mail.text.split('\n')).toEqual(expect.arrayContaining(['Hej Hugo!', 'Öppna i Stadsnav:', '</referrals/abc>']));
    expect(absoluteLinks(mail.text, 'https://stadsnav.example/')).toContain('<https://stadsnav.example/referrals/abc>');
    // Only whole-line links inside the site are touched.
    expect(absoluteLinks('se <//evil.example/x> och </a> b', 'https://s.example')).toBe('se <//evil.example/x> och </a> b');
    expect(renderMail({ kind: 'referral.reminder', params: {}, link: null, recipientName: 'A' }).text).not.toContain('Öppna i Stadsnav');
  });

  it('formats one readable block per mail for the log file', () => {
    const block = formatMailLogBlock({ at: new Date('2026-11-23T09:00:00Z'), from: 'Stadsnav <s@x>', to: 'a@b.se', subject: 'Ämne', text: 'Rad\r\nRad 2\n\n' });
    expect(block).toBe('===== 2026-11-23T09:00:00.000Z =====\nFrom: Stadsnav <s@x>\nTo: a@b.se\nSubject: Ämne\n\nRad\nRad 2\n\n');
  });
});
