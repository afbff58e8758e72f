import { z } from 'zod';
import type { FieldErrors } from '../../../core/errors.js';
import { MEMBERSHIP_ROLES } from '../../organisation/index.js';
import { PARTY_PATTERN } from '../notation.js';
import { MINUTES_TENSES, PROCEDURE_KINDS, PROPOSAL_KINDS } from '../schema.js';

/** Shared pieces of the meetings module's command inputs (also the API's request schemas). */
export const isoDate = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'meetings.date.range' });
export const startTimeInput = z.string().trim().regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, { message: 'meetings.startTime.format' });
export const placeInput = z.string().trim().max(300);
export const tenseInput = z.enum(MINUTES_TENSES);
export const paragraphInput = z.number().int().min(1).max(99_999);
export const titleInput = z.string().trim().min(1).max(500);
export const subtitleInput = z.string().trim().max(500);
export const registryNumberInput = z.string().trim().min(1).max(100);
/** Minutes texts: long (L's reservation is some 3 000 characters), but bounded. */
export const LONG_TEXT_MAX = 100_000;
export const longText = z.string().max(LONG_TEXT_MAX);
export const pointInput = z.string().trim().min(1).max(5_000);
export const pointsInput = z.array(pointInput).max(50);
export const partyInput = z.string().trim().regex(PARTY_PATTERN, { message: 'meetings.member.party' });
export const personNameInput = z.string().trim().max(200);

export const minutesMemberInput = z
  .strictObject({
    personId: z.uuid().nullable().optional(),
    name: personNameInput,
    party: partyInput.nullable().default(null),
    role: z.enum(['member', 'servingSubstitute', 'chair']).nullable().default(null),
    others: z.boolean().optional(),
  })
  .refine((m) => m.name.length > 0 || m.role === 'chair', { message: 'meetings.member.name', path: ['name'] });
export type MinutesMemberInput = z.input<typeof minutesMemberInput>;

const whoInput = {
  members: z.array(minutesMemberInput).max(60).default([]),
  /** Parties named without members; the members' parties are added when left out. */
  parties: z.array(partyInput).max(20).optional(),
};

export const proposalInput = z.strictObject({
  ...whoInput,
  kind: z.enum(PROPOSAL_KINDS),
  points: pointsInput.default([]),
  text: longText.default(''),
});
export type ProposalInput = z.input<typeof proposalInput>;

export const reservationInput = z.strictObject({
  ...whoInput,
  /** 1-based number of the item's own proposal the reservation is in favour of ("till förmån för eget förslag"). */
  inFavourOfProposal: z.number().int().min(1).max(100).nullable().default(null),
  text: longText.default(''),
});
export type ReservationInput = z.input<typeof reservationInput>;

export const specialStatementInput = z.strictObject({
  ...whoInput,
  text: longText.default(''),
});
export type SpecialStatementInput = z.input<typeof specialStatementInput>;

export const rollCallInput = z.strictObject({
  name: personNameInput.min(1),
  party: partyInput.nullable().default(null),
  vote: z.enum(['yes', 'no', 'abstain']),
});

const count = z.number().int().min(0).max(10_000);
export const procedureInput = z.strictObject({
  kind: z.enum(PROCEDURE_KINDS),
  /** Beslutsgång as written: "Ordföranden ställde förslagen mot varandra och fann att …". */
  text: z.string().trim().max(10_000).nullable().optional(),
  votesYes: count.nullable().optional(),
  votesNo: count.nullable().optional(),
  votesAbstain: count.nullable().optional(),
  rollCall: z.array(rollCallInput).max(200).optional(),
});
export type ProcedureInput = z.input<typeof procedureInput>;

/** The whole content of an item as recorded; every field optional (only the given ones change). */
export const updateItemInput = z.strictObject({
  paragraph: paragraphInput.optional(),
  title: titleInput.optional(),
  subtitle: subtitleInput.nullable().optional(),
  /** Link a case of the meeting's body by id … */
  caseId: z.uuid().nullable().optional(),
  /** … or by its registry number (Dnr), e.g. "304-2016-1.5.1". */
  registryNumber: registryNumberInput.nullable().optional(),
  matterText: longText.optional(),
  administrationProposal: pointsInput.optional(),
  proposals: z.array(proposalInput).max(30).optional(),
  debateClosedText: z.string().trim().max(2_000).nullable().optional(),
  procedure: procedureInput.nullable().optional(),
  decisionPoints: pointsInput.optional(),
  reservations: z.array(reservationInput).max(30).optional(),
  specialStatements: z.array(specialStatementInput).max(30).optional(),
});
export type UpdateItemInput = z.input<typeof updateItemInput>;
export type UpdateItemData = z.output<typeof updateItemInput>;

