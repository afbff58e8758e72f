import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { findAdministrationById } from '../../organisation/index.js';
import { CASE_STATUSES } from '../schema.js';
import { REGISTRY_CLASSIFY, REGISTRY_EDIT } from '../policy.js';
import { isForeignKeyViolation, registryRepository, type CaseRow } from '../repository.js';
import { classCodeInput, classificationInput, classificationOf, reasonInput, sameClassification, titleInput } from './inputs.js';

export const updateCaseInput = z.strictObject({
  title: titleInput.optional(),
  description: z.string().trim().max(20_000).nullable().optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** Accepted only unchanged: the class is part of the number once registered. */
  classCode: classCodeInput.nullable().optional(),
  administrationId: z.uuid().nullable().optional(),
  classification: classificationInput.optional(),
  /** Required when the classification changes; kept in the audit log. */
  classificationReason: reasonInput.optional(),
});
export type UpdateCaseInput = z.input<typeof updateCaseInput>;

const FIELDS = ['title', 'description', 'status', 'administrationId'] as const;

/** Change a case's title, description, status or classification. The number and class stay. */
export async function updateCase(ctx: Ctx, caseId: string, input: UpdateCaseInput): Promise<CaseRow> {
  const data = validate(updateCaseInput, input);
  authorize(ctx.actor, REGISTRY_EDIT);
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await registryRepository.lockCase(tx, caseId);
      if (!current) throw new NotFound('case');
      authorize(ctx.actor, REGISTRY_EDIT, { bodyId: current.bodyId, confidentiality: current.confidentiality });
      if (data.classCode !== undefined && (data.classCode ?? null) !== current.classCode) {
        throw new Invalid({ classCode: ['registry.case.classCodeFixed'] });
      }
      const patch: Partial<CaseRow> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const field of FIELDS) {
        const value = data[field];
        if (value === undefined || value === current[field]) continue;
        if (field === 'administrationId' && value && !(await findAdministrationById(tx, value))) {
          throw new Invalid({ administrationId: ['registry.administration.unknown'] });
        }
        (patch as Record<string, unknown>)[field] = value;
        before[field] = current[field];
        after[field] = value;
      }
      if (data.classification && !sameClassification(data.classification, classificationOf(current))) {
        authorize(ctx.actor, REGISTRY_CLASSIFY, { bodyId: current.bodyId });
        if (!data.classificationReason) throw new Invalid({ classificationReason: ['registry.classify.reasonRequired'] });
        Object.assign(patch, data.classification);
        before.classification = classificationOf(current);
        after.classification = data.classification;
      }
      if (Object.keys(patch).length === 0) return current;
      const updated = await registryRepository.updateCase(tx, caseId, { ...patch, updatedAt: ctx.clock.now() });
      await recordAudit(tx, ctx, {
        action: 'registry.case.update',
        subjectType: 'case',
        subjectId: caseId,
        before,
        after,
        details: {
          registryNumber: current.registryNumber,
          ...(after.classification !== undefined && { reason: data.classificationReason }),
        },
      });
      return updated;
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw new Invalid({ administrationId: ['registry.administration.unknown'] });
    throw e;
  }
}
