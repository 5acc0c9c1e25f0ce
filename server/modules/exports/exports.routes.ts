import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-plugin';
import { AppError } from '../../errors';
import { findMyJob, listMyJobs, planExport, presentJob, runPendingExports, startExportJob, streamExport, type ExportRequest } from './export-service';
import { asOwner } from '../../db/request-scope';

const TAG = ['Выгрузки'];
const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

const exportInput = z.object({
  list: z.string({ error: 'Список: обязательное поле' }).max(40),
  format: z.enum(['xlsx', 'csv'], { error: 'Формат: xlsx или csv' }),
  params: z.record(z.string(), z.unknown()).default({}),
  withPd: z.boolean().default(false),
  purpose: z.string().trim().max(500).nullish(),
});

/** Query of a direct download: the list's own filters plus `format`, `pd`, `purpose`. */
const downloadQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export function attachment(reply: FastifyReply, fileName: string, type: string) {
  reply.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
  reply.type(type);
}

/** Exports of every list (R-RP-3): direct downloads up to 10 000 rows, background jobs above. */
export async function exportsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const auth = { policy: 'authenticated' as const };

  r.get(
    '/api/exports/:list/file',
    { config: auth, schema: { tags: TAG, summary: 'Скачать список (XLSX или CSV) с фильтрами списка в параметрах', params: z.object({ list: z.string().max(40) }), querystring: downloadQuery } },
    async (req, reply) => {
      const { format = 'xlsx', pd, purpose, ...params } = req.query;
      if (format !== 'xlsx' && format !== 'csv') throw new AppError('validation', 'Формат: xlsx или csv', { format: 'xlsx или csv' });
      const request: ExportRequest = { list: req.params.list, format, params, withPd: pd === '1', purpose: typeof purpose === 'string' ? purpose : null };
      const { fileName, stream } = await streamExport(database, actorOf(req), request, clock());
      attachment(reply, fileName, MIME[format]);
      return reply.send(stream);
    },
  );
  r.post('/api/exports/plan', { config: auth, schema: { tags: TAG, summary: 'Сколько строк в выгрузке и пойдёт ли она в фоне', body: exportInput } }, async (req) =>
    planExport(database, actorOf(req), req.body, clock()),
  );
  r.post('/api/exports/jobs', { config: auth, schema: { tags: TAG, summary: 'Запустить фоновую выгрузку', body: exportInput } }, async (req) => {
    const job = await startExportJob(database, actorOf(req), req.body, clock());
    // The worker runs in this process right away; the pg-boss job picks up anything left behind.
    // The queue serves every tenant: it runs as the owner, like the pg-boss job (request-scope.ts).
    asOwner(() => setImmediate(() => void runPendingExports(database, clock).catch((err) => app.log.error({ err }, 'выгрузка: ошибка'))));
    return job;
  });
  r.get('/api/exports/jobs', { config: auth, schema: { tags: TAG, summary: 'Мои фоновые выгрузки' } }, async (req) => listMyJobs(database.db, actorOf(req)));
  r.get('/api/exports/jobs/:id', { config: auth, schema: { tags: TAG, summary: 'Ход фоновой выгрузки', params: z.object({ id: z.uuid() }) } }, async (req) => {
    return presentJob(await findMyJob(database.db, actorOf(req), req.params.id));
  });
  r.get('/api/exports/jobs/:id/file', { config: auth, schema: { tags: TAG, summary: 'Скачать готовую выгрузку', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const j = await findMyJob(database.db, actorOf(req), req.params.id, true);
    if (j.status !== 'done' || !j.file) throw new AppError('conflict', 'Выгрузка ещё не готова');
    attachment(reply, j.fileName ?? 'export', MIME[j.format as 'xlsx' | 'csv']);
    return reply.send(Buffer.from(j.file));
  });
}
