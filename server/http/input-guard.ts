import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const MAX_DEPTH = 64;

/**
 * Refuses, before validation, input that no field may hold: the NUL character (PostgreSQL text
 * cannot store it) anywhere in the body, query or path, and JSON nested deeper than 64 levels.
 * The message names the field; the value is not echoed.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['', req.body], ['', req.query], ['', req.params]] as const) {
      const bad = findBad(value, where, 0);
      if (bad) {
        const field = bad.path || '_';
        const message = bad.kind === 'nul' ? `${bad.path ? `«${bad.path}»` : 'Запрос'}: недопустимый символ (NUL)` : 'Запрос: слишком глубокая вложенность данных';
        throw new AppError('validation', message, { [field]: message });
      }
    }
  });
}

function findBad(value: unknown, path: string, depth: number): { path: string; kind: 'nul' | 'depth' } | null {
  if (typeof value === 'string') return value.includes('\u0000') ? { path, kind: 'nul' } : null;
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  if (depth > MAX_DEPTH) return { path, kind: 'depth' };
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return { path: here.replace(/\u0000/g, '␀'), kind: 'nul' };
    const bad = findBad(v, here, depth + 1);
    if (bad) return bad;
  }
  return null;
}
