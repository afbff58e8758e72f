import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel, systemActor } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { registerDocument } from '../../registry/index.js';
import { STATEMENTS_FINALISE } from '../policy.js';
import { statementsRepository, type StatementRow } from '../repository.js';
import { statementPlainText } from '../text.js';
import { isoDateInput } from './inputs.js';
import { finalLocked } from './save-statement-version.js';

export const finaliseStatementInput = z.strictObject({
  /** The version the finaliser has read; refused (409) when a newer one was saved since. */
  version: z.number().int().min(1).optional(),
  /** Archive material: the day the statement was registered originally (not in the future). */
  registeredOn: isoDateInput.optional(),
});
export type FinaliseStatementInput = z.input<typeof finaliseStatementInput>;

/**
 * Finalise: register the latest version as a document of kind 'statement' in the case (its text is
 * the whole statement in the standard order, with Swedish headings), mark the statement final and
 * keep the document's id. No version can be saved after that.
 *
 * The document is registered by the registry's own command inside this transaction. Case officers
 * and board secretaries may finalise without being registrars, so that command runs as the system
 * actor "statements:<user>"; this command's own audit entry names the user.
 */
export async function finaliseStatement(ctx: Ctx, statementId: string, input: FinaliseStatementInput = {}): Promise<StatementRow> {
  const id = validate(z.uuid(), statementId);
  const data = validate(finaliseStatementInput, input);
  authorize(ctx.actor, STATEMENTS_FINALISE);
  return ctx.db.transaction(async (tx) => {
    const current = await statementsRepository.lockStatement(tx, id);
    if (!current) throw new NotFound('statement');
    const info = (await statementsRepository.findStatement(tx, id))!;
    authorize(ctx.actor, STATEMENTS_FINALISE, { bodyId: info.bodyId });
    if (current.status === 'final') throw finalLocked(current);
    if (data.version !== undefined && data.version !== current.currentVersion) {
      throw new Conflict(`statement ${id} is at version ${current.currentVersion}`, 'statements.version.stale', {
        base: data.version,
        current: current.currentVersion,
      });
    }
    const version = (await statementsRepository.findVersion(tx, id, current.currentVersion))!;
    const missing: Record<string, string[]> = {};
    if (version.proposedDecision.length === 0) missing.proposedDecision = ['statements.finalise.needsDecision'];
    if (version.signatories.length === 0) missing.signatories = ['statements.finalise.needsSignatory'];
    if (Object.keys(missing).length) throw new Invalid(missing, 'statement incomplete');

    const text = statementPlainText({
      ...version,
      title: current.title,
      registryNumber: info.registryNumber,
      bodyName: info.bodyName,
      administrationName: info.administrationName,
    });
    const registrar: Ctx = { ...ctx, db: tx, actor: systemActor(`statements:${actorLabel(ctx.actor)}`) };
    const document = await registerDocument(
      registrar,
      current.caseId,
      {
        kind: 'statement',
        direction: 'internal',
        title: current.title,
        documentDate: version.documentDate,
        authorName: info.administrationName ?? version.signatories[0]!.name,
        administrationId: current.administrationId,
        text,
        ...(data.registeredOn !== undefined && { registeredOn: data.registeredOn }),
      },
      // No files are registered with the statement, so the upload limit is never used.
      { maxBytes: 1 },
    );
    const now = ctx.clock.now();
    const updated = await statementsRepository.updateStatement(tx, id, { status: 'final', documentId: document.id, updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'statements.statement.finalise',
      subjectType: 'statement',
      subjectId: id,
      before: { status: 'draft' },
      after: { status: 'final', version: version.version, documentId: document.id, documentNumber: document.number },
      details: { caseId: current.caseId, registryNumber: info.registryNumber },
    });
    return updated;
  });
}
