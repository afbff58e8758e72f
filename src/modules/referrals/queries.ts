import { canReadClassified, readScope } from '../../access/classification.js';
import { can } from '../../access/permissions.js';
import { isAdministrator, type Actor } from '../../auth/actor.js';
import type { Ctx } from '../../core/context.js';
import { NotFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { getCase } from '../registry/index.js';
import { defaultAnswerDocuments } from './answer-documents.js';
import { todayOf } from './commands/shared.js';
import { REFERRALS_MANAGE, REFERRALS_RESPOND } from './policy.js';
import {
  referralsRepository,
  type BodyChoice,
  type EventRow,
  type GroupRow,
  type RecipientWithNames,
  type ReferralListFilter,
  type ReferralWithNames,
} from './repository.js';
import type { RecipientStatus, ReferralStatus } from './schema.js';
import {
  allowedNext,
  answeredLate,
  isLate,
  matchesFilter,
  recipientWarnings,
  referralWarnings,
  statusCounts,
  type RecipientFilter,
  type RecipientWarning,
  type ReferralWarning,
  type StatusCounts,
} from './status.js';

export type { RecipientFilter };

/** Reads need the database, who is looking and the clock (for today's "late"). */
export type ReadCtx = Pick<Ctx, 'db' | 'actor' | 'clock'>;

export interface RecipientView extends RecipientWithNames {
  late: boolean;
  answeredLate: boolean;
  warnings: RecipientWarning[];
  allowedNext: readonly RecipientStatus[];
}

export interface ReferralView extends ReferralWithNames {
  warnings: ReferralWarning[];
  counts: StatusCounts;
  recipientCount: number;
  recipients: RecipientView[];
  /** The recipients after the tracking filter (all of them without one). */
  shown: RecipientView[];
  today: string;
}

export interface ReferralListItem extends Omit<ReferralView, 'recipients' | 'shown'> {
  /** The reader's own bodies among the recipients (their status in this round). */
  mine: RecipientView[];
}

export interface EventView extends EventRow {
  /** The domain event that made the step, when no person chose it. */
  automatic: string | null;
}

export interface RecipientDetail {
  referral: Omit<ReferralView, 'shown'>;
  recipient: RecipientView;
  events: EventView[];
}

/**
 * A round may be read by anyone when its sender case is public; otherwise by the sender's staff,
 * administrators, and – once sent – the recipients' staff.
 */
export function canReadReferral(actor: Actor, r: { senderBodyId: string; confidentiality: number; status: ReferralStatus }, recipientBodyIds: readonly string[]): boolean {
  if (canReadClassified(actor, { bodyId: r.senderBodyId, confidentiality: r.confidentiality })) return true;
  if (r.status === 'draft') return false;
  return recipientBodyIds.some((bodyId) => canReadClassified(actor, { bodyId, confidentiality: r.confidentiality }));
}

/** Bodies the actor works for (any role), or 'all' for city-wide grants. */
export function actorBodies(actor: Actor): string[] | 'all' {
  if (isAdministrator(actor)) return 'all';
  if (actor.kind !== 'user') return [];
  if (actor.grants.some((g) => g.bodyId === null)) return 'all';
  return [...new Set(actor.grants.map((g) => g.bodyId!))];
}

function recipientView(r: RecipientWithNames, referral: { letterDate: string; deadline: string }, today: string): RecipientView {
  return {
    ...r,
    late: isLate(r, referral.deadline, today),
    answeredLate: answeredLate(r, referral.deadline),
    warnings: recipientWarnings(r, referral),
    allowedNext: r.status === 'pending' ? [] : allowedNext(r.status),
  };
}

function referralView(r: ReferralWithNames, recipients: RecipientWithNames[], today: string, filter: RecipientFilter = {}): ReferralView {
  const views = recipients.map((x) => recipientView(x, r, today));
  return {
    ...r,
    warnings: referralWarnings(r),
    counts: statusCounts(views, r.deadline, today),
    recipientCount: views.length,
    recipients: views,
    shown: views.filter((v) => matchesFilter(v, filter, r.deadline, today)),
    today,
  };
}

/** One round with its recipients (derived late flags, warnings, next steps); hidden rounds are not found. */
export async function getReferral(ctx: ReadCtx, id: string, filter: RecipientFilter = {}): Promise<ReferralView> {
  const r = await referralsRepository.findReferral(ctx.db, id);
  if (!r) throw new NotFound('referral');
  const recipients = await referralsRepository.listRecipients(ctx.db, [id]);
  if (!canReadReferral(ctx.actor, r, recipients.map((x) => x.bodyId))) throw new NotFound('referral');
  return referralView(r, recipients, todayOf(ctx), filter);
}

export interface ReferralPage {
  items: ReferralListItem[];
  page: number;
  pageSize: number;
  total: number;
}

/** Rounds the reader may read, newest letter first; `role` narrows to those sent by or to the reader's bodies. */
export async function listReferrals(
  ctx: ReadCtx,
  opts: { role?: 'sent' | 'received' | undefined; status?: ReferralStatus | undefined; q?: string | undefined; page?: number; pageSize?: number } = {},
): Promise<ReferralPage> {
  const page = opts.page ?? 1;
  const pageSize = opts.pageSize ?? 20;
  const bodyIds = actorBodies(ctx.actor);
  const filter: ReferralListFilter = { scope: readScope(ctx.actor), role: opts.role, bodyIds, status: opts.status, q: opts.q };
  const { rows, total } = await referralsRepository.listReferrals(ctx.db, filter, { offset: (page - 1) * pageSize, limit: pageSize });
  const recipients = await referralsRepository.listRecipients(ctx.db, rows.map((r) => r.id));
  const today = todayOf(ctx);
  const items = rows.map((r) => {
    const { recipients: all, shown: _shown, ...rest } = referralView(r, recipients.filter((x) => x.referralId === r.id), today);
    const mine = r.status === 'draft' ? [] : all.filter((x) => bodyIds === 'all' ? false : bodyIds.includes(x.bodyId));
    return { ...rest, mine };
  });
  return { items, page, pageSize, total };
}

/** One recipient with its round and timeline. */
export async function getRecipient(ctx: ReadCtx, id: string): Promise<RecipientDetail> {
  const rec = await referralsRepository.findRecipient(ctx.db, id);
  if (!rec) throw new NotFound('referral recipient');
  const { shown: _shown, ...referral } = await getReferral(ctx, rec.referralId).catch(() => {
    throw new NotFound('referral recipient');
  });
  const events = await referralsRepository.listEvents(ctx.db, id);
  return {
    referral,
    recipient: referral.recipients.find((r) => r.id === id)!,
    events: events.map((e) => ({ ...e, automatic: e.note?.startsWith('auto:') ? e.note.slice(5) : null })),
  };
}

/** The documents of the recipient's case a responder may pick as the answer, with the default choice. */
export async function answerDocumentChoices(
  ctx: ReadCtx,
  recipient: Pick<RecipientView, 'caseId' | 'answerDocumentIds'>,
): Promise<{ documents: Array<{ id: string; title: string | null; kind: string | null; date: string; number: number | null }>; defaults: string[] }> {
  if (!recipient.caseId) return { documents: [], defaults: [] };
  const view = await getCase(ctx, recipient.caseId);
  const documents = view.documents
    .filter((d) => d.documentId !== null)
    .map((d) => ({ id: d.documentId!, title: d.title, kind: d.kind, date: d.entryDate, number: d.documentNumber }));
  return { documents, defaults: defaultAnswerDocuments(view.documents, recipient.answerDocumentIds) };
}

/** What the reader may do on a round's pages. */
export function referralAbilities(actor: Actor, r: { senderBodyId: string; status: ReferralStatus }) {
  const manage = can(actor, REFERRALS_MANAGE, { bodyId: r.senderBodyId });
  return { manage, edit: manage, send: manage && r.status === 'draft' };
}
export const mayRespond = (actor: Actor, r: { bodyId: string }) => can(actor, REFERRALS_RESPOND, { bodyId: r.bodyId });

// ── choices for forms ───────────────────────────────────────────────────────
/** Current bodies, for the recipient checkboxes (grouped by kind in the view). */
export async function bodyChoices(db: Db): Promise<BodyChoice[]> {
  return referralsRepository.listBodies(db);
}

/** Bodies the actor may send rounds from. */
export async function senderChoices(ctx: Pick<ReadCtx, 'db' | 'actor'>): Promise<BodyChoice[]> {
  return (await referralsRepository.listBodies(ctx.db)).filter((b) => can(ctx.actor, REFERRALS_MANAGE, { bodyId: b.id }));
}

export interface GroupView extends GroupRow {
  bodies: BodyChoice[];
  /** Who would receive a round sent to this group today. */
  members: BodyChoice[];
}

export async function listRecipientGroups(db: Db): Promise<GroupView[]> {
  const groups = await referralsRepository.listGroups(db);
  const fixed = await referralsRepository.groupBodies(db, groups.map((g) => g.id));
  const out: GroupView[] = [];
  for (const g of groups) {
    const bodies = fixed.filter((b) => b.groupId === g.id).map(({ groupId: _g, ...b }) => b);
    const byKind = await referralsRepository.bodiesOfKinds(db, g.bodyKinds);
    const members = new Map<string, BodyChoice>();
    for (const b of [...byKind, ...bodies.filter((x) => !x.archived)]) members.set(b.id, b);
    out.push({ ...g, bodies, members: [...members.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv')) });
  }
  return out;
}

export async function getRecipientGroup(db: Db, id: string): Promise<GroupView> {
  const group = (await listRecipientGroups(db)).find((g) => g.id === id);
  if (!group) throw new NotFound('recipient group');
  return group;
}

// ── case page sections ──────────────────────────────────────────────────────
export type CaseReferral =
  | { role: 'sender'; referral: Omit<ReferralView, 'shown'> }
  | { role: 'recipient'; referral: Omit<ReferralView, 'shown'>; recipient: RecipientView };

/** The round a registry case belongs to: as the sender's case, or as one recipient's own case. */
export async function referralOfCase(ctx: ReadCtx, caseId: string): Promise<CaseReferral | null> {
  const sent = await referralsRepository.findReferralByCase(ctx.db, caseId);
  const rec = sent ? undefined : await referralsRepository.findRecipientByCase(ctx.db, caseId);
  const referralId = sent?.id ?? rec?.referralId;
  if (!referralId) return null;
  let view: ReferralView;
  try {
    view = await getReferral(ctx, referralId);
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
  const { shown: _s, ...referral } = view;
  if (sent) return { role: 'sender', referral };
  return { role: 'recipient', referral, recipient: referral.recipients.find((r) => r.id === rec!.id)! };
}
