import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-plugin';
import { attachment } from '../exports/exports.routes';
import { createNote, findNote, issueNote, listNotes, noteDetail, noteVersionFile, refreshNote, updateNoteTexts } from './notes';
import { chartPng } from './note-charts';
import type { NoteContent } from './note-content';
import { curReportFile, generateCurReport, listCurReports, markCurReportSent, regionCurReports, reportsDue, updateCurComments } from './cur-reports';

const TAG = ['Отчёты'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });
const text = (max: number) => z.string().max(max, { error: `Не длиннее ${max} знаков` }).optional();

const noteInput = z.object({ from: z.iso.date({ error: 'Период с: дата ГГГГ-ММ-ДД' }), to: z.iso.date({ error: 'Период по: дата ГГГГ-ММ-ДД' }) });
const textsInput = z.strictObject({ addressee: text(500), signer: text(300), conclusions: text(20000), recommendations: text(20000) });
const periodParam = z.object({ period: z.string().regex(/^\d{4}(-Q[1-4])?$/, { error: 'Период: 2026-Q3 или 2026' }) });
const commentsInput = z.object({ comments: z.record(z.string().max(64), z.string().max(2000, { error: 'Комментарий: не длиннее 2000 знаков' })) });

/** Weekly notes (R-RP-1) and the reports of indicators to the ЦУР (R-RP-2). */
export async function reportsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const read = { policy: 'reports.read' as const };
  const manage = { policy: 'reports.manage' as const };

  r.get('/api/reports/notes', { config: read, schema: { tags: TAG, summary: 'Аналитические записки' } }, async (req) => listNotes(db, actorOf(req)));
  r.post('/api/reports/notes', { config: manage, schema: { tags: TAG, summary: 'Сформировать записку за период (черновик)', body: noteInput } }, async (req) => {
    const n = await createNote(db, actorOf(req), req.body, clock());
    return { id: n.id };
  });
  r.get('/api/reports/notes/:id', { config: read, schema: { tags: TAG, summary: 'Записка: предпросмотр, текст, версии', params: idParam } }, async (req) => noteDetail(db, actorOf(req), req.params.id, clock()));
  r.patch('/api/reports/notes/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить текстовые части записки', params: idParam, body: textsInput } }, async (req) => {
    await db.transaction((tx) => updateNoteTexts(tx, actorOf(req), req.params.id, req.body, clock()));
    return noteDetail(db, actorOf(req), req.params.id, clock());
  });
  r.post('/api/reports/notes/:id/refresh', { config: manage, schema: { tags: TAG, summary: 'Пересчитать данные черновика', params: idParam, body: z.strictObject({}).nullish() } }, async (req) => {
    await refreshNote(db, actorOf(req), req.params.id, clock());
    return noteDetail(db, actorOf(req), req.params.id, clock());
  });
  r.post('/api/reports/notes/:id/issue', { config: manage, schema: { tags: TAG, summary: 'Выпустить версию записки (DOCX сохраняется)', params: idParam, body: z.strictObject({}).nullish() } }, async (req) => issueNote(db, actorOf(req), req.params.id, clock()));
  r.get(
    '/api/reports/notes/:id/versions/:version/docx',
    { config: read, schema: { tags: TAG, summary: 'Скачать выпущенную версию (DOCX)', params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) }) } },
    async (req, reply) => {
      const f = await noteVersionFile(db, actorOf(req), req.params.id, req.params.version);
      attachment(reply, f.fileName, DOCX);
      return reply.send(f.content);
    },
  );
  r.get(
    '/api/reports/notes/:id/charts/:chart',
    { config: read, schema: { tags: TAG, summary: 'Рисунок записки (PNG)', params: z.object({ id: z.uuid(), chart: z.enum(['trend', 'heatmap']) }) } },
    async (req, reply) => {
      const note = await findNote(db, actorOf(req), req.params.id);
      reply.type('image/png');
      reply.header('Cache-Control', 'private, max-age=60');
      return reply.send(chartPng(note.content as NoteContent, req.params.chart));
    },
  );

  r.get('/api/reports/cur', { config: read, schema: { tags: TAG, summary: 'Отчёты в ЦУР: периоды, сроки, состояние' } }, async (req) => listCurReports(db, actorOf(req), clock()));
  r.get('/api/reports/due', { config: read, schema: { tags: TAG, summary: 'Ближайшие сроки отчётов и записок (для «Обзора МЦУ»)' } }, async (req) => reportsDue(db, actorOf(req), clock()));
  r.post('/api/reports/cur/:period', { config: manage, schema: { tags: TAG, summary: 'Сформировать (пересчитать) отчёт в ЦУР', params: periodParam } }, async (req) =>
    generateCurReport(db, actorOf(req), req.params.period, clock()),
  );
  r.patch('/api/reports/cur/:period', { config: manage, schema: { tags: TAG, summary: 'Комментарии к показателям отчёта', params: periodParam, body: commentsInput } }, async (req) =>
    db.transaction((tx) => updateCurComments(tx, actorOf(req), req.params.period, req.body.comments)),
  );
  r.post('/api/reports/cur/:period/sent', { config: manage, schema: { tags: TAG, summary: 'Отметить отчёт отправленным (файл фиксируется)', params: periodParam } }, async (req) =>
    markCurReportSent(db, actorOf(req), req.params.period, clock()),
  );
  r.get('/api/reports/cur/:period/xlsx', { config: read, schema: { tags: TAG, summary: 'Скачать отчёт в ЦУР (XLSX)', params: periodParam } }, async (req, reply) => {
    const f = await curReportFile(db, actorOf(req), req.params.period, actorOf(req).tenantId);
    attachment(reply, f.fileName, XLSX);
    return reply.send(f.content);
  });
  r.get('/api/region/reports', { config: { policy: 'region.read' }, schema: { tags: TAG, summary: 'ЦУР: отчёты муниципалитетов (отправленные и ожидаемые)' } }, async (req) =>
    regionCurReports(db, actorOf(req), clock()),
  );
  r.get(
    '/api/region/reports/:municipalityId/:period/xlsx',
    { config: { policy: 'region.read' }, schema: { tags: TAG, summary: 'ЦУР: скачать отправленный отчёт муниципалитета', params: z.object({ municipalityId: z.uuid(), period: periodParam.shape.period }) } },
    async (req, reply) => {
      const f = await curReportFile(db, actorOf(req), req.params.period, req.params.municipalityId);
      attachment(reply, f.fileName, XLSX);
      return reply.send(f.content);
    },
  );
}
