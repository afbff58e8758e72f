import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import { actorLabel } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { findAdministrationById } from '../../organisation/index.js';
import { stockholmDate } from '../numbering.js';
import { REGISTRY_CLASSIFY, REGISTRY_REGISTER } from '../policy.js';
import { isForeignKeyViolation, registryRepository, type AttachmentMeta, type DocumentRow } from '../repository.js';
import { fileInput, storeAttachment, type UploadLimits } from './add-attachment.js';
import {
  archiveTimestamp,
  checkSecrecyGround,
  classificationInput,
  directionInput,
  isoDateInput,
  kindInput,
  PUBLIC_CLASSIFICATION,
  refuseFutureDate,
  secrecyGroundInput,
  TEXT_MAX,
  titleInput,
} from './inputs.js';

export const registerDocumentInput = z.strictObject({
  kind: kindInput,
  direction: directionInput.default('internal'),
  title: titleInput,
  documentDate: isoDateInput,
  authorName: z.string().trim().max(200).nullable().optional(),
  administrationId: z.uuid().nullable().optional(),
  counterpart: z.string().trim().max(300).nullable().optional(),
  text: z.string().max(TEXT_MAX).nullable().optional(),
  classification: classificationInput.optional(),
  secrecyGround: secrecyGroundInput.nullable().optional(),
  /** Archive material: the day it was registered originally. */
  registeredOn: isoDateInput.optional(),
  /** Files registered together with the document (the page form's upload), in the same transaction. */
  attachments: z.array(fileInput).max(10).optional(),
});
export type RegisterDocumentInput = z.input<typeof registerDocumentInput>;

/**
 * Register a document (handling) in a case. Its number runs per case: the case row is locked
 * (SELECT … FOR UPDATE) and the next number is max + 1, so concurrent registrations in one
 * case queue instead of colliding.
 */
export async function registerDocument(
  ctx: Ctx,
  caseId: string,
  input: RegisterDocumentInput,
  limits: UploadLimits,
): Promise<DocumentRow & { attachments: AttachmentMeta[] }> {
  const data = validate(registerDocumentInput, input);
  authorize(ctx.actor, REGISTRY_REGISTER);
  const classification = data.classification ?? PUBLIC_CLASSIFICATION;
  const secrecyGround = checkSecrecyGround(classification.confidentiality, data.secrecyGround);
  const now = ctx.clock.now();
  if (data.registeredOn) refuseFutureDate('registeredOn', data.registeredOn, now);
  try {
    return await ctx.db.transaction(async (tx) => {
      const theCase = await registryRepository.lockCase(tx, caseId);
      if (!theCase) throw new NotFound('case');
      authorize(ctx.actor, REGISTRY_REGISTER, { bodyId: theCase.bodyId });
      if (classification.confidentiality > 0 || classification.integrity > 0 || classification.availability > 0) {
        authorize(ctx.actor, REGISTRY_CLASSIFY, { bodyId: theCase.bodyId });
      }
      if (data.registeredOn && data.registeredOn < stockholmDate(theCase.registeredAt)) {
        throw new Invalid({ registeredOn: ['registry.registeredOn.beforeCase'] });
      }
      if (data.administrationId && !(await findAdministrationById(tx, data.administrationId))) {
        throw new Invalid({ administrationId: ['registry.administration.unknown'] });
      }
      const number = await registryRepository.nextDocumentNumber(tx, caseId);
      const created = await registryRepository.insertDocument(tx, {
        caseId,
        number,
        kind: data.kind,
        direction: data.direction,
        title: data.title,
        documentDate: data.documentDate,
        authorName: data.authorName ?? null,
        administrationId: data.administrationId ?? null,
        counterpart: data.counterpart ?? null,
        bodyText: data.text ?? null,
        ...classification,
        secrecyGround,
        registeredAt: data.registeredOn ? archiveTimestamp(data.registeredOn) : now,
        registeredBy: actorLabel(ctx.actor),
        updatedAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'registry.document.register',
        subjectType: 'document',
        subjectId: created.id,
        after: {
          caseId,
          registryNumber: theCase.registryNumber,
          number,
          kind: created.kind,
          title: created.title,
          documentDate: created.documentDate,
          classification,
          secrecyGround,
        },
        ...(data.registeredOn !== undefined && { details: { registeredOn: data.registeredOn } }),
      });
      const stored: AttachmentMeta[] = [];
      for (const file of data.attachments ?? []) stored.push(await storeAttachment(tx, ctx, created, file, limits));
      return { ...created, attachments: stored };
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw new Invalid({ administrationId: ['registry.administration.unknown'] });
    throw e;
  }
}
