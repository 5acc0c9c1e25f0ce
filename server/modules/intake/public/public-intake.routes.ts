import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { topics } from '../../../db/schema';
import { AppError } from '../../../errors';
import { CASE_LIMITS } from '../../../../domain/cases/schemas';
import { listLocalities, listSettlements } from '../../territory/territory.repo';
import { issueChallenge } from './challenge';
import { publicTenant } from './public-tenant';
import { parsePublicMessage, PUBLIC_LIMITS, submitPublicMessage } from './submit-message';
import { underTenant } from '../../../http/tenant-scope';

const TAG = ['Для жителей'];
const tenantQuery = z.object({ tenant: z.string().trim().max(64).optional() });
const PHOTO_FIELDS = new Set(['photos', 'photo', 'files', 'file']);

/** Per-IP limits of the public page (no login): generous for reading, tight for sending. */
export const PUBLIC_RATE = {
  read: { max: 120, timeWindow: '1 minute' },
  challenge: { max: 30, timeWindow: '1 minute' },
  submit: { max: 5, timeWindow: '10 minutes' },
} as const;

/** Fields and photos of a multipart form; photos are read up to the size limit, the rest refused. */
async function readForm(req: FastifyRequest): Promise<{ fields: Record<string, unknown>; photos: { name: string; data: Buffer }[] }> {
  if (!req.isMultipart()) return { fields: (req.body ?? {}) as Record<string, unknown>, photos: [] };
  const fields: Record<string, unknown> = {};
  const photos: { name: string; data: Buffer }[] = [];
  const tooLarge = () => new AppError('too_large', `Фото больше ${CASE_LIMITS.fileBytes / 1024 / 1024} МБ`, { photos: 'Слишком большой файл' });
  for await (const part of req.parts({ limits: { fileSize: CASE_LIMITS.fileBytes + 1, files: PUBLIC_LIMITS.photos + 1, fields: 30 } })) {
    if (part.type === 'file') {
      if (!PHOTO_FIELDS.has(part.fieldname)) throw new AppError('validation', `Поле «${part.fieldname}»: здесь не предусмотрено`, { [part.fieldname]: 'Поле не предусмотрено' });
      const data = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw e;
      });
      if (part.file.truncated) throw tooLarge();
      if (data.length) photos.push({ name: part.filename, data });
    } else fields[part.fieldname] = part.value;
  }
  return { fields, photos };
}

/** The public page for residents: the rubricator, the territory, the challenge and the form. */
export async function publicIntakeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;

  r.get('/api/public/topics', { config: { policy: 'public', rateLimit: PUBLIC_RATE.read }, schema: { tags: TAG, summary: 'Тематики и подтематики для формы', querystring: tenantQuery } }, async (req) => {
    const tenant = await publicTenant(db, req.query.tenant);
    const list = await underTenant(database, tenant.id, () => db.select({ id: topics.id, parentId: topics.parentId, name: topics.name }).from(topics).where(and(eq(topics.tenantId, tenant.id), eq(topics.isActive, true))).orderBy(asc(topics.sort), asc(topics.name)));
    return { items: list.filter((t) => !t.parentId).map((t) => ({ id: t.id, name: t.name, subtopics: list.filter((s) => s.parentId === t.id).map((s) => ({ id: s.id, name: s.name })) })) };
  });

  r.get('/api/public/territory', { config: { policy: 'public', rateLimit: PUBLIC_RATE.read }, schema: { tags: TAG, summary: 'Поселения, населённые пункты и граница района для карты', querystring: tenantQuery } }, async (req) => {
    const tenant = await publicTenant(db, req.query.tenant);
    const [s, l] = await underTenant(database, tenant.id, () => Promise.all([listSettlements(db, tenant.id), listLocalities(db, tenant.id)]));
    const features = [
      ...(tenant.boundary ? [{ type: 'Feature', properties: { kind: 'district', name: tenant.name }, geometry: tenant.boundary }] : []),
      ...s.filter((x) => x.boundary && x.isActive).map((x) => ({ type: 'Feature', properties: { kind: 'settlement', id: x.id, name: x.name }, geometry: x.boundary })),
    ];
    return {
      tenant: { code: tenant.code, name: tenant.name, fullName: tenant.fullName, timeZone: tenant.timeZone },
      settlements: s.filter((x) => x.isActive).map((x) => ({ id: x.id, name: x.name, kind: x.kind })),
      localities: l.filter((x) => x.isActive).map((x) => ({ id: x.id, name: x.name, type: x.type, settlementId: x.settlementId, lat: x.lat, lon: x.lon })),
      boundary: { type: 'FeatureCollection', features },
    };
  });

  r.get('/api/public/challenge', { config: { policy: 'public', rateLimit: PUBLIC_RATE.challenge }, schema: { tags: TAG, summary: 'Проверочный вопрос для формы (вместо капчи)' } }, async () => issueChallenge(db, clock()));

  r.post(
    '/api/public/messages',
    {
      config: { policy: 'public', rateLimit: PUBLIC_RATE.submit },
      schema: { tags: TAG, summary: 'Отправить сообщение: текст, место, фото, контакты, согласие на обработку ПДн; ответ — номер и секретная ссылка', consumes: ['multipart/form-data', 'application/json'] },
    },
    async (req) => {
      const { fields, photos } = await readForm(req);
      const input = parsePublicMessage(fields);
      const tenant = await publicTenant(db, input.tenant);
      return underTenant(database, tenant.id, () => submitPublicMessage(db, tenant, input, photos, clock(), req.id));
    },
  );
}
