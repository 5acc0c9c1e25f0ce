import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { findLiveSession, touchSession } from '../modules/auth/sessions.repo';
import { loadActor } from '../modules/auth/load-actor';
import { SESSION_COOKIE, tokenId } from '../modules/auth/session-token';
import type { Actor } from './actor';
import type { Policy } from './context';
import { runInScope } from '../db/request-scope';
import { tenantScopeOf } from './tenant-scope';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One /api route and the policy it declared (the access-matrix test walks this table). */
export interface RoutePolicy {
  method: string;
  url: string;
  policy: Policy;
}

const routeTables = new WeakMap<FastifyInstance, RoutePolicy[]>();
const outsideTables = new WeakMap<FastifyInstance, { method: string; url: string; policy?: Policy }[]>();

/** Every route outside /api (Open311, the web app) with the policy it declared, if any. */
export function outsideRoutePolicies(app: FastifyInstance): { method: string; url: string; policy?: Policy }[] {
  return [...(outsideTables.get(app) ?? [])];
}

/** Every /api route registered on `app` with its declared policy, in registration order. */
export function routePolicies(app: FastifyInstance): RoutePolicy[] {
  return [...(routeTables.get(app) ?? [])];
}

/**
 * Loads the session and the actor for every /api request, enforces CSRF on state changes, and
 * checks the route's declared policy. A route under /api without a policy fails at startup.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('tenantScope', null);

  const table: RoutePolicy[] = [];
  routeTables.set(app, table);
  const outside: { method: string; url: string; policy?: Policy }[] = [];
  outsideTables.set(app, outside);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) for (const method of [route.method].flat()) outside.push({ method, url: route.url, policy: (route.config as { policy?: Policy } | undefined)?.policy });
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const policy = (route.config as { policy?: Policy } | undefined)?.policy;
    if (!policy) throw new Error(`Маршрут ${route.method} ${route.url} объявлен без политики доступа (config.policy)`);
    for (const method of [route.method].flat()) table.push({ method, url: route.url, policy });
  });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const policy = req.routeOptions.config.policy;
    if (policy === 'public') return;
    await attachActor(app, req);
    if (!req.actor) throw new AppError('unauthenticated', 'Войдите в систему');
    if (!SAFE.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError('csrf', 'Сессия устарела: обновите страницу и повторите действие');
    }
    if (policy && policy !== 'authenticated' && !req.actor.permissions.has(policy)) {
      throw new AppError('forbidden', 'Недостаточно прав для этого действия');
    }
  });
  // From here on (body parsing, preHandlers, the handler and what it starts) every statement runs
  // under row-level security with the actor's tenants. A callback hook: the rest of the lifecycle
  // is called inside run(), so it inherits the context (as @fastify/request-context does).
  app.addHook('onRequest', (req, _reply, done) => {
    if (req.tenantScope) runInScope(req.tenantScope, done);
    else done();
  });
}

async function attachActor(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const { database, env, clock } = app.deps;
  const now = clock();
  const id = tokenId(token);
  const session = await findLiveSession(database.db, id, now, { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS });
  if (!session) return;
  const actor: Actor | null = await loadActor(database.db, session.userId, session.tenantId, req.id);
  if (!actor) return;
  // Touch at most once a minute to keep reads cheap.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(database.db, id, now);
  req.actor = actor;
  req.tenantScope = await tenantScopeOf(database, actor);
  req.sessionId = id;
  req.csrfToken = session.csrfToken;
}

/** The actor of an authenticated route (the policy hook guarantees it is there). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Войдите в систему');
  return req.actor;
}
