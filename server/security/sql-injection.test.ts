import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client';
import { freshDatabase, targets } from '../test/databases';
import { pinnedClock, signIn, testApp } from '../test/http';
import { createSuperuser } from '../test/superuser';
import { generateDemoCases } from '../seed/demo-cases/generate-demo-cases';

/**
 * SQL injection through every query parameter of every GET endpoint of the OpenAPI description
 * (register filters and full-text search, directory, analytics, problems, engagement, public
 * lookups) and through the Open311 query and path parameters. For every parameter and payload the
 * answer is 200 or 400 with a Russian message (never 5xx), a 200 answer equals the answer for the
 * same text with its SQL punctuation blanked out (the payload was matched as a literal, not run),
 * and every table keeps its rows.
 */

const NOW = '2026-11-20T10:00:00.000Z';
const PAYLOADS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  '"; DROP TABLE cases; --',
  "%' AND pg_sleep(5) IS NULL AND '%'='",
  "1; SELECT pg_sleep(5)",
  "' UNION SELECT login, password_hash FROM users --",
  "ʼ OR 1=1 --",
  '’ OR ‘1’=‘1',
  '\\\' OR 1=1 --',
  '\\',
  '$1',
  '$$; DROP TABLE cases; $$',
  "E'\\x27 OR 1=1",
  '%',
  '_',
  "admin'/*",
  "') OR ('a'='a",
  '1) OR (1=1',
  "' || (SELECT current_user) || '",
];
/** The payload with everything but letters, digits and spaces blanked out: what a literal match sees. */
const defanged = (s: string) => s.replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim() || 'zzqj';
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

type Target = { url: string; params: string[]; who: 'super' | 'region' | 'anon' };

