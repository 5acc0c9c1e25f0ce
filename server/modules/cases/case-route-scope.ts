import type { FastifyInstance } from 'fastify';
import { assertCaseVisible } from './case-scope';

const CASE_ROUTE = /^\/api\/cases\/:id(\/|$)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every `/api/cases/:id/…` route, whichever module declares it (actions, notes, files,
 * classification, suggestions…), answers 404 for a case outside the actor's scope — another
 * tenant's or another recipient's — exactly as for a case that does not exist. Registered once on
 * the root instance, before the modules.
 */
export function scopeCaseRoutes(app: FastifyInstance): void {
  app.addHook('preHandler', async (req) => {
    if (!req.actor || !CASE_ROUTE.test(req.routeOptions.url ?? '')) return;
    const id = (req.params as { id?: string }).id;
    if (typeof id !== 'string' || !UUID.test(id)) return;
    await assertCaseVisible(app.deps.database.db, req.actor, id);
  });
}
