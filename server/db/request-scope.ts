import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The tenants a request may read and write, for PostgreSQL row-level security (SECURITY.md,
 * «Изоляция на уровне PostgreSQL»). It lives in AsyncLocalStorage; the database client
 * (`client.ts`) runs every statement issued in this context as its own short transaction under the
 * role `mcu_app` with these tenants (`scopePrefix`), and every explicit transaction starts with it.
 * Nothing is held between statements, so parallel queries of one request stay parallel.
 */
export interface TenantScope {
  read: string[];
  write: string[];
}

const scopes = new AsyncLocalStorage<TenantScope | null>();

/** The tenant scope of the current async context: null outside a request (jobs, scripts, boot). */
export function currentScope(): TenantScope | null {
  return scopes.getStore() ?? null;
}

/** Run fn (and everything it starts) under row-level security with these tenants. */
export function runInScope<T>(scope: TenantScope, fn: () => T): T {
  checkScope(scope);
  return scopes.run(scope, fn);
}

/**
 * The one way out of a request's scope: fn runs as the table owner, which the policies do not
 * apply to. For work a request only kicks off and that serves every tenant (the import worker, the
 * export queue, pg-boss): those filter by tenant themselves, as jobs do.
 */
export function asOwner<T>(fn: () => T): T {
  return scopes.run(null, fn);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkScope(scope: TenantScope): void {
  for (const id of [...scope.read, ...scope.write]) if (!UUID.test(id)) throw new Error(`Не идентификатор МО: ${id}`);
}

/**
 * The statement that puts a transaction under row-level security: the role and the tenant lists,
 * all local to the transaction (so nothing outlives it on a pooled or the single PGlite
 * connection). The ids are checked uuids, so the text is safe to run with the simple protocol.
 */
export function scopePrefix(scope: TenantScope): string {
  checkScope(scope);
  return `SELECT set_config('role', 'mcu_app', true), set_config('app.read_tenants', '{${scope.read.join(',')}}', true), set_config('app.write_tenants', '{${scope.write.join(',')}}', true)`;
}
