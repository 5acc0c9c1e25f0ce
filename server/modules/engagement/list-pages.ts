import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { engagementPageActivity, engagementPageExemptions, engagementPages, recipients, users } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { MANDATORY_NETWORKS, type Network } from '../../../domain/engagement/networks';
import { pageScore } from '../../../domain/engagement/page-rating';
import { readSettings } from './settings';
import { tenantToday } from '../../db/tenant-today';
import { daysBetween, isoDay, requireMunicipality } from './scope';

/**
 * Recipients expected to keep official pages: settlement administrations and institutions, and
 * the top-level body (the district administration); its own departments are not.
 */
export const PAGE_REQUIRED_KINDS = ['settlement_admin', 'institution'] as const;

/** The last day of a month «ГГГГ-ММ». */
const monthEnd = (period: string) => isoDay(new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)));

/** The registry with each page's latest figures, its gaps and its rating; and the institutions without a page. */
export async function listPages(db: Db, actor: Actor, now: Date) {
  requireMunicipality(actor);
  const { silenceDays } = await readSettings(db, actor.tenantId);
  const { today } = await tenantToday(db, actor.tenantId, now);
  const pages = await db
    .select({ page: engagementPages, ownerName: recipients.name })
    .from(engagementPages)
    .innerJoin(recipients, eq(recipients.id, engagementPages.ownerRecipientId))
    .where(eq(engagementPages.tenantId, actor.tenantId))
    .orderBy(asc(recipients.name), asc(engagementPages.network));
  const activity = pages.length
    ? await db.select().from(engagementPageActivity).where(inArray(engagementPageActivity.pageId, pages.map((p) => p.page.id))).orderBy(desc(engagementPageActivity.period))
    : [];
  const byPage = new Map<string, (typeof activity)[number][]>();
  for (const a of activity) byPage.set(a.pageId, [...(byPage.get(a.pageId) ?? []), a]);

  const items = pages.map(({ page, ownerName }) => {
    const rows = byPage.get(page.id) ?? [];
    const latest = rows[0] ?? null;
    const lastPost = rows.map((r) => r.lastPostOn ?? (r.publications > 0 ? monthEnd(r.period) : null)).filter((d): d is string => !!d).sort().pop() ?? null;
    const silentDays = lastPost ? Math.max(0, daysBetween(lastPost, today)) : null;
    const score = pageScore({
      confirmed: page.confirmed,
      widget: page.widget,
      publications: latest?.publications ?? null,
      comments: latest?.comments ?? null,
      commentsAnswered: latest?.commentsAnswered ?? null,
      silentDays,
      silenceNormDays: silenceDays,
    });
    const gaps = page.isActive ? [...(page.confirmed ? [] : ['not_confirmed']), ...(page.widget ? [] : ['no_widget']), ...(silentDays === null || silentDays > silenceDays ? ['silent'] : [])] : [];
    return { ...page, ownerName, latest, periods: rows.length, lastPostOn: lastPost, silentDays, gaps, score };
  });

  const required = await db
    .select({ id: recipients.id, name: recipients.name, kind: recipients.kind })
    .from(recipients)
    .where(and(eq(recipients.tenantId, actor.tenantId), eq(recipients.isActive, true), or(inArray(recipients.kind, [...PAGE_REQUIRED_KINDS]), and(eq(recipients.kind, 'department'), isNull(recipients.parentId)))))
    .orderBy(asc(recipients.name));
  const exempted = await db
    .select({ id: engagementPageExemptions.id, recipientId: engagementPageExemptions.recipientId, name: recipients.name, reason: engagementPageExemptions.reason, by: users.fullName, at: engagementPageExemptions.createdAt })
    .from(engagementPageExemptions)
    .innerJoin(recipients, eq(recipients.id, engagementPageExemptions.recipientId))
    .leftJoin(users, eq(users.id, engagementPageExemptions.createdBy))
    .where(eq(engagementPageExemptions.tenantId, actor.tenantId))
    .orderBy(asc(recipients.name));
  const exempt = new Set(exempted.map((e) => e.recipientId));
  const has = new Set(items.filter((p) => p.isActive).map((p) => `${p.ownerRecipientId}:${p.network}`));
  const missing = required
    .filter((r) => !exempt.has(r.id))
    .map((r) => ({ recipientId: r.id, name: r.name, kind: r.kind, networks: MANDATORY_NETWORKS.filter((n: Network) => !has.has(`${r.id}:${n}`)) }))
    .filter((r) => r.networks.length > 0);

  const active = items.filter((p) => p.isActive);
  const summary = {
    pages: active.length,
    notConfirmed: active.filter((p) => p.gaps.includes('not_confirmed')).length,
    noWidget: active.filter((p) => p.gaps.includes('no_widget')).length,
    silent: active.filter((p) => p.gaps.includes('silent')).length,
    withoutPage: missing.length,
  };
  return { silenceDays, summary, items, missing, exempted: exempted.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
