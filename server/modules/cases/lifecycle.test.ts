import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import { multipart } from '../../test/multipart';
import type { Database } from '../../db/client';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(targets())('case lifecycle on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let operator: Client, head: Client, exec: Client, rhead: Client, other: Client;
  let kamenskoe: string, roadsPotholes: string;
  const clock = pinnedClock('2026-04-30T07:00:00Z'); // 11:00 in Саратов, before the May holidays

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    [operator, head, exec, rhead, other] = await Promise.all(['operator', 'head', 'exec.kamenskoe', 'rhead.kamenskoe', 'exec.krasnoarmeysk'].map((l) => signIn(app, l)));
    const recipients = (await head.get('/api/recipients')).json().items;
    kamenskoe = recipients.find((r: { code: string }) => r.code === 'admin-kamenskoe').id;
    const topics = (await head.get('/api/topics')).json().items;
    roadsPotholes = topics.find((t: { code: string }) => t.code.startsWith('roads.')).id;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const appeal = () => ({
    regime: 'FZ59',
    channel: 'reception',
    receivedAt: '2026-04-30T10:30:00+04:00',
    text: 'Прошу отремонтировать дорогу по улице Школьной в рп Каменский: ямы глубиной до 20 см.',
    subtopicId: roadsPotholes,
    applicant: { fullName: 'Петров Пётр Петрович', postalAddress: '412815, Саратовская обл., рп Каменский, ул. Школьная, д. 3', phone: '+7 927 000-11-22' },
  });

  it('registers an appeal at reception with 59-ФЗ deadlines and its number', async () => {
    const res = await operator.send('POST', '/api/cases', appeal());
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.number).toMatch(/^2026-\d{6}$/);
    expect(c.status).toBe('registered');
    expect(c.answerDue).toBe('2026-05-30T19:59:59.999Z'); // 30 calendar days from 30.04, end of day in Саратов
    expect(c.fastTrack).toBe(true); // roads is a socially significant topic
  });

  it('refuses a 59-ФЗ appeal without the applicant’s name and reply address, writing nothing', async () => {
    const before = (await head.get('/api/cases/count')).json().total;
    const res = await operator.send('POST', '/api/cases', { ...appeal(), applicant: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['applicant.fullName']).toMatch(/59-ФЗ/);
    expect((await head.get('/api/cases/count')).json().total).toBe(before);
  });

  it('goes through assign, work, review, return, approval and a low rating that reopens it', async () => {
    const c = (await operator.send('POST', '/api/cases', appeal())).json();
    expect((await head.send('POST', `/api/cases/${c.id}/assign`, { recipientId: kamenskoe })).statusCode).toBe(200);
    // Another recipient's executor cannot touch it.
    const foreign = await other.send('POST', `/api/cases/${c.id}/accept`, {});
    expect([403, 404]).toContain(foreign.statusCode);
    expect((await exec.send('POST', `/api/cases/${c.id}/accept`, {})).json().status).toBe('in_work');
    const inbox = (await exec.get('/api/inbox')).json().items;
    expect(inbox.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await exec.send('POST', `/api/cases/${c.id}/submit`, { text: 'Ваше обращение рассмотрено, информация принята к сведению.' })).json().status).toBe('under_review');
    const returned = await head.send('POST', `/api/cases/${c.id}/return`, { criteria: ['formal', 'no_date'], comment: 'Нет срока ремонта и сути' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnsCount: 1 });
    expect((await exec.get('/api/inbox')).json().items.find((x: { id: string }) => x.id === c.id).status).toBe('returned');
    await exec.send('POST', `/api/cases/${c.id}/submit`, { text: 'Ямочный ремонт ул. Школьной будет выполнен подрядчиком до 20.05.2026, фото после ремонта приложим.', completionDate: '2026-05-20' });
    clock.advance(3 * 86400_000);
    const approved = (await head.send('POST', `/api/cases/${c.id}/approve`, {})).json();
    expect(approved.status).toBe('answered');
    expect(approved.ratingToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const rated = (await head.send('POST', `/api/cases/${c.id}/rate`, { rating: 2, comment: 'Ям стало больше' })).json();
    expect(rated).toMatchObject({ status: 'reopened', rating: 2, reopenCount: 1 });
    const card = (await head.get(`/api/cases/${c.id}`)).json();
    expect(card.timeline.map((e: { action: string }) => e.action)).toEqual(['rate', 'approve_answer', 'submit_answer', 'return_for_rework', 'submit_answer', 'accept', 'assign', 'register']);
    expect(card.answers.map((a: { state: string }) => a.state)).toEqual(['returned', 'approved']);
    // The recipient's head was told about the low rating.
    const [n] = await database.query<{ n: string }>("SELECT count(*)::text AS n FROM notifications WHERE kind LIKE 'low_rating:%'");
    expect(Number(n.n)).toBeGreaterThan(0);
  });

  it('refuses impossible transitions and a second extension, leaving the state unchanged', async () => {
    const c = (await operator.send('POST', '/api/cases', appeal())).json();
    const bad = await head.send('POST', `/api/cases/${c.id}/approve`, {});
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.message).toMatch(/недоступно в текущем статусе/);
    const ext = await head.send('POST', `/api/cases/${c.id}/extend`, { days: 30, reason: 'Требуется выезд комиссии' });
    const extended = new Date(c.answerDue).getTime() + 30 * 86400_000;
    expect(ext.json().answerDue).toBe(new Date(extended).toISOString());
    const again = await head.send('POST', `/api/cases/${c.id}/extend`, { days: 5, reason: 'Ещё раз' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/один раз/);
    const tooLong = await head.send('POST', `/api/cases/${c.id}/extend`, { days: 31, reason: 'Слишком долго' });
    expect(tooLong.statusCode).toBe(400);
    const card = (await head.get(`/api/cases/${c.id}`)).json();
    expect(card).toMatchObject({ status: 'registered', extensionDays: 30, answerDue: new Date(extended).toISOString() });
  });

  it('masks the applicant on the card and logs every clear read', async () => {
    const c = (await operator.send('POST', '/api/cases', appeal())).json();
    const card = (await head.get(`/api/cases/${c.id}`)).json();
    expect(card.applicant.fullName).toBe('П*** П. П.');
    expect(card.applicant.phone).toBe('*** ***-**-22');
    expect(JSON.stringify(card)).not.toContain('Петров');
    const clear = (await head.get(`/api/cases/${c.id}/applicant`)).json();
    expect(clear.fullName).toBe('Петров Пётр Петрович');
    const log = await database.query<{ action: string }>('SELECT action FROM pd_access_log WHERE case_id = $1', [c.id]);
    expect(log.map((l) => l.action)).toEqual(['view']);
    const curator = await signIn(app, 'curator');
    expect((await curator.get(`/api/cases/${c.id}/applicant`)).statusCode).toBe(403);
  });

  it('refuses a file that is too large or not what its name says', async () => {
    const c = (await operator.send('POST', '/api/cases', appeal())).json();
    const big = multipart('photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(11 * 1024 * 1024)]));
    const r1 = await app.inject({ method: 'POST', url: `/api/cases/${c.id}/files`, headers: { ...operator.headers, 'content-type': big.type }, payload: big.data });
    expect(r1.statusCode).toBe(413);
    expect(r1.json().error.message).toMatch(/больше 10 МБ/);
    const html = multipart('photo.jpg', Buffer.from('<html><script>alert(1)</script></html>'));
    const r2 = await app.inject({ method: 'POST', url: `/api/cases/${c.id}/files`, headers: { ...operator.headers, 'content-type': html.type }, payload: html.data });
    expect(r2.statusCode).toBe(400);
    const png = multipart('схема.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const r3 = await app.inject({ method: 'POST', url: `/api/cases/${c.id}/files`, headers: { ...operator.headers, 'content-type': png.type }, payload: png.data });
    expect(r3.json()).toMatchObject({ fileName: 'схема.png', mimeType: 'image/png' });
    const dl = await operator.get(`/api/cases/${c.id}/files/${r3.json().id}`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment/);
    expect((await head.get(`/api/cases/${c.id}`)).json().files).toHaveLength(1);
  });
});
