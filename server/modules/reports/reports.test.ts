import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { analyticsIndicators, tenants } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../http/actor';
import { buildFixture, insertCase, NOW, SECRET_TEXT, SECRET_ADDRESS, type Fixture } from '../analytics/analytics-fixture';
import { listCurReports } from './cur-reports';
import { createWeeklyNoteIfDue } from './notes';
import { remindReportsDue } from './remind-reports';
import { weeklyNoteDue } from '../../jobs/reports-jobs';

type Client = Awaited<ReturnType<typeof signIn>>;

/** The visible text of a DOCX: every <w:t> of word/document.xml, paragraphs joined by newlines. */
async function docxText(buf: Buffer): Promise<{ text: string; xml: string; files: string[] }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { text, xml, files: Object.keys(zip.files) };
}

describe.each(targets())('reports on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let f: Fixture;
  const clock = pinnedClock(NOW);

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target));
    f = await buildFixture(database);
    await database.db.update(tenants).set({ oktmo: '63622000', fullName: 'Тестовый муниципальный район' }).where(eq(tenants.id, f.A));
    await database.db.insert(analyticsIndicators).values({ tenantId: f.A, code: 'in_time', name: 'Доля ответов в срок', measure: 'answered_in_time_share', period: 'quarter', targetValue: 0.9, targetDirection: 'gte', setBy: 'region' });
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    head = await signIn(app, 'head.a');
  }, 600_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('builds a note for a week, takes the recommendations, issues a DOCX with the figures of the data', async () => {
    const created = await head.send('POST', '/api/reports/notes', { from: '2026-11-09', to: '2026-11-15' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const detail = (await head.get(`/api/reports/notes/${id}`)).json();
    expect(detail.status).toBe('draft');
    expect(detail.weeklyCode).toBeNull();
    const paragraphs = detail.document.blocks.filter((b: { kind: string }) => b.kind === 'paragraph').map((b: { text: string }) => b.text);
    // Week 09–15.11: c3, c6, c8, c10 = 4; 02–08.11: c1, c2, c4, c7 = 4; 09–15.11.2025: c14 = 1.
    expect(paragraphs[0]).toContain('поступило 4 обращений');
    expect(paragraphs[0]).toContain('Предыдущая неделя: 4 (без изменений)');
    expect(paragraphs[0]).toContain('Та же неделя прошлого года: 1 (+3 (+300,0 %))');
    const channels = detail.document.blocks.find((b: { kind: string }) => b.kind === 'table');
    expect(channels.rows).toEqual([
      ['Письмо', '2', '50,0 %', '0', '+2'],
      ['ПОС', '1', '25,0 %', '3', '−2 (−66,7 %)'],
      ['Инцидент Менеджмент', '1', '25,0 %', '1', 'без изменений'],
    ]);

    const edited = await head.send('PATCH', `/api/reports/notes/${id}`, { recommendations: 'Усилить контроль сроков по дорогам.', signer: 'Руководитель МЦУ\tИ. И. Иванов' });
    expect(edited.statusCode, edited.body).toBe(200);
    const issued = await head.send('POST', `/api/reports/notes/${id}/issue`);
    expect(issued.json()).toMatchObject({ version: 1 });
    const after = (await head.get(`/api/reports/notes/${id}`)).json();
    expect(after.status).toBe('issued');
    expect(after.versions).toHaveLength(1);
    expect(after.versions[0]).toMatchObject({ version: 1, issuedBy: 'Сотрудник head.a', issuedAt: new Date(NOW).toISOString() });

    const file = await head.get(`/api/reports/notes/${id}/versions/1/docx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    const { text, xml, files } = await docxText(file.rawPayload);
    expect(text).toContain('АНАЛИТИЧЕСКАЯ ЗАПИСКА');
    expect(text).toContain('о работе с обращениями граждан за период с 09.11.2026 по 15.11.2026');
    expect(text).toContain('Тестовый муниципальный район');
    expect(text).toContain('Усилить контроль сроков по дорогам.');
    expect(text).toContain('И. И. Иванов');
    expect(text).toMatch(/Письмо\n2\n50,0 %\n0\n\+2/);
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain(SECRET_ADDRESS);
    // ГОСТ Р 7.0.97: margins 20/10/20/30 mm, Times New Roman 14, numbers on top from page 2.
    expect(xml).toMatch(/<w:pgMar [^>]*w:top="1134"[^>]*w:right="567"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(xml).toContain('<w:titlePg');
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(files.filter((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toHaveLength(2);
    // Charts: each picture sits in a paragraph with an «auto» line (LibreOffice clips a picture to an
    // exact line height, and reads a line spacing without a rule as exact), sized like its PNG.
    const zip = await JSZip.loadAsync(file.rawPayload);
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/<w:docDefaults>.*<w:spacing w:line="276" w:lineRule="auto"\/>/s);
    const pictures = [...xml.matchAll(/<w:p><w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr><w:r><w:drawing>.*?<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)];
    expect(pictures).toHaveLength(2);
    for (const [, pPr, cx, cy] of pictures) {
      expect(pPr).toContain('w:lineRule="auto"');
      expect(Number(cx) / 914400).toBeGreaterThan(6); // inches: nearly the text width (6.7")
      expect(Number(cy) / 914400).toBeGreaterThan(2.5);
    }
    for (const n of files.filter((x) => x.startsWith('word/media/'))) {
      const png = await zip.file(n)!.async('nodebuffer');
      expect(png.readUInt32BE(16)).toBe(1200); // twice the CSS width, for print
      expect(png.length).toBeGreaterThan(10_000); // axes, labels and bars, not an empty frame
    }
    const headers = await Promise.all(files.filter((n) => /^word\/header\d+\.xml$/.test(n)).map(async (n) => (await JSZip.loadAsync(file.rawPayload)).file(n)!.async('string')));
    expect(headers.some((h) => h.includes('PAGE') && h.includes('w:jc w:val="center"'))).toBe(true);
  });

  it('makes the Monday note once, from 07:00 local', async () => {
    const monday6 = new Date('2026-11-23T02:30:00Z'); // 06:30 in Саратов
    expect(weeklyNoteDue(monday6, 'Europe/Saratov')).toBe(false);
    const monday7 = new Date('2026-11-23T03:05:00Z');
    expect(weeklyNoteDue(monday7, 'Europe/Saratov')).toBe(true);
    const note = await createWeeklyNoteIfDue(database.db, systemActor(f.A), monday7);
    expect(note).toMatchObject({ weeklyCode: '2026-W47', periodFrom: '2026-11-16', periodTo: '2026-11-22', status: 'draft' });
    expect(await createWeeklyNoteIfDue(database.db, systemActor(f.A), monday7)).toBeNull();
  });

  it('generates the quarterly report to the ЦУР as a fixed-layout XLSX, freezes it on «sent», shows it to the region', async () => {
    const list = (await head.get('/api/reports/cur')).json();
    expect(list.items.find((x: { period: string }) => x.period === '2026-Q4')).toMatchObject({ dueOn: '2027-01-05', status: 'missing', overdue: false });
    expect(list.items.find((x: { period: string }) => x.period === '2026')).toMatchObject({ dueOn: '2026-12-20', kind: 'year' });
    expect(list.items.find((x: { period: string }) => x.period === '2026-Q3')).toMatchObject({ dueOn: '2026-10-05', overdue: true });

    const gen = await head.send('POST', '/api/reports/cur/2026-Q4');
    expect(gen.statusCode, gen.body).toBe(200);
    const api = (await head.get('/api/analytics/indicators?period=2026-Q4')).json().items[0];
    expect(gen.json().rows[0]).toMatchObject({ code: 'in_time', unit: '%', target: 90, n: api.n, value: Math.round(api.value * 10000) / 100 });
    await head.send('PATCH', '/api/reports/cur/2026-Q4', { comments: { in_time: 'Два ответа с опозданием' } });

    const sent = await head.send('POST', '/api/reports/cur/2026-Q4/sent');
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await head.send('PATCH', '/api/reports/cur/2026-Q4', { comments: { in_time: 'другое' } })).statusCode).toBe(409);
    expect((await head.send('POST', '/api/reports/cur/2026-Q4')).statusCode).toBe(409);

    const xlsx = await head.get('/api/reports/cur/2026-Q4/xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Показатели')!;
    expect(ws.getCell('A1').value).toBe('Отчёт о значениях показателей эффективности МЦУ');
    expect(ws.getCell('C2').value).toBe('Тестовый муниципальный район');
    expect(ws.getCell('C3').value).toBe('63622000');
    expect(ws.getCell('C4').value).toBe('4 квартал 2026 года (01.10.2026 – 31.12.2026)');
    expect((ws.getCell('C6').value as Date).toISOString()).toBe('2026-11-20T11:00:00.000Z'); // 11:00 local wall time
    expect(ws.getRow(8).values).toEqual([undefined, '№ п/п', 'Код', 'Наименование показателя', 'Ед. изм.', 'Значение', 'Целевое значение', 'Выполнен', 'База расчёта', 'Комментарий']);
    expect(ws.getRow(9).values).toEqual([undefined, 1, 'in_time', 'Доля ответов в срок', '%', Math.round(api.value * 10000) / 100, 90, api.met ? 'да' : 'нет', api.n, 'Два ответа с опозданием']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });

    const region = await signIn(app, 'region');
    const seen = (await region.get('/api/region/reports')).json();
    expect(seen.items.find((x: { municipality: { id: string }; period: string }) => x.municipality.id === f.A && x.period === '2026-Q4')).toMatchObject({ status: 'sent', sentBy: 'Сотрудник head.a' });
    expect(seen.items.find((x: { municipality: { id: string }; period: string }) => x.municipality.id === f.B && x.period === '2026-Q4')).toMatchObject({ status: 'missing' });
    const got = await region.get(`/api/region/reports/${f.A}/2026-Q4/xlsx`);
    expect(got.rawPayload.equals(xlsx.rawPayload)).toBe(true);
    expect((await region.get(`/api/region/reports/${f.B}/2026-Q4/xlsx`)).statusCode).toBe(404);
    expect((await region.get('/api/reports/cur')).statusCode).toBe(403);
  });

  it('lists reports to the ЦУР only from the quarter the municipality started in (created or first case, the earlier)', async () => {
    const [t] = await database.db.insert(tenants).values({ code: 'test-new', kind: 'municipality', name: 'Новый район', timeZone: 'Europe/Saratov', parentId: f.regionId, createdAt: new Date('2026-08-15T10:00:00Z') }).returning({ id: tenants.id });
    const periods = async () => (await listCurReports(database.db, systemActor(t.id), new Date(NOW))).items.map((x) => `${x.period}${x.overdue ? ' просрочен' : ''}`);
    // Created in Q3 2026: Q3 is due (and overdue), Q1–Q2 2026 and the year 2025 were never due here.
    expect(await periods()).toEqual(['2026-Q4', '2026-Q3 просрочен', '2026']);
    await insertCase(database, t.id, { receivedAt: new Date('2026-05-10T08:00:00Z') }); // history imported from an earlier system
    expect(await periods()).toEqual(['2026-Q4', '2026-Q3 просрочен', '2026-Q2 просрочен', '2026']);
    const region = await signIn(app, 'region');
    const seen = (await region.get('/api/region/reports')).json().items.filter((x: { municipality: { id: string } }) => x.municipality.id === t.id);
    expect(seen.map((x: { period: string }) => x.period)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026']);
    await database.db.update(tenants).set({ isActive: false }).where(eq(tenants.id, t.id));
  });

  it('reminds a week and a day before the annual due date, once', async () => {
    expect(await remindReportsDue(database.db, f.A, new Date('2026-12-13T06:00:00Z'))).toBe(1); // head.a
    expect(await remindReportsDue(database.db, f.A, new Date('2026-12-13T09:00:00Z'))).toBe(0);
    expect(await remindReportsDue(database.db, f.A, new Date('2026-12-19T06:00:00Z'))).toBe(1);
    const [n] = await database.query<{ text: string }>(`SELECT text FROM notifications WHERE kind = 'report_due:2026:7'`);
    expect(n.text).toBe('Через неделю (20.12.2026) срок: годовой отчёт за 2026 в ЦУР');
  });
});
