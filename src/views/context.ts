import type { Actor } from '../auth/actor.js';
import type { FieldErrors } from '../core/errors.js';
import type { Locale, Translate } from '../core/i18n.js';

/** What every page needs to render: language, who is looking, and the form token. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  actor: Actor;
  csrfToken: string;
  /** Current path with query, for the language switch and login return. */
  path: string;
  flash?: string | undefined;
}

/** A form being re-shown after a failed submit: the values typed and the errors per field. */
export interface FormState {
  values: Record<string, unknown>;
  errors: FieldErrors;
}

export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({ values, errors: {} });
