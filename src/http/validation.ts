import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { t, type Locale } from '../core/i18n.js';
import type { FieldErrors } from '../core/errors.js';

const zodLocales = { sv: z.locales.sv(), en: z.locales.en() } as const;
z.config(zodLocales.sv);

/** A request that failed its zod schema; the issues keep their input so they can be re-worded per locale. */
export class RequestValidationError extends Error {
  readonly issues: readonly z.core.$ZodIssue[];
  validationContext?: string;
  statusCode = 400;
  code = 'FST_ERR_VALIDATION';
  constructor(issues: readonly z.core.$ZodIssue[]) {
    super('request validation failed');
    this.issues = issues;
  }
}

/** Like fastify-type-provider-zod's validator, but keeping the raw issues for localisation. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };

/** One issue's message in `locale`: our own i18n keys first, else zod's own wording. */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  const translated = t(locale, issue.message);
  if (translated !== issue.message) return translated;
  const worded = zodLocales[locale].localeError(issue as never);
  if (typeof worded === 'string') return worded;
  return worded?.message ?? issue.message;
}

export function localisedFieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale, prefix?: string): FieldErrors {
  const fields: FieldErrors = {};
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = [...(prefix ? [prefix] : []), ...path.map(String)].join('.') || '_';
    (fields[key] ??= []).push(message);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) add([...issue.path, k], t(locale, 'error.unknownField'));
      continue;
    }
    add(issue.path, issueMessage(issue, locale));
  }
  return fields;
}

export function translateFields(fields: FieldErrors, locale: Locale): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([k, msgs]) => [k, msgs.map((m) => t(locale, m))]));
}
