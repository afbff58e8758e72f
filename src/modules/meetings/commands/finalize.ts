import { recordAudit } from '../../../audit/record.js';
import { actorLabel, systemActor } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { publish } from '../../../core/events.js';
import type { Db } from '../../../db/client.js';
import { renderPdf } from '../../../views/pdf.js';
import { addAttachment, registerDocument } from '../../registry/index.js';
import { extractOf, withContent } from '../details.js';
import { extractPdfBlocks, extractText } from '../minutes-text.js';
import { meetingsRepository as repo, type ItemRow } from '../repository.js';

/** Our own generated PDF: far below any sensible upload limit. */
const EXTRACT_LIMITS = { maxBytes: 50 * 1024 * 1024 };

export const extractFilename = (meetingDate: string, paragraph: number) => `protokollsutdrag-${meetingDate}-paragraf-${paragraph}.pdf`;

/**
 * Make an item's decision final inside the caller's transaction: set finalOn, and when the item
 * treats a case, register the protocol extract in that case (kind protocolExtract, the text as
 * the document's text, the PDF as its file), remember the document and announce
 * 'meetings.decisionFinal'. The registry is written by the system on the secretary's behalf (a
 * secretary need not be a registrar); the audit entries name both.
 */
export async function finalizeItem(
  tx: Db,
  ctx: Ctx,
  meetingId: string,
  itemId: string,
  finalOn: string,
  immediate: boolean,
  /** Archive material: the extract is already registered (the imported document); none is rendered. */
  archivedExtractId?: string,
): Promise<ItemRow> {
  await repo.updateItem(tx, itemId, { finalOn, immediateApproval: immediate, updatedAt: ctx.clock.now() });
  const meeting = (await repo.findMeeting(tx, meetingId))!;
  const [item] = await withContent(tx, [(await repo.findItem(tx, itemId))!]);
  const extract = extractOf(meeting, item!);
  let documentId: string | null = archivedExtractId ?? null;
  if (item!.caseId && !archivedExtractId) {
    const registryCtx: Ctx = { ...ctx, db: tx, actor: systemActor(`meetings:${actorLabel(ctx.actor)}`) };
    const title = extract.title.length > 500 ? `${extract.title.slice(0, 499)}…` : extract.title;
    const document = await registerDocument(
      registryCtx,
      item!.caseId,
      { kind: 'protocolExtract', direction: 'internal', title, documentDate: finalOn, authorName: meeting.bodyName, text: extractText(extract) },
      EXTRACT_LIMITS,
    );
    const pdf = await renderPdf({ title: extract.title, lang: 'sv', author: meeting.bodyName, blocks: extractPdfBlocks(extract), footer: extract.footer });
    await addAttachment(registryCtx, document.id, { filename: extractFilename(meeting.meetingDate, item!.paragraph), mediaType: 'application/pdf', content: pdf }, EXTRACT_LIMITS);
    documentId = document.id;
  }
  const updated = await repo.updateItem(tx, itemId, { extractDocumentId: documentId });
  if (item!.caseId) await publish(tx, { ...ctx, db: tx }, 'meetings.decisionFinal', { caseId: item!.caseId, finalOn, extractDocumentId: documentId });
  await recordAudit(tx, ctx, {
    action: 'meetings.item.final',
    subjectType: 'agendaItem',
    subjectId: itemId,
    after: { meetingId, paragraph: item!.paragraph, finalOn, immediateApproval: immediate, caseId: item!.caseId, extractDocumentId: documentId },
  });
  return updated;
}
