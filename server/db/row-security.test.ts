import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql, eq } from 'drizzle-orm';
import type { Database, Queryable } from './client';
import { cases } from './schema';
import { buildApp } from '../app';
import { loadEnv } from '../env';
import { freshDatabase, targets } from '../test/databases';
import { pinnedClock, signIn } from '../test/http';
import { seedSecondMunicipality } from '../test/second-tenant';
import { generateDemoCases } from '../seed/demo-cases/generate-demo-cases';
import { createSuperuser } from '../test/superuser';
import { asOwner } from './request-scope';
import { underTenant } from '../http/tenant-scope';

/** The rows of a Drizzle execute() on either driver. */
function rowsOf<T = unknown>(r: unknown): T[] {
  return (Array.isArray(r) ? r : ((r as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * PostgreSQL row-level security under the application's filters: directly in SQL under the role
 * `mcu_app` for every table with tenant_id (found from the catalogue, so a new table without a
 * policy fails here), and through a real authenticated route.
 */

const NOW = '2026-11-20T10:00:00.000Z';
/** Tables without tenant_id: global (no tenant data) or children checked through their parent. */
const GLOBAL = ['challenge_uses', 'intake_secrets', 'roles', 'schema_migrations', 'tenants'];
const CHILDREN: Record<string, { fk: string; parent: string }> = {
  case_co_executors: { fk: 'case_id', parent: 'cases' },
  case_pauses: { fk: 'case_id', parent: 'cases' },
  case_tokens: { fk: 'case_id', parent: 'cases' },
  import_file_parts: { fk: 'job_id', parent: 'import_jobs' },
  recipient_topics: { fk: 'recipient_id', parent: 'recipients' },
};
/** Tables that must hold rows of both municipalities here, so the checks below are not vacuous. */
const MUST_HAVE_BOTH = ['cases', 'case_applicants', 'users', 'user_roles', 'recipients', 'topics', 'settlements', 'audit_events', 'channels', 'deadline_rules'];

/** INSERT of a row given as JSON, every column but `id` (its default applies). */
function insertFromJson(t: string, cols: string[]): string {
  const list = cols.filter((c) => c !== 'id').map((c) => `"${c}"`).join(', ');
  return `INSERT INTO ${t} (${list}) SELECT ${list} FROM jsonb_populate_record(NULL::${t}, $1::jsonb)`;
}

/** Runs fn as `mcu_app` with the given tenant settings inside a transaction that is rolled back. */
async function asApp<T>(database: Database, tenants: { read: string[]; write: string[] } | null, fn: (c: Queryable) => Promise<T>): Promise<T> {
  return database.session(async (c) => {
    await c.exec('BEGIN');
    try {
      if (tenants) await c.query(`SELECT set_config('app.read_tenants', $1, true), set_config('app.write_tenants', $2, true)`, [`{${tenants.read.join(',')}}`, `{${tenants.write.join(',')}}`]);
      await c.exec('SET LOCAL ROLE mcu_app');
      return await fn(c);
    } finally {
      await c.exec('ROLLBACK');
    }
  });
}

/** The statement's error code, or null when it succeeded (each inside a savepoint). */
async function attempt(c: Queryable, text: string, params: unknown[] = []): Promise<{ code: string | null; rows: number }> {
  await c.exec('SAVEPOINT attempt');
  try {
    const rows = await c.query<{ n: number }>(`WITH x AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM x`, params);
    await c.exec('RELEASE SAVEPOINT attempt');
    return { code: null, rows: rows[0].n };
  } catch (e) {
    await c.exec('ROLLBACK TO SAVEPOINT attempt');
    return { code: (e as { code?: string }).code ?? 'error', rows: 0 };
  }
}

for (const target of targets()) {
  describe(`row-level security (${target})`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let a: string;
    let b: string;
    let region: string;
    let tenantTables: string[];
    const columns = new Map<string, string[]>();
    const planted = new Map<string, number>();
    const ownRows = new Map<string, number>();

    beforeAll(async () => {
      let ids;
      ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
      a = ids.municipalityId;
      region = ids.regionId;
      b = await seedSecondMunicipality(database, ids.regionId);
      await generateDemoCases(database, { tenantId: a, count: 30, now: new Date(NOW) });
      await generateDemoCases(database, { tenantId: b, count: 30, now: new Date(NOW) });
      tenantTables = (
        await database.query<{ t: string }>(`SELECT c.table_name AS t FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`)
      ).map((r) => r.t);
      await createSuperuser(database, b, 'b.super');
      for (const t of tenantTables) {
        const cols = await database.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [t]);
        columns.set(t, cols.map((r) => r.c));
      }
      // Plant a row of B in every table that has a row of A and none of B: a copy of A's row with
      // a new id (the owner is not subject to the policies). A copy that breaks a unique key stays out.
      for (const t of tenantTables) {
        const [n] = await database.query<{ a: number; b: number }>(`SELECT count(*) FILTER (WHERE tenant_id = $1)::int AS a, count(*) FILTER (WHERE tenant_id = $2)::int AS b FROM ${t}`, [a, b]);
        ownRows.set(t, n.a);
        if (n.a > 0 && n.b === 0) {
          const [row] = await database.query<{ j: Record<string, unknown> }>(`SELECT to_jsonb(r) AS j FROM ${t} r WHERE tenant_id = $1 LIMIT 1`, [a]);
          await database.query(insertFromJson(t, columns.get(t)!), [JSON.stringify({ ...row.j, tenant_id: b })]).catch((e: Error) => console.log('plant', t, e.message));
        }
        const [m] = await database.query<{ b: number }>(`SELECT count(*)::int AS b FROM ${t} WHERE tenant_id = $1`, [b]);
        planted.set(t, m.b);
      }
    }, 240_000);
    afterAll(async () => dispose?.());

    it('enables row-level security with its policies on every table with tenant_id, and names every other table', async () => {
      const rows = await database.query<{ t: string; rls: boolean; policies: number; force: boolean }>(
        `SELECT c.relname AS t, c.relrowsecurity AS rls, c.relforcerowsecurity AS force, (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
      );
      const bad = rows.filter((r) => (tenantTables.includes(r.t) ? !r.rls || r.policies !== 4 : r.t in CHILDREN ? !r.rls || r.policies !== 1 : !GLOBAL.includes(r.t)));
      expect(bad.map((r) => r.t), 'таблица без политики RLS (вызовите mcu_tenant_rls в миграции) или не названная в GLOBAL').toEqual([]);
      // No FORCE: the owner (migrations, jobs, login, public routes) is not subject to the policies.
      expect(rows.filter((r) => r.force).map((r) => r.t)).toEqual([]);
      expect(tenantTables.length).toBeGreaterThan(50);
    });

    it('holds rows of both municipalities in the main tables (the checks below see something to hide)', () => {
      for (const t of MUST_HAVE_BOTH.filter((t) => !(t in CHILDREN))) expect(planted.get(t), t).toBeGreaterThan(0);
      // Every table that holds rows of A here holds rows of B too (the rest are empty in this data).
      expect(tenantTables.filter((t) => ownRows.get(t)! > 0 && planted.get(t) === 0)).toEqual([]);
    });

    it("shows municipality A none of B's rows in any table, and all of its own", async () => {
      const own = new Map<string, number>();
      for (const t of tenantTables) own.set(t, (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE tenant_id = $1`, [a]))[0].n);
      const seen = await asApp(database, { read: [a, region], write: [a] }, async (c) => {
        const out: Record<string, { notMine: number; mine: number }> = {};
        for (const t of tenantTables) {
          const [r] = await c.query<{ not_mine: number; mine: number }>(`SELECT count(*) FILTER (WHERE tenant_id NOT IN ($1, $2))::int AS not_mine, count(*) FILTER (WHERE tenant_id = $1)::int AS mine FROM ${t}`, [a, region]);
          out[t] = { notMine: r.not_mine, mine: r.mine };
        }
        return out;
      });
      for (const t of tenantTables) {
        expect(seen[t].notMine, `${t}: строки чужого МО`).toBe(0);
        expect(seen[t].mine, `${t}: свои строки`).toBe(own.get(t));
      }
    });

    it("shows child tables only through a visible parent", async () => {
      let others = 0;
      for (const [t, { fk, parent }] of Object.entries(CHILDREN)) {
        const [owner] = await database.query<{ a: number; b: number }>(`SELECT count(*) FILTER (WHERE p.tenant_id = $1)::int AS a, count(*) FILTER (WHERE p.tenant_id = $2)::int AS b FROM ${t} c JOIN ${parent} p ON p.id = c.${fk}`, [a, b]);
        const seen = await asApp(database, { read: [a], write: [a] }, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n);
        expect(seen, t).toBe(owner.a);
        others += owner.b;
      }
      expect(others, 'нет строк второго МО в дочерних таблицах').toBeGreaterThan(0);
    });

    it("lets A update or delete none of B's rows and insert none with B's tenant_id", async () => {
      const samples = new Map<string, unknown>();
      for (const t of tenantTables) {
        const [row] = await database.query<{ j: unknown }>(`SELECT to_jsonb(r) AS j FROM ${t} r WHERE tenant_id = $1 LIMIT 1`, [b]);
        if (row) samples.set(t, row.j);
      }
      const results = await asApp(database, { read: [a, region], write: [a] }, async (c) => {
        const out: Record<string, { update: { code: string | null; rows: number }; del: { code: string | null; rows: number }; insert: { code: string | null; rows: number } | null }> = {};
        for (const t of tenantTables) {
          const update = await attempt(c, `UPDATE ${t} SET tenant_id = tenant_id WHERE tenant_id = $1`, [b]);
          const del = await attempt(c, `DELETE FROM ${t} WHERE tenant_id = $1`, [b]);
          const sample = samples.get(t);
          const insert = sample ? await attempt(c, insertFromJson(t, columns.get(t)!), [JSON.stringify(sample)]) : null;
          out[t] = { update, del, insert };
        }
        return out;
      });
      for (const t of tenantTables) {
        const r = results[t];
        // 0 rows, or refused outright (no UPDATE/DELETE privilege on the journals: 42501).
        expect(r.update.rows, `${t}: UPDATE`).toBe(0);
        expect(r.update.code === null || r.update.code === '42501', `${t}: UPDATE ${r.update.code}`).toBe(true);
        expect(r.del.rows, `${t}: DELETE`).toBe(0);
        expect(r.del.code === null || r.del.code === '42501', `${t}: DELETE ${r.del.code}`).toBe(true);
        if (r.insert) expect(r.insert.code, `${t}: INSERT с чужим tenant_id`).toBe('42501');
      }
      // Nothing of B changed.
      for (const t of tenantTables) expect((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE tenant_id = $1`, [b]))[0].n, t).toBe(planted.get(t));
    });

    it('shows nothing at all without the tenant settings', async () => {
      const counts = await asApp(database, null, async (c) => {
        const out: Record<string, number> = {};
        for (const t of [...tenantTables, ...Object.keys(CHILDREN)]) out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0].n;
        return out;
      });
      expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
    });

    describe('an authenticated request', () => {
      let app: FastifyInstance;
      beforeAll(async () => {
        app = await buildApp({ database, env: loadEnv({ DEMO: '0', TRUST_PROXY: '127.0.0.1' }), clock: pinnedClock(NOW), logger: false, serveWeb: false });
        // A probe route registered like any other: the same hooks wrap it. It deliberately asks for
        // B's rows with no application filter of its own.
        app.get(
          '/api/test/rls-probe',
          {
            config: { policy: 'authenticated' },
            // A route preHandler runs in the request's scope too.
            preHandler: async (req) => {
              const [r] = await database.query<{ u: string }>('SELECT current_user AS u');
              (req as unknown as { preHandlerUser: string }).preHandlerUser = r.u;
            },
          },
          async (req) => {
            const [who] = await database.query<{ u: string; read: string; write: string }>(`SELECT current_user AS u, current_setting('app.read_tenants', true) AS read, current_setting('app.write_tenants', true) AS write`);
            const raw = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE tenant_id = $1', [b]);
            const drizzle = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.tenantId, b));
            const nested = await database.db.transaction(async (tx) => {
              const inner = await tx.execute(sql`SELECT current_user AS u, (SELECT count(*)::int FROM cases WHERE tenant_id = ${b}) AS n`);
              const savepoint = await tx.transaction(async (sp) => sp.execute(sql`SELECT current_user AS u`));
              return { inner: rowsOf<{ u: string; n: number }>(inner)[0], savepoint: rowsOf<{ u: string }>(savepoint)[0].u };
            });
            const updated = rowsOf(await database.db.execute(sql`UPDATE cases SET updated_at = updated_at WHERE tenant_id = ${b} RETURNING id`)).length;
            // A failing statement rolls back its own transaction and leaves the connection usable.
            const failed = await database.query('SELECT 1/0').then(
              () => null,
              (e: { code?: string }) => e.code ?? 'error',
            );
            // A second statement spliced into the text is refused, not run outside the scope.
            const spliced = await Promise.all(
              [() => database.query('SELECT 1; RESET ROLE; SELECT current_user'), () => database.exec('SELECT 1; RESET ROLE'), () => database.execMany('SELECT 1; RESET ROLE; SELECT 1')].map((f) =>
                f().then(
                  () => 'ran',
                  () => 'refused',
                ),
              ),
            );
            // Parallel statements each get their own transaction (on PostgreSQL their own connection).
            const parallel = await Promise.all([1, 2, 3].map(() => database.query<{ u: string; pid: number; n: number }>(`SELECT current_user AS u, pg_backend_pid() AS pid, (SELECT count(*)::int FROM cases WHERE tenant_id = $1) AS n, pg_sleep(0.2)::text AS s`, [b])));
            const session = await database.session(async () => 'owner').catch((e: Error) => e.message);
            const owner = await asOwner(() => database.query<{ u: string; n: number }>('SELECT current_user AS u, (SELECT count(*)::int FROM cases WHERE tenant_id = $1) AS n', [b]));
            return {
              who,
              preHandler: (req as unknown as { preHandlerUser: string }).preHandlerUser,
              raw: raw[0].n,
              drizzle: drizzle.length,
              nested,
              updated,
              failed,
              parallel: parallel.map((r) => r[0]),
              session,
              spliced,
              owner: owner[0],
            };
          },
        );
        // A public route that resolved its municipality (B here) runs under it, like the residents' page.
        app.get('/api/test/rls-public', { config: { policy: 'public' } }, async () => {
          const before = await database.query<{ u: string }>('SELECT current_user AS u');
          const under = await underTenant(database, b, () => database.query<{ u: string; a: number; b: number }>('SELECT current_user AS u, count(*) FILTER (WHERE tenant_id = $1)::int AS a, count(*) FILTER (WHERE tenant_id = $2)::int AS b FROM cases', [a, b]));
          return { before: before[0].u, under: under[0] };
        });
        await app.ready();
      });
      afterAll(async () => app?.close());

      it('runs a public route as the owner until it knows the municipality, then under that municipality only', async () => {
        const [own] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE tenant_id = $1', [b]);
        const res = await app.inject({ method: 'GET', url: '/api/test/rls-public' });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body.before).not.toBe('mcu_app');
        expect(body.under).toEqual({ u: 'mcu_app', a: 0, b: own.n });
      });

      it("runs the handler as mcu_app with the actor's tenants, on every path to the database", async () => {
        const [owner] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE tenant_id = $1', [b]);
        expect(owner.n).toBeGreaterThan(0);
        const s = await signIn(app, 'admin');
        const res = await s.get('/api/test/rls-probe');
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body.who.u).toBe('mcu_app');
        expect(body.who.read).toContain(a);
        expect(body.who.read).not.toContain(b);
        expect(body.who.write).toBe(`{${a}}`);
        expect(body).toMatchObject({ preHandler: 'mcu_app', raw: 0, drizzle: 0, nested: { inner: { u: 'mcu_app', n: 0 }, savepoint: 'mcu_app' }, updated: 0, failed: '22012' });
        for (const p of body.parallel) expect(p).toMatchObject({ u: 'mcu_app', n: 0 });
        if (target === 'postgres') expect(new Set(body.parallel.map((p: { pid: number }) => p.pid)).size, 'параллельные запросы на разных соединениях').toBe(3);
        expect(body.session).toMatch(/row-level security/);
        expect(body.spliced).toEqual(['refused', 'refused', 'refused']);
        // The one named way out (jobs kicked by a request) is the owner, who sees every tenant.
        expect(body.owner).toEqual({ u: body.owner.u, n: owner.n });
        expect(body.owner.u).not.toBe('mcu_app');
      });

      it('leaves no role or tenant setting behind on any connection', async () => {
        const s = await signIn(app, 'admin');
        await Promise.all([1, 2, 3].map(() => s.get('/api/test/rls-probe')));
        const rows = await Promise.all(
          Array.from({ length: 12 }, () => database.query<{ u: string; read: string | null }>(`SELECT current_user AS u, current_setting('app.read_tenants', true) AS read, pg_sleep(0.05)::text AS s`)),
        );
        for (const [r] of rows) {
          expect(r.u).not.toBe('mcu_app');
          expect(r.read ?? '').toBe('');
        }
      });
    });
  });
}
