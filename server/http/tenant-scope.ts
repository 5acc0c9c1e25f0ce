import type { Database } from '../db/client';
import { runInScope, type TenantScope } from '../db/request-scope';
import type { Actor } from './actor';

/**
 * The tenants row-level security lets a request of this tenant see and change. A region (ЦУР)
 * reads and writes its own rows and its municipalities' (analytics, assignments); a municipality
 * reads its own and its region's (recommendations, tasks) and writes only its own. Never another
 * municipality.
 */
export async function scopeOfTenant(database: Database, tenantId: string): Promise<TenantScope> {
  const rows = await database.query<{ id: string; parent_id: string | null; kind: string }>('SELECT id, parent_id, kind FROM tenants WHERE id = $1 OR parent_id = $1', [tenantId]);
  const self = rows.find((r) => r.id === tenantId);
  if (!self) return { read: [], write: [] };
  if (self.kind === 'region') {
    const all = [tenantId, ...rows.filter((r) => r.parent_id === tenantId).map((r) => r.id)];
    return { read: all, write: all };
  }
  return { read: self.parent_id ? [tenantId, self.parent_id] : [tenantId], write: [tenantId] };
}

/** The scope of an authenticated request: the actor's tenant. */
export function tenantScopeOf(database: Database, actor: Actor): Promise<TenantScope> {
  return scopeOfTenant(database, actor.tenantId);
}

/**
 * A public route (residents' page, Open311, the secret link) first resolves its municipality as
 * the owner (by code, key or token), then does the rest under row-level security as that tenant.
 */
export async function underTenant<T>(database: Database, tenantId: string, fn: () => Promise<T>): Promise<T> {
  return runInScope(await scopeOfTenant(database, tenantId), fn);
}
