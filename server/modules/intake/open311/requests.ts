import { and, asc, desc, eq, gte, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { cases, recipients, topics } from '../../../db/schema';
import { systemActor } from '../../../http/actor';
import { AppError } from '../../../errors';
import type { CaseStatus } from '../../../../domain/cases/status';
import { assertUnreachable } from '../../../../domain/util/assert-unreachable';
import { createCase } from '../../cases/create-case';
import { loadTenantDeadlines } from '../../cases/deadlines/deadline-context';

/** Cases an Open311 client may read: messages residents and external systems sent in. */
const PUBLIC_CHANNELS = ['web', 'open311'];
const DAY_MS = 86_400_000;

/** GeoReport v2 knows two statuses; the notes say where the case really is (in Russian). */
export function open311Status(s: CaseStatus): { status: 'open' | 'closed'; notes: string } {
  switch (s) {
    case 'received':
      return { status: 'open', notes: 'Поступило' };
    case 'registered':
      return { status: 'open', notes: 'Зарегистрировано' };
    case 'assigned':
      return { status: 'open', notes: 'Направлено ответственному исполнителю' };
    case 'in_work':
    case 'interim_answered':
    case 'answer_prepared':
    case 'returned':
      return { status: 'open', notes: 'В работе' };
    case 'under_review':
      return { status: 'open', notes: 'Ответ на проверке' };
    case 'reopened':
      return { status: 'open', notes: 'Рассмотрение возобновлено' };
    case 'answered':
      return { status: 'closed', notes: 'Ответ направлен заявителю' };
    case 'closed':
      return { status: 'closed', notes: 'Закрыто' };
    case 'forwarded':
      return { status: 'closed', notes: 'Перенаправлено по компетенции в другой орган' };
    case 'merged':
      return { status: 'closed', notes: 'Объединено с другим сообщением о той же проблеме' };
    case 'rejected':
      return { status: 'closed', notes: 'Отклонено' };
    default:
      return assertUnreachable(s);
  }
}

const OPEN: CaseStatus[] = ['received', 'registered', 'assigned', 'in_work', 'interim_answered', 'answer_prepared', 'returned', 'under_review', 'reopened'];
const CLOSED: CaseStatus[] = ['answered', 'closed', 'forwarded', 'merged', 'rejected'];

export async function listServices(db: Db, tenantId: string) {
  const parent = alias(topics, 'parent');
  const list = await db
    .select({ code: topics.code, name: topics.name, group: parent.name })
    .from(topics)
    .innerJoin(parent, eq(parent.id, topics.parentId))
    .where(and(eq(topics.tenantId, tenantId), eq(topics.isActive, true), eq(parent.isActive, true), isNotNull(topics.parentId)))
    .orderBy(asc(parent.sort), asc(topics.sort));
  return list.map((s) => ({ service_code: s.code, service_name: s.name, description: `${s.group}: ${s.name}`, metadata: false, type: 'realtime', keywords: '', group: s.group }));
}

export async function serviceByCode(db: Db, tenantId: string, code: string) {
  const [t] = await db.select().from(topics).where(and(eq(topics.tenantId, tenantId), eq(topics.code, code), eq(topics.isActive, true), isNotNull(topics.parentId)));
  return t ?? null;
}

/** An address without the flat or room: a block of flats is a place, a flat is a person. */
const withoutFlat = (a: string | null) => (a ? a.replace(/[,\s]*(кв\.?|квартира|комн\.?|комната|офис)\s*№?\s*\d+.*$/i, '').trim() || null : null);

async function selectRequests(db: Db, where: SQL, limit: number) {
  const sub = alias(topics, 'sub');
  const top = alias(topics, 'top');
  const list = await db
    .select({ c: cases, subCode: sub.code, subName: sub.name, topCode: top.code, topName: top.name, agency: recipients.name })
    .from(cases)
    .leftJoin(sub, eq(sub.id, cases.subtopicId))
    .leftJoin(top, eq(top.id, cases.topicId))
    .leftJoin(recipients, eq(recipients.id, cases.recipientId))
    .where(where)
    .orderBy(desc(cases.receivedAt))
    .limit(limit);
  // No personal data: no applicant, no text (it may name people); the address without the flat.
  return list.map(({ c, subCode, subName, topCode, topName, agency }) => {
    const st = open311Status(c.status as CaseStatus);
    return {
      service_request_id: c.number,
      status: st.status,
      status_notes: st.notes,
      service_name: subName ?? topName ?? null,
      service_code: subCode ?? topCode ?? null,
      description: null,
      agency_responsible: agency ?? null,
      service_notice: null,
      requested_datetime: c.receivedAt.toISOString(),
      updated_datetime: c.updatedAt.toISOString(),
      expected_datetime: c.answerDue?.toISOString() ?? null,
      address: withoutFlat(c.address),
      address_id: null,
      zipcode: null,
      lat: c.lat,
      long: c.lon,
      media_url: null,
    };
  });
}

const base = (tenantId: string) => and(eq(cases.tenantId, tenantId), eq(cases.regime, 'MESSAGE'), inArray(cases.channel, PUBLIC_CHANNELS))!;

export const requestsQuery = z.object({
  jurisdiction_id: z.string().trim().max(64).optional(),
  service_request_id: z.string().trim().max(2000).optional(),
  service_code: z.string().trim().max(2000).optional(),
  start_date: z.iso.datetime({ offset: true, error: 'start_date: дата и время ISO 8601' }).optional(),
  end_date: z.iso.datetime({ offset: true, error: 'end_date: дата и время ISO 8601' }).optional(),
  status: z.string().trim().max(20).optional(),
});

/** GET requests: by ids, or by services, dates (90 days by default) and status; at most 1000. */
export async function queryRequests(db: Db, tenantId: string, q: z.infer<typeof requestsQuery>, now: Date) {
  const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
  const ids = list(q.service_request_id);
  if (ids.length) return selectRequests(db, and(base(tenantId), inArray(cases.number, ids))!, 1000);
  const conds: (SQL | undefined)[] = [base(tenantId)];
  const codes = list(q.service_code);
  if (codes.length) {
    const found = await db.select({ id: topics.id }).from(topics).where(and(eq(topics.tenantId, tenantId), inArray(topics.code, codes)));
    if (!found.length) return [];
    conds.push(inArray(cases.subtopicId, found.map((f) => f.id)));
  }
  const end = q.end_date ? new Date(q.end_date) : now;
  const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * DAY_MS);
  conds.push(gte(cases.receivedAt, start), lte(cases.receivedAt, end));
  const statuses = list(q.status);
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new AppError('validation', 'status: open или closed');
  if (statuses.length === 1) conds.push(inArray(cases.status, statuses[0] === 'open' ? OPEN : CLOSED));
  return selectRequests(db, and(...conds)!, 1000);
}

