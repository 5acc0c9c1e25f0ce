import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { caseApplicants, cases, exportJobs, problemCases, problems, roadmapMeasures, roadmaps } from '../../db/schema';
import { buildFixture, NOW, type Fixture } from '../analytics/analytics-fixture';
import { MAX_EXPORT_ATTEMPTS, runPendingExports } from './export-service';

type Client = Awaited<ReturnType<typeof signIn>>;

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe.each(targets())('exports on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let f: Fixture;
  const clock = pinnedClock(NOW);

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
    const [c3] = await database.db.select({ id: cases.id }).from(cases).where(sql`${cases.channel} = 'letter' AND ${cases.regime} = 'FZ59' AND ${cases.receivedAt} > '2026-11-14'`);
    await database.db.insert(caseApplicants).values({ caseId: c3.id, tenantId: f.A, fullName: 'Иванова Мария Петровна', phone: '+79000000000' });
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    head = await signIn(app, 'head.a');
  }, 600_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('downloads the register with its filters as XLSX: Russian headers, local dates, numbers, frozen header, autofilter', async () => {
    const res = await head.get('/api/exports/cases/file?format=xlsx&from=2026-11-09&to=2026-11-15&channel=letter');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
    const ws = await readXlsx(res.rawPayload);
    expect(ws.getRow(1).values).toEqual([undefined, 'Номер', 'Поступило', 'Режим', 'Канал', 'Статус', 'Тематика', 'Подтематика', 'Поселение', 'Населённый пункт', 'Адрес', 'Ответственный получатель', 'Исполнитель', 'Срок ответа', 'Дата ответа', 'Состояние срока', 'Оценка', 'Ускоренное решение', 'Приоритет', 'Текст']);
    expect(ws.rowCount).toBe(3); // c3 and c8
    const c3 = ws.getRow(2);
    expect((c3.getCell(2).value as Date).toISOString()).toBe('2026-11-14T23:30:00.000Z'); // local wall time 14.11 23:30
    expect(c3.getCell(2).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(c3.getCell(3).value).toBe('Обращение (59-ФЗ)');
    expect(c3.getCell(4).value).toBe('Письмо');
    expect(c3.getCell(16).value).toBe(2); // rating as a number
    expect(c3.getCell(15).value).toBe('ответ с опозданием');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('writes CSV for Excel: BOM, semicolons, dd.mm.yyyy', async () => {
    const res = await head.get('/api/exports/cases/file?format=csv&from=2026-11-09&to=2026-11-15&channel=letter');
    const text = res.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0].split(';').slice(0, 4)).toEqual(['Номер', 'Поступило', 'Режим', 'Канал']);
    expect(lines).toHaveLength(3);
    expect(lines[1].split(';')[1]).toBe('14.11.2026 23:30');
  });

  it('adds applicants only for pd.read with a purpose, and logs the export', async () => {
    expect((await head.get('/api/exports/cases/file?format=xlsx&from=2026-11-14&to=2026-11-14&pd=1')).statusCode).toBe(400);
    const res = await head.get(`/api/exports/cases/file?format=xlsx&from=2026-11-14&to=2026-11-14&pd=1&purpose=${encodeURIComponent('ответ на запрос прокуратуры')}`);
    const ws = await readXlsx(res.rawPayload);
    expect(ws.getRow(1).getCell(20).value).toBe('Заявитель');
    expect(ws.getRow(2).getCell(20).value).toBe('Иванова Мария Петровна');
    const log = await database.query<{ action: string; purpose: string }>(`SELECT action, purpose FROM pd_access_log WHERE action = 'export'`);
    expect(log).toEqual([{ action: 'export', purpose: 'ответ на запрос прокуратуры' }]);
    const plain = await readXlsx((await head.get('/api/exports/cases/file?format=xlsx&from=2026-11-14&to=2026-11-14')).rawPayload);
    expect(plain.getRow(1).cellCount).toBe(19);
    const curator = await signIn(app, 'curator.a'); // no pd.read
    expect((await curator.get('/api/exports/cases/file?format=xlsx&pd=1&purpose=x')).statusCode).toBe(403);
  });

  it('runs a background export with progress and a download', async () => {
    const started = await head.send('POST', '/api/exports/jobs', { list: 'cases', format: 'xlsx', params: { from: '2026-11-01', to: '2026-11-30' } });
    expect(started.statusCode, started.body).toBe(200);
    // The route has already kicked the in-process worker, which may hold the job: run the queue too
    // and wait until the job is finished by whichever of them claimed it.
    let job = { status: 'queued' } as Record<string, unknown>;
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await runPendingExports(database, clock);
      job = (await head.get(`/api/exports/jobs/${started.json().id}`)).json();
      if (job.status !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'done', done: 9, total: 9 }); // c1–c8 and c10
    const ws = await readXlsx((await head.get(`/api/exports/jobs/${job.id}/file`)).rawPayload);
    expect(ws.rowCount).toBe(10);
    await expect((await signIn(app, 'curator.a')).get(`/api/exports/jobs/${job.id}/file`).then((r) => r.statusCode)).resolves.toBe(404);
  });

  it('exports the heat map and the indicators of the analytics module', async () => {
    const heat = await readXlsx((await head.get('/api/exports/heatmap/file?format=xlsx&from=2026-11-01&to=2026-11-14')).rawPayload);
    expect(heat.getRow(1).values).toEqual([undefined, 'Тематика', 'Территория', 'Значение', 'Обращений', 'Предыдущий период', 'Год назад']);
    const api = (await head.get('/api/analytics/heatmap?from=2026-11-01&to=2026-11-14')).json();
    const total = api.cells.flat().reduce((s: number, c: { count: number }) => s + c.count, 0);
    let sum = 0;
    heat.eachRow((r, i) => i > 1 && (sum += Number(r.getCell(4).value)));
    expect(sum).toBe(total);
  });

  it('exports problems and roadmaps as XLSX and CSV: Russian headers, real dates and numbers, formulas kept as text', async () => {
    const [u] = await database.query<{ id: string }>(`SELECT id FROM users WHERE login = 'head.a'`);
    const [c] = await database.db.select({ id: cases.id }).from(cases).where(sql`${cases.tenantId} = ${f.A}`).limit(1);
    const evil = '=HYPERLINK("http://evil","x")';
    const [p1] = await database.db
      .insert(problems)
      .values({ tenantId: f.A, title: evil, source: 'manual', status: 'in_progress', topicId: f.T1, settlementId: f.S1, createdAt: new Date('2026-11-02T06:00:00Z'), updatedAt: new Date('2026-11-10T06:00:00Z') })
      .returning();
    await database.db.insert(problems).values({ tenantId: f.A, title: 'Ямы на дорогах', source: 'cases', status: 'resolved', createdAt: new Date('2026-10-01T06:00:00Z'), updatedAt: new Date('2026-11-01T06:00:00Z'), resolvedAt: new Date('2026-11-01T06:00:00Z') });
    await database.db.insert(problemCases).values({ tenantId: f.A, problemId: p1.id, caseId: c.id });
    const [r1] = await database.db.insert(roadmaps).values({ tenantId: f.A, title: 'Ремонт сетей', problemId: p1.id, approvedBy: u.id, approvedAt: new Date('2026-11-03T08:00:00Z') }).returning();
    await database.db.insert(roadmaps).values({ tenantId: f.A, title: 'Пустая карта', createdAt: new Date('2026-10-01T06:00:00Z') });
    await database.db.insert(roadmapMeasures).values([
      { tenantId: f.A, roadmapId: r1.id, title: 'Замена трубы', dueOn: '2026-11-15', doneOn: '2026-11-12', status: 'done', responsibleId: u.id },
      { tenantId: f.A, roadmapId: r1.id, title: 'Проверка давления', dueOn: '2026-11-01', status: 'planned', responsibleId: u.id },
    ]);

    const ws = await readXlsx((await head.get('/api/exports/problems/file?format=xlsx')).rawPayload);
    expect(ws.getRow(1).values).toEqual([undefined, 'Проблема', 'Статус', 'Источник', 'Тематика', 'Поселение', 'Обращений', 'За 7 дней', 'Мероприятий', 'Выполнено', 'Просрочено', 'Создана', 'Изменена', 'Решена']);
    const api = (await head.get('/api/problems')).json().items;
    expect(ws.rowCount).toBe(1 + api.length);
    expect(api).toHaveLength(2);
    const row = ws.getRow(2); // the latest updated first, as on the screen
    expect(row.getCell(1).value).toBe(evil); // a string cell, never a formula
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(6).value, row.getCell(8).value, row.getCell(9).value, row.getCell(10).value]).toEqual(['в работе', 'вручную', 1, 2, 1, 1]);
    expect((row.getCell(11).value as Date).toISOString()).toBe('2026-11-02T10:00:00.000Z'); // 10:00 in Саратов
    expect(row.getCell(11).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const resolved = await readXlsx((await head.get('/api/exports/problems/file?format=xlsx&status=resolved')).rawPayload);
    expect(resolved.rowCount).toBe(2);
    expect(resolved.getRow(2).getCell(1).value).toBe('Ямы на дорогах');

    const csv = (await head.get('/api/exports/problems/file?format=csv')).rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[1].startsWith(`"'=HYPERLINK(""http://evil"",""x"")";в работе;вручную;`)).toBe(true);
    expect(csv[1].split(';').slice(-3)).toEqual(['02.11.2026 10:00', '10.11.2026 10:00', '']);

    const rm = await readXlsx((await head.get('/api/exports/roadmaps/file?format=xlsx')).rawPayload);
    expect(rm.getRow(1).values).toEqual([undefined, 'Дорожная карта', 'Тематический блок', 'Проблема', 'Утверждена', 'Утвердил', 'Мероприятие', 'Ответственный', 'Исполнитель', 'Срок', 'Выполнено', 'Статус', 'Просрочено']);
    expect(rm.rowCount).toBe(4); // two measures of «Ремонт сетей», the empty roadmap once
    const m1 = rm.getRow(2);
    expect([m1.getCell(1).value, m1.getCell(3).value, m1.getCell(6).value, m1.getCell(7).value, m1.getCell(11).value, m1.getCell(12).value]).toEqual(['Ремонт сетей', evil, 'Проверка давления', 'Сотрудник head.a', 'запланировано', 'да']);
    expect((m1.getCell(9).value as Date).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(m1.getCell(9).numFmt).toBe('dd.mm.yyyy');
    expect([rm.getRow(3).getCell(6).value, rm.getRow(3).getCell(11).value, rm.getRow(3).getCell(12).value]).toEqual(['Замена трубы', 'выполнено', 'нет']);
    expect([rm.getRow(4).getCell(1).value, rm.getRow(4).getCell(6).value]).toEqual(['Пустая карта', null]);
    const approvedOnly = await readXlsx((await head.get('/api/exports/roadmaps/file?format=xlsx&approved=yes')).rawPayload);
    expect(approvedOnly.rowCount).toBe(3);
    const rmCsv = (await head.get('/api/exports/roadmaps/file?format=csv')).rawPayload.toString('utf8').slice(1).trim().split('\r\n');
    expect(rmCsv[1].split(';').slice(8, 12)).toEqual(['01.11.2026', '', 'запланировано', 'да']);
  });

  it('re-queues an export left «running» by a dead worker, and fails it after the last attempt', async () => {
    const [u] = await database.query<{ id: string }>(`SELECT id FROM users WHERE login = 'head.a'`);
    const job = { tenantId: f.A, userId: u.id, list: 'cases', format: 'csv', params: { from: '2026-11-09', to: '2026-11-15', channel: 'letter' }, status: 'running', done: 1 };
    const ago = (min: number) => new Date(Date.parse(NOW) - min * 60_000);
    const [dead] = await database.db.insert(exportJobs).values({ ...job, attempts: 1, heartbeatAt: ago(10) }).returning();
    const [hopeless] = await database.db.insert(exportJobs).values({ ...job, attempts: MAX_EXPORT_ATTEMPTS, heartbeatAt: ago(10) }).returning();
    const [alive] = await database.db.insert(exportJobs).values({ ...job, attempts: 1, heartbeatAt: ago(1) }).returning();
    await runPendingExports(database, clock);
    const got = new Map((await database.db.select().from(exportJobs)).map((j) => [j.id, j]));
    expect(got.get(dead.id)).toMatchObject({ status: 'done', attempts: 2, done: 2, total: 2 });
    expect(Buffer.from(got.get(dead.id)!.file!).toString('utf8').trim().split('\r\n')).toHaveLength(3); // header, c3, c8
    expect(got.get(hopeless.id)).toMatchObject({ status: 'failed', error: 'Выгрузка прерывалась несколько раз: запустите её заново' });
    expect(got.get(alive.id)).toMatchObject({ status: 'running', attempts: 1 }); // its worker still beats
    await database.db.delete(exportJobs).where(sql`${exportJobs.id} = ${alive.id}`);
  });
});
