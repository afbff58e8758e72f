import type { Db } from '../../db/client.js';
import { buildExtract, type Extract, type ExtractSource } from './minutes-text.js';
import {
  meetingsRepository as repo,
  type ItemWithCase,
  type MeetingWithBody,
  type ProposalRow,
  type ReservationRow,
  type SpecialStatementRow,
} from './repository.js';

/** An item with everything recorded for it. */
export type ItemDetail = ItemWithCase & {
  proposals: ProposalRow[];
  reservations: ReservationRow[];
  specialStatements: SpecialStatementRow[];
};

/** Attach proposals, reservations and special statements to items (three queries for any number of items). */
export async function withContent(db: Db, items: ItemWithCase[]): Promise<ItemDetail[]> {
  const ids = items.map((i) => i.id);
  // Sequential: `db` may be a transaction (one connection), where pg refuses overlapping queries.
  const ps = await repo.listProposals(db, ids);
  const rs = await repo.listReservations(db, ids);
  const ss = await repo.listSpecialStatements(db, ids);
  return items.map((item) => ({
    ...item,
    proposals: ps.filter((p) => p.itemId === item.id),
    reservations: rs.filter((r) => r.itemId === item.id),
    specialStatements: ss.filter((s) => s.itemId === item.id),
  }));
}

/** 0-based index of the proposal a reservation is in favour of, or null. */
export const inFavourIndex = (r: ReservationRow, proposals: ProposalRow[]): number | null => {
  if (!r.inFavourOfProposalId) return null;
  const i = proposals.findIndex((p) => p.id === r.inFavourOfProposalId);
  return i < 0 ? null : i;
};

export function extractSource(meeting: MeetingWithBody, item: ItemDetail): ExtractSource {
  const votes =
    item.procedureKind === 'vote' && item.votesYes !== null && item.votesNo !== null
      ? { yes: item.votesYes, no: item.votesNo, abstain: item.votesAbstain ?? 0 }
      : null;
  return {
    bodyName: meeting.bodyName,
    bodyKind: meeting.bodyKind,
    meetingDate: meeting.meetingDate,
    tense: meeting.minutesTense,
    paragraph: item.paragraph,
    title: item.title,
    subtitle: item.subtitle,
    registryNumber: item.registryNumber,
    matterText: item.matterText,
    proposals: item.proposals.map((p) => ({ members: p.members, parties: p.parties, kind: p.kind, points: p.points, text: p.text })),
    debateClosedText: item.debateClosedText,
    procedure: { kind: item.procedureKind, text: item.procedureText, votes, rollCall: item.rollCall },
    decisionPoints: item.decisionPoints,
    reservations: item.reservations.map((r) => ({ members: r.members, parties: r.parties, inFavourOf: inFavourIndex(r, item.proposals), text: r.text })),
    specialStatements: item.specialStatements.map((s) => ({ members: s.members, parties: s.parties, text: s.text })),
    immediateApproval: item.immediateApproval,
    finalOn: item.finalOn,
    approvers: item.immediateApproval ? [] : meeting.approvers,
  };
}

export const extractOf = (meeting: MeetingWithBody, item: ItemDetail): Extract => buildExtract(extractSource(meeting, item));

/** Members, serving substitutes and the chair vote; (non-serving) substitutes do not. Null before attendance is recorded. */
export async function votersAt(db: Db, meetingId: string): Promise<number | null> {
  const attendees = await repo.listAttendees(db, meetingId);
  if (attendees.length === 0) return null;
  return attendees.filter((a) => a.role !== 'substitute').length;
}
