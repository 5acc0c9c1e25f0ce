import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client';
import { freshDatabase, targets } from '../test/databases';
import { pinnedClock, signIn, testApp } from '../test/http';
import { createSuperuser } from '../test/superuser';
import { generateDemoCases } from '../seed/demo-cases/generate-demo-cases';
import { sampleOf, type JsonSchema } from './schema-sample';
import { HOSTILE_PATH, HOSTILE_QUERY, RAW_BODIES, hash32, mutate, pick, prng } from './fuzz-values';

/**
 * Fuzzing every endpoint of the OpenAPI description as a signed-in user with every permission:
 * bodies that are valid but for one hostile value, hostile whole bodies, text that is not JSON,
 * wrong content types, hostile query strings and path parameters. Every answer must be below 500
 * and arrive (a guard per request), and a refused request must leave every table as it was.
 * FUZZ_SEED reproduces a run (the failing case prints its seed, route and request).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 14);
const GUARD_MS = 20_000;
const NOW = '2026-11-20T10:00:00.000Z';
const SKIP = new Set(['POST /api/auth/login', 'POST /api/auth/logout']);
/** Plausible values for path parameters that are not object ids. */
const PLAIN: Record<string, string> = { code: 'no_such_code', token: 'no-such-token', period: '2026-Q3', list: 'cases', chart: 'heatmap', version: '1', channel: 'vk', format: 'json' };

type Op = { method: string; path: string; body?: JsonSchema; multipart: boolean; query: string[] };
type Session = Awaited<ReturnType<typeof signIn>>;
type Probe = { method: string; url: string; headers?: Record<string, string>; payload?: string | Buffer; note: string };

function operations(spec: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string }[] }>> }): Op[] {
  const ops: Op[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const [method, op] of Object.entries(methods)) {
      if (SKIP.has(`${method.toUpperCase()} ${path}`) || method === 'head') continue;
      const content = op.requestBody?.content ?? {};
      ops.push({ method: method.toUpperCase(), path, body: content['application/json']?.schema, multipart: Boolean(content['multipart/form-data']), query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) });
    }
  }
  return ops;
}

