import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/tx';
import type { Actor } from '../../http/actor';
import { cases, localities, settlements, topics } from '../../db/schema';
import { assertOwnedRef } from '../../db/owned';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { auditView, lockCase } from '../cases/case-row';
import { recordCorrection, suggestionOf } from './record-correction';

const ref = (label: string) => z.uuid({ error: `${label}: выберите из списка` }).nullable().optional();
export const classificationInput = z.strictObject({
  topicId: ref('Тематика'),
  subtopicId: ref('Подтематика'),
  settlementId: ref('Поселение'),
  localityId: ref('Населённый пункт'),
  address: z.string().trim().max(500, { error: 'Адрес: не длиннее 500 символов' }).nullable().optional(),
});
export type ClassificationInput = z.infer<typeof classificationInput>;

/**
 * Staff set the topic, sub-topic and place of a case. A changed topic is recorded as a correction
 * of what was suggested (or set before), so the next training learns from it.
 */
export async function updateClassification(tx: Tx, actor: Actor, caseId: string, input: ClassificationInput) {
  const before = await lockCase(tx, actor.tenantId, caseId);
  const label = input.subtopicId ?? input.topicId ?? null;
  let topicId: string | null = null;
  let subtopicId: string | null = null;
  if (label) {
    const [t] = await tx.select().from(topics).where(and(eq(topics.id, label), eq(topics.tenantId, actor.tenantId)));
    if (!t) throw new AppError('validation', 'Тематика: выберите из списка', { topicId: 'Неизвестная тематика' });
    topicId = t.parentId ?? t.id;
    subtopicId = t.parentId ? t.id : null;
    if (input.topicId && input.subtopicId && topicId !== input.topicId) throw new AppError('validation', 'Подтематика: не относится к выбранной тематике', { subtopicId: 'Другая тематика' });
  }
  await assertOwnedRef(tx, settlements, input.settlementId, actor.tenantId, 'settlementId', 'Поселение');
  await assertOwnedRef(tx, localities, input.localityId, actor.tenantId, 'localityId', 'Населённый пункт');
  const changes = {
    topicId, subtopicId,
    settlementId: input.settlementId ?? null,
    localityId: input.localityId ?? null,
    address: input.address ?? null,
    updatedAt: new Date(),
    version: before.version + 1,
  };
  const [after] = await tx.update(cases).set(changes).where(eq(cases.id, caseId)).returning();
  const previous = before.subtopicId ?? before.topicId;
  if (label && label !== previous) {
    const s = await suggestionOf(tx, caseId);
    await recordCorrection(tx, actor, caseId, 'topic', s?.topicLabel ?? previous, label);
  }
  const pick = (row: typeof before) => Object.fromEntries(['topicId', 'subtopicId', 'settlementId', 'localityId', 'address'].map((k) => [k, (auditView(row) as Record<string, unknown>)[k]]));
  await recordAudit(tx, actor, { action: 'classify', entity: 'case', entityId: caseId, before: pick(before), after: pick(after) });
  return after;
}
