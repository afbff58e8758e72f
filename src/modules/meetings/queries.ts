import { canReadClassified } from '../../access/classification.js';
import { authorize } from '../../access/permissions.js';
import type { Actor } from '../../auth/actor.js';
import { NotFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { listMemberships, PAGE_SIZE_MAX, type MembershipView } from '../organisation/index.js';
import { listRegistry } from '../registry/index.js';
import { extractOf, extractSource, inFavourIndex, withContent, type ItemDetail } from './details.js';
import { contentText, extractText, procedureParagraphs, reservationContent, type Extract } from './minutes-text.js';
import { canManage, canReadDrafts, MEETINGS_READ_DRAFTS } from './policy.js';
import { meetingsRepository as repo, type AttendeeRow, type ItemWithCase, type MeetingFilter, type MeetingListRow, type MeetingWithBody } from './repository.js';
import type { MinutesMember } from './schema.js';
import { organOf } from './minutes-text.js';

/** Reads need the database and who is looking; never the clock. */
export interface ReadCtx {
  db: Db;
  actor: Actor;
}

export interface MeetingPage {
  items: MeetingListRow[];
  page: number;
  pageSize: number;
  total: number;
}

/** Meetings are public: the list of a body's sittings, newest first. */
export async function listMeetings(ctx: ReadCtx, filter: MeetingFilter & { page: number; pageSize: number }): Promise<MeetingPage> {
  const { page, pageSize, ...rest } = filter;
  const { rows, total } = await repo.listMeetings(ctx.db, rest, { offset: (page - 1) * pageSize, limit: pageSize });
  return { items: rows, page, pageSize, total };
}

export async function meetingFilterOptions(ctx: ReadCtx) {
  return { bodies: await repo.bodiesWithMeetings(ctx.db), years: await repo.meetingYears(ctx.db) };
}

/**
 * How much of an item the reader sees: `full` (final, or a draft for the body's staff),
 * `heading` (a draft: § and title only, as on the public agenda) or `restricted` (its case is
 * secret: § only).
 */
export type ItemVisibility = 'full' | 'heading' | 'restricted';

function visibility(actor: Actor, meeting: MeetingWithBody, item: ItemWithCase): ItemVisibility {
  const caseSecret = item.caseConfidentiality !== null && !canReadClassified(actor, { bodyId: item.caseBodyId, confidentiality: item.caseConfidentiality });
  if (caseSecret) return 'restricted';
  if (item.finalOn !== null || canReadDrafts(actor, meeting.bodyId)) return 'full';
  return 'heading';
}

export interface ItemSummary {
  id: string;
  paragraph: number;
  /** Null when the item's case is secret for the reader. */
  title: string | null;
  subtitle: string | null;
  caseId: string | null;
  registryNumber: string | null;
  final: boolean;
  finalOn: string | null;
  immediateApproval: boolean;
  extractDocumentId: string | null;
  /** Null unless the reader sees the content. */
  decisionPoints: string[] | null;
  visibility: ItemVisibility;
}

function summary(actor: Actor, meeting: MeetingWithBody, item: ItemWithCase): ItemSummary {
  const v = visibility(actor, meeting, item);
  return {
    id: item.id,
    paragraph: item.paragraph,
    title: v === 'restricted' ? null : item.title,
    subtitle: v === 'restricted' ? null : item.subtitle,
    caseId: item.caseId,
    registryNumber: item.registryNumber,
    final: item.finalOn !== null,
    finalOn: item.finalOn,
    immediateApproval: item.immediateApproval,
    extractDocumentId: item.extractDocumentId,
    decisionPoints: v === 'full' ? item.decisionPoints : null,
    visibility: v,
  };
}

export interface MeetingView {
  meeting: MeetingWithBody;
  attendees: AttendeeRow[];
  items: ItemSummary[];
  /** The reader keeps these minutes (secretary of the body, administrator). */
  canManage: boolean;
  canReadDrafts: boolean;
}

export async function getMeeting(ctx: ReadCtx, id: string): Promise<MeetingView> {
  const meeting = isUuid(id) ? await repo.findMeeting(ctx.db, id) : undefined;
  if (!meeting) throw new NotFound('meeting');
  const [attendees, items] = await Promise.all([repo.listAttendees(ctx.db, meeting.id), repo.listItems(ctx.db, meeting.id)]);
  return {
    meeting,
    attendees,
    items: items.map((i) => summary(ctx.actor, meeting, i)),
    canManage: canManage(ctx.actor, meeting.bodyId),
    canReadDrafts: canReadDrafts(ctx.actor, meeting.bodyId),
  };
}

export interface ItemView {
  meeting: MeetingWithBody;
  item: ItemDetail;
  /** Item ids in agenda order (previous/next links). */
  agenda: Array<{ id: string; paragraph: number }>;
  voters: number | null;
  canManage: boolean;
}

/**
 * One item with everything recorded. Final items are public; drafts only for the body's staff
 * and members (401 for anonymous readers so they can log in, 403 for others). An item whose case
 * is secret for the reader is not found.
 */
export async function getItem(ctx: ReadCtx, meetingId: string, itemId: string): Promise<ItemView> {
  const meeting = isUuid(meetingId) ? await repo.findMeeting(ctx.db, meetingId) : undefined;
  const found = meeting && isUuid(itemId) ? await repo.findItem(ctx.db, itemId) : undefined;
  if (!meeting || !found || found.meetingId !== meeting.id) throw new NotFound('agenda item');
  const v = visibility(ctx.actor, meeting, found);
  if (v === 'restricted') throw new NotFound('agenda item');
  if (v === 'heading') authorize(ctx.actor, MEETINGS_READ_DRAFTS, { bodyId: meeting.bodyId });
  const [item] = await withContent(ctx.db, [found]);
  const agenda = (await repo.listItems(ctx.db, meeting.id)).map((i) => ({ id: i.id, paragraph: i.paragraph }));
  const attendees = await repo.listAttendees(ctx.db, meeting.id);
  return {
    meeting,
    item: item!,
    agenda,
    voters: attendees.length ? attendees.filter((a) => a.role !== 'substitute').length : null,
    canManage: item!.finalOn === null && canManage(ctx.actor, meeting.bodyId),
  };
}

export interface ExtractView extends ItemView {
  extract: Extract;
  text: string;
}

/** The protocol extract of an item (a draft for the body's staff until the item is final). */
export async function getExtract(ctx: ReadCtx, meetingId: string, itemId: string): Promise<ExtractView> {
  const view = await getItem(ctx, meetingId, itemId);
  const extract = extractOf(view.meeting, view.item);
  return { ...view, extract, text: extractText(extract) };
}

// ── decisions by case (the compilation, the case page) ──────────────────────

export interface CaseDecision {
  caseId: string;
  itemId: string;
  meetingId: string;
  bodyId: string;
  meetingDate: string;
  paragraph: number;
  title: string;
  final: boolean;
  finalOn: string | null;
  decisionPoints: string[];
  procedureText: string | null;
  proposals: Array<{
    id: string;
    members: MinutesMember[];
    parties: string[];
    kind: 'supportsAdministration' | 'own';
    points: string[];
    text: string;
  }>;
  reservations: Array<{ members: MinutesMember[]; parties: string[]; inFavourOfOwnProposal: boolean; text: string }>;
  specialStatements: Array<{ members: MinutesMember[]; parties: string[]; text: string }>;
  extractDocumentId: string | null;
  extractText: string;
}

function caseDecision(meeting: MeetingWithBody, item: ItemDetail): CaseDecision {
  const source = extractSource(meeting, item);
  const wording = { tense: meeting.minutesTense, organ: organOf(meeting.bodyKind) };
  const procedure = procedureParagraphs(source.procedure, wording);
  return {
    caseId: item.caseId!,
    itemId: item.id,
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    meetingDate: meeting.meetingDate,
    paragraph: item.paragraph,
    title: item.title,
    final: item.finalOn !== null,
    finalOn: item.finalOn,
    decisionPoints: item.decisionPoints,
    procedureText: procedure.length ? procedure.join('\n\n') : null,
    proposals: item.proposals.map((p) => ({ id: p.id, members: p.members, parties: p.parties, kind: p.kind, points: p.points, text: p.text })),
    reservations: item.reservations.map((r, i) => {
      const favoured = inFavourIndex(r, item.proposals);
      return {
        members: r.members,
        parties: r.parties,
        inFavourOfOwnProposal: favoured !== null && item.proposals[favoured]?.kind === 'own',
        // Without its own text, a reservation in favour of an own proposal reads as that proposal.
        text: contentText(reservationContent(source.reservations[i]!, source.proposals)),
      };
    }),
    specialStatements: item.specialStatements.map((s) => ({ members: s.members, parties: s.parties, text: s.text })),
    extractDocumentId: item.extractDocumentId,
    extractText: extractText(extractOf(meeting, item)),
  };
}

/**
 * Every agenda item that treats one of these cases, oldest meeting first – final or not (see
 * `final`; drafts are not public, callers showing them to the public must filter). For the
 * referral compilation: no reader is involved.
 */
export async function listDecisionsForCases(db: Db, caseIds: string[]): Promise<CaseDecision[]> {
  const ids = [...new Set(caseIds.filter(isUuid))];
  if (ids.length === 0) return [];
  const rows = await repo.itemsForCases(db, ids);
  const details = await withContent(db, rows);
  return rows.map((r, i) => caseDecision(r.meeting, details[i]!));
}

/** The decisions on a case as the reader may see them: final ones, and drafts for the body's staff. */
export async function decisionsForCase(ctx: ReadCtx, caseId: string): Promise<CaseDecision[]> {
  const all = await listDecisionsForCases(ctx.db, [caseId]);
  return all.filter((d) => d.final || canReadDrafts(ctx.actor, d.bodyId));
}

/** Items that treat a case, for the case page, with what the reader may see. */
export async function itemsForCase(ctx: ReadCtx, caseId: string): Promise<Array<{ meeting: MeetingWithBody; item: ItemSummary }>> {
  if (!isUuid(caseId)) return [];
  const rows = await repo.itemsForCases(ctx.db, [caseId]);
  return rows.map((r) => ({ meeting: r.meeting, item: summary(ctx.actor, r.meeting, r) }));
}

// ── choices for the forms ───────────────────────────────────────────────────

/** Members of the body in force on the meeting day (for the attendance form). */
export async function memberChoices(db: Db, bodyId: string, on: string): Promise<MembershipView[]> {
  const out: MembershipView[] = [];
  for (let page = 1; page <= 20; page++) {
    const p = await listMemberships(db, bodyId, { on, page, pageSize: PAGE_SIZE_MAX });
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) break;
  }
  const collator = new Intl.Collator('sv');
  const order = { chair: 0, member: 1, servingSubstitute: 2, substitute: 3 } as const;
  return out.sort((a, b) => order[a.role] - order[b.role] || collator.compare(a.personName, b.personName));
}

/** Cases of the body, newest first, for the Dnr field's suggestions. */
export async function caseChoices(ctx: ReadCtx, bodyId: string): Promise<Array<{ id: string; registryNumber: string; title: string | null }>> {
  const page = await listRegistry(ctx, { bodyId, page: 1, pageSize: 100 });
  return page.items.filter((e) => e.entryType === 'case').map((e) => ({ id: e.caseId, registryNumber: e.registryNumber, title: e.title }));
}
