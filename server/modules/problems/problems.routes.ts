import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { AppError } from '../../errors';
import { measureFiles, users } from '../../db/schema';
import { CASE_LIMITS } from '../../../domain/cases/schemas';
import {
  measureInput, measureNoteInput, measureStatusInput, pollInput, practiceInput, problemCasesInput, problemInput, problemStatusInput, problemsQuery, problemUpdateInput, roadmapInput,
} from '../../../domain/problems/schemas';
import { createProblem, setProblemStatus, updateProblem } from './save-problem';
import { attachCases, detachCases } from './problem-cases';
import { listProblems, problemCard } from './read-problems';
import { signalDraft } from './signal-draft';
import { suggestCases } from './suggest-cases';
import { listRoadmaps, roadmapCard } from './read-roadmaps';
import { addMeasureNote, approveRoadmap, attachMeasureFile, createMeasure, saveRoadmap, setMeasureStatus, updateMeasure } from './save-roadmap';
import { fastTrack } from './fast-track';
import { listPractices, savePractice } from './practices';
import { createPoll, linkPoll, listPolls, pollCandidates } from './polls';
import { importPolls } from './import-polls';
import { assertMunicipal } from './access';

const TAG = ['Проблемы и дорожные карты'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });
const tooLarge = () => new AppError('too_large', `Файл больше ${CASE_LIMITS.fileBytes / 1024 / 1024} МБ`, { file: 'Слишком большой' });

