/**
 * Errors with stable codes. Thrown anywhere, mapped to HTTP in one place (src/http/errors.ts):
 * JSON for the API, an accessible error page or a re-rendered form for pages.
 */
export type FieldErrors = Record<string, string[]>;

export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** i18n key for the user-facing message; `message` stays English for logs. */
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  constructor(message: string, messageKey: string, params: Record<string, string | number> = {}) {
    super(message);
    this.messageKey = messageKey;
    this.params = params;
  }
}

export class NotFound extends AppError {
  readonly code = 'not_found';
  readonly status = 404;
  constructor(what = 'resource') {
    super(`${what} not found`, 'error.notFound', { what });
  }
}

/** Same answer whether the record is hidden or missing, so existence is never revealed. */
export class Forbidden extends AppError {
  readonly code = 'forbidden';
  readonly status = 403;
  constructor(action = '') {
    super(`forbidden${action ? `: ${action}` : ''}`, 'error.forbidden', { action });
  }
}

export class Unauthenticated extends AppError {
  readonly code = 'unauthenticated';
  readonly status = 401;
  constructor() {
    super('login required', 'error.unauthenticated');
  }
}

/**
 * Bad input. Field messages are i18n keys (translated when shown) or zod messages; when the
 * raw zod `issues` are kept, the error handler re-words them in the reader's language.
 */
export class Invalid extends AppError {
  readonly code = 'invalid';
  readonly status = 422;
  readonly fields: FieldErrors;
  readonly issues: readonly unknown[] | undefined;
  constructor(fields: FieldErrors, message = 'invalid input', issues?: readonly unknown[]) {
    super(message, 'error.invalid');
    this.fields = fields;
    this.issues = issues;
  }
}

export class Conflict extends AppError {
  readonly code = 'conflict';
  readonly status = 409;
  constructor(message: string, messageKey = 'error.conflict', params: Record<string, string | number> = {}) {
    super(message, messageKey, params);
  }
}

export class TooManyRequests extends AppError {
  readonly code = 'rate_limited';
  readonly status = 429;
  constructor() {
    super('too many requests', 'error.rateLimited');
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
