import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-plugin';
import { AppError } from '../../errors';
import { activeInput } from '../../../domain/directory/schemas';
import {
  activityInput, conflictReviewInput, pageExemptionInput, engagementSettingsInput, NOTICE_CHANNELS, noticeInput, pageInput, publicationInput,
} from '../../../domain/engagement/schemas';
import { savePage, setPageActive } from './save-page';
import { listPages } from './list-pages';
import { exemptFromPage, removePageExemption } from './page-exemptions';
import { saveActivity } from './save-activity';
import { importActivity } from './import-activity';
import { readSettings, saveSettings } from './settings';
import { listConflicts, reviewConflict } from './list-conflicts';
import { listNotices, markPublished, publicNotices, saveNotice, unpublish } from './notices';
import { readForm } from './multipart';
import { requireMunicipality } from './scope';
import { engagementTaskRoutes } from './tasks.routes';
import { underTenant } from '../../http/tenant-scope';
import { publicTenant } from '../intake/public/public-tenant';

const TAG = ['Взаимодействие'];
const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });

/** «Взаимодействие»: official pages, conflicts, informing residents; the ЦУР exchange in tasks.routes.ts. */
export async function engagementRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;
  const read = { policy: 'analytics.read' as const };
  const manage = { policy: 'engagement.manage' as const };

  r.get('/api/engagement/pages', { config: read, schema: { tags: TAG, summary: 'Госпаблики: реестр, пробелы, рейтинг' } }, async (req) => listPages(db, actorOf(req), clock()));
  r.post('/api/engagement/pages', { config: manage, schema: { tags: TAG, summary: 'Добавить госпаблик', body: pageInput } }, async (req) =>
    db.transaction((tx) => savePage(tx, actorOf(req), req.body, clock())),
  );
  r.put('/api/engagement/pages/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить госпаблик', params: idParam, body: pageInput } }, async (req) =>
    db.transaction((tx) => savePage(tx, actorOf(req), req.body, clock(), req.params.id)),
  );
  r.patch('/api/engagement/pages/:id/active', { config: manage, schema: { tags: TAG, summary: 'Отключить или включить госпаблик', params: idParam, body: activeInput } }, async (req) =>
    db.transaction((tx) => setPageActive(tx, actorOf(req), req.params.id, req.body.isActive, clock())),
  );
  r.post('/api/engagement/page-exemptions', { config: manage, schema: { tags: TAG, summary: 'Отметить: учреждению страница не требуется', body: pageExemptionInput } }, async (req) =>
    db.transaction((tx) => exemptFromPage(tx, actorOf(req), req.body, clock())),
  );
  r.delete('/api/engagement/page-exemptions/:id', { config: manage, schema: { tags: TAG, summary: 'Снять отметку «страница не требуется»', params: idParam } }, async (req) =>
    db.transaction((tx) => removePageExemption(tx, actorOf(req), req.params.id)),
  );
  r.put('/api/engagement/pages/:id/activity', { config: manage, schema: { tags: TAG, summary: 'Ввести показатели страницы за месяц', params: idParam, body: activityInput } }, async (req) =>
    db.transaction((tx) => saveActivity(tx, actorOf(req), req.params.id, req.body, clock())),
  );
  r.post('/api/engagement/activity/import', { config: manage, schema: { tags: TAG, summary: 'Загрузить показатели госпабликов из XLSX/CSV', consumes: ['multipart/form-data'] } }, async (req) => {
    const actor = actorOf(req);
    requireMunicipality(actor);
    const { files } = await readForm(req);
    if (files.length !== 1) throw new AppError('validation', 'Файл: выберите один файл XLSX или CSV', { file: 'Выберите файл' });
    return db.transaction((tx) => importActivity(tx, actor, files[0], clock()));
  });
  r.get('/api/engagement/settings', { config: read, schema: { tags: TAG, summary: 'Норма молчания госпаблика' } }, async (req) => {
    const actor = actorOf(req);
    requireMunicipality(actor);
    return readSettings(db, actor.tenantId);
  });
  r.put('/api/engagement/settings', { config: manage, schema: { tags: TAG, summary: 'Изменить норму молчания госпаблика', body: engagementSettingsInput } }, async (req) =>
    db.transaction((tx) => saveSettings(tx, actorOf(req), req.body, clock())),
  );

  r.get('/api/engagement/conflicts', {
    config: { policy: 'cases.read' },
    schema: { tags: TAG, summary: 'Конфликтные ответы: грубость, формальные ответы, повторные жалобы, низкие оценки', querystring: z.object({ days: z.coerce.number().int().min(1).max(730).default(90), reviewed: z.enum(['0', '1']).default('0') }) },
  }, async (req) => listConflicts(db, actorOf(req), { days: req.query.days, reviewed: req.query.reviewed === '1' }, clock()));
  r.post('/api/engagement/conflicts/:id/review', { config: { policy: 'cases.review' }, schema: { tags: TAG, summary: 'Отметить конфликтный ответ рассмотренным', params: idParam, body: conflictReviewInput } }, async (req) =>
    db.transaction((tx) => reviewConflict(tx, actorOf(req), req.params.id, req.body.note ?? null)),
  );

  r.get('/api/engagement/notices', { config: read, schema: { tags: TAG, summary: 'Информирование жителей: материалы и где опубликованы' } }, async (req) => listNotices(db, actorOf(req)));
  r.post('/api/engagement/notices', { config: manage, schema: { tags: TAG, summary: 'Подготовить материал для жителей', body: noticeInput } }, async (req) =>
    db.transaction((tx) => saveNotice(tx, actorOf(req), req.body, clock())),
  );
  r.put('/api/engagement/notices/:id', { config: manage, schema: { tags: TAG, summary: 'Изменить материал для жителей', params: idParam, body: noticeInput } }, async (req) =>
    db.transaction((tx) => saveNotice(tx, actorOf(req), req.body, clock(), req.params.id)),
  );
  r.post('/api/engagement/notices/:id/publications', { config: manage, schema: { tags: TAG, summary: 'Отметить публикацию в канале (со ссылкой)', params: idParam, body: publicationInput } }, async (req) =>
    db.transaction((tx) => markPublished(tx, actorOf(req), req.params.id, req.body.channel, req.body.link ?? null, clock())),
  );
  r.delete('/api/engagement/notices/:id/publications/:channel', { config: manage, schema: { tags: TAG, summary: 'Снять отметку о публикации', params: idParam.extend({ channel: z.enum(NOTICE_CHANNELS) }) } }, async (req) => {
    await db.transaction((tx) => unpublish(tx, actorOf(req), req.params.id, req.params.channel));
    return { ok: true };
  });
  r.get('/api/public/notices', {
    config: { policy: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: TAG, summary: 'Действующие объявления для жителей (без персональных данных)', querystring: z.object({ tenant: z.string({ error: 'Муниципалитет: обязательный параметр' }).min(1).max(64) }) },
  }, async (req) => {
    const tenant = await publicTenant(db, req.query.tenant);
    return underTenant(database, tenant.id, () => publicNotices(db, req.query.tenant, clock()));
  });

  await app.register(engagementTaskRoutes);
}
