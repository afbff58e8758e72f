import { describe, expect, it } from 'vitest';
import { t } from '../../core/i18n.js';
import { defaultAnswerDocuments } from './answer-documents.js';
import './messages.js';
import { RECIPIENT_STATUSES, type RecipientStatus } from './schema.js';
import {
  allowedNext,
  answeredLate,
  automaticStep,
  canTransition,
  isLate,
  isManualStep,
  matchesFilter,
  PROGRESS,
  recipientWarnings,
  referralWarnings,
  statusCounts,
  TRANSITIONS,
} from './status.js';

describe('the status table', () => {
  it('allows exactly these steps', () => {
    const allowed = RECIPIENT_STATUSES.flatMap((from) => RECIPIENT_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual([
      'pending→received',
      'received→drafting',
      'received→onAgenda',
      'received→decided',
      'received→declined',
      'drafting→received',
      'drafting→onAgenda',
      'drafting→decided',
      'drafting→answered',
      'drafting→declined',
      'onAgenda→drafting',
      'onAgenda→decided',
      'decided→onAgenda',
      'decided→answered',
      'answered→decided',
      'declined→received',
    ]);
  });

  it('never steps to the same status or back to pending', () => {
    for (const from of RECIPIENT_STATUSES) {
      expect(canTransition(from, from)).toBe(false);
      expect(canTransition(from, 'pending')).toBe(false);
    }
  });

  it('lets declining happen only from received or drafting', () => {
    expect(RECIPIENT_STATUSES.filter((s) => canTransition(s, 'declined'))).toEqual(['received', 'drafting']);
  });

  it('reaches answered from every sent status along the table', () => {
    const reachable = (from: RecipientStatus, seen = new Set<RecipientStatus>()): Set<RecipientStatus> => {
      for (const to of TRANSITIONS[from]) if (!seen.has(to)) reachable(to, seen.add(to));
      return seen;
    };
    for (const s of RECIPIENT_STATUSES) expect(reachable(s).has('answered'), s).toBe(true);
  });

  it('keeps sending, answering and declining out of the manual step', () => {
    expect(isManualStep('pending', 'received')).toBe(false);
    expect(isManualStep('decided', 'answered')).toBe(false);
    expect(isManualStep('received', 'declined')).toBe(false);
    expect(isManualStep('received', 'drafting')).toBe(true);
    expect(isManualStep('onAgenda', 'drafting')).toBe(true);
    expect(isManualStep('declined', 'received')).toBe(true);
    expect(isManualStep('received', 'answered')).toBe(false);
    expect(allowedNext('onAgenda')).toEqual(['decided', 'drafting']);
  });

  it('moves automatic steps forward only, never from unsent or final states', () => {
    expect(automaticStep('received', 'drafting')).toBe(true);
    expect(automaticStep('received', 'onAgenda')).toBe(true);
    expect(automaticStep('drafting', 'decided')).toBe(true);
    expect(automaticStep('onAgenda', 'drafting')).toBe(false);
    expect(automaticStep('decided', 'onAgenda')).toBe(false);
    expect(automaticStep('onAgenda', 'onAgenda')).toBe(false);
    expect(automaticStep('pending', 'drafting')).toBe(false);
    expect(automaticStep('declined', 'decided')).toBe(false);
    expect(automaticStep('answered', 'decided')).toBe(false);
    for (const s of RECIPIENT_STATUSES) expect(PROGRESS[s]).toBeGreaterThanOrEqual(0);
  });
});

describe('late', () => {
  const deadline = '2016-09-30';
  it('is late the day after the deadline while unanswered', () => {
    expect(isLate({ status: 'drafting' }, deadline, '2016-09-30')).toBe(false);
    expect(isLate({ status: 'drafting' }, deadline, '2016-10-01')).toBe(true);
    expect(isLate({ status: 'received' }, deadline, '2017-01-01')).toBe(true);
    expect(isLate({ status: 'decided' }, deadline, '2017-01-01')).toBe(true);
  });
  it('is never late when answered, declined or not sent', () => {
    for (const status of ['answered', 'declined', 'pending'] as const) expect(isLate({ status }, deadline, '2017-01-01')).toBe(false);
  });
  it('notes answers given after the deadline', () => {
    expect(answeredLate({ status: 'answered', answeredOn: '2016-10-04' }, deadline)).toBe(true);
    expect(answeredLate({ status: 'answered', answeredOn: '2016-09-30' }, deadline)).toBe(false);
    expect(answeredLate({ status: 'declined', answeredOn: '2016-10-04' }, deadline)).toBe(false);
  });
  it('counts per status with the late ones', () => {
    const counts = statusCounts([{ status: 'answered' }, { status: 'drafting' }, { status: 'declined' }, { status: 'received' }], deadline, '2016-10-02');
    expect(counts).toMatchObject({ answered: 1, drafting: 1, declined: 1, received: 1, late: 2, pending: 0 });
  });
});

describe('data-quality warnings', () => {
  it('flags a deadline before the letter date (seed 003: letter 14 June 2017, deadline 30 September 2016)', () => {
    expect(referralWarnings({ letterDate: '2017-06-14', deadline: '2016-09-30' })).toEqual(['deadlineBeforeLetter']);
    expect(referralWarnings({ letterDate: '2016-06-14', deadline: '2016-09-30' })).toEqual([]);
  });
  it('flags an answer before receipt and a receipt before the letter', () => {
    const letter = { letterDate: '2016-06-14' };
    expect(recipientWarnings({ receivedOn: '2016-06-16', answeredOn: '2016-06-15' }, letter)).toEqual(['answerBeforeReceipt']);
    expect(recipientWarnings({ receivedOn: '2016-06-10', answeredOn: null }, letter)).toEqual(['receiptBeforeLetter']);
    expect(recipientWarnings({ receivedOn: '2016-06-16', answeredOn: '2016-09-20' }, letter)).toEqual([]);
    expect(recipientWarnings({ receivedOn: null, answeredOn: null }, letter)).toEqual([]);
  });
});

describe('tracking filters', () => {
  const r = (status: RecipientStatus, bodyKind: string, stance: 'approves' | 'rejects' | null = null) => ({ status, bodyKind, stance });
  it('filters by status, late, kind and stance', () => {
    const today = '2016-10-02';
    const deadline = '2016-09-30';
    expect(matchesFilter(r('drafting', 'districtBoard'), { status: 'late' }, deadline, today)).toBe(true);
    expect(matchesFilter(r('answered', 'districtBoard', 'approves'), { status: 'late' }, deadline, today)).toBe(false);
    expect(matchesFilter(r('answered', 'districtBoard', 'approves'), { status: 'answered', bodyKind: 'districtBoard', stance: 'approves' }, deadline, today)).toBe(true);
    expect(matchesFilter(r('answered', 'specialistBoard', 'approves'), { bodyKind: 'districtBoard' }, deadline, today)).toBe(false);
    expect(matchesFilter(r('drafting', 'districtBoard'), { stance: 'none' }, deadline, today)).toBe(true);
    expect(matchesFilter(r('answered', 'districtBoard', 'rejects'), { stance: 'none' }, deadline, today)).toBe(false);
  });
});

describe('refusals name the allowed next steps', () => {
  it('in Swedish and English', () => {
    expect(t('sv', 'referrals.transition.refused.received.answered')).toBe(
      'Det går inte att gå från ”Mottagen” till ”Besvarad”. Möjliga nästa steg: Under beredning, På dagordningen, Beslutad eller Avböjd.',
    );
    expect(t('en', 'referrals.transition.refused.onAgenda.declined')).toBe('Cannot go from "On the agenda" to "Declined". Allowed next steps: Decided or Drafting.');
  });
});

describe('default answer documents', () => {
  const doc = (documentId: string, kind: string, entryDate: string, documentNumber: number) => ({ documentId, kind, entryDate, documentNumber });
  const docs = [
    doc('letter', 'referralLetter', '2016-06-16', 1),
    doc('statement-1', 'statement', '2016-08-20', 2),
    doc('statement-2', 'statement', '2016-08-30', 3),
    doc('extract-old', 'protocolExtract', '2016-09-01', 4),
    doc('extract-new', 'protocolExtract', '2016-09-20', 5),
  ];
  it('takes the newest extract and the newest statement', () => {
    expect(defaultAnswerDocuments(docs)).toEqual(['extract-new', 'statement-2']);
  });
  it('prefers the extract remembered from the final decision', () => {
    expect(defaultAnswerDocuments(docs, ['extract-old'])).toEqual(['extract-old', 'statement-2']);
  });
  it('is empty without such documents', () => {
    expect(defaultAnswerDocuments([doc('letter', 'referralLetter', '2016-06-16', 1)])).toEqual([]);
  });
});