/** Problems (первопричины), roadmaps and measures, fast track, best practices, polls (issue 7). */
export async function problemsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const read = { policy: 'analytics.read' as const };
  const manage = { policy: 'problems.manage' as const };

  async function upload(req: FastifyRequest) {
    const file = await req.file({ limits: { fileSize: CASE_LIMITS.fileBytes + 1 } });
    if (!file) throw new AppError('validation', 'Файл: выберите файл', { file: 'Выберите файл' });
    const data = await file.toBuffer().catch((e: { code?: string }) => {
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw e;
    });
    if (file.file.truncated || data.length > CASE_LIMITS.fileBytes) throw tooLarge();
    return { name: file.filename, data };
  }

  // Problems
  r.get('/api/problems', { config: read, schema: { tags: TAG, summary: 'Проблемы (первопричины)', querystring: problemsQuery } }, async (req) => listProblems(db, actorOf(req), req.query, clock()));
  r.get('/api/problems/signal-draft', { config: read, schema: { tags: TAG, summary: 'Черновик проблемы по сигналу роста', querystring: z.object({ signal: z.string({ error: 'Сигнал: обязательное поле' }) }) } }, async (req) =>
    signalDraft(db, actorOf(req), req.query.signal, clock()),
  );
  r.post('/api/problems', { config: manage, schema: { tags: TAG, summary: 'Создать проблему (по сигналу, из обращений или вручную)', body: problemInput } }, async (req) =>
    db.transaction((tx) => createProblem(tx, actorOf(req), req.body, clock())),
  );
  r.get('/api/problems/:id', { config: read, schema: { tags: TAG, summary: 'Карточка проблемы', params: idParam } }, async (req) => problemCard(db, actorOf(req), req.params.id, clock()));
  r.put('/api/problems/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить проблему', params: idParam, body: problemUpdateInput } }, async (req) =>
    db.transaction((tx) => updateProblem(tx, actorOf(req), req.params.id, req.body, clock())),
  );
  r.patch('/api/problems/:id/status', { config: manage, schema: { tags: TAG, summary: 'Статус проблемы', params: idParam, body: problemStatusInput } }, async (req) =>
    db.transaction((tx) => setProblemStatus(tx, actorOf(req), req.params.id, req.body.status, clock())),
  );
  r.post('/api/problems/:id/cases', { config: manage, schema: { tags: TAG, summary: 'Привязать обращения к проблеме', params: idParam, body: problemCasesInput } }, async (req) =>
    db.transaction((tx) => attachCases(tx, actorOf(req), req.params.id, req.body.caseIds, clock())),
  );
  r.post('/api/problems/:id/cases/remove', { config: manage, schema: { tags: TAG, summary: 'Отвязать обращения от проблемы', params: idParam, body: problemCasesInput } }, async (req) =>
    db.transaction((tx) => detachCases(tx, actorOf(req), req.params.id, req.body.caseIds, clock())),
  );
  r.get('/api/problems/:id/suggestions', { config: read, schema: { tags: TAG, summary: 'Новые обращения, похожие на проблему', params: idParam } }, async (req) => suggestCases(db, actorOf(req), req.params.id, clock()));

  // Roadmaps and measures
  r.get('/api/roadmaps', { config: read, schema: { tags: TAG, summary: 'Дорожные карты' } }, async (req) => listRoadmaps(db, actorOf(req), clock()));
  r.post('/api/roadmaps', { config: manage, schema: { tags: TAG, summary: 'Создать дорожную карту', body: roadmapInput } }, async (req) => db.transaction((tx) => saveRoadmap(tx, actorOf(req), req.body, clock())));
  r.get('/api/roadmaps/:id', { config: read, schema: { tags: TAG, summary: 'Дорожная карта с мероприятиями и эффектом', params: idParam } }, async (req) => roadmapCard(db, actorOf(req), req.params.id, clock()));
  r.put('/api/roadmaps/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить дорожную карту', params: idParam, body: roadmapInput } }, async (req) =>
    db.transaction((tx) => saveRoadmap(tx, actorOf(req), req.body, clock(), req.params.id)),
  );
  r.post('/api/roadmaps/:id/approve', { config: { policy: 'roadmaps.approve' }, schema: { tags: TAG, summary: 'Утвердить дорожную карту (куратор)', params: idParam, body: z.strictObject({}).nullish() } }, async (req) =>
    db.transaction((tx) => approveRoadmap(tx, actorOf(req), req.params.id, clock())),
  );
  r.post('/api/roadmaps/:id/measures', { config: manage, schema: { tags: TAG, summary: 'Добавить мероприятие', params: idParam, body: measureInput } }, async (req) =>
    db.transaction((tx) => createMeasure(tx, actorOf(req), req.params.id, req.body, clock())),
  );
  r.put('/api/measures/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить мероприятие', params: idParam, body: measureInput } }, async (req) =>
    db.transaction((tx) => updateMeasure(tx, actorOf(req), req.params.id, req.body, clock())),
  );
  r.patch('/api/measures/:id/status', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Статус мероприятия (ответственный или ведущий карты)', params: idParam, body: measureStatusInput } }, async (req) =>
    db.transaction((tx) => setMeasureStatus(tx, actorOf(req), req.params.id, req.body, clock())),
  );
  r.post('/api/measures/:id/notes', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Ход выполнения мероприятия', params: idParam, body: measureNoteInput } }, async (req) =>
    db.transaction((tx) => addMeasureNote(tx, actorOf(req), req.params.id, req.body.text, clock())),
  );
  r.post('/api/measures/:id/files', { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Приложить подтверждающий файл', consumes: ['multipart/form-data'], params: idParam } }, async (req) => {
    const file = await upload(req);
    return db.transaction((tx) => attachMeasureFile(tx, actorOf(req), req.params.id, file, clock()));
  });
  r.get('/api/measures/:id/files/:fileId', { config: read, schema: { tags: TAG, summary: 'Скачать файл мероприятия (как вложение)', params: z.object({ id: z.uuid(), fileId: z.uuid() }) } }, async (req, reply) => {
    const actor = actorOf(req);
    assertMunicipal(actor);
    const [f] = await db.select().from(measureFiles).where(and(eq(measureFiles.id, req.params.fileId), eq(measureFiles.measureId, req.params.id), eq(measureFiles.tenantId, actor.tenantId)));
    if (!f) throw new AppError('not_found', 'Файл не найден');
    reply.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
    reply.type(f.mimeType);
    return reply.send(Buffer.from(f.content));
  });

  r.get('/api/roadmaps/people', { config: read, schema: { tags: TAG, summary: 'Сотрудники, которых можно назначить ответственными' } }, async (req) => {
    const actor = actorOf(req);
    assertMunicipal(actor);
    const found = await db.select({ id: users.id, fullName: users.fullName, position: users.position }).from(users).where(and(eq(users.tenantId, actor.tenantId), eq(users.isActive, true))).orderBy(users.fullName);
    return { items: found };
  });

  // Fast track
  r.get('/api/problems-fast-track', { config: read, schema: { tags: TAG, summary: 'Ускоренное решение: доля решённых за 30 дней', querystring: z.object({ from: z.iso.date({ error: 'Период с: дата ГГГГ-ММ-ДД' }).optional(), to: z.iso.date({ error: 'Период по: дата ГГГГ-ММ-ДД' }).optional() }) } }, async (req) =>
    fastTrack(db, actorOf(req), req.query, clock()),
  );

  // Best practices
  r.get('/api/practices', { config: read, schema: { tags: TAG, summary: 'Лучшие практики' } }, async (req) => listPractices(db, actorOf(req)));
  r.post('/api/practices', { config: manage, schema: { tags: TAG, summary: 'Добавить практику', body: practiceInput } }, async (req) => db.transaction((tx) => savePractice(tx, actorOf(req), req.body, clock())));
  r.put('/api/practices/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить практику', params: idParam, body: practiceInput } }, async (req) =>
    db.transaction((tx) => savePractice(tx, actorOf(req), req.body, clock(), req.params.id)),
  );

  // Polls, votes, public discussions
  r.get('/api/polls', { config: read, schema: { tags: TAG, summary: 'Опросы, голосования, обсуждения' } }, async (req) => listPolls(db, actorOf(req)));
  r.get('/api/polls/candidates', { config: read, schema: { tags: TAG, summary: 'Вопросы для следующего опроса по проблемным точкам' } }, async (req) => pollCandidates(db, actorOf(req), clock()));
  r.post('/api/polls', { config: manage, schema: { tags: TAG, summary: 'Записать опрос', body: pollInput } }, async (req) => db.transaction((tx) => createPoll(tx, actorOf(req), req.body)));
  r.patch('/api/polls/:id/problem', { config: manage, schema: { tags: TAG, summary: 'Связать опрос с проблемой', params: idParam, body: z.object({ problemId: z.uuid({ error: 'Проблема: неверная ссылка' }).nullable() }) } }, async (req) =>
    db.transaction((tx) => linkPoll(tx, actorOf(req), req.params.id, req.body.problemId)),
  );
  r.post('/api/polls/import', { config: manage, schema: { tags: TAG, summary: 'Загрузить опросы из XLSX или CSV', consumes: ['multipart/form-data'] } }, async (req) => {
    const file = await upload(req);
    return db.transaction((tx) => importPolls(tx, actorOf(req), file));
  });
}
