import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginInput } from '../../../domain/users/schemas';
import { actorOf } from '../../http/auth-plugin';
import { login } from './login';
import { describeMe } from './me';
import { deleteSession } from './sessions.repo';
import { SESSION_COOKIE } from './session-token';

const TAG = ['Вход'];

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, env, clock } = app.deps;
  const policy = { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS };

  r.post('/api/auth/login', { config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags: TAG, summary: 'Вход по логину и паролю', body: loginInput } }, async (req, reply) => {
    const res = await login(database.db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id }, clock(), policy);
    reply.setCookie(SESSION_COOKIE, res.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: env.COOKIE_SECURE === '1',
      maxAge: env.SESSION_MAX_HOURS * 3600,
    });
    return { csrfToken: res.csrfToken };
  });

  r.post('/api/auth/logout', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Выход' } }, async (req, reply) => {
    if (req.sessionId) await deleteSession(database.db, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Текущий пользователь, его роли и права', response: { 200: z.any() } } }, async (req) => {
    return { ...(await describeMe(database.db, actorOf(req))), csrfToken: req.csrfToken };
  });
}
