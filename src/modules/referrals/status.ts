import type { RecipientStatus, Stance } from './schema.js';

/**
 * The life of one recipient of a referral, as one pure table.
 *
 *   pending ─send→ received → drafting → onAgenda → decided → answered
 *                     └────────┴─→ declined (with a reason)
 *
 * Forward skips are allowed where real boards take them (a referral put straight on the agenda,
 * a decision without a prior agenda entry, an answer by the administration under delegation).
 * Backward steps are the ones that happen in practice: a case taken off the agenda, a decision
 * reopened, an answer or a decline withdrawn.
 */
export const TRANSITIONS: Readonly<Record<RecipientStatus, readonly RecipientStatus[]>> = {
  pending: ['received'],
  received: ['drafting', 'onAgenda', 'decided', 'declined'],
  drafting: ['onAgenda', 'decided', 'answered', 'declined', 'received'],
  onAgenda: ['decided', 'drafting'],
  decided: ['answered', 'onAgenda'],
  answered: ['decided'],
  declined: ['received'],
};

/** Steps that have their own command with required data: sending, answering and declining. */
export const STEPS_WITH_OWN_COMMAND: Readonly<Partial<Record<RecipientStatus, 'send' | 'answer' | 'decline'>>> = {
  received: 'send',
  answered: 'answer',
  declined: 'decline',
};

/** Order of the forward path; automatic steps (domain events) only ever move up this order. */
export const PROGRESS: Readonly<Record<RecipientStatus, number>> = {
  pending: 0,
  received: 1,
  drafting: 2,
  onAgenda: 3,
  decided: 4,
  answered: 5,
  declined: 5,
};

/** Statuses where the recipient has given its final word. */
export const FINAL_STATUSES: readonly RecipientStatus[] = ['answered', 'declined'];

export function allowedNext(from: RecipientStatus): readonly RecipientStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: RecipientStatus, to: RecipientStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The manual status change (changeRecipientStatus): a step in the table, except received from
 * pending (that is sending) — but received from declined/drafting is a plain step back.
 */
export function isManualStep(from: RecipientStatus, to: RecipientStatus): boolean {
  if (!canTransition(from, to)) return false;
  if (to === 'answered' || to === 'declined') return false;
  return from !== 'pending';
}

/** Where an automatic step may lead: forward only, and never from a final or unsent state. */
export function automaticStep(from: RecipientStatus, to: RecipientStatus): boolean {
  if (from === 'pending' || FINAL_STATUSES.includes(from)) return false;
  return PROGRESS[to] > PROGRESS[from] && canTransition(from, to);
}

export interface LateSubject {
  status: RecipientStatus;
}

/**
 * Derived, never stored: the deadline has passed (today is after it, Stockholm days) and the
 * recipient has neither answered nor declined. A round not yet sent is never late.
 */
export function isLate(recipient: LateSubject, deadline: string, today: string): boolean {
  if (recipient.status === 'pending' || FINAL_STATUSES.includes(recipient.status)) return false;
  return today > deadline;
}

export const REFERRAL_WARNINGS = ['deadlineBeforeLetter'] as const;
export const RECIPIENT_WARNINGS = ['answerBeforeReceipt', 'receiptBeforeLetter'] as const;
export type ReferralWarning = (typeof REFERRAL_WARNINGS)[number];
export type RecipientWarning = (typeof RECIPIENT_WARNINGS)[number];

/** Data-quality warnings of a round: stored as given, flagged for the reader (seed 003 has one). */
export function referralWarnings(r: { letterDate: string; deadline: string }): ReferralWarning[] {
  return r.deadline < r.letterDate ? ['deadlineBeforeLetter'] : [];
}

/** Data-quality warnings of one recipient's dates. */
export function recipientWarnings(
  rec: { receivedOn: string | null; answeredOn: string | null },
  referral: { letterDate: string },
): RecipientWarning[] {
  const out: RecipientWarning[] = [];
  if (rec.answeredOn && rec.receivedOn && rec.answeredOn < rec.receivedOn) out.push('answerBeforeReceipt');
  if (rec.receivedOn && rec.receivedOn < referral.letterDate) out.push('receiptBeforeLetter');
  return out;
}

/** Answered or declined after the deadline (shown beside the status; not a data-quality problem). */
export function answeredLate(rec: { status: RecipientStatus; answeredOn: string | null }, deadline: string): boolean {
  return rec.status === 'answered' && rec.answeredOn !== null && rec.answeredOn > deadline;
}

/** Counts per status for a list row or a tracking table heading, with the derived "late". */
export type StatusCounts = Record<RecipientStatus | 'late', number>;

export function statusCounts(recipients: readonly LateSubject[], deadline: string, today: string): StatusCounts {
  const counts: StatusCounts = { pending: 0, received: 0, drafting: 0, onAgenda: 0, decided: 0, answered: 0, declined: 0, late: 0 };
  for (const r of recipients) {
    counts[r.status] += 1;
    if (isLate(r, deadline, today)) counts.late += 1;
  }
  return counts;
}

/** The tracking table's filters: a status or "late", a body kind, a stance (or "none"). */
export interface RecipientFilter {
  status?: RecipientStatus | 'late' | undefined;
  bodyKind?: string | undefined;
  stance?: Stance | 'none' | undefined;
}

export function matchesFilter(
  r: { status: RecipientStatus; bodyKind: string; stance: Stance | null },
  filter: RecipientFilter,
  deadline: string,
  today: string,
): boolean {
  if (filter.status === 'late' && !isLate(r, deadline, today)) return false;
  if (filter.status && filter.status !== 'late' && r.status !== filter.status) return false;
  if (filter.bodyKind && r.bodyKind !== filter.bodyKind) return false;
  if (filter.stance === 'none' && r.stance !== null) return false;
  if (filter.stance && filter.stance !== 'none' && r.stance !== filter.stance) return false;
  return true;
}
