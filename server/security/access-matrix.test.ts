import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client';
import { registerAuth, routePolicies, type RoutePolicy } from '../http/auth-plugin';
import { freshDatabase, targets } from '../test/databases';
import { pinnedClock, signIn, testApp } from '../test/http';
import { createSuperuser } from '../test/superuser';
import { seedSecondMunicipality } from '../test/second-tenant';
import { generateDemoCases } from '../seed/demo-cases/generate-demo-cases';
import { DEMO_USERS } from '../seed/demo-users';
import { BUILT_IN_ROLES } from '../../domain/auth/roles';
import { sampleOf, type JsonSchema } from './schema-sample';

/**
 * The access matrix, generated from the route table: every /api route × anonymous and every
 * built-in role, then every route that takes an object id × the objects of another municipality
 * and of another recipient. A new endpoint is covered the moment it is registered.
 */

type Session = Awaited<ReturnType<typeof signIn>>;
const NOW = '2026-11-20T10:00:00.000Z';
const SKIP = new Set(['POST /api/auth/login', 'POST /api/auth/logout']);
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function params(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
}
/** Fills path parameters: uuids with `id`, a role code with a code that does not exist. */
function fill(url: string, id: string): string {
  return url.replace(/:code\b/g, 'no_such_code').replace(/:token\b/g, 'no-such-token').replace(/:format\b/g, 'json').replace(/:[A-Za-z]+/g, id);
}
function idParams(url: string): boolean {
  return params(url).some((p) => !['code', 'token', 'format'].includes(p));
}

