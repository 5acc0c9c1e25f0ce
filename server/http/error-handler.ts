import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import { CalendarYearMissingError } from '../../domain/calendar/work-calendar';

interface Issue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** Maps every error to `{ error: { code, message, fields } }` with a Russian message. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation as Issue[]) {
        if (v.keyword === 'unrecognized_keys') {
          for (const k of v.params?.keys ?? []) fields[k] = `Поле «${k}» здесь не предусмотрено`;
          continue;
        }
        const path = v.instancePath?.replace(/^\//, '').replace(/\//g, '.') || '_';
        fields[path] ??= v.message ?? 'Неверное значение';
      }
      const message = Object.values(fields).join('; ');
      return reply.status(400).send({ error: { code: 'validation', message, fields } });
    }
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, 'app error');
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, fields: err.fields } });
    }
    const pgCode = databaseErrorCode(err);
    if (pgCode === '23505') {
      const field = uniqueField(err);
      const message = field === 'code' ? 'Код: запись с таким кодом уже есть' : field === 'login' ? 'Логин: такой логин уже занят' : 'Такая запись уже есть: значения должны быть уникальными';
      return reply.status(409).send({ error: { code: 'conflict', message, fields: field ? { [field]: message } : undefined } });
    }
    if (pgCode === '23503') {
      return reply.status(400).send({ error: { code: 'validation', message: 'Ссылка на несуществующую или используемую запись' } });
    }
    if (pgCode?.startsWith('22')) {
      // Data exceptions (a value PostgreSQL cannot store: NUL character, out-of-range number or date):
      // the request's fault, never a server error. The value is not echoed (it may be personal data).
      return reply.status(400).send({ error: { code: 'validation', message: 'Недопустимое значение: проверьте числа, даты и символы в тексте' } });
    }
    if (err instanceof CalendarYearMissingError) {
      return reply.status(422).send({ error: { code: 'calendar_missing', message: err.message } });
    }
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'too_large', message: 'Файл или запрос слишком большой' } });
    }
    if (err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || err.code === 'FST_MULTIPART_INVALID_CONTENT_TYPE') {
      return reply.status(400).send({ error: { code: 'validation', message: 'Файл: ожидается загрузка файла', fields: { file: 'Выберите файл для загрузки' } } });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: 'Слишком много запросов. Повторите позже.' } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'validation', message: 'Неверный запрос: проверьте формат данных' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Внутренняя ошибка сервера. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.' } });
  });
}

/**
 * Errors the router raises before any hook (a path that is not valid percent-encoding, a path
 * parameter over the length limit): the same `{ error }` shape with a Russian message.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send({ error: { code: 'validation', message: 'Адрес запроса слишком длинный' } });
    return;
  }
  void reply.status(400).send({ error: { code: 'validation', message: 'Неверный адрес запроса: проверьте кодировку символов' } });
}

/** PostgreSQL SQLSTATE of an error, also when Drizzle wraps it. */
function databaseErrorCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}

/** The form field behind a unique violation, from the constraint's name (`*_code_uq`, `users_login_unique`). */
function uniqueField(err: unknown): string | null {
  for (let e = err as { constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.constraint === 'string') {
      if (/code/.test(e.constraint)) return 'code';
      if (/login/.test(e.constraint)) return 'login';
      return null;
    }
  }
  return null;
}
