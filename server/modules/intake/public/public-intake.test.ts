import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { freshDatabase, targets } from '../../../test/databases';
import { pinnedClock, testApp } from '../../../test/http';
import type { Database } from '../../../db/client';
import { caseApplicants, caseFiles, caseTokens, cases } from '../../../db/schema';
import { computeCaseDeadlines } from '../../cases/deadlines/compute-case-deadlines';
import { loadTenantDeadlines } from '../../cases/deadlines/deadline-context';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

/** multipart/form-data with text fields and files, as a browser form sends it. */
export function formData(fields: Record<string, string>, files: { field: string; name: string; data: Buffer }[] = []) {
  const boundary = '----mcuform' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: image/jpeg\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat(parts) };
}

/** Answers the arithmetic question as a resident would. */
export function solve(question: string): string {
  const m = /(\d+) ([+−×]) (\d+)/.exec(question)!;
  const [a, b] = [Number(m[1]), Number(m[3])];
  return String(m[2] === '+' ? a + b : m[2] === '−' ? a - b : a * b);
}

describe.each(targets())('public page for residents on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const clock = pinnedClock('2026-04-30T07:00:00Z');
  let ip = 1;
  const nextIp = () => `10.1.0.${ip++}`;

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database, clock);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const challenge = async (addr = nextIp()) => (await app.inject({ method: 'GET', url: '/api/public/challenge', headers: { 'x-forwarded-for': addr } })).json();
  const post = (fields: Record<string, string>, files: { field: string; name: string; data: Buffer }[] = [], addr = nextIp()) => {
    const f = formData(fields, files);
    return app.inject({ method: 'POST', url: '/api/public/messages', headers: { 'content-type': f.type, 'x-forwarded-for': addr }, payload: f.data });
  };
  const form = async (extra: Record<string, string> = {}) => {
    const c = await challenge();
    return { text: 'Не горит фонарь у дома 5 по улице Ленина уже неделю', address: 'г. Красноармейск, ул. Ленина, 5', name: 'Петрова Анна', email: 'anna@example.ru', consent: 'true', challengeToken: c.token, challengeAnswer: solve(c.question), ...extra };
  };

  it('gives the form its rubricator and the territory with the district boundary, without login', async () => {
    const topics = await app.inject({ method: 'GET', url: '/api/public/topics' });
    expect(topics.statusCode).toBe(200);
    const roads = topics.json().items.find((t: { name: string }) => t.name === 'Дорожная деятельность');
    expect(roads.subtopics.map((s: { name: string }) => s.name)).toContain('Освещение улиц');
    const territory = (await app.inject({ method: 'GET', url: '/api/public/territory?tenant=krasnoarmeysky' })).json();
    expect(territory.tenant.code).toBe('krasnoarmeysky');
    expect(territory.settlements.length).toBe(11);
    expect(territory.localities.map((l: { name: string }) => l.name)).toContain('Каменский');
    expect(territory.boundary.features[0]).toMatchObject({ type: 'Feature', properties: { kind: 'district' } });
    expect((await app.inject({ method: 'GET', url: '/api/public/territory?tenant=nope' })).statusCode).toBe(404);
  });

  it('takes a message with a photo: a web case with the rule deadlines, the consent, a secret link stored as a hash', async () => {
    const res = await post(await form(), [{ field: 'photos', name: 'фонарь.png', data: PNG }]);
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.number).toMatch(/^2026-\d{6}$/);
    expect(out.token.length).toBeGreaterThan(30);
    const [c] = await database.db.select().from(cases).where(eq(cases.number, out.number));
    expect(c).toMatchObject({ channel: 'web', regime: 'MESSAGE', status: 'received', address: 'г. Красноармейск, ул. Ленина, 5' });
    const d = await loadTenantDeadlines(database.db, c.tenantId);
    const expected = computeCaseDeadlines({ regime: 'MESSAGE', channel: 'web', topicId: null, parentTopicId: null, fastTrack: false }, { receivedAt: clock(), registeredAt: null }, d.rules, d.ctx);
    expect(c.answerDue).toEqual(expected.answerDue);
    const [a] = await database.db.select().from(caseApplicants).where(eq(caseApplicants.caseId, c.id));
    expect(a).toMatchObject({ fullName: 'Петрова Анна', email: 'anna@example.ru', replyBy: 'email' });
    expect(a.consentAt).toEqual(clock());
    const files = await database.db.select().from(caseFiles).where(eq(caseFiles.caseId, c.id));
    expect(files.map((f) => [f.fileName, f.mimeType])).toEqual([['фонарь.png', 'image/png']]);
    const tokens = await database.db.select().from(caseTokens).where(eq(caseTokens.caseId, c.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0].tokenHash).not.toBe(out.token);
    const status = await app.inject({ method: 'GET', url: `/api/public/cases/${out.token}` });
    expect(status.json()).toMatchObject({ number: out.number, status: 'received' });
  });

  it('accepts JSON without photos, with a topic and a map point', async () => {
    const topics = (await app.inject({ method: 'GET', url: '/api/public/topics' })).json().items;
    const sub = topics.find((t: { name: string }) => t.name === 'Дорожная деятельность').subtopics[0];
    const c = await challenge();
    const res = await app.inject({ method: 'POST', url: '/api/public/messages', headers: { 'x-forwarded-for': nextIp() }, payload: { text: 'Яма на дороге у остановки, глубокая', lat: 51.02, lon: 45.7, topicId: sub.id, consent: true, challengeToken: c.token, challengeAnswer: solve(c.question) } });
    expect(res.statusCode).toBe(200);
    const [row] = await database.db.select().from(cases).where(eq(cases.number, res.json().number));
    expect(row).toMatchObject({ subtopicId: sub.id, lat: 51.02, lon: 45.7, fastTrack: true });
  });

  it('refuses a wrong answer, a reused challenge, a missing consent, a fake photo and a point outside the district', async () => {
    const before = (await database.db.select({ id: cases.id }).from(cases)).length;
    const wrong = await post({ ...(await form()), challengeAnswer: '1000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.challengeAnswer).toBe('Неверный ответ на проверочный вопрос');
    const used = await form();
    expect((await post(used)).statusCode).toBe(200);
    const again = await post(used);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toMatch(/уже использован/);
    const noConsent = await post({ ...(await form()), consent: 'false' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields.consent).toMatch(/Согласие на обработку персональных данных/);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const fake = await post(await form(), [{ field: 'photos', name: 'photo.jpg', data: html }]);
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.message).toMatch(/только изображение/);
    const pdf = await post(await form(), [{ field: 'photos', name: 'scan.jpg', data: Buffer.from('%PDF-1.7 test') }]);
    expect(pdf.statusCode).toBe(400);
    const far = await post({ ...(await form()), lat: '55.75', lon: '37.61' });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toMatch(/вне территории/);
    const noPlace = await post({ ...(await form()), address: '' });
    expect(noPlace.json().error.fields.address).toMatch(/адрес или точку/);
    expect((await database.db.select({ id: cases.id }).from(cases)).length).toBe(before + 1);
  });

  it('limits submissions per address: the sixth in ten minutes gets 429', async () => {
    const addr = '10.9.9.9';
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await post({ text: 'x', consent: 'true', challengeToken: 'x', challengeAnswer: '1' }, [], addr)).statusCode);
    expect(codes.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(codes[5]).toBe(429);
    const other = await post({ text: 'x', consent: 'true', challengeToken: 'x', challengeAnswer: '1' }, [], '10.9.9.10');
    expect(other.statusCode).toBe(400);
  });
});
