import { z } from 'zod';
import { stockholmDate } from '../../registry/index.js';

/** Shared pieces of the statement commands' inputs (also the API's request bodies). */
const normalise = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** A section's text; the four long sections together stay within a registry document's text limit. */
export const SECTION_MAX = 150_000;
const sectionText = z.string().max(SECTION_MAX).overwrite(normalise);

export const isoDateInput = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'statements.date.range' });

export const titleInput = z.string().trim().min(1).max(500);

export const signatoryInput = z.strictObject({
  name: z.string().trim().min(1, { message: 'statements.signatory.name' }).max(200),
  title: z.string().trim().max(200).default(''),
});

export const statementContentInput = z.strictObject({
  /** The statement's date (YYYY-MM-DD). */
  documentDate: isoDateInput,
  /** Förslag till beslut: the numbered points, in order. */
  proposedDecision: z.array(z.string().max(2000).overwrite(normalise).pipe(z.string().min(1, { message: 'statements.point.empty' }))).max(50).default([]),
  summary: sectionText.default(''),
  /** Ärendets beredning. */
  preparation: sectionText.default(''),
  background: sectionText.default(''),
  /** Förvaltningens synpunkter. */
  views: sectionText.default(''),
  /** Bilagor: the attachments' names, in order. */
  attachmentNames: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  signatories: z.array(signatoryInput).max(20).default([]),
  /** What changed in this version (shown in the version history). */
  note: z.string().trim().max(1000).nullable().optional(),
});

/** Drafting and saving a date in the future is fine; the event reports no later than today. */
export function draftedOn(documentDate: string, now: Date): string {
  const today = stockholmDate(now);
  return documentDate < today ? documentDate : today;
}