for (const target of targets()) {
  describe(`SQL injection into every filter and search field (${target})`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    const sessions = new Map<string, Record<string, string>>();
    let endpoints: Target[];
    let caseId: string;

    beforeAll(async () => {
      let ids;
      ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
      await generateDemoCases(database, { tenantId: ids.municipalityId, count: 60, now: new Date(NOW) });
      await createSuperuser(database, ids.municipalityId);
      app = await testApp(database, pinnedClock(NOW));
      sessions.set('super', (await signIn(app, 'test.super')).headers);
      sessions.set('region', (await signIn(app, 'region')).headers);
      sessions.set('anon', {});
      [{ id: caseId }] = await database.query<{ id: string }>('SELECT id::text AS id FROM cases WHERE tenant_id = $1 ORDER BY number LIMIT 1', [ids.municipalityId]);
      const spec = app.swagger() as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
      endpoints = Object.entries(spec.paths)
        .filter(([p, ms]) => p.startsWith('/api/') && ms.get)
        .map(([p, ms]) => ({
          url: p.replace(/\{id\}/g, caseId).replace(/\{list\}/g, 'cases').replace(/\{[A-Za-z]+\}/g, 'x'),
          params: (ms.get.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
          who: (p.startsWith('/api/analytics/region') || p.startsWith('/api/region') ? 'region' : p.startsWith('/api/public') ? 'anon' : 'super') as Target['who'],
        }))
        .filter((e) => e.params.length);
      // Open311 (outside /api): its query parameters, and the ids in its paths.
      endpoints.push(
        { url: '/open311/v2/services.json', params: ['jurisdiction_id'], who: 'anon' },
        { url: '/open311/v2/requests.json', params: ['jurisdiction_id', 'service_request_id', 'service_code', 'start_date', 'end_date', 'status'], who: 'anon' },
      );
    }, 240_000);
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    async function state(): Promise<string> {
      const tables = await database.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sessions', 'pd_access_log', 'audit_events') ORDER BY 1");
      const rows = await database.query<{ t: string; n: string }>(tables.map(({ t }) => `SELECT '${t}' AS t, count(*)::text AS n FROM "${t}"`).join(' UNION ALL '));
      const [cases] = await database.query<{ h: string }>('SELECT md5(string_agg(c::text, \'|\' ORDER BY c.id)) AS h FROM cases c');
      const [users] = await database.query<{ h: string }>('SELECT md5(string_agg(u::text, \'|\' ORDER BY u.id)) AS h FROM users u');
      return JSON.stringify({ tables: tables.length, rows: rows.sort((a, b) => a.t.localeCompare(b.t)), cases: cases.h, users: users.h });
    }
    function get(e: Target, url: string): Promise<LightMyRequestResponse> {
      return app.inject({ method: 'GET', url, headers: { ...sessions.get(e.who)!, 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
    }
    /** The body with ids and the echoed text masked (a text of one character is not masked: it is everywhere). */
    function masked(res: LightMyRequestResponse, text: string): string {
      let body = res.body.replace(UUID_RE, '<id>');
      if (text.length > 1) for (const form of [JSON.stringify(text).slice(1, -1), JSON.stringify(text.trim()).slice(1, -1)]) if (form.length > 1) body = body.split(form).join('<text>');
      return `${res.statusCode} ${body}`;
    }
    const idsOf = (res: LightMyRequestResponse) => new Set(res.body.match(UUID_RE) ?? []);

    it('answers 200 or a Russian 400, matches the payload as a literal, and keeps every table', async () => {
      const before = await state();
      const failures: string[] = [];
      let probes = 0;
      const UNKNOWN = 'zqxjнетзначения';
      for (const e of endpoints) {
        for (const param of e.params) {
          const sep = e.url.includes('?') ? '&' : '?';
          const unknown = await get(e, `${e.url}${sep}${param}=${encodeURIComponent(UNKNOWN)}`);
          const json = String(unknown.headers['content-type'] ?? '').includes('json');
          for (const payload of e.url.includes('/exports/') ? PAYLOADS.slice(0, 4) : PAYLOADS) {
            probes++;
            const res = await get(e, `${e.url}${sep}${param}=${encodeURIComponent(payload)}`);
            const where = `GET ${e.url} ${param}=${payload}`;
            if (![200, 400, 404].includes(res.statusCode)) {
              failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
              continue;
            }
            if (res.statusCode !== 200) {
              if (!/[А-Яа-яЁё]/.test(res.body)) failures.push(`${where}: ${res.statusCode} без русского сообщения`);
              continue;
            }
            const swapped = unknown.body.split(UNKNOWN).join(JSON.stringify(payload).slice(1, -1));
            if (!json || masked(res, payload) === masked(unknown, UNKNOWN) || res.body.replace(UUID_RE, '') === swapped.replace(UUID_RE, '')) continue;
            // Not the answer to an unknown value: then the answer to the same text as a literal
            // (full-text search reads words), or at least nothing beyond what that literal finds.
            const literal = defanged(payload);
            const expected = await get(e, `${e.url}${sep}${param}=${encodeURIComponent(literal)}`);
            if (masked(res, payload) === masked(expected, literal)) continue;
            const allowed = new Set([...idsOf(expected), ...idsOf(unknown)]);
            const extra = [...idsOf(res)].filter((id) => !allowed.has(id));
            if (idsOf(res).size === 0 && idsOf(unknown).size === 0 && idsOf(expected).size === 0) failures.push(`${where}: ответ отличается и от неизвестного значения, и от поиска «${literal}»`);
            else if (extra.length) failures.push(`${where}: ${extra.length} лишних записей против поиска «${literal}»`);
          }
        }
      }
      // Path parameters that are looked up by text: the public answer page and Open311 requests.
      for (const payload of PAYLOADS) {
        for (const url of [`/api/public/cases/${encodeURIComponent(payload)}`, `/open311/v2/requests/${encodeURIComponent(payload)}.json`, `/open311/v2/services/${encodeURIComponent(payload)}.json`, `/open311/v2/tokens/${encodeURIComponent(payload)}.json`]) {
          probes++;
          const res = await get({ url, params: [], who: 'anon' }, url);
          if (res.statusCode >= 500 || !/[А-Яа-яЁё]/.test(res.body) || (res.statusCode === 200 && url.includes('/public/'))) failures.push(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await state()).toEqual(before);
      expect(probes).toBeGreaterThan(1000);
      console.log(`SQL-инъекции (${target}): маршрутов ${endpoints.length}, запросов ${probes}, нарушений ${failures.length}`);
    }, 600_000);

    it('finds a case whose text holds an injection string by that literal text, and only such cases', async () => {
      const s = await signIn(app, 'test.super');
      const text = "Жалоба O'Reilly: во дворе ' OR 1=1 -- не горит фонарь";
      const created = await s.send('POST', '/api/cases', { regime: 'MESSAGE', channel: 'phone', receivedAt: NOW, text });
      expect(created.statusCode).toBe(200);
      const res = await s.get(`/api/cases?q=${encodeURIComponent("O'Reilly")}&limit=200`);
      expect(res.statusCode).toBe(200);
      expect((res.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([created.json().id]);
      const none = await s.get(`/api/cases?q=${encodeURIComponent("' OR 1=1 --")}&limit=200`);
      expect(none.statusCode).toBeLessThan(500);
    });
  });
}
