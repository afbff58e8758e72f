import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { REGISTRY_CLASSIFY } from '../policy.js';
import { registryRepository, type DocumentRow } from '../repository.js';
import { checkSecrecyGround, classificationOf, klassaLevel, reasonInput, secrecyGroundInput } from './inputs.js';

export const classifyDocumentInput = z.strictObject({
  confidentiality: klassaLevel,
  integrity: klassaLevel,
  availability: klassaLevel,
  secrecyGround: secrecyGroundInput.nullable().optional(),
  reason: reasonInput,
});
export type ClassifyDocumentInput = z.input<typeof classifyDocumentInput>;

/** Set K/R/T (and the secrecy ground) of a document. The reason is required and kept in the audit log. */
export async function classifyDocument(ctx: Ctx, documentId: string, input: ClassifyDocumentInput): Promise<DocumentRow> {
  const data = validate(classifyDocumentInput, input);
  if (!data.reason) throw new Invalid({ reason: ['registry.classify.reasonRequired'] });
  const secrecyGround = checkSecrecyGround(data.confidentiality, data.secrecyGround);
  authorize(ctx.actor, REGISTRY_CLASSIFY);
  return ctx.db.transaction(async (tx) => {
    const current = await registryRepository.lockDocument(tx, documentId);
    if (!current) throw new NotFound('document');
    const theCase = await registryRepository.findCase(tx, current.caseId);
    authorize(ctx.actor, REGISTRY_CLASSIFY, { bodyId: theCase!.bodyId });
    const classification = { confidentiality: data.confidentiality, integrity: data.integrity, availability: data.availability };
    const updated = await registryRepository.updateDocument(tx, documentId, {
      ...classification,
      secrecyGround,
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'registry.document.classify',
      subjectType: 'document',
      subjectId: documentId,
      before: { classification: classificationOf(current), secrecyGround: current.secrecyGround },
      after: { classification, secrecyGround },
      details: { reason: data.reason, caseId: current.caseId, number: current.number },
    });
    return updated;
  });
}
