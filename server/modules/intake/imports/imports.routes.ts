import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../http/auth-plugin';
import { AppError } from '../../../errors';
import { IMPORT_FIELDS, IMPORT_FIELD_KEYS, IMPORT_LIMITS, MULTI_COLUMN_FIELDS, mappingInput, startImportInput } from '../mapping/fields';
import { PRESETS } from '../mapping/presets';
import { findJob, jobView, listJobs } from './job-view';
import { lastImport } from './last-import';
import { deleteMapping, listMappings, saveMapping } from './save-mapping';
import { resumeImport, startImport } from './start-import';
import { uploadImport } from './upload-import';
import type { ImportWorker } from './import-worker';
import { discardQuarantine, fixQuarantineRow, listQuarantine, retryQuarantine } from './quarantine';
import { quarantineXlsx } from './quarantine-xlsx';

const TAG = ['Импорт'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор импорта' }) });
const rowParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор импорта' }), rowId: z.uuid({ error: 'Неверный идентификатор строки' }) });
const empty = z.strictObject({}).nullish();
const ids = z.array(z.uuid({ error: 'Строки: неверный идентификатор' }), { error: 'Строки: ожидается список' }).max(IMPORT_LIMITS.retryRows);
const mb = IMPORT_LIMITS.fileBytes / 1024 / 1024;

/** Spreadsheet import: upload → preview and suggested mapping → start → progress → quarantine. */
export function importsRoutes(worker: ImportWorker) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { database, clock } = app.deps;
    const { db } = database;
    const config = { policy: 'imports.manage' as const };

    r.get('/api/imports/presets', { config, schema: { tags: TAG, summary: 'Поля сопоставления и готовые шаблоны (ПОС, «Инцидент Менеджмент», общий)' } }, async () => ({
      fields: IMPORT_FIELD_KEYS.map((key) => ({ key, label: IMPORT_FIELDS[key], multiple: MULTI_COLUMN_FIELDS.has(key), required: key === 'sourceId' || key === 'receivedAt' })),
      presets: PRESETS.map((p) => ({ code: p.code, name: p.name, channel: p.channel, fields: p.fields, options: p.options })),
    }));

    r.get('/api/imports/mappings', { config, schema: { tags: TAG, summary: 'Сохранённые сопоставления столбцов по источникам' } }, async (req) => ({ items: await listMappings(db, actorOf(req).tenantId) }));
    r.post('/api/imports/mappings', { config, schema: { tags: TAG, summary: 'Сохранить сопоставление источника', body: mappingInput } }, async (req) => db.transaction((tx) => saveMapping(tx, actorOf(req), req.body)));
    r.put('/api/imports/mappings/:id', { config, schema: { tags: TAG, summary: 'Изменить сопоставление', params: z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) }), body: mappingInput } }, async (req) =>
      db.transaction((tx) => saveMapping(tx, actorOf(req), req.body, req.params.id)),
    );
    r.delete('/api/imports/mappings/:id', { config, schema: { tags: TAG, summary: 'Удалить сопоставление', params: z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) }) } }, async (req) =>
      db.transaction((tx) => deleteMapping(tx, actorOf(req), req.params.id)),
    );

    r.post('/api/imports', { config, schema: { tags: TAG, summary: `Загрузить XLSX или CSV (до ${mb} МБ): предпросмотр и предложенное сопоставление`, consumes: ['multipart/form-data'] } }, async (req) => {
      const file = await req.file({ limits: { fileSize: IMPORT_LIMITS.fileBytes + 1 } });
      if (!file) throw new AppError('validation', 'Файл: выберите файл XLSX или CSV', { file: 'Выберите файл' });
      const tooLarge = () => new AppError('too_large', `Файл больше ${mb} МБ: разделите выгрузку на части`, { file: `Не больше ${mb} МБ` });
      const data = await file.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw e;
      });
      if (file.file.truncated || data.length > IMPORT_LIMITS.fileBytes) throw tooLarge();
      const channelField = file.fields.channel as { value?: unknown } | undefined;
      const channel = typeof channelField?.value === 'string' && channelField.value.trim() ? channelField.value.trim() : null;
      return uploadImport(db, actorOf(req), { name: file.filename, data, channel });
    });

    r.get('/api/imports/last', { config, schema: { tags: TAG, summary: 'Последний импорт источника (канала): когда, сколько новых, обновлённых и в карантине', querystring: z.object({ channel: z.string().trim().min(1, { error: 'Канал: заполните поле' }).max(64) }) } }, async (req) => ({
      job: await lastImport(db, actorOf(req).tenantId, req.query.channel),
    }));
    r.get('/api/imports', { config, schema: { tags: TAG, summary: 'Импорты: последние загрузки и их итоги', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (req) => ({
      items: await listJobs(db, actorOf(req).tenantId, req.query.limit),
    }));
    r.get('/api/imports/:id', { config, schema: { tags: TAG, summary: 'Импорт: предпросмотр, ход выполнения (строк обработано / всего) и итоги', params: idParam } }, async (req) =>
      jobView(await findJob(db, actorOf(req).tenantId, req.params.id)),
    );
    r.post('/api/imports/:id/start', { config, schema: { tags: TAG, summary: 'Запустить импорт с выбранным сопоставлением (выполняется в фоне)', params: idParam, body: startImportInput } }, async (req) => {
      const view = await db.transaction((tx) => startImport(tx, actorOf(req), req.params.id, req.body));
      worker.kick();
      return view;
    });
    r.post('/api/imports/:id/resume', { config, schema: { tags: TAG, summary: 'Продолжить импорт, прерванный ошибкой, с места остановки', params: idParam, body: empty } }, async (req) => {
      const view = await db.transaction((tx) => resumeImport(tx, actorOf(req), req.params.id));
      worker.kick();
      return view;
    });

    r.get(
      '/api/imports/:id/quarantine',
      { config, schema: { tags: TAG, summary: 'Строки, не прошедшие проверку: номер строки, значения, причина', params: idParam, querystring: z.object({ state: z.enum(['open', 'imported', 'discarded']).optional(), offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) }) } },
      async (req) => listQuarantine(db, actorOf(req), req.params.id, req.query),
    );
    r.get('/api/imports/:id/quarantine.xlsx', { config, schema: { tags: TAG, summary: 'Скачать карантин в XLSX', params: idParam } }, async (req, reply) => {
      const { fileName, stream } = await quarantineXlsx(db, actorOf(req), req.params.id);
      reply.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(stream);
    });
    r.patch(
      '/api/imports/:id/quarantine/:rowId',
      { config, schema: { tags: TAG, summary: 'Исправить значения строки карантина', params: rowParam, body: z.object({ values: z.record(z.string(), z.string({ error: 'Значение: ожидается текст' }).max(20000), { error: 'Значения: ожидается объект «столбец → значение»' }) }) } },
      async (req) => fixQuarantineRow(database, actorOf(req), req.params.id, req.params.rowId, req.body.values, clock()),
    );
    r.post('/api/imports/:id/quarantine/retry', { config, schema: { tags: TAG, summary: 'Загрузить строки карантина повторно (все открытые или выбранные)', params: idParam, body: z.strictObject({ ids: ids.optional() }).optional() } }, async (req) =>
      retryQuarantine(database, actorOf(req), req.params.id, req.body?.ids, clock()),
    );
    r.post('/api/imports/:id/quarantine/discard', { config, schema: { tags: TAG, summary: 'Отбросить строки карантина', params: idParam, body: z.object({ ids: ids.min(1, { error: 'Строки: выберите хотя бы одну' }) }) } }, async (req) =>
      discardQuarantine(database, actorOf(req), req.params.id, req.body.ids),
    );
  };
}
