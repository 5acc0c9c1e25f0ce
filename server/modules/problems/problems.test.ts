import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import { multipart } from '../../test/multipart';
import type { Database } from '../../db/client';
import { rows } from '../../db/rows';
import { at, buildFixture, insertCase, NOW, type Fixture } from '../analytics/analytics-fixture';
import { sweepMeasures } from './sweep-measures';

type Client = Awaited<ReturnType<typeof signIn>>;

/** Cases on T2 × S3 (no other case has that cell): n cases from a local date, one every `step` days. */
async function plant(database: Database, f: Fixture, from: string, n: number, step: number, text = 'Протекает крыша в доме') {
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.parse(`${from}T00:00:00Z`) + i * step * 864e5).toISOString().slice(0, 10);
    await insertCase(database, f.A, { receivedAt: at(`${d}T10:00`), topicId: f.T2, settlementId: f.S3, text: `${text} ${i}`, status: 'closed' });
  }
}

describe.each(targets())('problems and roadmaps on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let curator: Client;
  let f: Fixture;
  let headId: string;
  let curatorId: string;
  const clock = pinnedClock(NOW); // Friday 20.11.2026, 11:00 in Саратов

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
    // The effect's fixed data on T2 × S3. Measure done 01.09.2026, today 20.11.2026 → 80 days each side:
    // before 13.06–31.08.2026: 20 cases; after 01.09–19.11.2026: 5; a year earlier 10 before and 10 after.
    await plant(database, f, '2026-06-15', 20, 4);
    await plant(database, f, '2026-09-10', 5, 14);
    await plant(database, f, '2025-06-20', 10, 7);
    await plant(database, f, '2025-09-05', 10, 7);
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    head = await signIn(app, 'head.a');
    curator = await signIn(app, 'curator.a');
    const people = await rows<{ id: string; login: string }>(database.db, sql`SELECT id, login FROM users WHERE login IN ('head.a', 'curator.a')`);
    headId = people.find((p) => p.login === 'head.a')!.id;
    curatorId = people.find((p) => p.login === 'curator.a')!.id;
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('drafts a problem from a growth signal and creates it with the signal’s cases', async () => {
    const key = `2026-W20:${f.T2}:${f.S2}`;
    const draft = await head.get(`/api/problems/signal-draft?signal=${encodeURIComponent(key)}`);
    expect(draft.statusCode, draft.body).toBe(200);
    const d = draft.json();
    expect(d.topic).toEqual({ id: f.T2, name: 'Тематика housing' });
    expect(d.settlement).toEqual({ id: f.S2, name: 'Поселение s2' });
    expect(d.found).toBe(true);
    expect(d.cases).toHaveLength(8);
    const signal = (await head.get('/api/analytics/signals?week=2026-W20')).json().items.find((i: { signalKey: string }) => i.signalKey === key);
    expect(d.description).toBe(`Сигнал роста за неделю W20 (11.05–17.05.2026): 8 обращений при ожидаемых ${signal.expected.toFixed(1).replace('.', ',')}.`);
    const created = await head.send('POST', '/api/problems', { title: d.title, description: d.description, topicId: f.T2, settlementId: f.S2, signalKey: key, caseIds: d.cases.map((c: { id: string }) => c.id) });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().casesLinked).toBe(8);
    const card = (await head.get(`/api/problems/${created.json().id}`)).json();
    expect(card.source).toBe('signal');
    expect(card.casesTotal).toBe(8);
    expect(card.status).toBe('open');
    // Every link is on the case's timeline.
    const [{ n }] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE entity = 'case' AND action = 'problem_attach' AND after->>'problemId' = ${card.id}`);
    expect(n).toBe(8);
    expect((await head.get(`/api/problems?caseId=${d.cases[0].id}`)).json().items.map((p: { id: string }) => p.id)).toEqual([card.id]);
  });

  it('refuses a bad signal key and cases outside the tenant', async () => {
    const bad = await head.get('/api/problems/signal-draft?signal=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Сигнал: неверный ключ');
    const other = await insertCase(database, f.B, { receivedAt: at('2026-11-10T10:00') });
    const res = await head.send('POST', '/api/problems', { title: 'Чужое', caseIds: [other] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Обращения: 1 из 1 не найдены или недоступны');
  });

  let problemId: string;
  let roadmapId: string;
  it('builds a roadmap with measures; bad measures get clear Russian errors', async () => {
    const p = await head.send('POST', '/api/problems', { title: 'Протечки кровли', description: 'Жители пишут: протекает крыша в домах', topicId: f.T2, settlementId: f.S3 });
    problemId = p.json().id;
    const rm = await head.send('POST', '/api/roadmaps', { title: 'Кровли 2026', problemId, blockId: f.K2 });
    expect(rm.statusCode, rm.body).toBe(200);
    roadmapId = rm.json().id;
    const url = `/api/roadmaps/${roadmapId}/measures`;
    const noDeadline = await head.send('POST', url, { title: 'Обследовать кровли', responsibleId: headId });
    expect(noDeadline.statusCode).toBe(400);
    expect(noDeadline.json().error.fields.dueOn).toBe('Срок: укажите дату');
    const noResponsible = await head.send('POST', url, { title: 'Обследовать кровли', dueOn: '2026-12-01' });
    expect(noResponsible.statusCode).toBe(400);
    expect(noResponsible.json().error.fields.responsibleId).toBe('Ответственный: выберите значение из списка');
    const past = await head.send('POST', url, { title: 'Обследовать кровли', dueOn: '2026-11-19', responsibleId: headId });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('Срок: дата в прошлом (сегодня 20.11.2026)');
    const first = await head.send('POST', url, { title: 'Обследовать кровли', dueOn: '2026-11-20', responsibleId: headId, recipientId: f.R1 });
    expect(first.statusCode, first.body).toBe(200);
    const second = await head.send('POST', url, { title: 'Отремонтировать кровли', dueOn: '2026-11-27', responsibleId: curatorId });
    expect(second.statusCode, second.body).toBe(200);
    // The measure is done on 01.09 (recorded late): the effect is measured from that date.
    const done = await head.send('PATCH', `/api/measures/${first.json().id}/status`, { status: 'done', doneOn: '2026-09-01', note: 'Обследование завершено' });
    expect(done.statusCode, done.body).toBe(200);
    const future = await head.send('PATCH', `/api/measures/${second.json().id}/status`, { status: 'done', doneOn: '2026-11-21' });
    expect(future.json().error.message).toBe('Дата выполнения: не может быть в будущем');
  });

  it('computes the effect of the problem and of the measure on the fixed data', async () => {
    const card = (await head.get(`/api/problems/${problemId}`)).json();
    expect(card.measures.map((m: { title: string; status: string }) => [m.title, m.status])).toEqual([
      ['Обследовать кровли', 'done'],
      ['Отремонтировать кровли', 'planned'],
    ]);
    const e = card.effect;
    expect(e.basis).toBe('first_measure');
    expect(e.at).toBe('2026-09-01');
    expect(e.days).toBe(80);
    expect(e.before).toEqual({ from: '2026-06-13', to: '2026-08-31', count: 20 });
    expect(e.after).toEqual({ from: '2026-09-01', to: '2026-11-19', count: 5 });
    expect(e.lastYear.before).toEqual({ from: '2025-06-13', to: '2025-08-31', count: 10 });
    expect(e.lastYear.after).toEqual({ from: '2025-09-01', to: '2025-11-19', count: 10 });
    expect(e.expectedAfter).toBe(20);
    expect(e.change).toBe(-15);
    expect(e.verdict).toBe('down');
    expect(e.links.after).toEqual({ topicId: f.T2, settlementId: f.S3, from: '2026-09-01', to: '2026-11-19' });
    expect((await head.get(`/api/cases/count?topicId=${f.T2}&settlementId=${f.S3}&from=2026-09-01&to=2026-11-19`)).json().total).toBe(5);
    const rm = (await head.get(`/api/roadmaps/${roadmapId}`)).json();
    expect(rm.measures[0].effect.verdict).toBe('down');
    expect(rm.measures[0].notesList.map((n: { text: string }) => n.text)).toEqual(['Обследование завершено']);
    expect(rm.measures[1].effect).toBeNull();
  });

  it('records the куратор’s approval; others may not approve', async () => {
    const refused = await head.send('POST', `/api/roadmaps/${roadmapId}/approve`);
    expect(refused.statusCode).toBe(403);
    const ok = await curator.send('POST', `/api/roadmaps/${roadmapId}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    const list = (await head.get('/api/roadmaps')).json().items;
    expect(list[0]).toMatchObject({ id: roadmapId, approvedBy: 'Сотрудник curator.a', approvedAt: new Date(NOW).toISOString(), measures: 2, done: 1, overdue: 0 });
    expect((await curator.send('POST', `/api/roadmaps/${roadmapId}/approve`)).json().error.message).toBe('Дорожная карта уже утверждена');
  });

  it('cancels a measure only by the roadmap manager and only with a reason', async () => {
    const m = await head.send('POST', `/api/roadmaps/${roadmapId}/measures`, { title: 'Закупить материалы', dueOn: '2026-12-10', responsibleId: curatorId });
    expect(m.statusCode, m.body).toBe(200);
    const url = `/api/measures/${m.json().id}/status`;
    const byResponsible = await curator.send('PATCH', url, { status: 'cancelled', note: 'Не нужно' });
    expect(byResponsible.statusCode).toBe(403);
    expect(byResponsible.json().error.message).toBe('Отменяет мероприятие ведущий дорожные карты');
    const noReason = await head.send('PATCH', url, { status: 'cancelled' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Причина отмены: заполните поле');
    const ok = await head.send('PATCH', url, { status: 'cancelled', note: 'Материалы передал подрядчик' });
    expect(ok.statusCode, ok.body).toBe(200);
    const [row] = await rows<{ status: string; notes: number }>(database.db, sql`SELECT status, (SELECT count(*)::int FROM measure_notes n WHERE n.measure_id = m.id AND n.text = 'Материалы передал подрядчик') AS notes FROM roadmap_measures m WHERE id = ${m.json().id}`);
    expect(row).toEqual({ status: 'cancelled', notes: 1 });
    const list = (await head.get('/api/roadmaps')).json().items;
    expect(list[0]).toMatchObject({ id: roadmapId, measures: 2 });
    expect((await curator.send('PATCH', url, { status: 'in_progress' })).statusCode).toBe(403);
  });

  it('takes evidence files by the case files’ rules', async () => {
    const [m] = (await head.get(`/api/roadmaps/${roadmapId}`)).json().measures;
    const big = multipart('акт.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]));
    const tooBig = await app.inject({ method: 'POST', url: `/api/measures/${m.id}/files`, headers: { ...head.headers, 'content-type': big.type }, payload: big.data });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('Файл больше 10 МБ');
    const exe = multipart('x.exe', Buffer.from('MZ\x90\x00binary'));
    const wrong = await app.inject({ method: 'POST', url: `/api/measures/${m.id}/files`, headers: { ...head.headers, 'content-type': exe.type }, payload: exe.data });
    expect(wrong.statusCode).toBe(400);
    const pdf = multipart('акт.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF'));
    const ok = await app.inject({ method: 'POST', url: `/api/measures/${m.id}/files`, headers: { ...head.headers, 'content-type': pdf.type }, payload: pdf.data });
    expect(ok.statusCode, ok.body).toBe(200);
    const file = await head.get(`/api/measures/${m.id}/files/${ok.json().id}`);
    expect(file.headers['content-disposition']).toContain('attachment');
  });

  it('suggests new cases that look like the problem and attaches them with one call', async () => {
    const near = await insertCase(database, f.A, { receivedAt: at('2026-11-18T10:00'), topicId: f.T2, settlementId: f.S3, text: 'Снова протекает крыша в доме после дождя' });
    const far = await insertCase(database, f.A, { receivedAt: at('2026-11-18T11:00'), topicId: f.T2, settlementId: f.S3, text: 'Не вывозят мусор' });
    // Candidates: T2 × S3 in the last 30 days — the planted 22.10 and 05.11 («Протекает крыша в доме …»), and these two.
    type S = { id: string; textScore: number; receivedAt: string };
    const s: S[] = (await head.get(`/api/problems/${problemId}/suggestions`)).json().items;
    expect(s).toHaveLength(4);
    expect(s[3]).toMatchObject({ id: far, textScore: 0 }); // nothing in common with the problem's words: last
    expect(s.slice(0, 3).map((i) => i.id)).toContain(near);
    expect(s.find((i) => i.id === near)!.textScore).toBeGreaterThan(0.3);
    const res = await head.send('POST', `/api/problems/${problemId}/cases`, { caseIds: [near] });
    expect(res.json()).toEqual({ problemId, added: 1, alreadyLinked: 0 });
    const again: S[] = (await head.get(`/api/problems/${problemId}/suggestions`)).json().items;
    expect(again.map((i) => i.id)).not.toContain(near);
    expect(again).toHaveLength(3);
  });

  it('moves a problem through its statuses and refuses a wrong step', async () => {
    expect((await head.send('PATCH', `/api/problems/${problemId}/status`, { status: 'in_progress' })).statusCode).toBe(200);
    expect((await head.send('PATCH', `/api/problems/${problemId}/status`, { status: 'resolved' })).statusCode).toBe(200);
    const wrong = await head.send('PATCH', `/api/problems/${problemId}/status`, { status: 'not_confirmed' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toBe('Статус: из «решена» нельзя перевести в «не подтвердилась»');
  });

  it('reminds of measures a week and a day before and when overdue, in working time only', async () => {
    // «Отремонтировать кровли» is due 27.11: a week ahead of Friday 20.11; «Обследовать» is done.
    const night = await sweepMeasures(database, f.A, new Date('2026-11-20T20:00:00Z'));
    expect(night.skipped).toBe('outside_working_hours');
    const r1 = await sweepMeasures(database, f.A, new Date(NOW));
    expect(r1).toEqual({ week: 1, day: 0, overdue: 0 });
    expect(await sweepMeasures(database, f.A, new Date(NOW))).toEqual({ week: 0, day: 0, overdue: 0 });
    const r2 = await sweepMeasures(database, f.A, new Date('2026-11-26T07:00:00Z')); // Thursday: due tomorrow
    expect(r2).toEqual({ week: 0, day: 1, overdue: 0 });
    const r3 = await sweepMeasures(database, f.A, new Date('2026-11-30T07:00:00Z')); // Monday: overdue
    expect(r3).toEqual({ week: 0, day: 0, overdue: 1 });
    const notes = await rows<{ login: string; kind: string; text: string }>(database.db, sql`SELECT u.login, n.kind, n.text FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind LIKE 'measure_%' ORDER BY n.created_at, u.login`);
    expect(notes).toEqual([
      { login: 'curator.a', kind: 'measure_week', text: 'Через неделю срок мероприятия «Отремонтировать кровли» (27.11.2026)' },
      { login: 'curator.a', kind: 'measure_day', text: 'Завтра или сегодня срок мероприятия «Отремонтировать кровли» (27.11.2026)' },
      { login: 'curator.a', kind: 'measure_overdue', text: 'Просрочено мероприятие «Отремонтировать кровли»: срок был 27.11.2026' },
      { login: 'head.a', kind: 'measure_overdue', text: 'Просрочено мероприятие «Отремонтировать кровли»: срок был 27.11.2026' },
    ]);
  });

  it('imports polls from CSV: a bad row is named and nothing is saved; a good file is saved whole', async () => {
    const upload = (name: string, text: string) => {
      const body = multipart(name, Buffer.from(text, 'utf-8'));
      return app.inject({ method: 'POST', url: '/api/polls/import', headers: { ...head.headers, 'content-type': body.type }, payload: body.data });
    };
    const header = 'Название;Вид;Площадка;Поселение;Начало;Окончание;Участников;Вопрос;Вариант;Голоса\n';
    const bad = await upload('опросы.csv', header + 'Кровли;опрос;ПОС;Поселение s3;01.10.2026;15.10.2026;120;Довольны ремонтом?;Да;70\nКровли;опрос;ПОС;Поселение s9;32.10.2026;15.10.2026;120;Довольны ремонтом?;Нет;много\n');
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toEqual({
      imported: 0,
      rows: 2,
      errors: [{ row: 3, message: 'Строка 3: Поселение — нет поселения «Поселение s9» в справочнике; Начало — дата ДД.ММ.ГГГГ; Голоса — целое неотрицательное число' }],
    });
    expect((await head.get('/api/polls')).json().items).toEqual([]);
    const good = await upload('опросы.csv', header + 'Кровли;опрос;ПОС;Поселение s3;01.10.2026;15.10.2026;120;Довольны ремонтом?;Да;70\nКровли;опрос;ПОС;Поселение s3;01.10.2026;15.10.2026;120;Довольны ремонтом?;Нет;50\nКровли;опрос;ПОС;Поселение s3;01.10.2026;15.10.2026;120;Что ещё?;Дороги;30\n');
    expect(good.json()).toEqual({ imported: 1, rows: 3, errors: [] });
    const [poll] = (await head.get('/api/polls')).json().items;
    expect(poll).toMatchObject({ kind: 'poll', platform: 'pos', startsOn: '2026-10-01', endsOn: '2026-10-15', participants: 120, settlement: { id: f.S3, name: 'Поселение s3' } });
    expect(poll.questions).toEqual([
      { question: 'Довольны ремонтом?', results: [{ option: 'Да', votes: 70 }, { option: 'Нет', votes: 50 }] },
      { question: 'Что ещё?', results: [{ option: 'Дороги', votes: 30 }] },
    ]);
    const linked = await head.send('PATCH', `/api/polls/${poll.id}/problem`, { problemId });
    expect(linked.statusCode).toBe(200);
    expect((await head.get(`/api/problems/${problemId}`)).json().polls.map((p: { id: string }) => p.id)).toEqual([poll.id]);
  });

  it('lists the fast track share by block and recipient with the cases that broke it', async () => {
    const put = (received: string, answered: string | null, recipientId: string) =>
      insertCase(database, f.A, { receivedAt: at(`${received}T10:00`), fastTrack: true, fastTrackDue: new Date(at(`${received}T10:00`).getTime() + 30 * 864e5), answeredAt: answered ? at(`${answered}T10:00`) : null, status: answered ? 'answered' : 'in_work', topicId: f.T2, recipientId });
    const url = '/api/problems-fast-track?from=2026-09-01&to=2026-11-20';
    const base = (await head.get(url)).json();
    await put('2026-09-01', '2026-09-20', f.R1); // within 30 days
    await put('2026-09-02', '2026-10-15', f.R1); // late
    await put('2026-09-03', null, f.R2); // still open after 30 days
    await put('2026-11-10', null, f.R2); // open, within its 30 days: pending
    const res = (await head.get(url)).json();
    type Sums = { key: string | null; total: number; within: number; broke: number; pending: number };
    const delta = (a: Sums | undefined, b: Sums | undefined) => ({ total: (a?.total ?? 0) - (b?.total ?? 0), within: (a?.within ?? 0) - (b?.within ?? 0), broke: (a?.broke ?? 0) - (b?.broke ?? 0), pending: (a?.pending ?? 0) - (b?.pending ?? 0) });
    expect(delta(res.total, base.total)).toEqual({ total: 4, within: 1, broke: 2, pending: 1 });
    expect(res.total.share).toBeCloseTo((base.total.within + 1) / (base.total.within + base.total.broke + 3), 12);
    const by = (list: Sums[], key: string) => list.find((x) => x.key === key);
    expect(delta(by(res.byRecipient, f.R1), by(base.byRecipient, f.R1))).toEqual({ total: 2, within: 1, broke: 1, pending: 0 });
    expect(delta(by(res.byRecipient, f.R2), by(base.byRecipient, f.R2))).toEqual({ total: 2, within: 0, broke: 1, pending: 1 });
    expect(delta(by(res.byBlock, f.K2), by(base.byBlock, f.K2))).toEqual({ total: 4, within: 1, broke: 2, pending: 1 });
    const mine = res.broken.filter((c: { id: string }) => !base.broken.some((b: { id: string }) => b.id === c.id));
    expect(mine.map((c: { daysLate: number; resolvedAt: string | null }) => [c.daysLate, c.resolvedAt === null])).toEqual([
      [13, false],
      [49, true],
    ]);
  });

  it('offers candidate poll questions from signals and open problems', async () => {
    clock.set('2026-05-19T07:00:00Z'); // the week after the planted burst
    const res = (await head.get('/api/polls/candidates')).json();
    clock.set(NOW);
    expect(res.items[0]).toMatchObject({ source: 'signal', topic: 'Тематика housing', settlement: 'Поселение s2', count: 8 });
    expect(res.items.some((i: { source: string }) => i.source === 'problem')).toBe(true);
  });
});
