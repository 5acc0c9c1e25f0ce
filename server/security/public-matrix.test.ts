import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client';
import { outsideRoutePolicies } from '../http/auth-plugin';
import { freshDatabase, targets } from '../test/databases';
import { pinnedClock, signIn, testApp } from '../test/http';
import { createSuperuser } from '../test/superuser';
import { seedSecondMunicipality } from '../test/second-tenant';

/**
 * The routes residents and external systems reach without a staff session: Open311 (outside
 * /api) and /api/public. Anonymous access works and never needs a session; an API key creates
 * only in its own municipality; nothing of one municipality shows through another's code; no
 * personal data in any answer. A new route outside /api fails this test until it is listed here.
 */

const NOW = '2026-11-20T10:00:00.000Z';
const OPEN311 = [
  'GET /open311/v2/discovery.:format',
  'GET /open311/v2/services.:format',
  'GET /open311/v2/services/:code.:format',
  'GET /open311/v2/requests.:format',
  'POST /open311/v2/requests.:format',
  'GET /open311/v2/requests/:id.:format',
  'GET /open311/v2/tokens/:id.:format',
];
const PD = { email: 'pd.check@example.ru', first_name: 'Евлампий', last_name: 'Проверкин', phone: '+79270009988' };
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

for (const target of targets()) {
  describe(`public and Open311 access matrix (${target})`, () => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;
    let own: { id: string; code: string; key: string; service: string; request: { id: string; token: string }; session: Awaited<ReturnType<typeof signIn>> };
    let other: typeof own;
    let staff: Record<string, string>;
    let ip = 1;

    const send = (method: 'GET' | 'POST', url: string, payload?: string, headers: Record<string, string> = {}) =>
      app.inject({ method, url, payload, headers: { ...(payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), 'x-forwarded-for': `10.6.${Math.floor(ip / 250) % 250}.${ip++ % 250}`, ...headers } });

    beforeAll(async () => {
      let ids;
      ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
      const otherId = await seedSecondMunicipality(database, ids.regionId);
      await createSuperuser(database, ids.municipalityId);
      await createSuperuser(database, otherId, 'other.super');
      app = await testApp(database, pinnedClock(NOW));
      const setUp = async (tenantId: string, login: string) => {
        const s = await signIn(app, login);
        const key = (await s.send('POST', '/api/api-keys', { name: 'Приложение «Город»' })).json().key as string;
        const [{ code }] = await database.query<{ code: string }>('SELECT code FROM tenants WHERE id = $1', [tenantId]);
        const [{ service }] = await database.query<{ service: string }>('SELECT t.code AS service FROM topics t WHERE t.tenant_id = $1 AND t.parent_id IS NOT NULL ORDER BY t.code LIMIT 1', [tenantId]);
        const res = await send('POST', '/open311/v2/requests.json', form({ api_key: key, jurisdiction_id: code, service_code: service, address_string: 'ул. Ленина, 5, кв. 12', description: 'Не горит фонарь у подъезда', ...PD }));
        expect(res.statusCode, res.body).toBe(200);
        const [created] = res.json() as { service_request_id: string; token: string }[];
        return { id: tenantId, code, key, service, request: { id: created.service_request_id, token: created.token }, session: s };
      };
      own = await setUp(ids.municipalityId, 'test.super');
      other = await setUp(otherId, 'other.super');
      staff = (await signIn(app, 'test.super')).headers;
    }, 240_000);
    afterAll(async () => {
      await app?.close();
      await dispose?.();
    });

    const noPd = (res: LightMyRequestResponse) => Object.values(PD).concat(['кв. 12', 'подъезда', '79270009988']).filter((v) => res.body.includes(v));

    it('lists every route outside /api, each declared public', () => {
      const outside = outsideRoutePolicies(app).filter((r) => r.method !== 'HEAD');
      expect(outside.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...OPEN311].sort());
      expect(outside.filter((r) => r.policy !== 'public')).toEqual([]);
    });

    it('answers anonymous and staff alike on every Open311 read, per municipality code, without personal data', async () => {
      const failures: string[] = [];
      for (const [code, expectStatus] of [[own.code, 200], [other.code, 200], ['no-such-mo', 404], ['', 400]] as const) {
        const j = code ? `?jurisdiction_id=${code}` : '';
        const urls = ['/open311/v2/services.json', '/open311/v2/requests.json', `/open311/v2/services/${own.service}.json`];
        for (const url of urls) {
          for (const [who, headers] of [['аноним', {}], ['сотрудник', staff]] as const) {
            const res = await send('GET', url + j, undefined, headers);
            const want = url.includes('/services/') && code === other.code && own.service !== other.service ? 404 : expectStatus;
            if (res.statusCode !== want) failures.push(`${who} GET ${url}${j}: ${res.statusCode} вместо ${want} ${res.body.slice(0, 120)}`);
            if (res.statusCode >= 400 && !/[А-Яа-яЁё]/.test(res.body)) failures.push(`${who} GET ${url}${j}: нет русского сообщения`);
            if (noPd(res).length) failures.push(`${who} GET ${url}${j}: персональные данные ${noPd(res).join(', ')}`);
          }
        }
      }
      expect((await send('GET', '/open311/v2/discovery.json')).statusCode).toBe(200);
      expect(failures).toEqual([]);
    });

    it("shows nothing of another municipality through a municipality's code", async () => {
      const mine = await send('GET', `/open311/v2/requests.json?jurisdiction_id=${own.code}`);
      const ids = (mine.json() as { service_request_id: string; token?: string }[]).map((r) => r.service_request_id);
      expect(ids).toContain(own.request.id);
      // Numbers restart in every municipality, so the other one's number may exist here too; its token never does.
      expect(mine.body).not.toContain(other.request.token);
      expect((await send('GET', `/open311/v2/tokens/${other.request.token}.json?jurisdiction_id=${own.code}`)).statusCode).toBe(404);
      expect((await send('GET', `/open311/v2/tokens/${own.request.token}.json?jurisdiction_id=${own.code}`)).json()).toEqual([{ service_request_id: own.request.id, token: own.request.token }]);
      const theirs = await send('GET', `/open311/v2/requests/${other.request.id}.json?jurisdiction_id=${own.code}`);
      if (theirs.statusCode === 200) expect(theirs.body).not.toContain(other.request.token);
      else expect(theirs.statusCode).toBe(404);
      // /api/public: the other municipality's code gives its public data only.
      for (const path of ['/api/public/topics', '/api/public/territory', '/api/public/notices']) {
        const a = await send('GET', `${path}?tenant=${own.code}`);
        const b = await send('GET', `${path}?tenant=${other.code}`);
        expect(a.statusCode, path).toBe(200);
        expect(b.statusCode, path).toBe(200);
        const idsA = new Set(a.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []);
        const idsB = b.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
        expect(idsB.filter((id) => idsA.has(id)), path).toEqual([]);
      }
    });

    it('creates through Open311 only with a live key, and only in the key’s municipality', async () => {
      const count = async (tenantId: string) => Number((await database.query<{ n: string }>("SELECT count(*)::text AS n FROM cases WHERE tenant_id = $1 AND channel = 'open311'", [tenantId]))[0].n);
      const before = [await count(own.id), await count(other.id)];
      const body = { service_code: own.service, address_string: 'ул. Ленина, 7', description: 'Яма на дороге у остановки' };
      const refusals: [string, LightMyRequestResponse][] = [
        ['без ключа', await send('POST', '/open311/v2/requests.json', form(body))],
        ['чужой ключ для своего кода', await send('POST', '/open311/v2/requests.json', form({ ...body, api_key: other.key, jurisdiction_id: own.code }))],
        ['выдуманный ключ', await send('POST', '/open311/v2/requests.json', form({ ...body, api_key: 'x'.repeat(40) }))],
        ['сессия сотрудника без ключа', await send('POST', '/open311/v2/requests.json', form(body), staff)],
      ];
      for (const [label, res] of refusals) {
        expect(res.statusCode, label).toBe(403);
        expect(res.body, label).toMatch(/[А-Яа-яЁё]/);
      }
      expect([await count(own.id), await count(other.id)]).toEqual(before);
      const ok = await send('POST', '/open311/v2/requests.json', form({ ...body, service_code: other.service, api_key: other.key }));
      expect(ok.statusCode, ok.body).toBe(200);
      expect([await count(own.id), await count(other.id)]).toEqual([before[0], before[1] + 1]);
      await own.session.send('PATCH', `/api/api-keys/${(await database.query<{ id: string }>('SELECT id::text FROM api_keys WHERE tenant_id = $1', [own.id]))[0].id}/active`, { isActive: false });
      expect((await send('POST', '/open311/v2/requests.json', form({ ...body, api_key: own.key }))).statusCode).toBe(403);
    });

    it("shows a resident's answer page by its token only, without personal data, whatever the session", async () => {
      const ch = (await send('GET', '/api/public/challenge')).json() as { token: string; question: string };
      const m = /(\d+) ([+−×]) (\d+)/.exec(ch.question)!;
      const answer = String(m[2] === '+' ? Number(m[1]) + Number(m[3]) : m[2] === '−' ? Number(m[1]) - Number(m[3]) : Number(m[1]) * Number(m[3]));
      const submitted = await app.inject({
        method: 'POST',
        url: '/api/public/messages',
        headers: { 'x-forwarded-for': '10.6.250.1' },
        payload: { tenant: other.code, text: 'Не вывезен мусор у дома 3, кв. 12', address: 'ул. Ленина, 3, кв. 12', name: `${PD.first_name} ${PD.last_name}`, email: PD.email, phone: PD.phone, consent: true, challengeToken: ch.token, challengeAnswer: answer },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const token = submitted.json().token as string;
      for (const headers of [{}, staff]) {
        const res = await send('GET', `/api/public/cases/${token}`, undefined, headers);
        expect(res.statusCode, res.body).toBe(200);
        expect(noPd(res)).toEqual([]);
      }
      const [{ n }] = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM cases WHERE tenant_id = $1 AND number = $2', [other.id, submitted.json().number]);
      expect(n, 'the message went to the municipality named by its code').toBe('1');
      expect((await send('GET', `/api/public/cases/${token.slice(0, -2)}xx`)).statusCode).toBe(404);
    });
  });
}