export const attendeeInput = z.strictObject({
  personId: z.uuid().nullable().optional(),
  name: personNameInput.min(1),
  party: partyInput.nullable().optional(),
  role: z.enum(MEMBERSHIP_ROLES),
  /** Serving substitutes: whom they replace. */
  replacesName: personNameInput.nullable().optional(),
});
export type AttendeeInput = z.input<typeof attendeeInput>;

// ── cross-field checks (pure) ───────────────────────────────────────────────

type Proposal = z.output<typeof proposalInput>;
type Reservation = z.output<typeof reservationInput>;
type Statement = z.output<typeof specialStatementInput>;
type Procedure = z.output<typeof procedureInput>;

export interface ItemContent {
  proposals: Proposal[];
  procedure: Procedure | null;
  reservations: Reservation[];
  specialStatements: Statement[];
}

/**
 * What zod cannot see alone: who is named, votes against the attendance and the roll call,
 * reservations pointing at own proposals. `voters` is the number of attendees who vote (members,
 * serving substitutes and the chair); null when the attendance is not recorded yet.
 */
export function checkItemContent(item: ItemContent, voters: number | null): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);

  item.proposals.forEach((p, i) => {
    if (p.members.length === 0 && (p.parties ?? []).length === 0) add(`proposals.${i}.members`, 'meetings.who.required');
    if (p.kind === 'own' && p.points.length === 0 && !p.text.trim()) add(`proposals.${i}.points`, 'meetings.proposal.contentRequired');
    if (p.kind === 'supportsAdministration' && (p.points.length > 0 || p.text.trim())) add(`proposals.${i}.points`, 'meetings.proposal.noContentWhenSupporting');
  });
  item.reservations.forEach((r, i) => {
    if (r.members.length === 0 && (r.parties ?? []).length === 0) add(`reservations.${i}.members`, 'meetings.who.required');
    if (r.inFavourOfProposal !== null) {
      const p = item.proposals[r.inFavourOfProposal - 1];
      if (!p) add(`reservations.${i}.inFavourOfProposal`, 'meetings.reservation.unknownProposal');
      else if (p.kind !== 'own') add(`reservations.${i}.inFavourOfProposal`, 'meetings.reservation.notOwnProposal');
    }
  });
  item.specialStatements.forEach((s, i) => {
    if (s.members.length === 0 && (s.parties ?? []).length === 0) add(`specialStatements.${i}.members`, 'meetings.who.required');
    if (!s.text.trim()) add(`specialStatements.${i}.text`, 'meetings.statement.textRequired');
  });

  const p = item.procedure;
  if (p) {
    const counts = [p.votesYes, p.votesNo, p.votesAbstain];
    const given = counts.filter((c) => c !== null && c !== undefined).length;
    if (p.kind === 'acclamation') {
      if (!p.text?.trim()) add('procedure.text', 'meetings.procedure.textRequired');
      if (given > 0) add('procedure.votesYes', 'meetings.vote.onlyForVote');
      if ((p.rollCall ?? []).length > 0) add('procedure.rollCall', 'meetings.vote.onlyForVote');
    } else {
      if (p.votesYes === null || p.votesYes === undefined) add('procedure.votesYes', 'meetings.vote.countsRequired');
      if (p.votesNo === null || p.votesNo === undefined) add('procedure.votesNo', 'meetings.vote.countsRequired');
      if (given >= 2) {
        const total = (p.votesYes ?? 0) + (p.votesNo ?? 0) + (p.votesAbstain ?? 0);
        if (voters !== null && total > voters) add('procedure.votesYes', 'meetings.vote.moreThanAttendees');
        const roll = p.rollCall ?? [];
        if (roll.length > 0) {
          const n = (v: string) => roll.filter((r) => r.vote === v).length;
          if (n('yes') !== (p.votesYes ?? 0) || n('no') !== (p.votesNo ?? 0) || n('abstain') !== (p.votesAbstain ?? 0)) {
            add('procedure.rollCall', 'meetings.vote.rollCallMismatch');
          }
          const names = roll.map((r) => r.name.toLocaleLowerCase('sv'));
          if (new Set(names).size !== names.length) add('procedure.rollCall', 'meetings.vote.rollCallDuplicate');
        }
      }
    }
  }
  return errors;
}
