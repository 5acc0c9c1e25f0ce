import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-plugin';
import { AppError } from '../../errors';
import { decisionInput, recommendationInput, reportInput, taskInput } from '../../../domain/engagement/schemas';
import { acceptTask, createTask, decideReport, municipalityTasks, regionTasks, sendReport, visibleAssignment } from './tasks';
import { createRecommendation, listRecommendations, recommendationVisible } from './recommendations';
import { loadFile } from './files';
import { readForm } from './multipart';

const TAG = ['Задания ЦУР'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });

/** Parses a form's fields with a zod schema, turning its issues into the usual Russian validation error. */
function parseFields<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'form', i.message]));
  throw new AppError('validation', parsed.error.issues.map((i) => i.message).join('; '), fields);
}

/** The exchange with the ЦУР (Прил. 2): tasks, reports with files, decisions, recommendations. */
export async function engagementTaskRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const read = { policy: 'analytics.read' as const };

  r.get('/api/engagement/tasks', { config: read, schema: { tags: TAG, summary: 'Задания: ЦУР — по всем муниципалитетам, МЦУ — свои' } }, async (req) => {
    const actor = actorOf(req);
    return actor.tenantKind === 'region' ? { view: 'region' as const, ...(await regionTasks(db, actor)) } : { view: 'municipality' as const, ...(await municipalityTasks(db, actor)) };
  });
  r.post('/api/engagement/tasks', { config: { policy: 'region.manage' }, schema: { tags: TAG, summary: 'Дать задание муниципалитетам', body: taskInput } }, async (req) =>
    db.transaction((tx) => createTask(tx, actorOf(req), req.body)),
  );
  r.post('/api/engagement/assignments/:id/accept', { config: { policy: 'engagement.manage' }, schema: { tags: TAG, summary: 'Принять задание к исполнению', params: idParam, body: z.strictObject({}).nullish() } }, async (req) =>
    db.transaction((tx) => acceptTask(tx, actorOf(req), req.params.id, clock())),
  );
  r.post('/api/engagement/assignments/:id/report', { config: { policy: 'engagement.manage' }, schema: { tags: TAG, summary: 'Отправить отчёт по заданию (текст и файлы)', params: idParam, consumes: ['multipart/form-data', 'application/json'] } }, async (req) => {
    const form = await readForm(req);
    const input = parseFields(reportInput, form.fields);
    return db.transaction((tx) => sendReport(tx, actorOf(req), req.params.id, input.text, form.files, clock()));
  });
  r.post('/api/engagement/assignments/:id/decision', { config: { policy: 'region.manage' }, schema: { tags: TAG, summary: 'Принять отчёт или вернуть на доработку', params: idParam, body: decisionInput } }, async (req) =>
    db.transaction((tx) => decideReport(tx, actorOf(req), req.params.id, req.body.decision, req.body.comment ?? null, clock())),
  );

  r.get('/api/engagement/recommendations', { config: read, schema: { tags: TAG, summary: 'Архив рекомендаций ЦУР' } }, async (req) => listRecommendations(db, actorOf(req)));
  r.post('/api/engagement/recommendations', { config: { policy: 'region.manage' }, schema: { tags: TAG, summary: 'Добавить рекомендацию ЦУР (с файлами)', consumes: ['multipart/form-data', 'application/json'] } }, async (req) => {
    const form = await readForm(req);
    const input = parseFields(recommendationInput, { ...form.fields, municipalityId: form.fields.municipalityId || null });
    return db.transaction((tx) => createRecommendation(tx, actorOf(req), input, form.files));
  });

  r.get('/api/engagement/files/:id', { config: read, schema: { tags: TAG, summary: 'Скачать файл отчёта или рекомендации (как вложение)', params: idParam } }, async (req, reply) => {
    const actor = actorOf(req);
    const f = await loadFile(db, req.params.id);
    if (f.ownerKind === 'report') await visibleAssignment(db, actor, f.ownerId);
    else if (!(await recommendationVisible(db, actor, f.ownerId))) throw new AppError('not_found', 'Файл не найден');
    reply.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
    reply.type(f.mimeType);
    return reply.send(Buffer.from(f.content));
  });
}
