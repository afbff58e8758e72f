import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { publish } from '../../../core/events.js';
import { Conflict, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { STATEMENTS_WRITE } from '../policy.js';
import { statementsRepository, type StatementRow, type VersionRow } from '../repository.js';
import { draftedOn, statementContentInput, titleInput } from './inputs.js';

export const saveStatementVersionInput = statementContentInput.extend({
  /** A new title for the statement (kept when left out). */
  title: titleInput.optional(),
  /** The version the edit started from: when someone saved after it, the save is refused (409). */
  baseVersion: z.number().int().min(1).optional(),
});
export type SaveStatementVersionInput = z.input<typeof saveStatementVersionInput>;

/** Conflict for any change to a finalised statement. */
export function finalLocked(statement: Pick<StatementRow, 'id'>): Conflict {
  return new Conflict(`statement ${statement.id} is final`, 'statements.final.locked');
}

/**
 * Save the draft as a new, immutable version (current + 1). Refused once the statement is final.
 * Publishes 'statements.drafted'.
 */
export async function saveStatementVersion(ctx: Ctx, statementId: string, input: SaveStatementVersionInput): Promise<StatementRow & { version: VersionRow }> {
  const id = validate(z.uuid(), statementId);
  const data = validate(saveStatementVersionInput, input);
  authorize(ctx.actor, STATEMENTS_WRITE);
  return ctx.db.transaction(async (tx) => {
    const current = await statementsRepository.lockStatement(tx, id);
    if (!current) throw new NotFound('statement');
    const info = await statementsRepository.findStatement(tx, id);
    authorize(ctx.actor, STATEMENTS_WRITE, { bodyId: info!.bodyId });
    if (current.status === 'final') throw finalLocked(current);
    if (data.baseVersion !== undefined && data.baseVersion !== current.currentVersion) {
      throw new Conflict(`statement ${id} is at version ${current.currentVersion}`, 'statements.version.stale', {
        base: data.baseVersion,
        current: current.currentVersion,
      });
    }
    const now = ctx.clock.now();
    const by = actorLabel(ctx.actor);
    const next = current.currentVersion + 1;
    const { title, baseVersion: _b, note, ...content } = data;
    const version = await statementsRepository.insertVersion(tx, { statementId: id, version: next, ...content, note: note ?? null, createdBy: by, createdAt: now });
    const updated = await statementsRepository.updateStatement(tx, id, { currentVersion: next, updatedAt: now, ...(title !== undefined && { title }) });
    await recordAudit(tx, ctx, {
      action: 'statements.version.save',
      subjectType: 'statement',
      subjectId: id,
      before: { version: current.currentVersion, title: current.title },
      after: { version: next, title: updated.title, documentDate: content.documentDate },
      ...(note ? { details: { note } } : {}),
    });
    await publish(tx, { ...ctx, db: tx }, 'statements.drafted', { caseId: current.caseId, date: draftedOn(content.documentDate, now) });
    return { ...updated, version };
  });
}