for (const target of targets()) {
  describe(`access matrix (${target})`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let routes: RoutePolicy[];
    let spec: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
    let own: string;
    let other: string;
    const sessions = new Map<string, Session>();
    let superOwn: Session;
    /** Tenant-scoped tables (a tenant_id column and a uuid id) other than sessions. */
    let scoped: string[];

    beforeAll(async () => {
      let ids;
      ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
      own = ids.municipalityId;
      other = await seedSecondMunicipality(database, ids.regionId);
      await generateDemoCases(database, { tenantId: own, count: 60, now: new Date(NOW) });
      await generateDemoCases(database, { tenantId: other, count: 60, now: new Date(NOW) });
      await createSuperuser(database, own);
      await createSuperuser(database, other, 'other.super');
      app = await testApp(database, pinnedClock(NOW));
      routes = routePolicies(app).filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'));
      spec = app.swagger() as never;
      superOwn = await signIn(app, 'test.super');
      for (const role of BUILT_IN_ROLES) {
        const user = DEMO_USERS.find((u) => u.role === role.code);
        if (!user) throw new Error(`Нет демо-пользователя для роли ${role.code}`);
        sessions.set(role.code, await signIn(app, user.login));
      }
      scoped = (
        await database.query<{ t: string }>(
          `SELECT c.table_name AS t FROM information_schema.columns c JOIN information_schema.columns i ON i.table_name = c.table_name AND i.table_schema = c.table_schema AND i.column_name = 'id' AND i.data_type = 'uuid'
           WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND c.table_name <> 'sessions' ORDER BY 1`,
        )
      ).map((r) => r.t);
    }, 240_000);
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    function bodySchema(route: RoutePolicy): JsonSchema | undefined {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      return spec.paths[path]?.[route.method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
    }
    function call(s: Session | null, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
      return app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(WRITE.has(method) && payload !== undefined ? { payload: payload as object } : {}) });
    }
    async function idsOf(tenantId: string): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      for (const t of scoped) {
        const [row] = await database.query<{ id: string }>(`SELECT id::text AS id FROM "${t}" WHERE tenant_id = $1 ORDER BY id LIMIT 1`, [tenantId]);
        if (row) out.set(t, row.id);
      }
      return out;
    }
    async function allIdsOf(tenantId: string): Promise<Set<string>> {
      const out = new Set<string>();
      for (const t of scoped) for (const r of await database.query<{ id: string }>(`SELECT id::text AS id FROM "${t}" WHERE tenant_id = $1`, [tenantId])) out.add(r.id);
      out.add(tenantId);
      return out;
    }
    async function tenantChecksum(tenantId: string): Promise<Record<string, string>> {
      const out: Record<string, string> = {};
      for (const t of scoped) {
        const [r] = await database.query<{ h: string | null; n: string }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) AS h, count(*)::text AS n FROM "${t}" x WHERE tenant_id = $1`, [tenantId]);
        out[t] = `${r.n}:${r.h ?? ''}`;
      }
      const [a] = await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_events WHERE tenant_id = $1`, [tenantId]);
      out.audit_events = a.n;
      return out;
    }
    /** The tables an `:id` of this URL may name: by the path segment before it, else every scoped table. */
    function tablesFor(url: string): string[] {
      const seg = url.replace(/\/:[A-Za-z]+.*$/, '').split('/').pop()!.replace(/-/g, '_').replace(/\.\w+$/, '');
      const hits = scoped.filter((t) => t === seg || t.endsWith(`_${seg}`) || t === `${seg}s` || `${t}s` === seg);
      return hits.length ? hits : scoped;
    }
    /** Same status and error code, or the same body once ids are masked: the id revealed nothing. */
    function sameAnswer(a: LightMyRequestResponse, b: LightMyRequestResponse): boolean {
      if (a.statusCode !== b.statusCode) return false;
      const mask = (x: string) => x.replace(UUID_RE, '<id>');
      if (a.statusCode >= 400) return mask(a.body) === mask(b.body);
      return mask(a.body) === mask(b.body);
    }
    function leaks(body: string, foreign: Set<string>, except: string[] = []): string[] {
      return [...new Set(body.match(UUID_RE) ?? [])].filter((id) => foreign.has(id) && !except.includes(id));
    }

    it('has every route of the OpenAPI description in the policy table, and refuses a route without a policy', () => {
      const table = new Set(routes.map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`));
      const documented = Object.entries(spec.paths)
        .filter(([p]) => p.startsWith('/api/'))
        .flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`));
      expect(documented.filter((d) => !table.has(d))).toEqual([]);
      expect(routes.length).toBeGreaterThan(50);
      const bare = Fastify();
      registerAuth(bare);
      expect(() => bare.post('/api/new-endpoint', async () => ({}))).toThrow(/без политики доступа/);
      bare.get('/api/with-policy', { config: { policy: 'cases.read' } }, async () => ({}));
      expect(routePolicies(bare)).toEqual([
        { method: 'GET', url: '/api/with-policy', policy: 'cases.read' },
        { method: 'HEAD', url: '/api/with-policy', policy: 'cases.read' },
      ]);
    });

    it('answers anonymous 401 and a role without the permission 403 on every route', async () => {
      const columns = ['anon', ...BUILT_IN_ROLES.map((r) => r.code)];
      const matrix: string[] = [];
      const failures: string[] = [];
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        if (SKIP.has(key)) continue;
        const url = fill(route.url, randomUUID());
        const cells: string[] = [];
        for (const who of columns) {
          const s = who === 'anon' ? null : sessions.get(who)!;
          const res = await call(s, route.method, url, { matrixProbe: 1 });
          const code = res.statusCode;
          let ok: boolean;
          if (code >= 500) ok = false;
          else if (route.policy === 'public') ok = code !== 401 && code !== 403;
          else if (who === 'anon') ok = code === 401;
          else if (route.policy === 'authenticated') ok = code !== 401;
          // The ЦУР's user belongs to the region tenant: municipal screens refuse it (403) by design,
          // it sees municipalities only as aggregates under /api/region.
          else if (who === 'region_observer' && code === 403 && !route.url.startsWith('/api/region')) ok = true;
          else {
            const perms = BUILT_IN_ROLES.find((r) => r.code === who)!.permissions as string[];
            ok = perms.includes(route.policy) ? code !== 401 && code !== 403 : code === 403;
          }
          cells.push(`${ok ? ' ' : '!'}${code}`);
          if (!ok) failures.push(`${who} → ${key}: ${code} ${res.body.slice(0, 160)}`);
        }
        matrix.push(`${key.padEnd(62)} ${String(route.policy).padEnd(17)} ${cells.join(' ')}`);
      }
      if (failures.length) {
        console.log(`Матрица доступа (! — нарушение)\n${'маршрут'.padEnd(62)} ${'политика'.padEnd(17)} ${columns.map((c) => c.slice(0, 4)).join(' ')}\n${matrix.join('\n')}`);
      }
      expect(failures).toEqual([]);
    }, 300_000);

    it("answers another municipality's object ids exactly as ids that do not exist, and changes nothing there", async () => {
      const foreignIds = await idsOf(other);
      const ownIds = await idsOf(own);
      const foreignAll = await allIdsOf(other);
      const before = await tenantChecksum(other);
      const failures: string[] = [];
      const positive = new Set<string>();
      let probes = 0;
      for (const route of routes.filter((r) => idParams(r.url) && r.policy !== 'public')) {
        const key = `${route.method} ${route.url}`;
        const write = WRITE.has(route.method);
        const body = write ? (sampleOf(bodySchema(route)) ?? undefined) : undefined;
        const tables = tablesFor(route.url);
        if (!write) {
          for (const t of tables) if (ownIds.has(t) && (await call(superOwn, route.method, fill(route.url, ownIds.get(t)!))).statusCode === 200) positive.add(key);
        }
        const baseline = await call(superOwn, route.method, fill(route.url, randomUUID()), body);
        for (const t of tables) {
          const id = foreignIds.get(t);
          if (!id) continue;
          probes++;
          const res = await call(superOwn, route.method, fill(route.url, id), body);
          const leaked = res.statusCode < 300 ? leaks(res.body, foreignAll, [id]) : [];
          const ok = res.statusCode < 500 && !(write && res.statusCode < 300) && !leaked.length && sameAnswer(res, baseline);
          if (!ok) failures.push(`${key} с id из ${t} другого МО: ${res.statusCode} (несуществующий id: ${baseline.statusCode}) ${res.body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await tenantChecksum(other)).toEqual(before);
      // The probes hit real objects: card, applicant, suggestions… answer 200 with own-tenant ids.
      expect(positive.size, [...positive].join(', ')).toBeGreaterThanOrEqual(3);
      expect(probes).toBeGreaterThan(40);
    }, 600_000);

    it('shows no object of another municipality in any list, for any role', async () => {
      const foreignAll = await allIdsOf(other);
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.method === 'GET' && !params(r.url).length && !r.url.startsWith('/api/public/'))) {
        for (const [who, s] of [['test.super', superOwn] as const, ...sessions]) {
          const res = await call(s, 'GET', route.url);
          if (res.statusCode >= 500) failures.push(`${who} → GET ${route.url}: ${res.statusCode}`);
          if (who === 'region_observer') continue; // the region sees its municipalities by design (aggregates only)
          const leaked = res.statusCode < 300 ? leaks(res.body, foreignAll) : [];
          if (leaked.length) failures.push(`${who} → GET ${route.url}: ${leaked.length} id другого МО`);
        }
      }
      expect(failures).toEqual([]);
    }, 300_000);

    it("answers another recipient's case to a recipient-scoped role exactly as a case that does not exist, on every case route", async () => {
      const [kam] = await database.query<{ id: string }>(`SELECT id FROM recipients WHERE tenant_id = $1 AND code = 'admin-kamenskoe'`, [own]);
      const [mine, theirs] = await database.query<{ id: string }>(`SELECT id FROM cases WHERE tenant_id = $1 ORDER BY number LIMIT 2`, [own]);
      await database.query(`UPDATE cases SET recipient_id = $1 WHERE id = $2`, [kam.id, mine.id]);
      const [otherRecipient] = await database.query<{ id: string }>(`SELECT id FROM recipients WHERE tenant_id = $1 AND code <> 'admin-kamenskoe' ORDER BY code LIMIT 1`, [own]);
      await database.query(`UPDATE cases SET recipient_id = $1 WHERE id = $2`, [otherRecipient.id, theirs.id]);
      await database.query(`DELETE FROM case_co_executors WHERE case_id = $1`, [theirs.id]);
      const snapshot = async () => (await database.query<{ h: string }>(`SELECT md5(c::text) || (SELECT count(*) FROM audit_events WHERE entity_id = c.id::text)::text AS h FROM cases c WHERE id = $1`, [theirs.id]))[0].h;
      const before = await snapshot();
      const failures: string[] = [];
      for (const login of ['executor', 'recipient_head']) {
        const s = sessions.get(login)!;
        const perms = BUILT_IN_ROLES.find((r) => r.code === login)!.permissions as string[];
        for (const route of routes.filter((r) => r.url.startsWith('/api/cases/:id'))) {
          if (route.policy !== 'authenticated' && !perms.includes(route.policy)) continue;
          const write = WRITE.has(route.method);
          const body = write ? (sampleOf(bodySchema(route)) ?? undefined) : undefined;
          const baseline = await call(s, route.method, fill(route.url, randomUUID()), body);
          const res = await call(s, route.method, fill(route.url, theirs.id), body);
          if (res.statusCode < 300 || !sameAnswer(res, baseline)) failures.push(`${login} → ${route.method} ${route.url} чужого получателя: ${res.statusCode} (несуществующий id: ${baseline.statusCode}) ${res.body.slice(0, 160)}`);
        }
        expect((await call(s, 'GET', `/api/cases/${mine.id}`)).statusCode, `${login} sees own recipient's case`).toBe(200);
        const list = (await call(s, 'GET', '/api/cases?limit=200')).json() as { items: { id: string }[] };
        expect(list.items.map((i) => i.id)).not.toContain(theirs.id);
        expect(list.items.map((i) => i.id)).toContain(mine.id);
      }
      expect(failures).toEqual([]);
      expect(await snapshot()).toBe(before);
    }, 300_000);
  });
}
