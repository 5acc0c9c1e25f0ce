import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { caseApplicants, caseFiles, caseTokens, topics } from '../../../db/schema';
import { systemActor } from '../../../http/actor';
import { AppError } from '../../../errors';
import { sniffFile } from '../../../lib/sniff-file';
import { safeFileName } from '../../../lib/safe-file-name';
import { CASE_LIMITS } from '../../../../domain/cases/schemas';
import { email, optionalText, optionalUuidRef } from '../../../../domain/validation/fields';
import { createCase } from '../../cases/create-case';
import { loadTenantDeadlines } from '../../cases/deadlines/deadline-context';
import { newToken, tokenId } from '../../auth/session-token';
import { spendChallenge } from './challenge';
import { insideBoundary, type PublicTenant } from './public-tenant';

export const PUBLIC_LIMITS = { photos: 5, textMin: 10 } as const;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** Form fields arrive as text (multipart) or typed (JSON): numbers and the consent flag accept both. */
const num = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
    z.number({ error: `${label}: ожидается число` }).min(-max, { error: `${label}: от −${max} до ${max}` }).max(max, { error: `${label}: от −${max} до ${max}` }).optional(),
  );

export const publicMessageInput = z
  .object({
    text: z.string({ error: 'Текст: опишите проблему' }).trim().min(PUBLIC_LIMITS.textMin, { error: `Текст: опишите проблему (не короче ${PUBLIC_LIMITS.textMin} символов)` }).max(CASE_LIMITS.text, { error: `Текст: не длиннее ${CASE_LIMITS.text} символов` }),
    topicId: optionalUuidRef('Тематика'),
    settlementId: optionalUuidRef('Поселение'),
    localityId: optionalUuidRef('Населённый пункт'),
    address: optionalText('Адрес', 500),
    lat: num('Широта', 90),
    lon: num('Долгота', 180),
    name: optionalText('Имя', 300),
    email: email('Электронная почта'),
    phone: optionalText('Телефон', 64),
    consent: z.preprocess((v) => v === true || (typeof v === 'string' && ['true', 'on', '1', 'yes', 'да'].includes(v.trim().toLowerCase())), z.literal(true, { error: 'Согласие на обработку персональных данных: обязательно для отправки' })),
    challengeToken: z.string({ error: 'Проверочный вопрос: получите вопрос' }).min(10, { error: 'Проверочный вопрос: получите вопрос' }).max(500),
    challengeAnswer: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string({ error: 'Ответ на проверочный вопрос: обязательное поле' }).trim().min(1, { error: 'Ответ на проверочный вопрос: обязательное поле' }).max(10)),
    tenant: z.string().trim().max(64).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lon === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'Точка на карте: нужны и широта, и долгота' });
    if (!v.address && v.lat === undefined && !v.localityId && !v.settlementId) ctx.addIssue({ code: 'custom', path: ['address'], message: 'Место: укажите адрес или точку на карте' });
  });
export type PublicMessageInput = z.infer<typeof publicMessageInput>;

/** Zod issues as `{ error: { fields } }` with Russian messages. */
export function parsePublicMessage(body: unknown): PublicMessageInput {
  const r = publicMessageInput.safeParse(body ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) fields[i.path.join('.') || '_'] ??= i.message;
  throw new AppError('validation', Object.values(fields).join('; '), fields);
}

/** Photos are checked by their content: only images, never what the name or the browser claims. */
export function checkPhotos(photos: { name: string; data: Buffer }[]) {
  if (photos.length > PUBLIC_LIMITS.photos) throw new AppError('validation', `Фото: не больше ${PUBLIC_LIMITS.photos}`, { photos: `Не больше ${PUBLIC_LIMITS.photos} фото` });
  return photos.map((p) => {
    const mimeType = sniffFile(p.data);
    if (!p.data.length || !mimeType || !PHOTO_TYPES.includes(mimeType)) {
      throw new AppError('validation', `Фото «${p.name}»: можно приложить только изображение JPEG, PNG, WebP или GIF`, { photos: 'Только изображения JPEG, PNG, WebP или GIF' });
    }
    if (p.data.length > CASE_LIMITS.fileBytes) throw new AppError('too_large', `Фото «${p.name}» больше ${CASE_LIMITS.fileBytes / 1024 / 1024} МБ`);
    return { ...p, mimeType, fileName: safeFileName(p.name, 'фото') };
  });
}

/**
 * A resident's message from the public page: a MESSAGE case on channel `web` through createCase
 * (deadlines by the tenant's rules), its photos, the consent time, and a secret link for following
 * the status and rating the answer (returned once; only its hash is kept).
 */
export async function submitPublicMessage(db: Db, tenant: PublicTenant, input: PublicMessageInput, photos: { name: string; data: Buffer }[], now: Date, requestId: string) {
  const files = checkPhotos(photos);
  if (input.lat !== undefined && input.lon !== undefined && !insideBoundary(tenant.boundary, input.lat, input.lon)) {
    throw new AppError('validation', 'Точка на карте: вне территории муниципалитета', { lat: 'Точка вне территории муниципалитета' });
  }
  if (input.topicId) {
    const [t] = await db.select({ id: topics.id }).from(topics).where(and(eq(topics.id, input.topicId), eq(topics.tenantId, tenant.id), eq(topics.isActive, true)));
    if (!t) throw new AppError('validation', 'Тематика: выберите из списка', { topicId: 'Тематика: выберите из списка' });
  }
  const deadlines = await loadTenantDeadlines(db, tenant.id);
  const actor = { ...systemActor(tenant.id), requestId };
  return db.transaction(async (tx) => {
    await spendChallenge(db, tx, input.challengeToken, input.challengeAnswer, now);
    const row = await createCase(
      tx,
      actor,
      {
        regime: 'MESSAGE',
        channel: 'web',
        receivedAt: now.toISOString(),
        text: input.text,
        topicId: input.topicId ?? null,
        settlementId: input.settlementId ?? null,
        localityId: input.localityId ?? null,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        priority: 'normal',
        applicant: { fullName: input.name ?? null, email: input.email ?? null, phone: input.phone ?? null, replyBy: input.email ? 'email' : input.phone ? 'phone' : 'none' },
      },
      { status: 'received', registeredAt: null, deadlines },
    );
    await tx.update(caseApplicants).set({ consentAt: now }).where(eq(caseApplicants.caseId, row.id));
    for (const f of files) {
      await tx.insert(caseFiles).values({ tenantId: tenant.id, caseId: row.id, fileName: f.fileName, mimeType: f.mimeType, size: f.data.length, sha256: createHash('sha256').update(f.data).digest('hex'), content: f.data });
    }
    const token = newToken();
    await tx.insert(caseTokens).values({ caseId: row.id, tokenHash: tokenId(token) });
    return { number: row.number, token, status: row.status, receivedAt: row.receivedAt, answerDue: row.answerDue, photos: files.length };
  });
}
