import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { caseAnswers } from '../../../db/schema';
import { applyTransition } from '../apply-transition';

export interface AnswerDraft {
  text: string;
  completionDate?: string | null;
}

/**
 * The executor's answer. `interim`: a промежуточный ответ (work goes on; the first answer time
 * is recorded). `prepare`: handed to the recipient's head. `submit`: sent to the МЦУ review.
 */
export async function submitAnswer(tx: Tx, actor: Actor, caseId: string, draft: AnswerDraft, mode: 'interim' | 'prepare' | 'submit', now: Date) {
  const action = mode === 'interim' ? 'give_interim' : mode === 'prepare' ? 'prepare_answer' : 'submit_answer';
  const row = await applyTransition(tx, actor, caseId, action, (c) => (mode === 'interim' ? { firstAnsweredAt: c.firstAnsweredAt ?? now } : {}), { answer: draft.text.slice(0, 200) });
  const kind = mode === 'interim' ? 'interim' : 'final';
  if (kind === 'final') {
    // A newer final answer replaces one that was prepared but not sent on.
    await tx.update(caseAnswers).set({ state: 'superseded' }).where(and(eq(caseAnswers.caseId, caseId), eq(caseAnswers.state, 'prepared')));
    // One current final answer: a resubmission after a return replaces the returned draft's role.
    await tx.insert(caseAnswers).values({ tenantId: actor.tenantId, caseId, kind, text: draft.text, completionDate: draft.completionDate ?? null, authorId: actor.userId, state: mode === 'prepare' ? 'prepared' : 'submitted' });
  } else {
    await tx.insert(caseAnswers).values({ tenantId: actor.tenantId, caseId, kind, text: draft.text, completionDate: draft.completionDate ?? null, authorId: actor.userId, state: 'sent' });
  }
  return row;
}

/** The latest final answer of a case. */
export async function latestFinalAnswer(tx: Tx, caseId: string) {
  const [a] = await tx.select().from(caseAnswers).where(and(eq(caseAnswers.caseId, caseId), eq(caseAnswers.kind, 'final'))).orderBy(desc(caseAnswers.createdAt)).limit(1);
  return a ?? null;
}
