import { z } from 'zod';
import { Invalid } from '../../../core/errors.js';
import { BODY_KINDS } from '../../organisation/index.js';

/** Shared pieces of the referral commands' inputs (the API schemas reuse them). */

/** A calendar date, YYYY-MM-DD (a Stockholm day). */
export const isoDate = z.iso
  .date({ error: (issue) => (issue.input === undefined ? 'referrals.date.required' : 'referrals.date.format') })
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'referrals.date.range' });

export const subjectInput = z.string().trim().min(1).max(500);
export const descriptionInput = z.string().trim().max(20_000);
export const noteInput = z.string().trim().max(2000);
export const existingNumberInput = z.string().trim().min(1).max(100);

/** One recipient as chosen: a body, and for archive rounds the number it already has and the day it arrived. */
export const recipientInput = z.strictObject({
  bodyId: z.uuid(),
  existingNumber: existingNumberInput.optional(),
  receivedOn: isoDate.optional(),
});
export type RecipientInput = z.output<typeof recipientInput>;

export const recipientsInput = z.array(recipientInput).max(500);
export const groupIdsInput = z.array(z.uuid()).max(50);
export const bodyKindsInput = z.array(z.enum(BODY_KINDS)).max(BODY_KINDS.length);

/** A file handed to a command (the page's upload, or the API's base64 decoded by the route). */
export const fileInput = z.strictObject({
  /** Title of the registered document; the file name without its extension when left out. */
  title: z.string().trim().min(1).max(500).optional(),
  filename: z.string().trim().min(1).max(255),
  mediaType: z.string().trim().min(1).max(200),
  content: z.custom<Buffer>((v) => Buffer.isBuffer(v), { message: 'referrals.file.missing' }),
});
export type FileInput = z.input<typeof fileInput>;

/** The default upload limit when a caller (the demo, a script) passes none: STADSNAV_MAX_UPLOAD_BYTES' default. */
export const DEFAULT_LIMITS = { maxBytes: 50 * 1024 * 1024 };

export const titleFromFilename = (filename: string) => filename.replace(/\.[A-Za-z0-9]{1,8}$/, '').trim() || filename;

/** A date after today (Stockholm) is refused: receipts and answers cannot be in the future. */
export function refuseFuture(field: string, date: string | undefined, today: string): void {
  if (date !== undefined && date > today) throw new Invalid({ [field]: ['referrals.date.future'] });
}

/**
 * Re-address the field errors of another module's command (registry's `title`, `existingNumber` …)
 * to the field of this command's input that caused them.
 */
export function rekey(e: Invalid, map: (path: string) => string): Invalid {
  const fields: Record<string, string[]> = {};
  for (const [k, msgs] of Object.entries(e.fields)) (fields[map(k)] ??= []).push(...msgs);
  const issues = e.issues?.map((i) => {
    const issue = i as { path: PropertyKey[] };
    const mapped = map(issue.path.map(String).join('.') || '_');
    return { ...issue, path: mapped === '_' ? [] : mapped.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) };
  });
  return new Invalid(fields, e.message, issues);
}
