import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { publish } from '../../../core/events.js';
import { Conflict, Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { STATEMENTS_WRITE } from '../policy.js';
import { statementsRepository, type StatementRow, type VersionRow } from '../repository.js';
import { draftedOn, statementContentInput, titleInput } from './inputs.js';

export const createStatementInput = statementContentInput.extend({
  caseId: z.uuid(),
  /** Defaults to the case's title. */
  title: titleInput.optional(),
  /** The writing administration; defaults to the case's, else the body's only administration. */
  administrationId: z.uuid().nullable().optional(),
});
export type CreateStatementInput = z.input<typeof createStatementInput>;

/**
 * Start the statement of a case with its first version. A case has one statement: a second is
 * refused (409) – save a new version of the first instead. Publishes 'statements.drafted'.
 */
export async function createStatement(ctx: Ctx, input: CreateStatementInput): Promise<StatementRow & { version: VersionRow }> {
  const data = validate(createStatementInput, input);
  authorize(ctx.actor, STATEMENTS_WRITE);
  return ctx.db.transaction(async (tx) => {
    const theCase = await statementsRepository.lockCase(tx, data.caseId);
    if (!theCase) throw new Invalid({ caseId: ['statements.case.unknown'] });
    authorize(ctx.actor, STATEMENTS_WRITE, { bodyId: theCase.bodyId });
    if ((await statementsRepository.countStatementsOfCase(tx, theCase.id)) > 0) {
      throw new Conflict(`case ${theCase.registryNumber} has a statement`, 'statements.case.hasStatement', { number: theCase.registryNumber });
    }
    let administrationId = data.administrationId ?? theCase.administrationId ?? (await statementsRepository.soleAdministrationOfBody(tx, theCase.bodyId));
    if (data.administrationId && !(await statementsRepository.administrationExists(tx, data.administrationId))) {
      throw new Invalid({ administrationId: ['statements.administration.unknown'] });
    }
    administrationId ??= null;
    const now = ctx.clock.now();
    const by = actorLabel(ctx.actor);
    const statement = await statementsRepository.insertStatement(tx, {
      caseId: theCase.id,
      administrationId,
      title: data.title ?? theCase.title,
      status: 'draft',
      currentVersion: 1,
      createdBy: by,
      createdAt: now,
      updatedAt: now,
    });
    const { caseId: _c, title: _t, administrationId: _a, note, ...content } = data;
    const version = await statementsRepository.insertVersion(tx, { statementId: statement.id, version: 1, ...content, note: note ?? null, createdBy: by, createdAt: now });
    await recordAudit(tx, ctx, {
      action: 'statements.statement.create',
      subjectType: 'statement',
      subjectId: statement.id,
      after: { caseId: theCase.id, registryNumber: theCase.registryNumber, title: statement.title, version: 1, documentDate: content.documentDate },
    });
    await publish(tx, { ...ctx, db: tx }, 'statements.drafted', { caseId: theCase.id, date: draftedOn(content.documentDate, now) });
    return { ...statement, version };
  });
}
