import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { NOT_FOUND_MESSAGE } from './find-my-case';
import { FIND_RATE } from './public-case.routes';

/** «Найти моё обращение»: number + the phone or e-mail given with it → a secret link; nothing else. */
describe.each(targets())('find my case on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let ip = 1;
  const nextIp = () => `10.7.0.${ip++}`;
  const find = (body: Record<string, unknown>, addr = nextIp()) => app.inject({ method: 'POST', url: '/api/public/cases/find', headers: { 'x-forwarded-for': addr }, payload: body });
  let number: string;
  let other: string;

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database);
    const operator = await signIn(app, 'operator');
    const create = async (applicant: Record<string, unknown>) =>
      (await operator.send('POST', '/api/cases', { regime: 'MESSAGE', channel: 'phone', receivedAt: new Date().toISOString(), text: 'Не горит фонарь у школы', applicant })).json();
    number = (await create({ fullName: 'Петрова Анна', phone: '+7 (927) 111-22-33', email: 'Anna.Petrova@example.ru' })).number;
    other = (await create({ fullName: 'Иванов Пётр', phone: '8 927 444 55 66' })).number;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('gives a new secret link for the number and the phone in any writing, or the e-mail in any case', async () => {
    for (const contact of ['89271112233', '+7 927 111 22 33', ' anna.petrova@EXAMPLE.ru ']) {
      const res = await find({ number: `№ ${number}`, contact });
      expect(res.statusCode).toBe(200);
      const { token } = res.json();
      expect(Object.keys(res.json())).toEqual(['token']);
      const page = await app.inject({ method: 'GET', url: `/api/public/cases/${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.json().number).toBe(number);
      // The status page shows no personal data of the applicant.
      expect(page.body).not.toMatch(/Петрова|111-22-33|2233|anna/i);
    }
  });

  it('answers the same for a wrong number, a wrong contact and another case’s contact', async () => {
    const answers = await Promise.all([
      find({ number: '99999-2026-999999', contact: '89271112233' }),
      find({ number, contact: '89270000000' }),
      find({ number, contact: 'someone@example.ru' }),
      find({ number, contact: '89274445566' }),
      find({ number: other, contact: 'anna.petrova@example.ru' }),
    ]);
    for (const a of answers) {
      expect(a.statusCode).toBe(404);
      expect(a.json().error.message).toBe(NOT_FOUND_MESSAGE);
    }
    const bad = await find({ number, contact: '12-34' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^Телефон или электронная почта:/);
  });

  it('limits the tries per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < FIND_RATE.max; i++) codes.push((await find({ number, contact: `8927000000${i}` }, '10.7.1.1')).statusCode);
    expect(codes).toEqual(Array(FIND_RATE.max).fill(404));
    const last = await find({ number, contact: '89271112233' }, '10.7.1.1');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.message).toMatch(/Слишком много запросов/);
  });
});