export async function requestByNumber(db: Db, tenantId: string, number: string) {
  const list = await selectRequests(db, and(base(tenantId), eq(cases.number, number))!, 1);
  if (!list.length) throw new AppError('not_found', `Сообщение ${number} не найдено`);
  return list;
}

/** GET tokens/{id}: the token of a request created through Open311 is the case id. */
export async function requestByToken(db: Db, tenantId: string, token: string) {
  const [c] = await db.select({ number: cases.number, id: cases.id }).from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.id, token), eq(cases.channel, 'open311')));
  if (!c) throw new AppError('not_found', 'Токен не найден');
  return [{ service_request_id: c.number, token: c.id }];
}

const text = (max: number) => z.string().trim().max(max).optional();
const coord = (max: number) => z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number({ error: 'ожидается число' }).min(-max).max(max).optional());

export const createRequestInput = z
  .object({
    jurisdiction_id: text(64),
    service_code: z.string({ error: 'service_code: обязательный параметр' }).trim().min(1, { error: 'service_code: обязательный параметр' }).max(64),
    lat: coord(90),
    long: coord(180),
    address_string: text(500),
    address_id: text(100),
    email: text(300),
    device_id: text(200),
    account_id: text(200),
    first_name: text(150),
    last_name: text(150),
    phone: text(64),
    description: z.string({ error: 'description: опишите проблему' }).trim().min(3, { error: 'description: опишите проблему' }).max(20000),
    media_url: text(2000),
  })
  .loose()
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat и long: укажите оба' });
    if (v.lat === undefined && !v.address_string && !v.address_id) ctx.addIssue({ code: 'custom', path: ['address_string'], message: 'Место: укажите lat и long или address_string' });
  });

/** POST requests: a MESSAGE case on channel `open311` through createCase, in the key's tenant. */
export async function createRequest(db: Db, key: { tenantId: string; name: string }, input: z.infer<typeof createRequestInput>, now: Date, requestId: string) {
  const service = await serviceByCode(db, key.tenantId, input.service_code);
  if (!service) throw new AppError('validation', `service_code «${input.service_code}» не найден`);
  const deadlines = await loadTenantDeadlines(db, key.tenantId);
  const fullName = [input.last_name, input.first_name].filter(Boolean).join(' ') || null;
  const row = await db.transaction((tx) =>
    createCase(
      tx,
      { ...systemActor(key.tenantId), requestId: `open311:${key.name}:${requestId}` },
      {
        regime: 'MESSAGE',
        channel: 'open311',
        receivedAt: now.toISOString(),
        text: input.description,
        subtopicId: service.id,
        address: input.address_string ?? input.address_id ?? null,
        lat: input.lat ?? null,
        lon: input.long ?? null,
        priority: 'normal',
        applicant: { fullName, email: input.email || null, phone: input.phone || null, replyBy: input.email ? 'email' : input.phone ? 'phone' : 'none' },
      },
      { status: 'received', registeredAt: null, deadlines },
    ),
  );
  return [{ service_request_id: row.number, token: row.id, service_notice: null, account_id: input.account_id ?? null }];
}
