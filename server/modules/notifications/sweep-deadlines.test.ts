import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { sweepDeadlines } from './sweep-deadlines';
import { sendPendingEmails } from './send-emails';

describe.each(targets())('deadline sweep on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let tenantId: string;
  const clock = pinnedClock('2026-03-02T06:00:00Z'); // Monday 10:00 in Саратов
  const mails: { to: string; body: string }[] = [];
  let smtp: SMTPServer;
  let smtpUrl: string;

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let body = '';
        stream.on('data', (d: Buffer) => (body += d.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    await database.query("UPDATE users SET email = login || '@mcu.example' WHERE login IN ('exec.kamenskoe', 'rhead.kamenskoe', 'head')");
  });
  afterAll(async () => {
    await app.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    await dispose();
  });

  it('reminds before the deadline and escalates after it, once, only in working hours, and e-mails through SMTP', async () => {
    const head = await signIn(app, 'head');
    const recipients = (await head.get('/api/recipients')).json().items;
    const kamenskoe = recipients.find((r: { code: string }) => r.code === 'admin-kamenskoe').id;
    // A web-form message: 8 working days; at risk 2 working days before.
    const c = (
      await head.send('POST', '/api/cases', { regime: 'MESSAGE', channel: 'web', receivedAt: '2026-03-02T10:00:00+04:00', text: 'Не вывозят мусор с площадки у школы', recipientId: kamenskoe })
    ).json();
    expect(c.answerDue).toBe('2026-03-13T19:59:59.999Z'); // 03,04,05,06,10,11,12,13 (09.03 is the day off for 8 March)
    expect(await sweepDeadlines(database, tenantId, clock())).toEqual({ reminded: 0, escalated: 0 });

    clock.set('2026-03-12T06:00:00Z'); // Thursday: 1 working day left → at risk
    expect((await sweepDeadlines(database, tenantId, clock())).reminded).toBe(1);
    expect((await sweepDeadlines(database, tenantId, clock())).reminded).toBe(0); // not twice

    clock.set('2026-03-14T08:00:00Z'); // Saturday: overdue, but no alerts at weekends
    expect(await sweepDeadlines(database, tenantId, clock())).toMatchObject({ escalated: 0, skipped: 'outside_working_hours' });
    clock.set('2026-03-16T03:00:00Z'); // Monday 07:00 local: before working hours
    expect((await sweepDeadlines(database, tenantId, clock())).skipped).toBe('outside_working_hours');
    clock.set('2026-03-16T05:30:00Z'); // Monday 09:30 local
    expect((await sweepDeadlines(database, tenantId, clock())).escalated).toBe(1);

    const kinds = await database.query<{ login: string; kind: string }>('SELECT u.login, n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.case_id = $1 ORDER BY 1, 2', [c.id]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        { login: 'exec.kamenskoe', kind: 'reminder' },
        { login: 'rhead.kamenskoe', kind: 'overdue' },
        { login: 'head', kind: 'overdue' },
      ]),
    );
    expect(kinds.find((k) => k.login === 'exec.krasnoarmeysk')).toBeUndefined();

    const sent = await sendPendingEmails(database, smtpUrl, 'mcu@krasnoarmeysk.example', clock(), 'http://mcu.example');
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining(['exec.kamenskoe@mcu.example', 'rhead.kamenskoe@mcu.example', 'head@mcu.example']));
    expect(mails.map((m) => decodeBody(m.body)).some((b) => b.includes(`/cases/${c.id}`) && b.includes('Просрочен ответ'))).toBe(true);
    expect(await sendPendingEmails(database, smtpUrl, 'mcu@krasnoarmeysk.example', clock(), 'http://mcu.example')).toBe(0);
  });
});

/** The text of a single-part message (nodemailer sends Cyrillic as base64). */
function decodeBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  return /Content-Transfer-Encoding: base64/i.test(head) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
}
