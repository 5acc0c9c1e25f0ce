import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { freshDatabase, targets } from '../../../test/databases';
import { pinnedClock, signIn, testApp } from '../../../test/http';
import type { Database } from '../../../db/client';
import { caseApplicants, cases } from '../../../db/schema';

/**
 * A strict enough XML 1.0 check for these documents: one declaration, balanced and properly
 * nested elements, only the five predefined entities, no raw «<» or «&» in text.
 */
function wellFormed(xml: string): { root: string; elements: string[] } {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const elements: string[] = [];
  let root = '';
  const re = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>|([^<]+)/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    expect(m.index, `unexpected markup at ${m.index}`).toBe(last);
    last = re.lastIndex;
    if (m[4] !== undefined) {
      expect(m[4]).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      if (m[4].trim()) expect(stack.length, 'text outside the root').toBeGreaterThan(0);
      continue;
    }
    const [, close, name, self] = m;
    if (!stack.length && !close) {
      expect(root, 'two roots').toBe('');
      root = name;
    }
    elements.push(name);
    if (close) expect(stack.pop()).toBe(name);
    else if (!self) stack.push(name);
  }
  expect(last).toBe(body.length);
  expect(stack).toEqual([]);
  return { root, elements };
}

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

describe.each(targets())('Open311 GeoReport v2 on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let key: string;
  let keyId: string;
  let serviceCode: string;
  const clock = pinnedClock('2026-04-30T07:00:00Z');
  const send = (method: 'GET' | 'POST', url: string, payload?: string) =>
    app.inject({ method, url, payload, headers: payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {} });

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('lets an administrator issue a key, shown once and stored as a hash', async () => {
    const admin = await signIn(app, 'admin');
    const res = await admin.send('POST', '/api/api-keys', { name: 'Мобильное приложение «Город»' });
    expect(res.statusCode).toBe(200);
    ({ key, id: keyId } = res.json());
    expect(key).toMatch(/^mcu_/);
    const list = (await admin.get('/api/api-keys')).json().items;
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(key);
    const operator = await signIn(app, 'operator');
    expect((await operator.send('POST', '/api/api-keys', { name: 'x' })).statusCode).toBe(403);
  });

  it('lists services (sub-topics) and a service definition in JSON and well-formed XML', async () => {
    const json = await send('GET', '/open311/v2/services.json');
    expect(json.statusCode).toBe(200);
    const services = json.json();
    expect(services.length).toBeGreaterThan(50);
    const light = services.find((s: { service_name: string }) => s.service_name === 'Освещение улиц');
    expect(light).toMatchObject({ metadata: false, type: 'realtime', group: 'Дорожная деятельность' });
    serviceCode = light.service_code;
    const xml = await send('GET', '/open311/v2/services.xml');
    expect(xml.headers['content-type']).toContain('text/xml');
    const doc = wellFormed(xml.body);
    expect(doc.root).toBe('services');
    expect(doc.elements).toEqual(expect.arrayContaining(['service', 'service_code', 'service_name', 'metadata', 'type', 'keywords', 'group']));
    const def = (await send('GET', `/open311/v2/services/${serviceCode}.json`)).json();
    expect(def).toEqual({ service_code: serviceCode, attributes: [] });
    expect(wellFormed((await send('GET', `/open311/v2/services/${serviceCode}.xml`)).body).root).toBe('service_definition');
    const missing = await send('GET', '/open311/v2/services/nope.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()[0]).toMatchObject({ code: 404 });
    expect(wellFormed((await send('GET', '/open311/v2/services/nope.xml')).body).root).toBe('errors');
  });

  it('creates a request with the key, then finds it by query, by id and by token, without personal data', async () => {
    const noKey = await send('POST', '/open311/v2/requests.json', form({ service_code: serviceCode, lat: '51.02', long: '45.7', description: 'Не горит фонарь' }));
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()[0].code).toBe(403);
    const badService = await send('POST', '/open311/v2/requests.json', form({ api_key: key, service_code: 'nope', lat: '51.02', long: '45.7', description: 'Не горит фонарь' }));
    expect(badService.statusCode).toBe(400);
    const noPlace = await send('POST', '/open311/v2/requests.json', form({ api_key: key, service_code: serviceCode, description: 'Не горит фонарь' }));
    expect(noPlace.statusCode).toBe(400);

    const created = await send('POST', '/open311/v2/requests.json', form({ api_key: key, service_code: serviceCode, lat: '51.02', long: '45.7', address_string: 'г. Красноармейск, ул. Ленина, 5, кв. 12', description: 'Не горит фонарь у подъезда <3> & темно', email: 'ivan@example.ru', first_name: 'Иван', last_name: 'Сидоров', phone: '+79270001122' }));
    expect(created.statusCode).toBe(200);
    const [{ service_request_id: id, token }] = created.json();
    expect(id).toMatch(/^2026-\d{6}$/);
    const [c] = await database.db.select().from(cases).where(eq(cases.number, id));
    expect(c).toMatchObject({ channel: 'open311', regime: 'MESSAGE', status: 'received' });
    expect(c.answerDue).not.toBeNull();
    const [a] = await database.db.select().from(caseApplicants).where(eq(caseApplicants.caseId, c.id));
    expect(a).toMatchObject({ fullName: 'Сидоров Иван', email: 'ivan@example.ru' });

    const xmlCreated = await send('POST', '/open311/v2/requests.xml', form({ api_key: key, service_code: serviceCode, address_string: 'рп Каменский, ул. Школьная, 3', description: 'Второе сообщение' }));
    const xdoc = wellFormed(xmlCreated.body);
    expect(xdoc.root).toBe('service_requests');
    expect(xdoc.elements).toEqual(expect.arrayContaining(['request', 'service_request_id', 'token']));

    const list = await send('GET', '/open311/v2/requests.json');
    const found = list.json().find((r: { service_request_id: string }) => r.service_request_id === id);
    expect(found).toMatchObject({ status: 'open', status_notes: 'Поступило', service_code: serviceCode, service_name: 'Освещение улиц', lat: 51.02, long: 45.7, address: 'г. Красноармейск, ул. Ленина, 5' });
    for (const pd of ['ivan@example.ru', 'Сидоров', '79270001122', 'кв. 12', 'подъезда']) expect(list.body).not.toContain(pd);
    expect((await send('GET', '/open311/v2/requests.json?status=closed')).json().some((r: { service_request_id: string }) => r.service_request_id === id)).toBe(false);
    expect((await send('GET', `/open311/v2/requests.json?service_code=${serviceCode}`)).json().length).toBe(2);
    expect((await send('GET', '/open311/v2/requests.json?service_code=roads.none')).json()).toEqual([]);

    const one = (await send('GET', `/open311/v2/requests/${id}.json`)).json();
    expect(one).toHaveLength(1);
    expect(one[0].service_request_id).toBe(id);
    const xml = wellFormed((await send('GET', `/open311/v2/requests/${id}.xml`)).body);
    expect(xml.root).toBe('service_requests');
    expect(xml.elements).toEqual(expect.arrayContaining(['request', 'service_request_id', 'status', 'status_notes', 'requested_datetime', 'lat', 'long']));
    expect(wellFormed((await send('GET', '/open311/v2/requests.xml')).body).root).toBe('service_requests');

    const byToken = (await send('GET', `/open311/v2/tokens/${token}.json`)).json();
    expect(byToken).toEqual([{ service_request_id: id, token }]);
    expect(wellFormed((await send('GET', `/open311/v2/tokens/${token}.xml`)).body).root).toBe('service_requests');
    expect((await send('GET', '/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json')).statusCode).toBe(404);
    expect((await send('GET', '/open311/v2/requests/2026-999999.json')).statusCode).toBe(404);
  });

  it('refuses a deactivated key', async () => {
    const admin = await signIn(app, 'admin');
    expect((await admin.send('PATCH', `/api/api-keys/${keyId}/active`, { isActive: false })).statusCode).toBe(200);
    const res = await send('POST', '/open311/v2/requests.json', form({ api_key: key, service_code: serviceCode, lat: '51.02', long: '45.7', description: 'Не горит фонарь' }));
    expect(res.statusCode).toBe(403);
  });
});
