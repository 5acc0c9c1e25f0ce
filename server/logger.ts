import pino from 'pino';

/** Structured logs. Personal data never goes here: redact the fields that could carry it. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.passwordHash', '*.applicant', '*.phone', '*.email'],
      censor: '[скрыто]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