for (const target of targets()) {
  describe(`fuzzing every endpoint (${target})`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let ops: Op[];
    let superSession: Session;
    let region: Session;
    let countSql: string;
    const realIds = new Map<string, string>();

    beforeAll(async () => {
      let ids;
      ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
      await generateDemoCases(database, { tenantId: ids.municipalityId, count: 40, now: new Date(NOW) });
      await createSuperuser(database, ids.municipalityId);
      app = await testApp(database, pinnedClock(NOW));
      ops = operations(app.swagger() as never);
      superSession = await signIn(app, 'test.super');
      region = await signIn(app, 'region');
      const tables = await database.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'sessions' ORDER BY 1");
      countSql = `SELECT json_object_agg(t, n ORDER BY t)::text AS c FROM (${tables.map(({ t }) => `SELECT '${t}' AS t, count(*) AS n FROM "${t}"`).join(' UNION ALL ')}) x`;
      // Real ids of the own municipality, so that bodies reach the handlers behind the existence checks.
      const own = ids.municipalityId;
      const q = async (sql: string) => (await database.query<{ id: string }>(sql, [own]))[0]?.id;
      for (const [seg, sql] of Object.entries({
        cases: 'SELECT id::text AS id FROM cases WHERE tenant_id = $1 ORDER BY number LIMIT 1',
        users: "SELECT id::text AS id FROM users WHERE tenant_id = $1 AND login <> 'test.super' ORDER BY login LIMIT 1",
        recipients: 'SELECT id::text AS id FROM recipients WHERE tenant_id = $1 ORDER BY code LIMIT 1',
        topics: 'SELECT id::text AS id FROM topics WHERE tenant_id = $1 ORDER BY code LIMIT 1',
        'topic-blocks': 'SELECT id::text AS id FROM topic_blocks WHERE tenant_id = $1 ORDER BY code LIMIT 1',
        settlements: 'SELECT id::text AS id FROM settlements WHERE tenant_id = $1 ORDER BY id LIMIT 1',
        localities: 'SELECT id::text AS id FROM localities WHERE tenant_id = $1 ORDER BY id LIMIT 1',
        channels: 'SELECT id::text AS id FROM channels WHERE tenant_id = $1 ORDER BY id LIMIT 1',
        'deadline-rules': 'SELECT id::text AS id FROM deadline_rules WHERE tenant_id = $1 ORDER BY id LIMIT 1',
      })) {
        const id = await q(sql).catch(() => undefined);
        if (id) realIds.set(seg, id);
      }
    }, 240_000);
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    const counts = async () => (await database.query<{ c: string }>(countSql))[0].c;

    function fillPath(path: string, rnd: () => number, hostile: boolean): string {
      return path.replace(/\{([A-Za-z]+)\}/g, (_m, name: string, offset: number) => {
        if (hostile) return pick(rnd, HOSTILE_PATH);
        if (PLAIN[name]) return PLAIN[name];
        const seg = path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
        return realIds.get(seg) ?? '00000000-0000-4000-8000-000000000000';
      });
    }

    function probes(op: Op): Probe[] {
      const rnd = prng(hash32(`${SEED}:${op.method} ${op.path}`));
      const out: Probe[] = [];
      const json = { 'content-type': 'application/json' };
      for (let i = 0; i < PER_ROUTE; i++) {
        const hostilePath = op.path.includes('{') && rnd() < 0.2;
        const url = fillPath(op.path, rnd, hostilePath);
        const query = op.query.length && rnd() < 0.7 ? `?${op.query.filter(() => rnd() < 0.5).map((k) => `${k}=${pick(rnd, HOSTILE_QUERY)}`).join('&') || `${pick(rnd, op.query)}=${pick(rnd, HOSTILE_QUERY)}&${pick(rnd, op.query)}=x`}` : '';
        if (op.method === 'GET' || op.method === 'DELETE') {
          out.push({ method: op.method, url: url + (query || `?${pick(rnd, ['__proto__[x]=1', 'constructor=1', 'a=%00'])}`), note: hostilePath ? 'путь' : 'запрос' });
          continue;
        }
        const kind = rnd();
        if (op.multipart) {
          const boundary = 'fz' + Math.floor(rnd() * 1e9);
          const variants: Probe[] = [
            { method: op.method, url, headers: { 'content-type': 'multipart/form-data' }, payload: '--x--', note: 'без boundary' },
            { method: op.method, url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\nзначение\r\n--${boundary}--\r\n`, note: 'поле без файла' },
            { method: op.method, url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.from(Array.from({ length: 512 }, () => Math.floor(rnd() * 256))), note: 'мусор' },
            { method: op.method, url, headers: json, payload: JSON.stringify({ file: 'x' }), note: 'JSON вместо файла' },
          ];
          out.push(pick(rnd, variants));
        } else if (kind < 0.6) {
          const body = mutate(rnd, sampleOf(op.body), op.body);
          out.push({ method: op.method, url: url + query, headers: json, payload: JSON.stringify(body), note: 'тело' });
        } else if (kind < 0.8) {
          out.push({ method: op.method, url, headers: json, payload: pick(rnd, RAW_BODIES), note: 'не JSON' });
        } else {
          const type = pick(rnd, ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=koi8-r', 'application/octet-stream', '']);
          out.push({ method: op.method, url, headers: type ? { 'content-type': type } : {}, payload: JSON.stringify(sampleOf(op.body)), note: `тип ${type || 'нет'}` });
        }
      }
      return out;
    }

    async function send(s: Session, p: Probe, ip: number): Promise<LightMyRequestResponse | 'hang'> {
      let timer: NodeJS.Timeout | undefined;
      const guard = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), GUARD_MS)));
      // A distinct address per probe: the rate limits of public routes are not what is tested here.
      const headers = { ...s.headers, ...p.headers, 'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` };
      const res = await Promise.race([app.inject({ method: p.method as 'POST', url: p.url, headers, ...(p.payload !== undefined ? { payload: p.payload } : {}) }), guard]);
      clearTimeout(timer);
      return res;
    }

    /** The row counts once background work has stopped writing (two equal readings 300 ms apart). */
    async function settle(): Promise<string> {
      let last = await counts();
      for (let i = 0; i < 100; i++) {
        await new Promise((r) => setTimeout(r, 300));
        const now = await counts();
        if (now === last) return now;
        last = now;
      }
      return last;
    }

    it('answers every hostile request below 500, in time, and a refused one writes nothing', async () => {
      const failures: string[] = [];
      const tally = { probes: 0, refused: 0, accepted: 0 };
      let ip = 1;
      for (const op of ops) {
        const s = op.path.startsWith('/api/analytics/region') || op.path.startsWith('/api/region') ? region : superSession;
        let before = await counts();
        for (const p of probes(op)) {
          tally.probes++;
          const res = await send(s, p, ip++);
          const where = `FUZZ_SEED=${SEED} ${op.method} ${op.path} [${p.note}] ${p.method} ${p.url.slice(0, 160)} ${typeof p.payload === 'string' ? p.payload.slice(0, 160) : ''}`;
          if (res === 'hang') {
            failures.push(`${where}: нет ответа за ${GUARD_MS} мс`);
            continue;
          }
          if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode === 401) failures.push(`${where}: сессия потеряна`);
          const after = await counts();
          if (res.statusCode >= 400) {
            tally.refused++;
            if (after !== before) {
              // An earlier accepted request may have started background work (retraining, an export)
              // that wrote meanwhile: let it finish, then send the same request again.
              const settled = await settle();
              const again = await send(s, p, ip++);
              const last = await counts();
              if (again !== 'hang' && again.statusCode >= 400 && last !== settled) failures.push(`${where}: отказ ${res.statusCode}, но изменились таблицы ${diff(settled, last)}`);
            }
            if (res.statusCode < 500 && !res.headers['content-type']?.toString().includes('json')) failures.push(`${where}: ответ ${res.statusCode} не JSON`);
            else if (res.statusCode < 500 && !/[А-Яа-яЁё]/.test(res.body)) failures.push(`${where}: ответ ${res.statusCode} без русского сообщения ${res.body.slice(0, 120)}`);
          } else tally.accepted++;
          before = await counts();
        }
      }
      console.log(`Фаззинг (${target}, FUZZ_SEED=${SEED}): маршрутов ${ops.length}, запросов ${tally.probes}, отказов ${tally.refused}, принято ${tally.accepted}, нарушений ${failures.length}`);
      if (failures.length) writeFileSync(`tmp/fuzz-failures-${target}.txt`, failures.join('\n'));
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
      expect(failures).toEqual([]);
      expect(tally.probes).toBeGreaterThan(1000);
    }, 900_000);
  });
}

function diff(a: string, b: string): string {
  const x = JSON.parse(a) as Record<string, number>;
  const y = JSON.parse(b) as Record<string, number>;
  return Object.keys(y)
    .filter((k) => x[k] !== y[k])
    .map((k) => `${k} ${x[k]}→${y[k]}`)
    .join(', ');
}
