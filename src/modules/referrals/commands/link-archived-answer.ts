import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import { actorLabel } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { registerCase } from '../../registry/index.js';
import { REFERRALS_MANAGE } from '../policy.js';
import { referralsRepository, type RecipientRow } from '../repository.js';
import { PROGRESS } from '../status.js';
import { isoDate, subjectInput } from './inputs.js';

export const linkArchivedAnswerInput = z.strictObject({
  senderBodyId: z.uuid(),
  subject: subjectInput,
  letterDate: isoDate,
  /** Unknown in many archive documents: the letter date then stands in. */
  deadline: isoDate.nullable().optional(),
  recipientBodyId: z.uuid(),
  /** The recipient's case the imported document was filed in. */
  caseId: z.uuid(),
  /** A protocol extract answers (decided, and answered on its date); a statement alone means drafting. */
  status: z.enum(['drafting', 'decided', 'answered']),
  date: isoDate,
  documentIds: z.array(z.uuid()).max(20).default([]),
});
export type LinkArchivedAnswerInput = z.input<typeof linkArchivedAnswerInput>;

/**
 * Archive import: join an imported answer to the referral round it answers. The round of that
 * sender and subject is found, or created as an already sent archive round (the sender's case is
 * registered for it); the recipient is added with the imported case, or completed when the round
 * already names it. Answers imported one by one thus gather in one round, and the compilation
 * reads them together. Nothing is sent and nobody is notified: it all happened long ago.
 */
export async function linkArchivedAnswer(ctx: Ctx, input: LinkArchivedAnswerInput): Promise<{ referralId: string; recipient: RecipientRow }> {
  const data = validate(linkArchivedAnswerInput, input);
  authorize(ctx.actor, REFERRALS_MANAGE, { bodyId: data.senderBodyId });
  if (data.senderBodyId === data.recipientBodyId) throw new Invalid({ recipientBodyId: ['referrals.recipients.sender'] });
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const now = ctx.clock.now();
    let referral = await referralsRepository.findReferralBySubject(tx, data.senderBodyId, data.subject);
    if (!referral) {
      const senderCase = await registerCase(txCtx, {
        bodyId: data.senderBodyId,
        title: data.subject,
        description: 'Remissomgång återskapad vid arkivimport.',
        year: Number(data.letterDate.slice(0, 4)),
        registeredOn: data.letterDate,
      });
      referral = await referralsRepository.insertReferral(tx, {
        caseId: senderCase.id,
        senderBodyId: data.senderBodyId,
        subject: data.subject,
        description: 'Remissomgång återskapad vid arkivimport.',
        letterDate: data.letterDate,
        deadline: data.deadline ?? data.letterDate,
        status: 'sent',
        sentAt: new Date(`${data.letterDate}T12:00:00Z`),
        createdBy: actorLabel(ctx.actor),
        createdAt: now,
        updatedAt: now,
      });
    }
    const existing = (await referralsRepository.listRecipients(tx, [referral.id])).find((r) => r.bodyId === data.recipientBodyId);
    if (existing?.caseId && existing.caseId !== data.caseId) throw new Invalid({ caseId: ['referrals.archive.otherCase'] });
    // Documents arrive in any order: an answer imported before its statement stays answered.
    const status = existing && PROGRESS[existing.status] >= PROGRESS[data.status] ? existing.status : data.status;
    const patch = {
      caseId: data.caseId,
      status,
      receivedOn: existing?.receivedOn ?? data.letterDate,
      ...(status === 'answered' && data.status === 'answered' && { answeredOn: data.date }),
      answerDocumentIds: [...new Set([...(existing?.answerDocumentIds ?? []), ...data.documentIds])],
      updatedAt: now,
    };
    const recipient = existing
      ? await referralsRepository.updateRecipient(tx, existing.id, patch)
      : (await referralsRepository.insertRecipients(tx, [{ referralId: referral.id, bodyId: data.recipientBodyId, createdAt: now, ...patch }]))[0]!;
    if (existing?.status !== recipient.status) {
      await referralsRepository.insertEvent(tx, {
        recipientId: recipient.id,
        occurredAt: now,
        effectiveDate: data.date,
        fromStatus: existing?.status ?? null,
        toStatus: recipient.status,
        note: 'Arkivimport',
        actorLabel: actorLabel(ctx.actor),
      });
    }
    await recordAudit(tx, ctx, {
      action: 'referrals.archive.link',
      subjectType: 'referralRecipient',
      subjectId: recipient.id,
      after: { referralId: referral.id, bodyId: data.recipientBodyId, caseId: data.caseId, status: recipient.status },
    });
    return { referralId: referral.id, recipient };
  });
}
