import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { caseApplicants, cases } from '../../db/schema';
import { buildFixture, NOW, type Fixture } from '../analytics/analytics-fixture';
import { runPendingExports } from './export-service';

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
    await runPendingExports(database, clock);
    const job = (await head.get(`/api/exports/jobs/${started.json().id}`)).json();
    expect(job).toMatchObject({ status: 'done', done: 9, total: 9 }); // c1–c8 and c10
    const ws = await readXlsx((await head.get(`/api/exports/jobs/${job.id}/file`)).rawPayload);
    expect(ws.rowCount).toBe(10);
    expect((await signIn(app, 'curator.a')).get(`/api/exports/jobs/${job.id}/file`).then((r) => r.statusCode)).resolves.toBe(404);
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
});
