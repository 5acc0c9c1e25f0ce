import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { cases } from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { extendDue } from '../../../../domain/deadlines';
import { isOpen, type CaseStatus } from '../../../../domain/cases/status';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit/record-audit';
import { lockCase } from '../case-row';
import { loadTenantDeadlines } from '../deadlines/deadline-context';
import { atRiskFrom } from '../deadlines/compute-case-deadlines';
import { pickRule } from '../deadlines/deadline-rules';

/**
 * 59-ФЗ ст. 12 ч. 2: in exceptional cases the answer term is extended once, by up to 30 days,
 * with a reason, and the applicant is notified (recorded in the audit row as `applicantNotified`).
 */
export async function extendDeadline(tx: Tx, actor: Actor, caseId: string, days: number, reason: string) {
  if (!actor.permissions.has('cases.review')) throw new AppError('forbidden', 'Продлевать срок может только МЦУ');
  const c = await lockCase(tx, actor.tenantId, caseId);
  if (!isOpen(c.status as CaseStatus)) throw new AppError('invalid_transition', 'Срок можно продлить только по обращению в работе');
  if (c.extensionDays) throw new AppError('conflict', 'Срок уже продлевался: по 59-ФЗ продление допускается один раз');
  if (!c.answerDue) throw new AppError('invalid_transition', 'У обращения нет срока ответа');
  const { ctx, rules } = await loadTenantDeadlines(tx, actor.tenantId);
  const answerDue = extendDue(c.answerDue, days, { timeZone: ctx.timeZone });
  const rule = pickRule(rules, { regime: c.regime, channel: c.channel, topicId: c.subtopicId ?? c.topicId, parentTopicId: c.topicId }, 'answer');
  const riskFrom = rule ? atRiskFrom(c.registeredAt ?? c.receivedAt, answerDue, rule.atRisk, ctx) : null;
  const [after] = await tx
    .update(cases)
    .set({ answerDue, answerAtRiskFrom: riskFrom, extensionDays: days, extensionReason: reason, updatedAt: new Date(), version: c.version + 1 })
    .where(eq(cases.id, caseId))
    .returning();
  await recordAudit(tx, actor, { action: 'extend', entity: 'case', entityId: caseId, before: { answerDue: c.answerDue }, after: { answerDue, days, reason, applicantNotified: true } });
  return after;
}
