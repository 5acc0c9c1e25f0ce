import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { applyTransition } from '../apply-transition';
import { loadTenantDeadlines } from '../deadlines/deadline-context';
import { computeCaseDeadlines } from '../deadlines/compute-case-deadlines';

/**
 * Registers a case that arrived from an import or the public page: the registration time is now,
 * and the answer terms that run from registration are computed from it (59-ФЗ ст. 12 ч. 1).
 */
export async function registerReceived(tx: Tx, actor: Actor, caseId: string, now: Date) {
  const { ctx, rules } = await loadTenantDeadlines(tx, actor.tenantId);
  return applyTransition(tx, actor, caseId, 'register', (c) => {
    const due = computeCaseDeadlines(
      { regime: c.regime, channel: c.channel, topicId: c.subtopicId ?? c.topicId, parentTopicId: c.topicId, fastTrack: c.fastTrack },
      { receivedAt: c.receivedAt, registeredAt: now },
      rules,
      ctx,
    );
    // A deadline the source gave (e.g. ПОС «Дата планируемого завершения работ») is kept.
    const keepSourceDue = c.answerDue && c.answerDueOriginal && c.answerDue.getTime() === c.answerDueOriginal.getTime() && c.externalStatus != null;
    return {
      registeredAt: now,
      forwardingDue: due.forwardingDue,
      interimDue: due.interimDue,
      ...(keepSourceDue ? {} : { answerDue: due.answerDue, answerAtRiskFrom: due.answerAtRiskFrom, answerDueOriginal: due.answerDue }),
    };
  });
}
