import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { and, count, eq } from 'drizzle-orm';
import { freshDatabase, targets } from '../../../test/databases';
import { pinnedClock, signIn, testApp } from '../../../test/http';
import type { Database } from '../../../db/client';
import { auditEvents, caseApplicants, cases, importJobs, pdAccessLog, topics } from '../../../db/schema';
import { atRiskFrom, computeCaseDeadlines } from '../../cases/deadlines/compute-case-deadlines';
import { loadTenantDeadlines } from '../../cases/deadlines/deadline-context';
import { importFile, upload, waitForJob } from './import-test-kit';

type Client = Awaited<ReturnType<typeof signIn>>;

/** The 25 headers of a ПОС ЛКО export (docs/source-formats.md §1.1), in the export's order. */
const POS_HEADERS = [
  'Номер', 'Номер ЕПГУ', 'Источник', 'Верхнеуровневый ЛКО', 'Категория', 'Подкатегория', 'Факт', 'Организация, в которую поступило сообщение',
  'Организация, в которой находится сообщение', 'Дата поступления', 'Дата планируемого завершения работ', 'Дата фактического завершения работ', 'Стадия',
  'Статус', 'Просрочено', 'Фаст-трек', 'ФЗ', 'Заявитель выбрал подачу по 59-ФЗ', 'Тип решения', 'Направлено по email в ФОИВ, не подключенный к ПОС',
  'Оценка ответа заявителем', 'Повторное рассмотрение', 'ФИО координатора', 'ФИО исполнителя', 'ФИО руководителя',
];

function posRow(o: { id: string; received: string; due: string; status?: string; rating?: string; fz?: string; fast?: string; category?: string; sub?: string }): string[] {
  const v: Record<string, string> = {
    Номер: o.id, 'Номер ЕПГУ': '6668478383', Источник: 'MED_DOC_EPGU', 'Верхнеуровневый ЛКО': 'Саратовская область', Категория: o.category ?? 'Дорожная деятельность',
    Подкатегория: o.sub ?? 'Ямы и выбоины на дорогах', Факт: o.sub ?? 'Ямы и выбоины на дорогах', 'Организация, в которую поступило сообщение': 'Администрация района',
    'Организация, в которой находится сообщение': 'Администрация района', 'Дата поступления': o.received, 'Дата планируемого завершения работ': o.due,
    'Дата фактического завершения работ': '-', Стадия: 'В работе', Статус: o.status ?? 'Назначен исполнитель', Просрочено: 'Нет', 'Фаст-трек': o.fast ?? 'Да',
    ФЗ: 'Обычное сообщение', 'Заявитель выбрал подачу по 59-ФЗ': o.fz ?? 'Нет', 'Тип решения': '-', 'Направлено по email в ФОИВ, не подключенный к ПОС': '-',
    'Оценка ответа заявителем': o.rating ?? '-', 'Повторное рассмотрение': '-', 'ФИО координатора': 'Координатор', 'ФИО исполнителя': 'Исполнитель', 'ФИО руководителя': 'Руководитель',
  };
  return POS_HEADERS.map((h) => v[h]);
}

/** A ПОС export as Excel saves «CSV (разделители — точки с запятой)» on a Russian Windows: cp1251, `;`, a title row, empty rows at the end. */
function posCsv(changed = false): Buffer {
  const lines = [
    'Выгрузка сообщений ПОС за январь 2026;;;',
    POS_HEADERS.join(';'),
    posRow({ id: '327441801', received: '06.01.2026', due: changed ? '20.01.2026' : '16.01.2026' }).join(';'),
    posRow({ id: '327441802', received: '06.01.2026 10:30', due: '-', fz: 'Да', fast: 'Нет', status: changed ? 'Отправлен ответ заявителю' : 'Назначен исполнитель', rating: changed ? '5' : '-' }).join(';'),
    posRow({ id: '', received: '07.01.2026', due: '17.01.2026' }).join(';'),
    posRow({ id: '327441804', received: '31.02.2026', due: '-' }).join(';'),
    posRow({ id: '327441805', received: '08.01.2026', due: '-', category: 'Медицина', sub: 'Медицинская карта' }).join(';'),
    posRow({ id: '327441806', received: '08.01.2026', due: '-', rating: '7' }).join(';'),
    ';;;;',
    '',
    '',
  ];
  return iconv.encode(lines.join('\r\n'), 'win1251');
}

