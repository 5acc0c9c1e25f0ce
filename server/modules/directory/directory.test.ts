import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { multipart } from '../../test/multipart';

describe.each(targets())('directory on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database);
    admin = await signIn(app, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const count = async (table: string) => Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0].n);

  it('loads the real district: 11 поселения, the recipients and the eight priority topics', async () => {
    const t = (await admin.get('/api/territory')).json();
    expect(t.settlements).toHaveLength(11);
    expect(t.settlements.reduce((s: number, x: { population: number }) => s + x.population, 0)).toBe(41501);
    const topics = (await admin.get('/api/topics')).json();
    const priority = topics.items.filter((x: { parentId: string | null; priority: boolean }) => !x.parentId && x.priority);
    expect(priority.map((x: { code: string }) => x.code).sort()).toEqual(['education', 'energy', 'health', 'housing', 'roads', 'social', 'transport', 'waste']);
    const recipients = (await admin.get('/api/recipients')).json().items;
    expect(recipients.filter((r: { kind: string }) => r.kind === 'settlement_admin')).toHaveLength(11);
  });

  it('creates, edits and deactivates a recipient, each with its audit row', async () => {
    const topics = (await admin.get('/api/topics')).json().items;
    const roads = topics.find((t: { code: string }) => t.code === 'roads').id;
    const created = await admin.send('POST', '/api/recipients', { code: 'otdel-zhkh', name: 'Отдел ЖКХ', kind: 'department', topicIds: [roads] });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const edited = await admin.send('PUT', `/api/recipients/${id}`, { code: 'otdel-zhkh', name: 'Отдел ЖКХ и дорожного хозяйства', kind: 'department', topicIds: [roads], email: 'zhkh@example.ru' });
    expect(edited.json().name).toBe('Отдел ЖКХ и дорожного хозяйства');
    await admin.send('PATCH', `/api/recipients/${id}/active`, { isActive: false });
    const list = (await admin.get('/api/recipients')).json().items;
    expect(list.find((r: { id: string }) => r.id === id)).toMatchObject({ isActive: false, email: 'zhkh@example.ru', topicIds: [roads] });
    const audit = (await admin.get(`/api/audit?entity=recipient&entityId=${id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['deactivate', 'update', 'create']);
    expect(audit[1].before.name).toBe('Отдел ЖКХ');
    expect(audit[1].actor).toBe('Соколова Ирина Павловна');
  });

  it('refuses bad input with Russian messages naming the field and writes nothing', async () => {
    const before = await count('recipients');
    const auditBefore = await count('audit_events');
    const res = await admin.send('POST', '/api/recipients', { code: 'Плохой код', name: '', kind: 'ministry' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({ code: expect.stringMatching(/^Код:/), name: expect.stringMatching(/^Наименование:/), kind: expect.stringMatching(/^Вид получателя:/) });
    const unknownTopic = await admin.send('POST', '/api/recipients', { code: 'ok-code', name: 'Имя', kind: 'department', topicIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknownTopic.statusCode).toBe(400);
    expect(unknownTopic.json().error.message).toMatch(/Тематики/);
    expect(await count('recipients')).toBe(before);
    expect(await count('audit_events')).toBe(auditBefore);
  });

  it('refuses a duplicate code and a cycle in the hierarchy', async () => {
    const dup = await admin.send('POST', '/api/recipients', { code: 'krasnoarmeysky-admin', name: 'Дубль', kind: 'department' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/уже есть/);
    const list = (await admin.get('/api/recipients')).json().items;
    const root = list.find((r: { code: string }) => r.code === 'krasnoarmeysky-admin');
    const child = list.find((r: { code: string }) => r.code === 'admin-kamenskoe');
    const cycle = await admin.send('PUT', `/api/recipients/${root.id}`, { code: root.code, name: root.name, kind: root.kind, parentId: child.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields.parentId).toBeDefined();
  });

  it('keeps the rubricator to two levels', async () => {
    const topics = (await admin.get('/api/topics')).json().items;
    const sub = topics.find((t: { parentId: string | null }) => t.parentId);
    const res = await admin.send('POST', '/api/topics', { code: 'deeper', name: 'Третий уровень', parentId: sub.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/подтематика не может содержать/);
  });

  it('imports a gazetteer in Windows-1251 with «;», keeping good rows and reporting bad ones by row number', async () => {
    const iconv = (await import('iconv-lite')).default;
    const csv = ['code;name;type;settlement_code;lat;lon', 'novoe;Новое;село;kamenskoe;50.9;45.5', 'bad;Плохое;село;nowhere;;', 'far;Далёкое;село;kamenskoe;95;45'].join('\r\n');
    const body = multipart('gazetteer.csv', iconv.encode(csv, 'win1251'));
    const res = await app.inject({ method: 'POST', url: '/api/territory/import', headers: { ...admin.headers, 'content-type': body.type }, payload: body.data });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.inserted).toBe(1);
    expect(report.errors).toEqual([
      { row: 3, message: expect.stringMatching(/Поселение с кодом «nowhere» не найдено/) },
      { row: 4, message: expect.stringMatching(/Широта/) },
    ]);
    const t = (await admin.get('/api/territory')).json();
    expect(t.localities.find((l: { code: string }) => l.code === 'novoe')).toMatchObject({ name: 'Новое', lat: 50.9 });
  });

  it('refuses a binary file named .csv and an empty file with a clear message', async () => {
    const bin = multipart('data.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]));
    const res = await app.inject({ method: 'POST', url: '/api/territory/import', headers: { ...admin.headers, 'content-type': bin.type }, payload: bin.data });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/двоичный/);
    const empty = multipart('empty.csv', Buffer.from('code;name;settlement_code\r\n'));
    const res2 = await app.inject({ method: 'POST', url: '/api/territory/import', headers: { ...admin.headers, 'content-type': empty.type }, payload: empty.data });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.message).toMatch(/пуст/);
  });

  it('imports a rubricator (e.g. the ПОС categories): new topics and sub-topics in, a bad row reported', async () => {
    const csv = ['topic_code;topic_name;subtopic_code;subtopic_name;block_code;priority', 'pos-med;Медицина;pos-med.card;Медицинская карта;social;да', 'pos-med;Медицина;pos-med.queue;Запись к врачу;social;да', 'roads.bad;Плохо;;;nowhere;'].join('\n');
    const body = multipart('rubricator.csv', Buffer.from(csv));
    const res = await app.inject({ method: 'POST', url: '/api/topics/import', headers: { ...admin.headers, 'content-type': body.type }, payload: body.data });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 3, updated: 1, errors: [{ row: 4, message: expect.stringMatching(/Блок с кодом «nowhere»/) }] });
    const items = (await admin.get('/api/topics')).json().items;
    const med = items.find((t: { code: string }) => t.code === 'pos-med');
    expect(items.filter((t: { parentId: string }) => t.parentId === med.id).map((t: { name: string }) => t.name).sort()).toEqual(['Запись к врачу', 'Медицинская карта']);
  });
});
