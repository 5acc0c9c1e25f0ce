import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { publicTenant } from '../public/public-tenant';
import { verifyApiKey } from './api-keys';
import { formatOfUrl, sendOpen311, type Open311Format } from './format';
import { createRequest, createRequestInput, listServices, queryRequests, requestByNumber, requestByToken, requestsQuery, serviceByCode } from './requests';
import { underTenant } from '../../../http/tenant-scope';

const format = z.enum(['json', 'xml'], { error: 'Формат: json или xml' });
const jurisdiction = z.object({ jurisdiction_id: z.string().trim().max(64).optional() });
const RATE = { read: { max: 120, timeWindow: '1 minute' }, write: { max: 30, timeWindow: '1 minute' } } as const;
/** Outside /api, so not in the /api OpenAPI description: GeoReport v2 is its own published standard. */
const hide = { hide: true };

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): services are the sub-topics of the
 * rubricator, requests are the messages residents and external systems sent in. Reading is public
 * and carries no personal data; creating needs an `api_key` issued by the municipality.
 */
export async function open311Routes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, clock } = app.deps;
  const { db } = database;

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
    done(null, out);
  });
  // GeoReport v2 errors: a list of { code, description } in the requested format.
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const fmt = formatOfUrl(req.url);
    let code = 500;
    let description = 'Внутренняя ошибка сервера';
    if (hasZodFastifySchemaValidationErrors(err)) [code, description] = [400, (err.validation as { message?: string; instancePath?: string }[]).map((v) => `${v.instancePath?.replace(/^\//, '') || 'параметр'}: ${v.message}`).join('; ')];
    else if (err instanceof AppError) [code, description] = [err.status, err.message];
    else if (err.statusCode === 429) [code, description] = [429, 'Слишком много запросов. Повторите позже.'];
    else if (err.statusCode && err.statusCode < 500) [code, description] = [err.statusCode, 'Неверный запрос'];
    else req.log.error({ err }, 'open311 error');
    return sendOpen311(reply, fmt, 'errors', [{ code, description }], code);
  });

  const tenantOf = (code?: string) => publicTenant(db, code);
  const read = { policy: 'public' as const, rateLimit: RATE.read };

  r.get('/open311/v2/discovery.:format', { config: read, schema: { ...hide, params: z.object({ format }) } }, async (req, reply) =>
    sendOpen311(reply, req.params.format, 'discovery', {
      changeset: '2026-11-27T00:00:00Z',
      contact: 'Муниципальный центр управления',
      key_service: 'Ключ выдаёт администратор МЦУ',
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${app.deps.env.PUBLIC_URL}/open311/v2`, changeset: '2026-11-27T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] }],
    }),
  );

  r.get('/open311/v2/services.:format', { config: read, schema: { ...hide, params: z.object({ format }), querystring: jurisdiction } }, async (req, reply) => {
    const tenant = await tenantOf(req.query.jurisdiction_id);
    return sendOpen311(reply, req.params.format, 'services', await underTenant(database, tenant.id, () => listServices(db, tenant.id)));
  });

  r.get('/open311/v2/services/:code.:format', { config: read, schema: { ...hide, params: z.object({ code: z.string().max(64), format }), querystring: jurisdiction } }, async (req, reply) => {
    const tenant = await tenantOf(req.query.jurisdiction_id);
    const s = await underTenant(database, tenant.id, () => serviceByCode(db, tenant.id, req.params.code));
    if (!s) throw new AppError('not_found', `Услуга «${req.params.code}» не найдена`);
    return sendOpen311(reply, req.params.format, 'service_definition', { service_code: s.code, attributes: [] });
  });

  r.get('/open311/v2/requests.:format', { config: read, schema: { ...hide, params: z.object({ format }), querystring: requestsQuery } }, async (req, reply) => {
    const tenant = await tenantOf(req.query.jurisdiction_id);
    return sendOpen311(reply, req.params.format, 'service_requests', await underTenant(database, tenant.id, () => queryRequests(db, tenant.id, req.query, clock())));
  });

  r.post('/open311/v2/requests.:format', { config: { policy: 'public', rateLimit: RATE.write }, schema: { ...hide, params: z.object({ format }) } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const key = await verifyApiKey(db, typeof body.api_key === 'string' ? body.api_key : '', clock());
    if (!key) throw new AppError('forbidden', 'api_key: ключ не указан или недействителен');
    const parsed = createRequestInput.safeParse(body);
    if (!parsed.success) throw new AppError('validation', parsed.error.issues.map((i) => i.message).join('; '));
    if (parsed.data.jurisdiction_id) {
      const t = await tenantOf(parsed.data.jurisdiction_id);
      if (t.id !== key.tenantId) throw new AppError('forbidden', 'jurisdiction_id: ключ выдан другим муниципалитетом');
    }
    const out = await underTenant(database, key.tenantId, () => createRequest(db, key, parsed.data, clock(), req.id));
    return sendOpen311(reply, req.params.format as Open311Format, 'service_requests', out);
  });

  r.get('/open311/v2/requests/:id.:format', { config: read, schema: { ...hide, params: z.object({ id: z.string().max(64), format }), querystring: jurisdiction } }, async (req, reply) => {
    const tenant = await tenantOf(req.query.jurisdiction_id);
    return sendOpen311(reply, req.params.format, 'service_requests', await underTenant(database, tenant.id, () => requestByNumber(db, tenant.id, req.params.id)));
  });

  r.get('/open311/v2/tokens/:id.:format', { config: read, schema: { ...hide, params: z.object({ id: z.string().max(64), format }), querystring: jurisdiction } }, async (req, reply) => {
    const tenant = await tenantOf(req.query.jurisdiction_id);
    if (!z.uuid().safeParse(req.params.id).success) throw new AppError('not_found', 'Токен не найден');
    return sendOpen311(reply, req.params.format, 'service_requests', await underTenant(database, tenant.id, () => requestByToken(db, tenant.id, req.params.id)));
  });
}
