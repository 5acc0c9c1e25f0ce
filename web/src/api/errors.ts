import i18n from '../i18n';

/** The server's error body: `{ error: { code, message, fields? } }` with Russian messages. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** Any failure of an API call, already in the shape the UI shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const e = (value as ApiErrorBody | null)?.error;
  return typeof e === 'object' && e !== null && typeof e.message === 'string';
}

/**
 * The one place that turns whatever went wrong (an HTTP error with the server's JSON, a network
 * failure, a thrown value) into an ApiError with a Russian message and per-field messages.
 */
export function parseError(error: unknown, status = 0): ApiError {
  if (error instanceof ApiError) return error;
  if (isErrorBody(error)) {
    const { code, message, fields } = error.error;
    return new ApiError(status, code || 'internal', message, fields ?? {});
  }
  if (error instanceof TypeError) return new ApiError(0, 'network', i18n.t('errors.network'));
  if (status >= 500) return new ApiError(status, 'internal', i18n.t('errors.server'));
  if (status === 401) return new ApiError(status, 'unauthenticated', i18n.t('errors.unauthenticated'));
  if (status === 403) return new ApiError(status, 'forbidden', i18n.t('errors.forbidden'));
  if (status === 404) return new ApiError(status, 'not_found', i18n.t('errors.notFound'));
  return new ApiError(status, 'internal', i18n.t('errors.unknown'));
}

/** The message to show for an error of any kind. */
export function errorMessage(error: unknown): string {
  return parseError(error).message;
}
