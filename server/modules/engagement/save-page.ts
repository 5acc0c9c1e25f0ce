import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { engagementPages, recipients } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import { canonicalPageUrl } from '../../../domain/engagement/networks';
import type { PageInput } from '../../../domain/engagement/schemas';
import { recordAudit } from '../audit/record-audit';
import { requireMunicipality } from './scope';

/** Adds or changes an official page; the address is checked against its network and kept canonical. */
export async function savePage(tx: Tx, actor: Actor, input: PageInput, now: Date, id?: string) {
  requireMunicipality(actor);
  const checked = canonicalPageUrl(input.network, input.url);
  if ('error' in checked) throw new AppError('validation', checked.error, { url: checked.error });
  await assertOwnedRef(tx, recipients, input.ownerRecipientId, actor.tenantId, 'ownerRecipientId', 'Владелец страницы');
  const clash = await tx
    .select({ id: engagementPages.id })
    .from(engagementPages)
    .where(and(eq(engagementPages.tenantId, actor.tenantId), eq(engagementPages.url, checked.url), id ? ne(engagementPages.id, id) : undefined));
  if (clash[0]) throw new AppError('conflict', 'Адрес страницы: такая страница уже есть в реестре', { url: 'Такая страница уже есть в реестре' });
  const values = { ...input, url: checked.url, responsible: input.responsible ?? null };
  if (!id) {
    const [row] = await tx.insert(engagementPages).values({ ...values, tenantId: actor.tenantId }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'engagement_page', entityId: row.id, after: row });
    return row;
  }
  const before = await findOwned(tx, engagementPages, id, actor.tenantId, 'Страница');
  const [row] = await tx.update(engagementPages).set({ ...values, updatedAt: now }).where(eq(engagementPages.id, id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'engagement_page', entityId: id, before, after: row });
  return row;
}

export async function setPageActive(tx: Tx, actor: Actor, id: string, isActive: boolean, now: Date) {
  requireMunicipality(actor);
  const before = await findOwned(tx, engagementPages, id, actor.tenantId, 'Страница');
  const [row] = await tx.update(engagementPages).set({ isActive, updatedAt: now }).where(eq(engagementPages.id, id)).returning();
  await recordAudit(tx, actor, { action: isActive ? 'activate' : 'deactivate', entity: 'engagement_page', entityId: id, before, after: row });
  return row;
}
