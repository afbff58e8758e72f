import type { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { publish } from '../../../core/events.js';
import { validate } from '../../../core/validation.js';
import { inFavourIndex, votersAt } from '../details.js';
import { partiesOf } from '../notation.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type ItemRow } from '../repository.js';
import type { MinutesMember } from '../schema.js';
import { checkItemContent, updateItemInput, type ItemContent, type UpdateItemInput, type minutesMemberInput } from './inputs.js';
import { itemForWrite, resolveCase } from './shared.js';

export { updateItemInput, type UpdateItemInput };

type MemberData = z.output<typeof minutesMemberInput>;
/** Names of attendees picked from the organisation → their person, so typed members link to people. */
type PersonIndex = Map<string, string>;
const nameKey = (name: string) => name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
const toMember = (m: MemberData, people: PersonIndex = new Map()): MinutesMember => {
  const out: MinutesMember = { name: m.name, party: m.party, role: m.role };
  const personId = m.personId ?? (m.name ? people.get(nameKey(m.name)) : undefined);
  if (personId) out.personId = personId;
  if (m.others) out.others = true;
  return out;
};
/** The parties named: the members' parties first, then those named without a member. */
const partiesFor = (members: MemberData[], given: string[] | undefined) => [...new Set([...partiesOf(members.map((m) => toMember(m))), ...(given ?? [])])];

/**
 * Record (part of) an item: heading, case, matter, proposals, debate, procedure, decision,
 * reservations and special statements. Given fields replace what was there; the rest stays.
 * Reservations name the own proposal they favour by its number (1-based) in the item's list.
 * Final items (approved minutes, immediate approval) can no longer be changed: 409.
 */
export async function updateItem(ctx: Ctx, itemId: string, input: UpdateItemInput): Promise<ItemRow> {
  const data = validate(updateItemInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const { meeting, item } = await itemForWrite(tx, ctx, itemId);
    const patch: Partial<ItemRow> = {};

    if (data.paragraph !== undefined && data.paragraph !== item.paragraph) {
      if (await repo.paragraphTaken(tx, meeting.id, data.paragraph, item.id)) throw new Invalid({ paragraph: ['meetings.paragraph.taken'] });
      patch.paragraph = data.paragraph;
    }
    if (data.title !== undefined) patch.title = data.title;
    if (data.subtitle !== undefined) patch.subtitle = data.subtitle || null;
    const newCase = await resolveCase(tx, ctx, meeting.bodyId, data);
    if (newCase !== undefined && newCase !== item.caseId) patch.caseId = newCase;
    if (data.matterText !== undefined) patch.matterText = data.matterText.trim();
    if (data.administrationProposal !== undefined) patch.administrationProposal = data.administrationProposal;
    if (data.debateClosedText !== undefined) patch.debateClosedText = data.debateClosedText || null;
    if (data.decisionPoints !== undefined) patch.decisionPoints = data.decisionPoints;
    if (data.procedure !== undefined) {
      const p = data.procedure;
      patch.procedureKind = p?.kind ?? null;
      patch.procedureText = p?.text || null;
      const isVote = p?.kind === 'vote';
      patch.votesYes = isVote ? (p.votesYes ?? null) : null;
      patch.votesNo = isVote ? (p.votesNo ?? null) : null;
      patch.votesAbstain = isVote ? (p.votesAbstain ?? (p.votesYes != null && p.votesNo != null ? 0 : null)) : null;
      patch.rollCall = isVote ? (p.rollCall ?? []) : [];
    }

    // The content as it will be, for the checks across fields.
    // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
    const proposals = await repo.listProposals(tx, [item.id]);
    const reservations = await repo.listReservations(tx, [item.id]);
    const statements = await repo.listSpecialStatements(tx, [item.id]);
    const asMembers = (ms: MinutesMember[]): MemberData[] =>
      ms.map((m) => ({ personId: m.personId ?? null, name: m.name, party: m.party, role: m.role, ...(m.others ? { others: true } : {}) }));
    const content: ItemContent = {
      proposals: data.proposals ?? proposals.map((p) => ({ members: asMembers(p.members), parties: p.parties, kind: p.kind, points: p.points, text: p.text })),
      reservations:
        data.reservations ??
        reservations.map((r) => {
          const i = inFavourIndex(r, proposals);
          return { members: asMembers(r.members), parties: r.parties, inFavourOfProposal: i === null ? null : i + 1, text: r.text };
        }),
      specialStatements: data.specialStatements ?? statements.map((s) => ({ members: asMembers(s.members), parties: s.parties, text: s.text })),
      procedure:
        data.procedure !== undefined
          ? data.procedure
          : item.procedureKind
            ? {
                kind: item.procedureKind,
                text: item.procedureText,
                votesYes: item.votesYes,
                votesNo: item.votesNo,
                votesAbstain: item.votesAbstain,
                rollCall: item.rollCall.map((r) => ({ name: r.name, party: r.party, vote: r.vote })),
              }
            : null,
    };
    const errors = checkItemContent(content, await votersAt(tx, meeting.id));
    if (Object.keys(errors).length) throw new Invalid(errors);

    const now = ctx.clock.now();
    const updated = await repo.updateItem(tx, item.id, { ...patch, updatedAt: now });
    const listsChanged = data.proposals !== undefined || data.reservations !== undefined || data.specialStatements !== undefined;
    if (listsChanged) {
      const people: PersonIndex = new Map();
      for (const a of await repo.listAttendees(tx, meeting.id)) if (a.personId) people.set(nameKey(a.name), a.personId);
      const member = (m: MemberData) => toMember(m, people);
      const stored = await repo.replaceProposals(
        tx,
        item.id,
        content.proposals.map((p) => ({
          members: p.members.map(member),
          parties: partiesFor(p.members, p.parties),
          kind: p.kind,
          points: p.kind === 'own' ? p.points : [],
          text: p.kind === 'own' ? p.text.trim() : '',
        })),
      );
      await repo.replaceReservations(
        tx,
        item.id,
        content.reservations.map((r) => ({
          members: r.members.map(member),
          parties: partiesFor(r.members, r.parties),
          inFavourOfProposalId: r.inFavourOfProposal === null ? null : (stored[r.inFavourOfProposal - 1]?.id ?? null),
          text: r.text.trim(),
        })),
      );
      await repo.replaceSpecialStatements(
        tx,
        item.id,
        content.specialStatements.map((s) => ({ members: s.members.map(member), parties: partiesFor(s.members, s.parties), text: s.text.trim() })),
      );
    }
    await repo.updateMeeting(tx, meeting.id, { updatedAt: now });

    if (patch.caseId !== undefined) {
      if (item.caseId) await publish(tx, { ...ctx, db: tx }, 'meetings.itemUnscheduled', { caseId: item.caseId });
      if (patch.caseId) await publish(tx, { ...ctx, db: tx }, 'meetings.itemScheduled', { caseId: patch.caseId, meetingDate: meeting.meetingDate });
    }

    const changed = Object.keys(patch) as Array<keyof ItemRow>;
    await recordAudit(tx, ctx, {
      action: 'meetings.item.update',
      subjectType: 'agendaItem',
      subjectId: item.id,
      before: Object.fromEntries(changed.map((k) => [k, item[k]])),
      after: Object.fromEntries(changed.map((k) => [k, updated[k]])),
      ...(listsChanged && {
        details: {
          proposals: content.proposals.length,
          reservations: content.reservations.length,
          specialStatements: content.specialStatements.length,
        },
      }),
    });
    return updated;
  });
}

/** The same command under the name the issue uses for recording an item's content. */
export const recordItem = updateItem;
