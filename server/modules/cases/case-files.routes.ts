import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { actorOf } from '../../http/auth-plugin';
import { caseFiles } from '../../db/schema';
import { AppError } from '../../errors';
import { CASE_LIMITS } from '../../../domain/cases/schemas';
import { attachFile } from './actions/attach-file';
import { assertCaseVisible } from './case-scope';

const TAG = ['Файлы обращений'];

export async function caseFilesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps.database;

  r.post(
    '/api/cases/:id/files',
    { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Приложить фото или документ', consumes: ['multipart/form-data'], params: z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) }) } },
    async (req) => {
      const file = await req.file({ limits: { fileSize: CASE_LIMITS.fileBytes + 1 } });
      if (!file) throw new AppError('validation', 'Файл: выберите файл', { file: 'Выберите файл' });
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', `Файл больше ${CASE_LIMITS.fileBytes / 1024 / 1024} МБ`);
        throw e;
      });
      if (file.file.truncated || data.length > CASE_LIMITS.fileBytes) throw new AppError('too_large', `Файл больше ${CASE_LIMITS.fileBytes / 1024 / 1024} МБ`);
      return db.transaction((tx) => attachFile(tx, actorOf(req), req.params.id, { name: file.filename, data }));
    },
  );

  r.get(
    '/api/cases/:id/files/:fileId',
    { config: { policy: 'authenticated' }, schema: { tags: TAG, summary: 'Скачать файл (всегда как вложение)', params: z.object({ id: z.uuid(), fileId: z.uuid() }) } },
    async (req, reply) => {
      await assertCaseVisible(db, actorOf(req), req.params.id);
      const [f] = await db.select().from(caseFiles).where(and(eq(caseFiles.id, req.params.fileId), eq(caseFiles.caseId, req.params.id)));
      if (!f) throw new AppError('not_found', 'Файл не найден');
      reply.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
      reply.type(f.mimeType);
      return reply.send(Buffer.from(f.content));
    },
  );
}
