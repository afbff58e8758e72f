import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { findAdministrationById } from '../../organisation/index.js';
import { REGISTRY_EDIT } from '../policy.js';
import { isForeignKeyViolation, registryRepository, type DocumentRow } from '../repository.js';
import { directionInput, isoDateInput, kindInput, TEXT_MAX, titleInput } from './inputs.js';

/** Classification has its own command (a reason is required); the number never changes. */
export const updateDocumentInput = z.strictObject({
  kind: kindInput.optional(),
  direction: directionInput.optional(),
  title: titleInput.optional(),
  documentDate: isoDateInput.optional(),
  authorName: z.string().trim().max(200).nullable().optional(),
  administrationId: z.uuid().nullable().optional(),
  counterpart: z.string().trim().max(300).nullable().optional(),
  text: z.string().max(TEXT_MAX).nullable().optional(),
});
export type UpdateDocumentInput = z.input<typeof updateDocumentInput>;

const COLUMNS = {
  kind: 'kind',
  direction: 'direction',
  title: 'title',
  documentDate: 'documentDate',
  authorName: 'authorName',
  administrationId: 'administrationId',
  counterpart: 'counterpart',
  text: 'bodyText',
} as const satisfies Record<keyof z.output<typeof updateDocumentInput>, keyof DocumentRow>;

export async function updateDocument(ctx: Ctx, documentId: string, input: UpdateDocumentInput): Promise<DocumentRow> {
  const data = validate(updateDocumentInput, input);
  authorize(ctx.actor, REGISTRY_EDIT);
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await registryRepository.lockDocument(tx, documentId);
      if (!current) throw new NotFound('document');
      const theCase = await registryRepository.findCase(tx, current.caseId);
      authorize(ctx.actor, REGISTRY_EDIT, { bodyId: theCase!.bodyId });
      const patch: Partial<DocumentRow> = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [field, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, (typeof COLUMNS)[keyof typeof COLUMNS]]>) {
        const value = data[field];
        if (value === undefined || value === current[column]) continue;
        if (field === 'administrationId' && value && !(await findAdministrationById(tx, value))) {
          throw new Invalid({ administrationId: ['registry.administration.unknown'] });
        }
        (patch as Record<string, unknown>)[column] = value;
        // Long texts are summarised in the log by their length.
        before[field] = field === 'text' && current.bodyText ? { length: current.bodyText.length } : current[column];
        after[field] = field === 'text' && typeof value === 'string' ? { length: value.length } : value;
      }
      if (Object.keys(patch).length === 0) return current;
      const updated = await registryRepository.updateDocument(tx, documentId, { ...patch, updatedAt: ctx.clock.now() });
      await recordAudit(tx, ctx, {
        action: 'registry.document.update',
        subjectType: 'document',
        subjectId: documentId,
        before,
        after,
        details: { caseId: current.caseId, number: current.number },
      });
      return updated;
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) throw new Invalid({ administrationId: ['registry.administration.unknown'] });
    throw e;
  }
}
