import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, targets } from '../../test/databases';
import { pinnedClock, signIn, testApp } from '../../test/http';
import type { Database } from '../../db/client';
import { destroyExpiredPd } from './destroy-expired-pd';

type Client = Awaited<ReturnType<typeof signIn>>;

describe.each(targets())('personal-data retention and the destruction act on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let tenantId: string;
  let admin: Client, operator: Client;
  const clock = pinnedClock('2026-11-20T09:00:00Z');
  const caseIds: Record<'old' | 'rejected' | 'recent' | 'open', string> = { old: '', rejected: '', recent: '', open: '' };
  let importJobs: Record<'old' | 'recent', string> = { old: '', recent: '' };

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
    app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
    [admin, operator] = await Promise.all(['admin', 'operator'].map((l) => signIn(app, l)));
    const topics = (await operator.get('/api/topics')).json().items as { id: string; code: string }[];
    const subtopicId = topics.find((t) => t.code.startsWith('roads.'))!.id;
    for (const k of ['old', 'rejected', 'recent', 'open'] as const) {
      const res = await operator.send('POST', '/api/cases', {
        regime: 'FZ59', channel: 'reception', receivedAt: '2020-03-02T10:30:00+04:00', subtopicId, text: `Прошу отремонтировать дорогу (${k}) у моего дома. Петров Пётр, тел. +7 927 000-11-22, кв. 17`,
        address: 'рп Каменский, ул. Школьная, д. 3, кв. 17', lat: 51.9371, lon: 45.7123,
        applicant: { fullName: 'Петров Пётр Петрович', postalAddress: '412815, рп Каменский, ул. Школьная, д. 3', phone: '+7 927 000-11-22', email: 'petrov@example.ru' },
      });
      caseIds[k] = res.json().id;
      expect((await operator.send('POST', `/api/cases/${caseIds[k]}/notes`, { text: 'Звонил Петров, просил перезвонить на +7 927 000-11-22' })).statusCode).toBeLessThan(300);
    }
    // Fixtures: closing dates set directly (the lifecycle itself is tested in the cases module).
    await database.query(`UPDATE cases SET status = 'closed', closed_at = $2 WHERE id = $1`, [caseIds.old, '2020-06-01T00:00:00Z']);
    await database.query(`UPDATE cases SET status = 'closed', closed_at = $2 WHERE id = $1`, [caseIds.recent, '2025-06-01T00:00:00Z']);
    await database.query(`UPDATE cases SET status = 'rejected', status_reason = 'Петров отозвал обращение', closed_at = $2 WHERE id = $1`, [caseIds.rejected, '2020-06-01T00:00:00Z']);
    // Materials that quote the applicant: a photo, an answer with its review, a pause reason, a rating comment
    // and the answer excerpt the audit trail keeps (as submit-answer writes it).
    for (const k of ['old', 'recent'] as const) {
      const id = caseIds[k];
      await database.query(`UPDATE cases SET rating = 5, rating_comment = 'Спасибо, Петров доволен' WHERE id = $1`, [id]);
      await database.query(`INSERT INTO case_files (tenant_id, case_id, file_name, mime_type, size, sha256, content) VALUES ($1, $2, 'Петров_двор.jpg', 'image/jpeg', 6, 'x', '\\x505045524f56'::bytea)`, [tenantId, id]);
      const [answer] = await database.query<{ id: string }>(`INSERT INTO case_answers (tenant_id, case_id, kind, text, state, review_comment) VALUES ($1, $2, 'final', 'Уважаемый Пётр Петрович! Дорога у дома 3 по ул. Школьной отремонтирована.', 'sent', 'Петрову ответить письмом') RETURNING id`, [tenantId, id]);
      await database.query(`INSERT INTO case_files (tenant_id, case_id, answer_id, file_name, mime_type, size, sha256, content) VALUES ($1, $2, $3, 'ответ Петрову.pdf', 'application/pdf', 1, 'y', '\\x25'::bytea)`, [tenantId, id, answer.id]);
      await database.query(`INSERT INTO case_pauses (case_id, from_at, to_at, reason) VALUES ($1, '2020-03-10T00:00:00Z', '2020-03-12T00:00:00Z', 'Ждём ответа Петрова')`, [id]);
      await database.query(`INSERT INTO audit_events (tenant_id, action, entity, entity_id, after) VALUES ($1, 'submit_final', 'case', $2, '{"status": "answer_prepared", "answer": "Уважаемый Пётр Петрович!"}')`, [tenantId, id]);
    }
    const [job] = await database.query<{ id: string }>(`INSERT INTO import_jobs (tenant_id, file_name, format, size, sha256, header_row, headers, preview, status, created_at)
      VALUES ($1, 'old.csv', 'csv', 1, 'x', 1, '["ФИО"]', '[{"rowNumber": 2, "values": ["Сидоров С. С."]}]', 'done', '2026-01-10T00:00:00Z') RETURNING id`, [tenantId]);
    // The uploaded files: of the old finished import (expired), and of a recent one (kept).
    const [recentJob] = await database.query<{ id: string }>(`INSERT INTO import_jobs (tenant_id, file_name, format, size, sha256, header_row, headers, preview, status, created_at, finished_at)
      VALUES ($1, 'recent.csv', 'csv', 1, 'x', 1, '["ФИО"]', '[{"rowNumber": 2, "values": ["Кузнецов К. К."]}]', 'done', '2026-10-10T00:00:00Z', '2026-10-10T00:10:00Z') RETURNING id`, [tenantId]);
    importJobs = { old: job.id, recent: recentJob.id };
    for (const id of [job.id, recentJob.id]) await database.query(`INSERT INTO import_file_parts (job_id, seq, data) VALUES ($1, 0, convert_to('ФИО;Телефон\nСидоров С. С.;+79270001122', 'UTF8'))`, [id]);
    await database.query(`INSERT INTO import_quarantine (tenant_id, job_id, row_number, values, reason, created_at) VALUES
      ($1, $2, 2, '{"ФИО": "Сидоров С. С.", "Телефон": "+79270001122"}', 'нет даты', '2026-01-10T00:00:00Z'),
      ($1, $2, 3, '{"ФИО": "Иванова И. И."}', 'нет даты', '2026-10-10T00:00:00Z')`, [tenantId, job.id]);
    await database.query(`INSERT INTO pd_access_log (tenant_id, case_id, action, purpose, at) VALUES
      ($1, $2, 'view', 'рассмотрение обращения', '2022-05-01T00:00:00Z'), ($1, $2, 'view', 'рассмотрение обращения', '2025-05-01T00:00:00Z')`, [tenantId, caseIds.old]);
    const saved = await admin.send('PUT', '/api/pd-retention/policy', { enabled: true, applicantMonths: 60, materialsMonths: 60, quarantineMonths: 6, accessLogMonths: 36, responsible: 'Иванов И. И., начальник отдела', operatorAddress: '412800, г. Красноармейск' });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('refuses an access log kept less than 3 years, naming the field in Russian', async () => {
    const res = await admin.send('PUT', '/api/pd-retention/policy', { enabled: true, applicantMonths: 60, materialsMonths: 60, quarantineMonths: 6, accessLogMonths: 12, responsible: '', operatorAddress: '' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/не меньше 36 месяцев/);
  });

  it('the database itself refuses to delete access-log entries outside the retention job, or younger than 3 years', async () => {
    await expect(database.query(`DELETE FROM pd_access_log WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(/только дополняется/);
    const young = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('mcu.pd_retention', 'on', true)`);
        await tx.execute(sql`DELETE FROM pd_access_log WHERE at > '2025-01-01'`);
      })
      .then(() => null, (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(young).toMatch(/только дополняется/);
    const [{ n }] = await database.query<{ n: string }>(`SELECT count(*) AS n FROM pd_access_log WHERE tenant_id = $1`, [tenantId]);
    expect(Number(n)).toBe(2);
  });

  it('the database lets no one rewrite the audit trail, and the retention transaction only remove keys from it', async () => {
    const failure = (q: string) => database.db
      .transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('mcu.pd_retention', 'on', true)`);
        await tx.execute(sql.raw(q));
      })
      .then(() => null, (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    await expect(database.query(`UPDATE audit_events SET after = after - 'answer' WHERE entity_id = $1`, [caseIds.old])).rejects.toThrow(/только дополняется/);
    expect(await failure(`UPDATE audit_events SET after = after || '{"answer": "подделка"}' WHERE entity_id = '${caseIds.old}' AND action = 'submit_final'`)).toMatch(/только дополняется/);
    expect(await failure(`UPDATE audit_events SET action = 'other' WHERE entity_id = '${caseIds.old}' AND action = 'submit_final'`)).toMatch(/только дополняется/);
    expect(await failure(`DELETE FROM audit_events WHERE entity_id = '${caseIds.old}'`)).toMatch(/только дополняется/);
    const [{ after }] = await database.query<{ after: Record<string, string> }>(`SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'submit_final'`, [caseIds.old]);
    expect(after.answer).toBe('Уважаемый Пётр Петрович!');
  });

  it('destroys exactly the expired data in one transaction and writes the act with its log export', async () => {
    const daySums = async () => (await database.query<{ h: string }>(`SELECT md5(coalesce(string_agg((to_jsonb(s) - 'id')::text, ',' ORDER BY (to_jsonb(s) - 'id')::text), '')) AS h FROM case_day_sums s`))[0].h;
    const sumsBefore = await daySums();
    const r = await destroyExpiredPd(database, tenantId, clock());
    expect(r.counts).toEqual({ applicant: 2, materials: 2, quarantine: 1, import_files: 1, access_log: 1 });
    expect(await daySums()).toBe(sumsBefore);
    const applicants = await database.query<{ case_id: string; full_name: string | null; phone: string | null }>(`SELECT case_id, full_name, phone FROM case_applicants WHERE case_id = ANY($1::uuid[])`, [Object.values(caseIds)]);
    const byId = new Map(applicants.map((a) => [a.case_id, a]));
    expect(byId.get(caseIds.old)).toMatchObject({ full_name: null, phone: null });
    expect(byId.get(caseIds.rejected)).toMatchObject({ full_name: null, phone: null });
    expect(byId.get(caseIds.recent)!.full_name).toBe('Петров Пётр Петрович');
    expect(byId.get(caseIds.open)!.full_name).toBe('Петров Пётр Петрович');
    const q = await database.query<{ row_number: number; values: Record<string, string> }>(`SELECT row_number, values FROM import_quarantine ORDER BY row_number`);
    expect(q.map((x) => Object.keys(x.values).length)).toEqual([0, 1]);
    const files = await database.query<{ id: string; preview: unknown[]; parts: number }>(`SELECT id, preview, (SELECT count(*)::int FROM import_file_parts p WHERE p.job_id = j.id) AS parts FROM import_jobs j WHERE id = ANY($1::uuid[])`, [Object.values(importJobs)]);
    const fileOf = new Map(files.map((x) => [x.id, x]));
    expect(fileOf.get(importJobs.old)).toMatchObject({ preview: [], parts: 0 });
    expect(fileOf.get(importJobs.recent)).toMatchObject({ parts: 1 });
    expect(fileOf.get(importJobs.recent)!.preview).toHaveLength(1);
    // A failed import whose file is gone cannot be resumed: a clear Russian refusal, nothing queued.
    await database.query(`UPDATE import_jobs SET status = 'failed' WHERE id = $1`, [importJobs.old]);
    const resumed = await admin.send('POST', `/api/imports/${importJobs.old}/resume`, {});
    expect(resumed.statusCode).toBe(409);
    expect(resumed.json().error.message).toMatch(/Исходный файл этого импорта уничтожен по истечении срока хранения/);
    await database.query(`UPDATE import_jobs SET status = 'done' WHERE id = $1`, [importJobs.old]);
    const log = await database.query<{ at: Date }>(`SELECT at FROM pd_access_log WHERE tenant_id = $1`, [tenantId]);
    expect(log).toHaveLength(1);

    const acts = (await admin.get('/api/pd-retention/acts')).json().items;
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ number: '2026-001', total: 7, destroyedAt: '2026-11-20T09:00:00.000Z' });
    expect(acts[0].content).toMatchObject({ responsible: 'Иванов И. И., начальник отдела', counts: { applicant: 2, materials: 2, quarantine: 1, import_files: 1, access_log: 1 } });
    expect(acts[0].content.categories).toContain('файлы обращения и ответов (в том числе фотографии)');
    expect(JSON.stringify(acts[0])).not.toMatch(/Петров|Сидоров|petrov@|927 000|9270001122|Школьная/);
    const docx = await admin.get(`/api/pd-retention/acts/${acts[0].id}/act.docx`);
    expect(docx.headers['content-disposition']).toMatch(/^attachment/);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await admin.get(`/api/pd-retention/acts/${acts[0].id}/log.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(1 + 7);
    const subjects = [2, 3, 4, 5, 6, 7, 8].map((i) => String(sheet.getRow(i).getCell(1).value));
    expect(subjects.some((s) => /заявитель обращения № \d{4}-\d{6}/.test(s))).toBe(true);
    expect(subjects.some((s) => /материалы обращения № \d{4}-\d{6}/.test(s))).toBe(true);
    expect([2, 3, 4, 5, 6, 7, 8].map((i) => String(sheet.getRow(i).getCell(2).value))).toEqual(expect.arrayContaining(['Материалы закрытого обращения', 'Исходный файл завершённого импорта']));
    expect(JSON.stringify(sheet.getSheetValues())).not.toMatch(/Петров|Сидоров|petrov@|927 000|9270001122|Школьная/);
    const [audit] = await database.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'pd_destroy' AND tenant_id = $1`, [tenantId]);
    expect(Number(audit.n)).toBe(1);
  });

  /** Everything the database keeps of one case, as text: the case row with its search vector, answers, notes, pauses, files, applicant, audit. */
  const everything = async (id: string) => (await database.query<{ all: string }>(`SELECT concat_ws(' | ',
      (SELECT row_to_json(c)::text FROM cases c WHERE c.id = $1),
      (SELECT string_agg(row_to_json(a)::text, ' ') FROM case_answers a WHERE a.case_id = $1),
      (SELECT string_agg(row_to_json(n)::text, ' ') FROM case_notes n WHERE n.case_id = $1),
      (SELECT string_agg(row_to_json(p)::text, ' ') FROM case_pauses p WHERE p.case_id = $1),
      (SELECT string_agg(row_to_json(f)::text || encode(f.content, 'escape'), ' ') FROM case_files f WHERE f.case_id = $1),
      (SELECT row_to_json(ap)::text FROM case_applicants ap WHERE ap.case_id = $1),
      (SELECT string_agg(coalesce(e.before::text, '') || coalesce(e.after::text, ''), ' ') FROM audit_events e WHERE e.entity_id = $1::text)) AS all`, [id]))[0].all;
  const PLANTED = /петр|пётр|927 000|000-11-22|школьн|кв\. 17|51\.937|45\.712|PPEROV|petrov/i;

  it('leaves none of the planted personal data of the old closed and rejected cases anywhere, keeps its statistical record and the recent cases whole', async () => {
    for (const k of ['old', 'rejected'] as const) expect(await everything(caseIds[k])).not.toMatch(PLANTED);
    for (const k of ['recent', 'open'] as const) expect(await everything(caseIds[k])).toMatch(/Петров Пётр, тел\. \+7 927 000-11-22, кв\. 17/);
    expect(await everything(caseIds.recent)).toMatch(/PPEROV/);
    const [old] = await database.query<Record<string, unknown>>(`SELECT text, address, lat, status, closed_at, received_at, rating, subtopic_id, topic_id, (SELECT count(*)::int FROM case_files f WHERE f.case_id = c.id) AS files FROM cases c WHERE id = $1`, [caseIds.old]);
    expect(old).toMatchObject({ text: 'Текст удалён по истечении срока хранения (акт № 2026-001)', address: null, lat: null, status: 'closed', rating: 5, files: 0 });
    expect(new Date(old.closed_at as string).toISOString()).toBe('2020-06-01T00:00:00.000Z');
    expect(old.subtopic_id).toBeTruthy();
    const [answer] = await database.query<{ text: string }>(`SELECT text FROM case_answers WHERE case_id = $1`, [caseIds.old]);
    expect(answer.text).toBe('Текст удалён по истечении срока хранения (акт № 2026-001)');
    const [{ status }] = await database.query<{ status: string }>(`SELECT after->>'status' AS status FROM audit_events WHERE entity_id = $1 AND action = 'submit_final'`, [caseIds.old]);
    expect(status).toBe('answer_prepared');
  });

  it('a second run finds nothing and writes no act; the act list is closed to a role without audit.read', async () => {
    expect((await destroyExpiredPd(database, tenantId, clock())).actId).toBeNull();
    expect((await admin.get('/api/pd-retention/acts')).json().items).toHaveLength(1);
    expect((await operator.get('/api/pd-retention/acts')).statusCode).toBe(403);
  });
});