/** An «Инцидент Менеджмент» export re-saved by hand: a title, a two-row merged header, Excel serial and date cells. */
async function incidentXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  ws.addRow(['Инциденты за январь 2026 года']);
  ws.addRow([]);
  ws.addRow(['ID', 'Дата создания', 'Группа тем', 'Тема', 'Текст инцидента', 'Адрес', null, null, 'Урл поста', 'Автор', null]);
  ws.addRow([null, null, null, null, null, 'Населенный пункт', 'Улица', 'Дом', null, 'ФИО', 'Телефон']);
  ws.mergeCells('F3:H3');
  ws.mergeCells('J3:K3');
  for (const c of ['A', 'B', 'C', 'D', 'E', 'I']) ws.mergeCells(`${c}3:${c}4`);
  ws.addRow([39520480, 46028.5, 'Дороги', 'Ямы и выбоины на дорогах', "'Яма на дороге у школы, не проехать", 'Каменский', 'Школьная улица', '3', 'https://vk.com/wall-1_1', 'Иванов Иван', '+7 900 000-00-00']);
  const r = ws.addRow([39520481, new Date(Date.UTC(2026, 0, 7, 9, 15)), 'ЖКХ', 'Отопление', "'Холодные батареи во всём доме", 'Садовое', null, null, 'https://ok.ru/x', null, null]);
  r.getCell(2).numFmt = 'dd.mm.yyyy hh:mm';
  ws.addRow([39520482, 46030, 'Неизвестная группа', 'Неизвестная тема', "'Текст без адреса", null, null, null, null, null, null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(targets())('spreadsheet import on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let pos: Client;
  let tenantId: string;
  const clock = pinnedClock('2026-01-20T07:00:00Z');

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    pos = await signIn(app, 'pos');
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const casesOf = (channel: string) => database.db.select().from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, channel)));

  it('reads a cp1251 «;» ПОС export under a title row, recognises the preset and imports the good rows', async () => {
    const up = await upload(app, pos, 'pos.csv', posCsv());
    expect(up.statusCode).toBe(200);
    const job = up.json();
    expect(job).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';', headerRow: 2, status: 'uploaded' });
    expect(job.progress.totalRows).toBe(6);
    expect(job.headers).toEqual(POS_HEADERS);
    expect(job.preview[0]).toMatchObject({ rowNumber: 3 });
    expect(job.suggestion).toMatchObject({ preset: 'pos', channel: 'pos' });
    expect(job.suggestion.mapping).toMatchObject({ sourceId: ['Номер'], receivedAt: ['Дата поступления'], dueDate: ['Дата планируемого завершения работ'], regime: ['ФЗ', 'Заявитель выбрал подачу по 59-ФЗ'] });
    expect(job.suggestion.mapping.text).toBeUndefined();

    const res = await pos.send('POST', `/api/imports/${job.id}/start`, { channel: 'pos', mapping: job.suggestion.mapping, saveAs: 'ПОС ЛКО' });
    expect(res.statusCode).toBe(200);
    const done = await waitForJob(pos, job.id);
    expect(done.status).toBe('done');
    expect(done.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0, quarantined: 3 });
    expect(done.progress).toMatchObject({ totalRows: 6, rowsDone: 6, percent: 100 });
    expect(done.warnings.map((w: { message: string }) => w.message)).toContain('Тематика «Медицина» не найдена в рубрикаторе: оставлена пустой');

    const rows = await casesOf('pos');
    const one = rows.find((c) => c.sourceId === '327441801')!;
    const [sub] = await database.db.select().from(topics).where(and(eq(topics.tenantId, tenantId), eq(topics.name, 'Ямы и выбоины на дорогах')));
    expect(one).toMatchObject({ status: 'received', regime: 'MESSAGE', fastTrack: true, subtopicId: sub.id, topicId: sub.parentId, externalStatus: 'Назначен исполнитель' });
    expect(one.receivedAt.toISOString()).toBe('2026-01-05T20:00:00.000Z'); // 06.01.2026 00:00 in Саратов
    expect(one.answerDue!.toISOString()).toBe('2026-01-16T19:59:59.999Z'); // the source's own deadline, end of day
    expect(one.text).toContain('327441801');
    const two = rows.find((c) => c.sourceId === '327441802')!;
    expect(two).toMatchObject({ regime: 'FZ59', fastTrack: false });
    expect(two.receivedAt.toISOString()).toBe('2026-01-06T06:30:00.000Z');
    // No deadline in the file: the rules decide, exactly as createCase would.
    const rules = await loadTenantDeadlines(database.db, tenantId);
    const expected = computeCaseDeadlines({ regime: 'FZ59', channel: 'pos', topicId: sub.id, parentTopicId: sub.parentId, fastTrack: false }, { receivedAt: two.receivedAt, registeredAt: null }, rules.rules, rules.ctx);
    expect(two.answerDue).toEqual(expected.answerDue);
    expect(two.registrationDue).toEqual(expected.registrationDue);
    expect(two.answerAtRiskFrom).toEqual(expected.answerAtRiskFrom);

    const q = (await pos.get(`/api/imports/${job.id}/quarantine`)).json();
    expect(q.total).toBe(3);
    expect(q.items.map((i: { reason: string }) => i.reason)).toEqual([
      'строка 5: нет номера сообщения',
      'строка 6: дата «31.02.2026» не существует',
      'строка 8: оценка «7» — ожидается число от 1 до 5',
    ]);
    expect(q.items[1].values['Номер']).toBe('327441804');
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'case'), eq(auditEvents.entityId, one.id)));
    expect(audit.map((a) => a.action)).toEqual(['receive']);
  });

  it('imports the same file again without creating anything, and updates only changed rows (status, rating, deadline) with an audit row', async () => {
    const before = (await casesOf('pos')).length;
    const again = await importFile(app, pos, 'pos.csv', posCsv());
    expect(again.uploaded.suggestion.mappingName).toBe('ПОС ЛКО');
    expect(again.uploaded.suggestion.sameFileAs).toBeTruthy();
    expect(again.done.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3, quarantined: 3 });
    expect((await casesOf('pos')).length).toBe(before);

    const changed = await importFile(app, pos, 'pos-2.csv', posCsv(true));
    expect(changed.done.counts).toEqual({ inserted: 0, updated: 2, unchanged: 1, quarantined: 3 });
    const moved = (await casesOf('pos')).find((c) => c.sourceId === '327441801')!;
    expect(moved.answerDue!.toISOString()).toBe('2026-01-20T19:59:59.999Z');
    expect(moved.answerDueOriginal).toEqual(moved.answerDue);
    const d = await loadTenantDeadlines(database.db, tenantId);
    expect(moved.answerAtRiskFrom).toEqual(atRiskFrom(moved.receivedAt, moved.answerDue!, { unit: 'working_days', amount: 2 }, d.ctx));
    const row = (await casesOf('pos')).find((c) => c.sourceId === '327441802')!;
    expect(row).toMatchObject({ externalStatus: 'Отправлен ответ заявителю', rating: 5, status: 'received', version: 2 });
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'import_update')));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ externalStatus: 'Назначен исполнитель', rating: null });
    expect(audit[0].after).toMatchObject({ externalStatus: 'Отправлен ответ заявителю', rating: 5 });
  });

  it('lists, downloads (real XLSX), fixes and retries quarantined rows', async () => {
    const [job] = await database.db.select().from(importJobs).where(eq(importJobs.fileName, 'pos.csv')).orderBy(importJobs.createdAt).limit(1);
    const xlsx = await pos.get(`/api/imports/${job.id}/quarantine.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Строка файла');
    expect(sheet.getRow(1).getCell(3).value).toBe('Номер');
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([5, 'строка 5: нет номера сообщения']));
    expect(sheet.rowCount).toBe(4);

    const q = (await pos.get(`/api/imports/${job.id}/quarantine`)).json();
    const noNumber = q.items[0];
    const badDate = q.items[1];
    const fixed = await pos.send('PATCH', `/api/imports/${job.id}/quarantine/${noNumber.id}`, { values: { Номер: '327441803' } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ problem: null, values: { Номер: '327441803' } });
    const stillBad = await pos.send('PATCH', `/api/imports/${job.id}/quarantine/${badDate.id}`, { values: { 'Дата поступления': '30.02.2026' } });
    expect(stillBad.json().problem).toBe('строка 6: дата «30.02.2026» не существует');
    const unknownColumn = await pos.send('PATCH', `/api/imports/${job.id}/quarantine/${badDate.id}`, { values: { Нет: 'x' } });
    expect(unknownColumn.statusCode).toBe(400);

    const retry = await pos.send('POST', `/api/imports/${job.id}/quarantine/retry`, {});
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ tried: 3, imported: 1, inserted: 1 });
    const after = (await pos.get(`/api/imports/${job.id}`)).json();
    expect(after.counts).toEqual({ inserted: 4, updated: 0, unchanged: 0, quarantined: 2 });
    expect((await casesOf('pos')).some((c) => c.sourceId === '327441803')).toBe(true);
    const left = (await pos.get(`/api/imports/${job.id}/quarantine?state=open`)).json();
    expect(left.total).toBe(2);
    const imported = (await pos.get(`/api/imports/${job.id}/quarantine?state=imported`)).json();
    expect(imported.items[0].caseId).toBeTruthy();
  });

  it('reads an XLSX with a title, a merged two-row header, Excel serial dates and date cells', async () => {
    const up = await upload(app, pos, 'incidents.xlsx', await incidentXlsx());
    expect(up.statusCode).toBe(200);
    const job = up.json();
    expect(job).toMatchObject({ format: 'xlsx', headerRow: 4, sheetName: 'Лист1' });
    expect(job.headers).toEqual(['ID', 'Дата создания', 'Группа тем', 'Тема', 'Текст инцидента', 'Адрес / Населенный пункт', 'Адрес / Улица', 'Адрес / Дом', 'Урл поста', 'Автор / ФИО', 'Автор / Телефон']);
    expect(job.preview[0].values.slice(0, 2)).toEqual(['39520480', '46028.5']);
    expect(job.suggestion).toMatchObject({ preset: 'incident', channel: 'incident' });
    expect(job.suggestion.mapping).toMatchObject({ sourceId: ['ID'], receivedAt: ['Дата создания'], text: ['Текст инцидента'], locality: ['Адрес / Населенный пункт'], sourceUrl: ['Урл поста'] });
    const mapping = { ...job.suggestion.mapping, applicantName: ['Автор / ФИО'], applicantPhone: ['Автор / Телефон'] };
    await pos.send('POST', `/api/imports/${job.id}/start`, { channel: 'incident', mapping, options: { status: 'registered' } });
    const done = await waitForJob(pos, job.id);
    expect(done.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0, quarantined: 0 });
    expect(done.progress.totalRows).toBe(3);
    const rows = await casesOf('incident');
    const a = rows.find((c) => c.sourceId === '39520480')!;
    expect(a.receivedAt.toISOString()).toBe('2026-01-06T08:00:00.000Z'); // serial 46028.5 = 06.01.2026 12:00 local
    expect(a).toMatchObject({ text: 'Яма на дороге у школы, не проехать', address: 'Каменский, Школьная улица, 3', sourceUrl: 'https://vk.com/wall-1_1', status: 'registered' });
    expect(a.localityId).toBeTruthy();
    expect(a.settlementId).toBeTruthy();
    expect(a.interimDue).not.toBeNull(); // «Инцидент Менеджмент»: 9 working hours
    const b = rows.find((c) => c.sourceId === '39520481')!;
    expect(b.receivedAt.toISOString()).toBe('2026-01-07T05:15:00.000Z');
    const c = rows.find((x) => x.sourceId === '39520482')!;
    expect(c.topicId).toBeNull();
    expect(done.warnings.map((w: { key: string }) => w.key)).toEqual(expect.arrayContaining(['topic:Неизвестная группа']));
  });

  it('refuses an empty file, a binary file named .csv, a header-only file and a broken XLSX with a Russian 400, writing nothing', async () => {
    const count = async () => (await database.db.select({ id: importJobs.id }).from(importJobs)).length;
    const before = await count();
    const empty = await upload(app, pos, 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('Файл пуст');
    const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const bin = await upload(app, pos, 'data.csv', binary);
    expect(bin.statusCode).toBe(400);
    expect(bin.json().error.message).toMatch(/двоичный файл/);
    const png = await upload(app, pos, 'photo.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]));
    expect(png.statusCode).toBe(400);
    const headerOnly = await upload(app, pos, 'head.csv', Buffer.from('\uFEFFНомер;Дата поступления;Текст\r\n;;\r\n'));
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().error.message).toMatch(/нет строк с данными/);
    const good = await incidentXlsx();
    const broken = await upload(app, pos, 'broken.xlsx', good.subarray(0, Math.floor(good.length * 0.6)));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/XLSX/);
    const unclosed = await upload(app, pos, 'quote.csv', Buffer.from('Номер;Дата поступления;Текст\n1;06.01.2026;"нет закрывающей кавычки\n2;06.01.2026;ok\n'));
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.message).toMatch(/кавычка/);
    expect(await count()).toBe(before);
  });

  it('refuses a file over 50 MB while reading it (413, nothing stored)', async () => {
    const line = Buffer.from('1;06.01.2026;' + 'x'.repeat(1000) + '\n');
    const big = Buffer.concat([Buffer.from('Номер;Дата поступления;Текст\n'), ...Array.from({ length: Math.ceil((50 * 1024 * 1024) / line.length) + 10 }, () => line)]);
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const before = (await database.db.select({ id: importJobs.id }).from(importJobs)).length;
    const res = await upload(app, pos, 'big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('Файл больше 50 МБ: разделите выгрузку на части');
    expect((await database.db.select({ id: importJobs.id }).from(importJobs)).length).toBe(before);
  });

  it('masks applicants’ data in the quarantine for those without pd.read, and logs the reads of those with it', async () => {
    const csv = Buffer.from('Номер;Дата поступления;Текст;ФИО;Телефон\nP-1;01.01.2026;Текст обращения;Смирнов Олег Петрович;+7 927 111-22-33\n;02.01.2026;Без номера;Кузнецова Анна;+7 927 444-55-66\n');
    const { uploaded, done } = await importFile(app, pos, 'people.csv', csv, { channel: 'phone' });
    expect(uploaded.suggestion.mapping).toMatchObject({ applicantName: ['ФИО'], applicantPhone: ['Телефон'] });
    expect(done.counts).toMatchObject({ inserted: 1, quarantined: 1 });
    const [{ n: logsBefore }] = await database.db.select({ n: count() }).from(pdAccessLog);
    const full = (await pos.get(`/api/imports/${uploaded.id}/quarantine`)).json();
    expect(full.items[0].values).toMatchObject({ ФИО: 'Кузнецова Анна', Телефон: '+7 927 444-55-66' });
    expect(full.personalDataColumns).toEqual(['ФИО', 'Телефон']);
    const [{ n: logsAfter }] = await database.db.select({ n: count() }).from(pdAccessLog);
    expect(logsAfter).toBe(logsBefore + 1);
    const admin = await signIn(app, 'admin');
    const masked = (await admin.get(`/api/imports/${uploaded.id}/quarantine`)).json();
    expect(masked.items[0].values).toMatchObject({ ФИО: 'К*** А.', Телефон: '*** ***-**-66', Текст: 'Без номера' });
    const [applicant] = await database.db.select().from(caseApplicants).innerJoin(cases, eq(cases.id, caseApplicants.caseId)).where(eq(cases.sourceId, 'P-1'));
    expect(applicant.case_applicants).toMatchObject({ fullName: 'Смирнов Олег Петрович', phone: '+7 927 111-22-33' });
  });

  it('checks the mapping against the file before starting', async () => {
    const job = (await upload(app, pos, 'pos.csv', posCsv())).json();
    const res = await pos.send('POST', `/api/imports/${job.id}/start`, { channel: 'pos', mapping: { sourceId: ['Нет такого'], receivedAt: ['Дата поступления'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['mapping.sourceId']).toBe('Номер в источнике: столбца «Нет такого» нет в файле');
    const noKey = await pos.send('POST', `/api/imports/${job.id}/start`, { channel: 'pos', mapping: { receivedAt: ['Дата поступления'] } });
    expect(noKey.json().error.fields['mapping.sourceId']).toMatch(/выберите столбец/);
    const channel = await pos.send('POST', `/api/imports/${job.id}/start`, { channel: 'nope', mapping: job.suggestion.mapping });
    expect(channel.statusCode).toBe(400);
    const operator = await signIn(app, 'operator');
    expect((await operator.get(`/api/imports/${job.id}`)).statusCode).toBe(403);
  });
});
