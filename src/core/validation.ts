import type { z } from 'zod';
import { Invalid, type FieldErrors } from './errors.js';

/** zod issues → `{ "field.path": ["message", …] }`; the root is reported as `_`. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    // An unknown key in a strict object names the keys, not a path below them.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = [...issue.path, key].join('.');
        (fields[p] ??= []).push(issue.message);
      }
      continue;
    }
    const p = issue.path.length ? issue.path.map(String).join('.') : '_';
    (fields[p] ??= []).push(issue.message);
  }
  return fields;
}

/** Parse or throw `Invalid` with field messages (commands validate before they authorize). */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new Invalid(fieldErrorsFromIssues(result.error.issues), 'invalid input', result.error.issues);
  return result.data;
}
