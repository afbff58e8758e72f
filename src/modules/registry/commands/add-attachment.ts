import { createHash } from 'node:crypto';
import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { REGISTRY_EDIT } from '../policy.js';
import { registryRepository, type AttachmentMeta, type DocumentRow } from '../repository.js';

export interface UploadLimits {
  /** STADSNAV_MAX_UPLOAD_BYTES */
  maxBytes: number;
}

export const filenameInput = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((s) => !/[/\\\p{Cc}]/u.test(s) && s !== '.' && s !== '..', { message: 'registry.attachment.filename' });

/** type/subtype, optionally with a charset: `application/pdf`, `text/plain; charset=utf-8`. */
export const mediaTypeInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}(?:\s*;\s*charset=[a-z0-9_.:-]{1,40})?$/, {
    message: 'registry.attachment.mediaType',
  });

export const fileInput = z.strictObject({
  filename: filenameInput,
  mediaType: mediaTypeInput,
  content: z.custom<Buffer>((v) => Buffer.isBuffer(v), { message: 'registry.attachment.empty' }),
});
export type FileInput = z.input<typeof fileInput>;

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Store one file of a document inside the caller's transaction: checksum, size, audit. */
export async function storeAttachment(
  tx: Db,
  ctx: Ctx,
  document: Pick<DocumentRow, 'id' | 'caseId' | 'number'>,
  file: z.output<typeof fileInput>,
  limits: UploadLimits,
  field = 'attachments',
): Promise<AttachmentMeta> {
  if (file.content.length === 0) throw new Invalid({ [field]: ['registry.attachment.empty'] });
  if (file.content.length > limits.maxBytes) {
    throw new Invalid({ [field]: ['registry.attachment.tooLarge'] }, `file over ${limits.maxBytes} bytes`);
  }
  const sha256 = sha256Hex(file.content);
  const stored = await registryRepository.insertAttachment(tx, {
    documentId: document.id,
    filename: file.filename,
    mediaType: file.mediaType,
    size: file.content.length,
    sha256,
    content: file.content,
    createdAt: ctx.clock.now(),
  });
  await recordAudit(tx, ctx, {
    action: 'registry.attachment.add',
    subjectType: 'attachment',
    subjectId: stored.id,
    after: { documentId: document.id, filename: stored.filename, mediaType: stored.mediaType, size: stored.size, sha256 },
  });
  return stored;
}

/** Add a file to a registered document. The bytes are kept with their SHA-256, checked when served. */
export async function addAttachment(ctx: Ctx, documentId: string, input: FileInput, limits: UploadLimits): Promise<AttachmentMeta> {
  const data = validate(fileInput, input);
  authorize(ctx.actor, REGISTRY_EDIT);
  return ctx.db.transaction(async (tx) => {
    const document = await registryRepository.lockDocument(tx, documentId);
    if (!document) throw new NotFound('document');
    const theCase = await registryRepository.findCase(tx, document.caseId);
    authorize(ctx.actor, REGISTRY_EDIT, { bodyId: theCase!.bodyId });
    return storeAttachment(tx, ctx, document, data, limits, 'content');
  });
}
