import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { caseLinks, caseNotes } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record-audit';
import { lockCase } from '../case-row';

/** An internal note of staff on a case (never shown to the applicant). */
export async function addNote(tx: Tx, actor: Actor, caseId: string, text: string) {
  await lockCase(tx, actor.tenantId, caseId);
  const [row] = await tx.insert(caseNotes).values({ tenantId: actor.tenantId, caseId, authorId: actor.userId, text }).returning();
  await recordAudit(tx, actor, { action: 'note', entity: 'case', entityId: caseId, after: { noteId: row.id } });
  return row;
}

/** Marks two cases as related (the same problem from several people or channels). */
export async function linkCases(tx: Tx, actor: Actor, caseId: string, relatedCaseId: string) {
  if (caseId === relatedCaseId) throw new AppError('validation', 'Связанное обращение: нельзя связать обращение с самим собой', { relatedCaseId: 'То же обращение' });
  await lockCase(tx, actor.tenantId, caseId);
  const other = await lockCase(tx, actor.tenantId, relatedCaseId);
  const [a, b] = caseId < relatedCaseId ? [caseId, relatedCaseId] : [relatedCaseId, caseId];
  const existing = await tx.select().from(caseLinks).where(and(eq(caseLinks.caseId, a), eq(caseLinks.relatedCaseId, b)));
  if (existing.length) throw new AppError('conflict', 'Эти обращения уже связаны');
  await tx.insert(caseLinks).values({ tenantId: actor.tenantId, caseId: a, relatedCaseId: b, kind: 'related', createdBy: actor.userId });
  await recordAudit(tx, actor, { action: 'link', entity: 'case', entityId: caseId, after: { related: other.number } });
}
