import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { getCase } from '../../registry/index.js';
import { defaultAnswerDocuments } from '../answer-documents.js';
import { REFERRALS_RESPOND } from '../policy.js';
import type { RecipientRow } from '../repository.js';
import { STANCES } from '../schema.js';
import { canTransition } from '../status.js';
import { isoDate, noteInput, refuseFuture } from './inputs.js';
import { lockForResponse, moveRecipient, notifySender, refusedKey, todayOf } from './shared.js';

export const answerReferralInput = z.strictObject({
  stance: z.enum(STANCES),
  /** The day the answer was sent (usually the day the minutes were approved). */
  answeredOn: isoDate,
  /**
   * Documents of the recipient's case that make up the answer. Left out: the protocol extract of
   * the final decision (or the newest extract) and the newest statement.
   */
  documentIds: z.array(z.uuid()).max(20).optional(),
  note: noteInput.optional(),
});
export type AnswerReferralInput = z.input<typeof answerReferralInput>;

/** Register the recipient's answer: its stance, the day, and the documents that are the answer. */
export async function answerReferral(ctx: Ctx, recipientId: string, input: AnswerReferralInput): Promise<RecipientRow> {
  const data = validate(answerReferralInput, input);
  authorize(ctx.actor, REFERRALS_RESPOND);
  refuseFuture('answeredOn', data.answeredOn, todayOf(ctx));
  return ctx.db.transaction(async (tx) => {
    const rec = await lockForResponse(tx, ctx, recipientId, REFERRALS_RESPOND);
    if (!canTransition(rec.status, 'answered')) throw new Invalid({ status: [refusedKey(rec.status, 'answered')] });
    const view = await getCase({ db: tx, actor: ctx.actor }, rec.caseId!);
    const inCase = new Set(view.documents.map((d) => d.documentId).filter((d): d is string => d !== null));
    let documentIds: string[];
    if (data.documentIds) {
      const bad = data.documentIds.findIndex((d) => !inCase.has(d));
      if (bad >= 0) throw new Invalid({ [`documentIds.${bad}`]: ['referrals.answer.documentNotInCase'] });
      documentIds = [...new Set(data.documentIds)];
    } else {
      documentIds = defaultAnswerDocuments(view.documents, rec.answerDocumentIds);
    }
    const moved = await moveRecipient(tx, ctx, rec, 'answered', {
      effectiveDate: data.answeredOn,
      note: data.note ?? null,
      patch: { stance: data.stance, answeredOn: data.answeredOn, answerDocumentIds: documentIds, declineReason: null },
      audit: { stance: data.stance, answeredOn: data.answeredOn, documentIds },
    });
    await notifySender(tx, ctx, moved, 'answered');
    return moved;
  });
}
