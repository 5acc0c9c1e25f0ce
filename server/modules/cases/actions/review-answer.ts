import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { caseAnswers, caseTokens } from '../../../db/schema';
import type { ReworkCriterion } from '../../../../domain/cases/review';
import { AppError } from '../../../errors';
import { applyTransition } from '../apply-transition';
import { latestFinalAnswer } from './submit-answer';
import { notify, recipientUsers } from '../../notifications/notify';
import { newToken, tokenId } from '../../auth/session-token';

/**
 * The МЦУ approves the answer on the substance: it goes to the applicant, the answer time is
 * recorded, and a secret link for rating the answer is issued (returned once, stored as a hash).
 */
export async function approveAnswer(tx: Tx, actor: Actor, caseId: string, now: Date) {
  const row = await applyTransition(tx, actor, caseId, 'approve_answer', (c) => ({ answeredAt: now, firstAnsweredAt: c.firstAnsweredAt ?? now }));
  const answer = await latestFinalAnswer(tx, caseId);
  if (!answer) throw new AppError('invalid_transition', 'Нет ответа для проверки');
  await tx.update(caseAnswers).set({ state: 'approved', reviewerId: actor.userId, reviewedAt: now }).where(eq(caseAnswers.id, answer.id));
  const token = newToken();
  await tx.insert(caseTokens).values({ caseId, tokenHash: tokenId(token) });
  return { ...row, ratingToken: token };
}

/** Back for rework, with the criteria of domain.md and a comment for the executor. */
export async function returnForRework(tx: Tx, actor: Actor, caseId: string, criteria: ReworkCriterion[], comment: string, now: Date) {
  const row = await applyTransition(tx, actor, caseId, 'return_for_rework', (c) => ({ returnsCount: c.returnsCount + 1, statusReason: comment }), { criteria, comment });
  const answer = await latestFinalAnswer(tx, caseId);
  if (!answer) throw new AppError('invalid_transition', 'Нет ответа для проверки');
  await tx.update(caseAnswers).set({ state: 'returned', reviewCriteria: criteria, reviewComment: comment, reviewerId: actor.userId, reviewedAt: now }).where(eq(caseAnswers.id, answer.id));
  const to = row.executorId ? [row.executorId] : await recipientUsers(tx, row.recipientId);
  await notify(tx, actor.tenantId, { userIds: to, caseId, kind: `returned:${row.returnsCount}`, text: `№ ${row.number} возвращено на доработку: ${comment}` });
  return row;
}
