import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import { actorLabel, systemActor } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { notifyBodyRole } from '../../notifications/index.js';
import { registerCase, registerDocument } from '../../registry/index.js';
import { REFERRALS_MANAGE } from '../policy.js';
import { referralsRepository, type ReferralRow } from '../repository.js';
import { DEFAULT_LIMITS, isoDate, refuseFuture, rekey } from './inputs.js';
import { todayOf } from './shared.js';

export const sendReferralInput = z.strictObject({
  /** Archive rounds: the day the recipients received it (each recipient's own receivedOn wins). Today when left out. */
  receivedOn: isoDate.optional(),
});
export type SendReferralInput = z.input<typeof sendReferralInput>;

export const recipientLink = (referralId: string, recipientId: string) => `/referrals/${referralId}/recipients/${recipientId}`;

/**
 * Send a draft round. For every recipient, in one transaction: register its own case in that
 * body's registry (its own Dnr, or the number it already has for archive rounds), register the
 * incoming referral letter there naming the sender, mark it received, add the timeline entry and
 * notify the body's registrars. If any recipient fails, nothing is sent.
 *
 * The cases are registered in the recipients' registries on the sender's behalf: the registry
 * commands run as a system actor whose label names the sender's registrar.
 */
export async function sendReferral(ctx: Ctx, id: string, input: SendReferralInput = {}): Promise<ReferralRow> {
  const data = validate(sendReferralInput, input);
  authorize(ctx.actor, REFERRALS_MANAGE);
  const today = todayOf(ctx);
  refuseFuture('receivedOn', data.receivedOn, today);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const locked = await referralsRepository.lockReferral(tx, id);
    if (!locked) throw new NotFound('referral');
    authorize(ctx.actor, REFERRALS_MANAGE, { bodyId: locked.senderBodyId });
    if (locked.status !== 'draft') throw new Invalid({ status: ['referrals.send.notDraft'] });
    const referral = (await referralsRepository.findReferral(tx, id))!;
    const senderCase = { registryNumber: referral.registryNumber, confidentiality: referral.confidentiality };
    const recipients = await referralsRepository.listRecipients(tx, [id]);
    if (recipients.length === 0) throw new Invalid({ recipients: ['referrals.send.noRecipients'] });
    const onBehalf = { ...txCtx, actor: systemActor(`referrals:${actorLabel(ctx.actor)}`) };
    // The recipients' cases are as confidential as the sender's.
    const classification = await referralsRepository.caseClassification(tx, referral.caseId);
    const now = ctx.clock.now();

    for (const [i, rec] of recipients.entries()) {
      const receivedOn = rec.receivedOn ?? data.receivedOn ?? today;
      const backdated = receivedOn !== today;
      const field = (k: string) =>
        k === 'existingNumber' ? `recipients.${i}.existingNumber` : k === 'registeredOn' || k === 'year' ? `recipients.${i}.receivedOn` : `recipients.${i}`;
      let theCase;
      try {
        theCase = await registerCase(onBehalf, {
          bodyId: rec.bodyId,
          title: referral.subject,
          description: referral.description,
          classification,
          ...(rec.existingNumber
            ? { existingNumber: rec.existingNumber, ...(backdated && { registeredOn: receivedOn }) }
            : backdated
              ? { year: Number(receivedOn.slice(0, 4)), registeredOn: receivedOn }
              : {}),
        });
        await registerDocument(
          onBehalf,
          theCase.id,
          {
            kind: 'referralLetter',
            direction: 'incoming',
            title: referral.subject,
            documentDate: referral.letterDate,
            counterpart: `${referral.senderBodyName} (${senderCase.registryNumber})`,
            text: referral.description,
            ...(backdated && { registeredOn: receivedOn }),
          },
          DEFAULT_LIMITS,
        );
      } catch (e) {
        throw e instanceof Invalid ? rekey(e, field) : e;
      }
      await referralsRepository.updateRecipient(tx, rec.id, { caseId: theCase.id, status: 'received', receivedOn, updatedAt: now });
      await referralsRepository.insertEvent(tx, {
        recipientId: rec.id,
        occurredAt: now,
        effectiveDate: receivedOn,
        fromStatus: 'pending',
        toStatus: 'received',
        note: null,
        actorLabel: actorLabel(ctx.actor),
      });
      await notifyBodyRole(tx, txCtx, {
        bodyId: rec.bodyId,
        role: 'registrar',
        kind: 'referral.received',
        params: { subject: referral.subject, sender: referral.senderBodyName, deadline: referral.deadline, registryNumber: theCase.registryNumber },
        link: recipientLink(id, rec.id),
      });
    }

    // An archive round is dated by the day it arrived (noon UTC keeps the Stockholm day).
    const sentAt = data.receivedOn ? new Date(`${data.receivedOn}T12:00:00Z`) : now;
    const sent = await referralsRepository.updateReferral(tx, id, { status: 'sent', sentAt, updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'referrals.referral.send',
      subjectType: 'referral',
      subjectId: id,
      before: { status: 'draft' },
      after: { status: 'sent' },
      details: { recipients: recipients.length, ...(data.receivedOn && { receivedOn: data.receivedOn }) },
    });
    return sent;
  });
}

