import { z } from 'zod';
import { Invalid } from '../../../core/errors.js';
import { DOCUMENT_DIRECTIONS, DOCUMENT_KINDS } from '../schema.js';
import { stockholmDate } from '../numbering.js';

/** Shared pieces of the registry's command inputs (also used by the API schemas). */
export const klassaLevel = z.number().int().min(0).max(4);

export const classificationInput = z.strictObject({
  confidentiality: klassaLevel.default(0),
  integrity: klassaLevel.default(0),
  availability: klassaLevel.default(0),
});
export type ClassificationInput = z.output<typeof classificationInput>;
export const PUBLIC_CLASSIFICATION: ClassificationInput = { confidentiality: 0, integrity: 0, availability: 0 };

/** Filing-plan class such as 1.5.1 (letters allowed for local plans: A.2, KS.3). */
export const classCodeInput = z
  .string()
  .trim()
  .max(40)
  .regex(/^[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*$/u, { message: 'registry.classCode.format' });

/** A calendar date, YYYY-MM-DD, within a sensible range. */
export const isoDateInput = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'registry.date.range' });

export const titleInput = z.string().trim().min(1).max(500);
export const kindInput = z.enum(DOCUMENT_KINDS);
export const directionInput = z.enum(DOCUMENT_DIRECTIONS);
export const secrecyGroundInput = z.string().trim().min(1).max(200);
export const reasonInput = z.string().trim().max(1000);
/** Texts of documents can be long (protocols, statements). */
export const TEXT_MAX = 1_000_000;

/** Registration time for archive material: noon UTC keeps the same calendar day in Stockholm. */
export function archiveTimestamp(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function refuseFutureDate(field: string, date: string, now: Date, key = 'registry.registeredOn.future'): void {
  if (date > stockholmDate(now)) throw new Invalid({ [field]: [key] });
}

/** A ground for secrecy only makes sense for confidential material. */
export function checkSecrecyGround(confidentiality: number, ground: string | null | undefined): string | null {
  if (!ground) return null;
  if (confidentiality === 0) throw new Invalid({ secrecyGround: ['registry.secrecyGround.onlyWhenSecret'] });
  return ground;
}

export const sameClassification = (a: ClassificationInput, b: ClassificationInput) =>
  a.confidentiality === b.confidentiality && a.integrity === b.integrity && a.availability === b.availability;

export const classificationOf = (row: { confidentiality: number; integrity: number; availability: number }): ClassificationInput => ({
  confidentiality: row.confidentiality,
  integrity: row.integrity,
  availability: row.availability,
});
