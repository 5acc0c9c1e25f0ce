import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { analyticsSignalDismissals } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';
import type { DismissSignalInput } from '../../../domain/analytics/schemas';
import { recordAudit } from '../audit/record-audit';

function assertMunicipal(actor: Actor) {
  if (actor.tenantKind !== 'municipality') throw new AppError('forbidden', 'Сигналы ведёт МЦУ');
}

/** Sets a growth signal aside with a reason (it stays listed, marked). Idempotent per key. */
export async function dismissSignal(tx: Tx, actor: Actor, input: DismissSignalInput, now: Date) {
  assertMunicipal(actor);
  const values = { tenantId: actor.tenantId, signalKey: input.signalKey, reason: input.reason, dismissedBy: actor.userId, dismissedAt: now };
  const [row] = await tx
    .insert(analyticsSignalDismissals)
    .values(values)
    .onConflictDoUpdate({ target: [analyticsSignalDismissals.tenantId, analyticsSignalDismissals.signalKey], set: { reason: input.reason, dismissedBy: actor.userId, dismissedAt: now } })
    .returning();
  await recordAudit(tx, actor, { action: 'dismiss', entity: 'signal', entityId: input.signalKey, after: { reason: input.reason } });
  return { signalKey: row.signalKey, reason: row.reason, at: row.dismissedAt.toISOString() };
}

/** Brings a dismissed signal back. */
export async function restoreSignal(tx: Tx, actor: Actor, signalKey: string) {
  assertMunicipal(actor);
  const removed = await tx
    .delete(analyticsSignalDismissals)
    .where(and(eq(analyticsSignalDismissals.tenantId, actor.tenantId), eq(analyticsSignalDismissals.signalKey, signalKey)))
    .returning();
  if (!removed.length) throw new AppError('not_found', 'Сигнал не был отложен');
  await recordAudit(tx, actor, { action: 'restore', entity: 'signal', entityId: signalKey, before: { reason: removed[0].reason } });
  return { signalKey, restored: true };
}
