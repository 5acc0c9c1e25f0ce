import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { analyticsIndicators } from '../../db/schema';
import { findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { regionRow } from './save-region-indicator';

/** Turns an indicator off or on; who may do it follows who set it. */
export async function setIndicatorActive(tx: Tx, actor: Actor, id: string, isActive: boolean, by: 'curator' | 'region', now: Date) {
  const before = by === 'region' ? await regionRow(tx, actor, id) : await findOwned(tx, analyticsIndicators, id, actor.tenantId, 'Показатель');
  if (before.setBy !== by) throw new AppError('forbidden', by === 'region' ? 'Показатель установлен муниципалитетом' : 'Показатель установлен ЦУР: изменить его может только ЦУР');
  await tx.update(analyticsIndicators).set({ isActive, updatedAt: now }).where(eq(analyticsIndicators.id, id));
  await recordAudit(tx, actor, { action: isActive ? 'activate' : 'deactivate', entity: 'indicator', entityId: id, before: { isActive: before.isActive }, after: { isActive }, tenantId: before.tenantId });
  return { id, isActive };
}
