import { and, asc, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { engagementNotices, engagementPublications, settlements, tenants } from '../../db/schema';
import { findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import type { NoticeChannel, NoticeInput } from '../../../domain/engagement/schemas';
import { recordAudit } from '../audit/record-audit';
import { requireMunicipality } from './scope';

async function checkSettlements(tx: Tx, tenantId: string, ids: string[]) {
  const found = await tx.select({ id: settlements.id }).from(settlements).where(and(eq(settlements.tenantId, tenantId), inArray(settlements.id, ids)));
  if (found.length !== new Set(ids).size) throw new AppError('validation', 'Поселения: выберите значения из списка', { settlementIds: 'Поселения: выберите значения из списка' });
}

const valuesOf = (i: NoticeInput) => ({
  title: i.title,
  audience: i.audience ?? null,
  settlementIds: [...new Set(i.settlementIds)],
  postText: i.postText,
  publicText: i.publicText,
  smsText: i.smsText ?? null,
  publishAt: new Date(i.publishAt),
  validUntil: new Date(i.validUntil),
});

export async function saveNotice(tx: Tx, actor: Actor, input: NoticeInput, now: Date, id?: string) {
  requireMunicipality(actor);
  await checkSettlements(tx, actor.tenantId, input.settlementIds);
  if (!id) {
    const [row] = await tx.insert(engagementNotices).values({ ...valuesOf(input), tenantId: actor.tenantId, createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'engagement_notice', entityId: row.id, after: row });
    return row;
  }
  const before = await findOwned(tx, engagementNotices, id, actor.tenantId, 'Материал');
  const [row] = await tx.update(engagementNotices).set({ ...valuesOf(input), updatedAt: now }).where(eq(engagementNotices.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'engagement_notice', entityId: id, before, after: row });
  return row;
}

/** Records that the notice went out in a channel (with the link to the post); publishing again replaces the link. */
export async function markPublished(tx: Tx, actor: Actor, noticeId: string, channel: NoticeChannel, link: string | null, now: Date) {
  requireMunicipality(actor);
  const notice = await findOwned(tx, engagementNotices, noticeId, actor.tenantId, 'Материал');
  if (channel === 'sms' && !notice.smsText) throw new AppError('validation', 'Текст SMS: заполните, прежде чем отмечать рассылку', { smsText: 'Заполните текст SMS' });
  const [row] = await tx
    .insert(engagementPublications)
    .values({ tenantId: actor.tenantId, noticeId, channel, link, publishedBy: actor.userId, publishedAt: now })
    .onConflictDoUpdate({ target: [engagementPublications.noticeId, engagementPublications.channel], set: { link, publishedBy: actor.userId, publishedAt: now } })
    .returning();
  await recordAudit(tx, actor, { action: 'publish', entity: 'engagement_notice', entityId: noticeId, after: { channel, link } });
  return row;
}

export async function unpublish(tx: Tx, actor: Actor, noticeId: string, channel: NoticeChannel) {
  requireMunicipality(actor);
  await findOwned(tx, engagementNotices, noticeId, actor.tenantId, 'Материал');
  await tx.delete(engagementPublications).where(and(eq(engagementPublications.noticeId, noticeId), eq(engagementPublications.channel, channel)));
  await recordAudit(tx, actor, { action: 'unpublish', entity: 'engagement_notice', entityId: noticeId, after: { channel } });
}

export async function listNotices(db: Db, actor: Actor) {
  requireMunicipality(actor);
  const notices = await db.select().from(engagementNotices).where(eq(engagementNotices.tenantId, actor.tenantId)).orderBy(desc(engagementNotices.publishAt));
  const pubs = notices.length ? await db.select().from(engagementPublications).where(inArray(engagementPublications.noticeId, notices.map((n) => n.id))) : [];
  return {
    items: notices.map((n) => ({
      ...n,
      publications: pubs.filter((p) => p.noticeId === n.id).map((p) => ({ channel: p.channel, link: p.link, publishedAt: p.publishedAt })),
    })),
  };
}

/**
 * What residents see: notices of the municipality published for the public page and valid now.
 * No personal data, no authors; the settlements by id and name for the filter.
 */
export async function publicNotices(db: Db, tenantCode: string, now: Date) {
  const [tenant] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(and(eq(tenants.code, tenantCode), eq(tenants.kind, 'municipality'), eq(tenants.isActive, true)));
  if (!tenant) throw new AppError('not_found', 'Муниципалитет не найден');
  const found = await db
    .select({ id: engagementNotices.id, title: engagementNotices.title, text: engagementNotices.publicText, settlementIds: engagementNotices.settlementIds, publishAt: engagementNotices.publishAt, validUntil: engagementNotices.validUntil })
    .from(engagementNotices)
    .innerJoin(engagementPublications, and(eq(engagementPublications.noticeId, engagementNotices.id), eq(engagementPublications.channel, 'public_page')))
    .where(and(eq(engagementNotices.tenantId, tenant.id), lte(engagementNotices.publishAt, now), gt(engagementNotices.validUntil, now)))
    .orderBy(desc(engagementNotices.publishAt));
  const ids = [...new Set(found.flatMap((n) => n.settlementIds))];
  const names = ids.length ? await db.select({ id: settlements.id, name: settlements.name }).from(settlements).where(and(eq(settlements.tenantId, tenant.id), inArray(settlements.id, ids))).orderBy(asc(settlements.name)) : [];
  const nameOf = new Map(names.map((s) => [s.id, s.name]));
  return {
    municipality: tenant.name,
    settlements: names,
    items: found.map((n) => ({ ...n, settlements: n.settlementIds.map((id) => ({ id, name: nameOf.get(id) ?? '' })) })),
  };
}
