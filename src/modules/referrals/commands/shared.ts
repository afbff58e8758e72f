import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import { actorLabel } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { t } from '../../../core/i18n.js';
import type { Db } from '../../../db/client.js';
import { notifyBodyRole } from '../../notifications/index.js';
import { stockholmDate } from '../../registry/index.js';
import { referralsRepository, type BodyChoice, type RecipientRow, type ReferralRow } from '../repository.js';
import type { RecipientStatus } from '../schema.js';
import { FINAL_STATUSES } from '../status.js';
import type { RecipientInput } from './inputs.js';

export const todayOf = (ctx: Pick<Ctx, 'clock'>) => stockholmDate(ctx.clock.now());

/** Members of saved groups at this moment: current bodies of the group's kinds plus its fixed bodies. */
export async function expandGroups(db: Db, groupIds: readonly string[], field = 'groupIds'): Promise<BodyChoice[]> {
  const out = new Map<string, BodyChoice>();
  for (const [i, id] of groupIds.entries()) {
    const group = await referralsRepository.findGroup(db, id);
    if (!group) throw new Invalid({ [`${field}.${i}`]: ['referrals.group.unknown'] });
    for (const b of await referralsRepository.bodiesOfKinds(db, group.bodyKinds)) out.set(b.id, b);
    for (const b of await referralsRepository.groupBodies(db, [id])) if (!b.archived) out.set(b.id, b);
  }
  return [...out.values()];
}

/**
 * The recipient list of a round: the bodies chosen one by one (which keep their archive number and
 * receipt day) plus the members of the chosen groups, each body once. A body named explicitly
 * must exist, be current and not be the sender; group members that are the sender are left out.
 */
export async function resolveRecipients(
  db: Db,
  senderBodyId: string,
  recipients: readonly RecipientInput[],
  groupIds: readonly string[],
): Promise<RecipientInput[]> {
  const bodies = new Map((await referralsRepository.findBodies(db, recipients.map((r) => r.bodyId))).map((b) => [b.id, b]));
  const out = new Map<string, RecipientInput>();
  for (const [i, r] of recipients.entries()) {
    const body = bodies.get(r.bodyId);
    if (!body) throw new Invalid({ [`recipients.${i}.bodyId`]: ['referrals.body.unknown'] });
    if (body.archived) throw new Invalid({ [`recipients.${i}.bodyId`]: ['referrals.body.archived'] });
    if (body.id === senderBodyId) throw new Invalid({ [`recipients.${i}.bodyId`]: ['referrals.recipients.sender'] });
    if (!out.has(r.bodyId)) out.set(r.bodyId, r);
  }
  for (const b of await expandGroups(db, groupIds)) {
    if (b.id !== senderBodyId && !out.has(b.id)) out.set(b.id, { bodyId: b.id });
  }
  return [...out.values()];
}

/** Where a timeline entry came from when no person chose the step: the domain event's name. */
export const AUTO_PREFIX = 'auto:';

/**
 * Move one recipient to `to` inside the caller's transaction: the row, a timeline entry, the
 * audit entry, and the round's own status (closed when every recipient has answered or declined).
 * Callers have checked the step against the table in status.ts.
 */
export async function moveRecipient(
  tx: Db,
  ctx: Ctx,
  rec: RecipientRow,
  to: RecipientStatus,
  opts: { effectiveDate: string | null; note?: string | null; patch?: Partial<RecipientRow>; source?: string; audit?: Record<string, unknown> },
): Promise<RecipientRow> {
  const now = ctx.clock.now();
  const updated = await referralsRepository.updateRecipient(tx, rec.id, { ...opts.patch, status: to, updatedAt: now });
  await referralsRepository.insertEvent(tx, {
    recipientId: rec.id,
    occurredAt: now,
    effectiveDate: opts.effectiveDate,
    fromStatus: rec.status,
    toStatus: to,
    note: opts.source ? `${AUTO_PREFIX}${opts.source}` : (opts.note ?? null),
    actorLabel: actorLabel(ctx.actor),
  });
  await recordAudit(tx, ctx, {
    action: 'referrals.recipient.status',
    subjectType: 'referralRecipient',
    subjectId: rec.id,
    before: { status: rec.status },
    after: { status: to, ...opts.audit },
    details: { referralId: rec.referralId, bodyId: rec.bodyId, ...(opts.effectiveDate && { effectiveDate: opts.effectiveDate }), ...(opts.source && { source: opts.source }) },
  });
  await syncReferralStatus(tx, ctx, rec.referralId);
  return updated;
}

/** A sent round is closed when every recipient has given its final word, and reopens when one has not. */
export async function syncReferralStatus(tx: Db, ctx: Ctx, referralId: string): Promise<void> {
  const referral = await referralsRepository.lockReferral(tx, referralId);
  if (!referral || referral.status === 'draft') return;
  const statuses = await referralsRepository.recipientStatuses(tx, referralId);
  const done = statuses.length > 0 && statuses.every((s) => FINAL_STATUSES.includes(s));
  const next: ReferralRow['status'] = done ? 'closed' : 'sent';
  if (next === referral.status) return;
  await referralsRepository.updateReferral(tx, referralId, { status: next, updatedAt: ctx.clock.now() });
  await recordAudit(tx, ctx, {
    action: 'referrals.referral.status',
    subjectType: 'referral',
    subjectId: referralId,
    before: { status: referral.status },
    after: { status: next },
  });
}

/** Lock a recipient for a status change and check that the actor works for that body. */
export async function lockForResponse(tx: Db, ctx: Ctx, recipientId: string, action: string): Promise<RecipientRow> {
  const rec = await referralsRepository.lockRecipient(tx, recipientId);
  if (!rec) throw new NotFound('referral recipient');
  authorize(ctx.actor, action, { bodyId: rec.bodyId });
  if (rec.status === 'pending') throw new Invalid({ status: ['referrals.transition.notSent'] });
  return rec;
}

/** "Kan inte gå från Mottagen till Besvarad. Möjliga nästa steg: …" (generated per pair in messages.ts). */
export const refusedKey = (from: RecipientStatus, to: RecipientStatus) => `referrals.transition.refused.${from}.${to}`;

/** Tell the sender's registrars that a recipient has answered or declined. */
export async function notifySender(tx: Db, ctx: Ctx, rec: RecipientRow, status: 'answered' | 'declined'): Promise<void> {
  const referral = await referralsRepository.findReferral(tx, rec.referralId);
  const [body] = await referralsRepository.findBodies(tx, [rec.bodyId]);
  if (!referral || !body) return;
  await notifyBodyRole(tx, { ...ctx, db: tx }, {
    bodyId: referral.senderBodyId,
    role: 'registrar',
    kind: 'referral.statusChanged',
    // Stored once, shown in the reader's language by the inbox; the status word is Swedish like the letter.
    params: { subject: referral.subject, body: body.name, status: t('sv', `referrals.status.${status}`).toLowerCase() },
    link: `/referrals/${referral.id}`,
  });
}
