import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import { actorLabel } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { registerCase, registerDocument, type UploadLimits } from '../../registry/index.js';
import { REFERRALS_MANAGE } from '../policy.js';
import { referralsRepository, type ReferralRow } from '../repository.js';
import {
  DEFAULT_LIMITS,
  descriptionInput,
  existingNumberInput,
  fileInput,
  groupIdsInput,
  isoDate,
  recipientsInput,
  refuseFuture,
  rekey,
  subjectInput,
  titleFromFilename,
} from './inputs.js';
import { resolveRecipients, todayOf } from './shared.js';

const klassa = z.number().int().min(0).max(4);

export const createReferralInput = z.strictObject({
  senderBodyId: z.uuid(),
  subject: subjectInput,
  description: descriptionInput.nullable().optional(),
  letterDate: isoDate,
  deadline: isoDate,
  recipients: recipientsInput.default([]),
  /** Saved groups: expanded to their bodies now, at the time of choosing. */
  groupIds: groupIdsInput.default([]),
  /** Filing-plan class of the sender's case (the body's default when left out). */
  classCode: z.string().trim().max(40).nullable().optional(),
  /** KLASSA levels of the sender's case; the recipients' cases get the same. Public when left out. */
  classification: z
    .strictObject({ confidentiality: klassa.default(0), integrity: klassa.default(0), availability: klassa.default(0) })
    .optional(),
  /** Archive rounds: the number the sender's case already has (kept as it is). */
  existingNumber: existingNumberInput.optional(),
  /** Archive rounds: the day the sender registered the case; it goes into that year's series. */
  registeredOn: isoDate.optional(),
  /** The draft sent out for comments, registered as a 'draft' document of the sender's case. */
  draft: fileInput.optional(),
  /** Its attachments, each registered as an 'attachment' document. */
  attachments: z.array(fileInput).max(20).default([]),
});
export type CreateReferralInput = z.input<typeof createReferralInput>;

/** Register the round's files in the sender's case (inside the caller's transaction). */
export async function registerReferralFiles(
  tx: Db,
  ctx: Ctx,
  caseId: string,
  documentDate: string,
  files: { draft?: z.output<typeof fileInput> | undefined; attachments: Array<z.output<typeof fileInput>> },
  limits: UploadLimits,
  registeredOn?: string,
): Promise<string[]> {
  const txCtx = { ...ctx, db: tx };
  const ids: string[] = [];
  const entries = [
    ...(files.draft ? [{ kind: 'draft' as const, file: files.draft, field: 'draft' }] : []),
    ...files.attachments.map((file, i) => ({ kind: 'attachment' as const, file, field: `attachments.${i}` })),
  ];
  for (const { kind, file, field } of entries) {
    try {
      const doc = await registerDocument(
        txCtx,
        caseId,
        {
          kind,
          direction: 'internal',
          title: file.title ?? titleFromFilename(file.filename),
          documentDate,
          ...(registeredOn && { registeredOn }),
          attachments: [{ filename: file.filename, mediaType: file.mediaType, content: file.content }],
        },
        limits,
      );
      ids.push(doc.id);
    } catch (e) {
      throw e instanceof Invalid ? rekey(e, () => field) : e;
    }
  }
  return ids;
}

/**
 * Create a referral round as a draft: register the sender's case (its Dnr) in the sender's
 * registry, the draft and its attachments as documents of that case, and the chosen recipients
 * (saved groups expanded to their bodies now). Nothing is sent yet.
 */
export async function createReferral(ctx: Ctx, input: CreateReferralInput, limits: UploadLimits = DEFAULT_LIMITS): Promise<ReferralRow> {
  const data = validate(createReferralInput, input);
  authorize(ctx.actor, REFERRALS_MANAGE, { bodyId: data.senderBodyId });
  const today = todayOf(ctx);
  data.recipients.forEach((r, i) => refuseFuture(`recipients.${i}.receivedOn`, r.receivedOn, today));
  refuseFuture('registeredOn', data.registeredOn, today);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const [sender] = await referralsRepository.findBodies(tx, [data.senderBodyId]);
    if (!sender) throw new Invalid({ senderBodyId: ['referrals.body.unknown'] });
    if (sender.archived) throw new Invalid({ senderBodyId: ['referrals.body.archived'] });
    const recipients = await resolveRecipients(tx, sender.id, data.recipients, data.groupIds);

    let theCase;
    try {
      theCase = await registerCase(txCtx, {
        bodyId: sender.id,
        title: data.subject,
        description: data.description ?? null,
        ...(data.classCode && { classCode: data.classCode }),
        ...(data.classification && { classification: data.classification }),
        ...(data.existingNumber !== undefined && { existingNumber: data.existingNumber }),
        ...(data.registeredOn !== undefined && { registeredOn: data.registeredOn }),
        ...(data.registeredOn !== undefined && data.existingNumber === undefined && { year: Number(data.registeredOn.slice(0, 4)) }),
      });
    } catch (e) {
      const fieldOf: Record<string, string> = { title: 'subject', bodyId: 'senderBodyId', year: 'registeredOn' };
      throw e instanceof Invalid ? rekey(e, (k) => fieldOf[k] ?? k) : e;
    }

    const now = ctx.clock.now();
    const referral = await referralsRepository.insertReferral(tx, {
      caseId: theCase.id,
      senderBodyId: sender.id,
      subject: data.subject,
      description: data.description ?? null,
      letterDate: data.letterDate,
      deadline: data.deadline,
      status: 'draft',
      createdBy: actorLabel(ctx.actor),
      createdAt: now,
      updatedAt: now,
    });
    await referralsRepository.insertRecipients(
      tx,
      recipients.map((r) => ({
        referralId: referral.id,
        bodyId: r.bodyId,
        existingNumber: r.existingNumber ?? null,
        receivedOn: r.receivedOn ?? null,
        status: 'pending' as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const documentIds = await registerReferralFiles(tx, ctx, theCase.id, data.letterDate, { draft: data.draft, attachments: data.attachments }, limits, data.registeredOn);
    await recordAudit(tx, ctx, {
      action: 'referrals.referral.create',
      subjectType: 'referral',
      subjectId: referral.id,
      after: {
        subject: referral.subject,
        senderBodyId: sender.id,
        caseId: theCase.id,
        registryNumber: theCase.registryNumber,
        letterDate: referral.letterDate,
        deadline: referral.deadline,
        recipients: recipients.map((r) => r.bodyId),
      },
      details: { documents: documentIds.length, ...(data.groupIds.length && { groupIds: data.groupIds }) },
    });
    return referral;
  });
}
