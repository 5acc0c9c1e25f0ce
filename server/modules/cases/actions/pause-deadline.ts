import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { cases, casePauses } from '../../../db/schema';
import { computeDueWithPauses, extendDue } from '../../../../domain/deadlines';
import { isOpen, type CaseStatus } from '../../../../domain/cases/status';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record-audit';
import { lockCase } from '../case-row';
import { loadTenantDeadlines } from '../deadlines/deadline-context';
import { pickRule } from '../deadlines/deadline-rules';
import { atRiskFrom } from '../deadlines/compute-case-deadlines';

function assertMayPause(actor: Actor, recipientId: string | null) {
  if (actor.permissions.has('cases.review')) return;
  if (!actor.permissions.has('cases.work')) throw new AppError('forbidden', 'Недостаточно прав для приостановки срока');
  if (actor.recipientIds.length && (!recipientId || !actor.recipientIds.includes(recipientId))) throw new AppError('forbidden', 'Обращение направлено другому получателю');
}

/** Stops the answer clock while waiting for the applicant or another body (not for 59-ФЗ appeals). */
export async function pauseDeadline(tx: Tx, actor: Actor, caseId: string, reason: string, now: Date) {
  const c = await lockCase(tx, actor.tenantId, caseId);
  assertMayPause(actor, c.recipientId);
  if (c.regime === 'FZ59') throw new AppError('invalid_transition', 'Срок по 59-ФЗ не приостанавливается: используйте продление');
  if (!isOpen(c.status as CaseStatus)) throw new AppError('invalid_transition', 'Приостановить можно только обращение в работе');
  if (c.pausedSince) throw new AppError('conflict', 'Срок уже приостановлен');
  await tx.insert(casePauses).values({ caseId, fromAt: now, reason });
  await tx.update(cases).set({ pausedSince: now, version: c.version + 1, updatedAt: new Date() }).where(eq(cases.id, caseId));
  await recordAudit(tx, actor, { action: 'pause', entity: 'case', entityId: caseId, after: { reason, pausedSince: now } });
}

/** Restarts the clock; the due date moves by exactly the paused time (recomputed from all pauses, plus any extension). */
export async function resumeDeadline(tx: Tx, actor: Actor, caseId: string, now: Date) {
  const c = await lockCase(tx, actor.tenantId, caseId);
  assertMayPause(actor, c.recipientId);
  if (!c.pausedSince) throw new AppError('conflict', 'Срок не приостановлен');
  await tx.update(casePauses).set({ toAt: now }).where(and(eq(casePauses.caseId, caseId), isNull(casePauses.toAt)));
  const pauses = await tx.select().from(casePauses).where(eq(casePauses.caseId, caseId));
  const { ctx, rules } = await loadTenantDeadlines(tx, actor.tenantId);
  const rule = pickRule(rules, { regime: c.regime, channel: c.channel, topicId: c.subtopicId ?? c.topicId, parentTopicId: c.topicId }, 'answer');
  const start = c.registeredAt ?? c.receivedAt;
  const paused = rule ? computeDueWithPauses(start, rule, pauses.map((p) => ({ from: p.fromAt, to: p.toAt })), ctx) : null;
  // An earlier 59-ФЗ extension stays on top of the recomputed date.
  const answerDue = paused && c.extensionDays ? extendDue(paused, c.extensionDays, { timeZone: ctx.timeZone }) : (paused ?? c.answerDue);
  const riskFrom = rule && answerDue ? atRiskFrom(start, answerDue, rule.atRisk, ctx) : c.answerAtRiskFrom;
  await tx.update(cases).set({ pausedSince: null, answerDue, answerAtRiskFrom: riskFrom, version: c.version + 1, updatedAt: new Date() }).where(eq(cases.id, caseId));
  await recordAudit(tx, actor, { action: 'resume', entity: 'case', entityId: caseId, before: { answerDue: c.answerDue }, after: { answerDue } });
}
