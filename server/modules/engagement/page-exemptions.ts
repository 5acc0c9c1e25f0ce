import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { engagementPageExemptions, recipients } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import type { PageExemptionInput } from '../../../domain/engagement/schemas';
import { recordAudit } from '../audit/record-audit';
import { requireMunicipality } from './scope';

/** Marks an institution as needing no official page: it leaves the «без страницы» gaps, with the reason kept. */
export async function exemptFromPage(tx: Tx, actor: Actor, input: PageExemptionInput, now: Date) {
  requireMunicipality(actor);
  await assertOwnedRef(tx, recipients, input.recipientId, actor.tenantId, 'recipientId', 'Учреждение');
  const [clash] = await tx
    .select({ id: engagementPageExemptions.id })
    .from(engagementPageExemptions)
    .where(and(eq(engagementPageExemptions.tenantId, actor.tenantId), eq(engagementPageExemptions.recipientId, input.recipientId)));
  if (clash) throw new AppError('conflict', 'Учреждение уже отмечено: страница не требуется', { recipientId: 'Уже отмечено' });
  const [row] = await tx
    .insert(engagementPageExemptions)
    .values({ tenantId: actor.tenantId, recipientId: input.recipientId, reason: input.reason, createdBy: actor.userId, createdAt: now })
    .returning();
  await recordAudit(tx, actor, { action: 'create', entity: 'engagement_page_exemption', entityId: row.id, after: row });
  return row;
}

/** Takes the mark back: the institution counts as a gap again if it has no page. */
export async function removePageExemption(tx: Tx, actor: Actor, id: string) {
  requireMunicipality(actor);
  const before = await findOwned(tx, engagementPageExemptions, id, actor.tenantId, 'Отметка');
  await tx.delete(engagementPageExemptions).where(eq(engagementPageExemptions.id, id));
  await recordAudit(tx, actor, { action: 'delete', entity: 'engagement_page_exemption', entityId: id, before });
  return { id };
}
