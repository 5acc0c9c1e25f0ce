import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(targets())('pausing and resuming the answer clock on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let operator: Client, head: Client;
  const clock = pinnedClock('2026-03-10T07:00:00Z'); // a Tuesday, 11:00 in Саратов

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    [operator, head] = await Promise.all(['operator', 'head'].map((l) => signIn(app, l)));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const message = () => ({
    regime: 'MESSAGE',
    channel: 'phone',
    receivedAt: '2026-03-10T10:30:00+04:00',
    text: 'Во дворе дома 5 по улице Ленина не вывезен мусор уже неделю.',
  });

  it('moves the due date by the paused time and keeps an earlier extension', async () => {
    const plain = (await operator.send('POST', '/api/cases', message())).json();
    const extended = (await operator.send('POST', '/api/cases', message())).json();
    expect(plain.answerDue).toBe(extended.answerDue);
    const ext = await head.send('POST', `/api/cases/${extended.id}/extend`, { days: 10, reason: 'Нужен выезд на место' });
    expect(ext.statusCode).toBe(200);
    expect(new Date(ext.json().answerDue).getTime() - new Date(plain.answerDue).getTime()).toBe(10 * 86400_000);

    for (const c of [plain, extended]) expect((await head.send('POST', `/api/cases/${c.id}/pause`, { reason: 'Ждём ответа заявителя' })).statusCode).toBe(200);
    clock.advance(2 * 86400_000);
    for (const c of [plain, extended]) expect((await head.send('POST', `/api/cases/${c.id}/resume`, {})).statusCode).toBe(200);
    const resumedPlain = (await head.get(`/api/cases/${plain.id}`)).json();
    const resumedExtended = (await head.get(`/api/cases/${extended.id}`)).json();

    expect(new Date(resumedPlain.answerDue).getTime()).toBeGreaterThan(new Date(plain.answerDue).getTime());
    // The pause moved both dates alike; the extension stays on top of it.
    expect(new Date(resumedExtended.answerDue).getTime() - new Date(resumedPlain.answerDue).getTime()).toBe(10 * 86400_000);
  });
});
