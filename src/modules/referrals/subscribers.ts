import type { Ctx } from '../../core/context.js';
import { subscribe } from '../../core/events.js';
import type { Db } from '../../db/client.js';
import { moveRecipient } from './commands/shared.js';
import { referralsRepository, type RecipientRow } from './repository.js';
import type { RecipientStatus } from './schema.js';
import { automaticStep } from './status.js';

/**
 * Automatic steps from other modules' domain events, inside their transactions: a statement
 * started (received → drafting), an agenda item (→ on agenda), an item taken off the agenda
 * (on agenda → drafting), a final decision (→ decided, remembering the protocol extract).
 * A case that is not a referral recipient's, or a step that would go backwards, changes nothing.
 * The timeline names whoever ran the command that published the event.
 */
async function step(
  tx: Db,
  ctx: Ctx,
  caseId: string,
  source: string,
  to: RecipientStatus,
  effectiveDate: string | null,
  allowed: (from: RecipientStatus) => boolean = (from) => automaticStep(from, to),
  patch?: (rec: RecipientRow) => Partial<RecipientRow>,
): Promise<void> {
  const rec = await referralsRepository.lockRecipientByCase(tx, caseId);
  if (!rec || !allowed(rec.status)) return;
  await moveRecipient(tx, { ...ctx, db: tx }, rec, to, { effectiveDate, source, ...(patch && { patch: patch(rec) }) });
}

let subscribed = false;

export function subscribeReferrals(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe('statements.drafted', (tx, ctx, p) => step(tx, ctx, p.caseId, 'statements.drafted', 'drafting', p.date));
  subscribe('meetings.itemScheduled', (tx, ctx, p) => step(tx, ctx, p.caseId, 'meetings.itemScheduled', 'onAgenda', p.meetingDate));
  subscribe('meetings.itemUnscheduled', (tx, ctx, p) =>
    step(tx, ctx, p.caseId, 'meetings.itemUnscheduled', 'drafting', null, (from) => from === 'onAgenda'),
  );
  subscribe('meetings.decisionFinal', (tx, ctx, p) =>
    step(tx, ctx, p.caseId, 'meetings.decisionFinal', 'decided', p.finalOn, undefined, (rec) =>
      p.extractDocumentId ? { answerDocumentIds: [p.extractDocumentId] } : { answerDocumentIds: rec.answerDocumentIds },
    ),
  );
}

subscribeReferrals();
