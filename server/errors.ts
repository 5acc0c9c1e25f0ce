/**
 * One error type with stable codes. `message` is shown to the user in Russian; `log` is for the
 * log (never personal data). The web client parses `{ error: { code, message, fields } }`.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'too_large'
  | 'rate_limited'
  | 'locked'
  | 'calendar_missing'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  too_large: 413,
  rate_limited: 429,
  locked: 423,
  calendar_missing: 422,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} не найден(а)`);
export const forbidden = (why = 'Недостаточно прав для этого действия') => new AppError('forbidden', why);
export const conflict = (message: string) => new AppError('conflict', message);
export const invalid = (field: string, message: string) => new AppError('validation', message, { [field]: message });
