import { z } from 'zod';
import { Invalid, NotFound, type FieldErrors } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import type { Db } from '../../../db/client.js';
import { REGISTRY_PATTERN_MAX, validateRegistryPattern } from '../registry-pattern.js';
import { slugify, uniqueSlug } from '../slug.js';

/** Input pieces shared by the commands. Every string has a maximum length. */
export const NAME_MAX = 200;
export const REQUIRED = 'organisation.field.required';
export const nameSchema = z.string().trim().min(1, { error: REQUIRED }).max(NAME_MAX);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const registryPatternSchema = z
  .string()
  .trim()
  .min(1, { error: 'organisation.pattern.empty' })
  .max(REGISTRY_PATTERN_MAX)
  .superRefine((value, ctx) => {
    const result = validateRegistryPattern(value);
    if (!result.ok) for (const problem of result.problems) ctx.addIssue({ code: 'custom', message: `organisation.pattern.${problem}`, input: value });
  });

/** Filing-plan class such as 1.5.1 or 171. */
export const classCodeSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*$/, { message: 'organisation.body.classCodeFormat' });

export const isoDate = z.iso.date({ error: 'organisation.field.date' });

/** A Postgres unique violation (23505), through Drizzle's wrapper; returns the constraint name. */
export function uniqueViolation(e: unknown): string | undefined {
  let current: unknown = e;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const err = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (err.code === '23505') return typeof err.constraint === 'string' ? err.constraint : '';
    current = err.cause;
  }
  return undefined;
}

/**
 * Run a write; if a concurrent writer took the same unique value between our check and our
 * insert, answer like the check would have (Invalid on the field), never with a 500.
 */
export async function mapUniqueViolations<T>(run: () => Promise<T>, byConstraint: Record<string, FieldErrors>, fallback: FieldErrors): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === undefined) throw e;
    throw new Invalid(byConstraint[constraint] ?? fallback);
  }
}

/** A slug for `name` that no other row uses (the row itself may keep its own). */
export async function freeSlug(db: Db, name: string, similar: (db: Db, base: string) => Promise<string[]>, ownSlug?: string): Promise<string> {
  const base = slugify(name);
  const taken = (await similar(db, base)).filter((s) => s !== ownSlug);
  return uniqueSlug(base, taken);
}

/** Today's date in Stockholm as YYYY-MM-DD. */
export function stockholmDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An id that cannot exist is simply not found (and never reaches the database as bad SQL input). */
export function assertId(id: string, what: string): string {
  if (!isUuid(id)) throw new NotFound(what);
  return id;
}
