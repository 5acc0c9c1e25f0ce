import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { auditEvents, caseAnswers, caseApplicants, caseCoExecutors, caseFiles, caseLinks, caseNotes, casePauses, cases, localities, recipients, settlements, topics, users } from '../../db/schema';
import { availableActions } from '../../../domain/cases/transitions';
import { isOpen, type CaseStatus } from '../../../domain/cases/status';
import { maskEmail, maskName, maskPhone } from '../../../domain/cases/mask';
import { assertCaseVisible } from './case-scope';

/**
 * Everything the card shows: the text first, the applicant masked, topic, territory, recipient
 * with the reason, deadlines, answers with their review, files, related cases, notes, timeline,
 * and the actions this actor may take now.
 */
export async function getCaseCard(db: Db, actor: Actor, id: string, now: Date = new Date()) {
  await assertCaseVisible(db, actor, id);
  const [c] = await db.select().from(cases).where(eq(cases.id, id));
  const name = async (table: typeof topics | typeof settlements | typeof localities | typeof recipients, ref: string | null) =>
    ref ? ((await db.select({ name: table.name }).from(table).where(eq(table.id, ref)))[0]?.name ?? null) : null;
  const [applicant] = await db.select().from(caseApplicants).where(eq(caseApplicants.caseId, id));
  const answers = await db
    .select({ a: caseAnswers, author: users.fullName })
    .from(caseAnswers)
    .leftJoin(users, eq(users.id, caseAnswers.authorId))
    .where(eq(caseAnswers.caseId, id))
    .orderBy(asc(caseAnswers.createdAt));
  const files = await db
    .select({ id: caseFiles.id, fileName: caseFiles.fileName, mimeType: caseFiles.mimeType, size: caseFiles.size, answerId: caseFiles.answerId, createdAt: caseFiles.createdAt })
    .from(caseFiles)
    .where(eq(caseFiles.caseId, id));
  const notes = await db.select({ n: caseNotes, author: users.fullName }).from(caseNotes).leftJoin(users, eq(users.id, caseNotes.authorId)).where(eq(caseNotes.caseId, id)).orderBy(asc(caseNotes.createdAt));
  const links = await db
    .select({ kind: caseLinks.kind, id: cases.id, number: cases.number, status: cases.status, receivedAt: cases.receivedAt, text: sql<string>`left(${cases.text}, 160)` })
    .from(caseLinks)
    .innerJoin(cases, or(and(eq(caseLinks.caseId, id), eq(cases.id, caseLinks.relatedCaseId)), and(eq(caseLinks.relatedCaseId, id), eq(cases.id, caseLinks.caseId))))
    .where(or(eq(caseLinks.caseId, id), eq(caseLinks.relatedCaseId, id)));
  const duplicates = await db.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.duplicateOfId, id));
  const co = await db.select({ id: recipients.id, name: recipients.name }).from(caseCoExecutors).innerJoin(recipients, eq(recipients.id, caseCoExecutors.recipientId)).where(eq(caseCoExecutors.caseId, id));
  const pauses = await db.select().from(casePauses).where(eq(casePauses.caseId, id)).orderBy(asc(casePauses.fromAt));
  const timeline = await db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, before: auditEvents.before, after: auditEvents.after, actor: users.fullName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.entity, 'case'), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.id))
    .limit(200);
  const executor = c.executorId ? (await db.select({ name: users.fullName }).from(users).where(eq(users.id, c.executorId)))[0]?.name ?? null : null;
  const { search: _s, ...row } = c;
  return {
    ...row,
    topicName: await name(topics, c.topicId),
    subtopicName: await name(topics, c.subtopicId),
    settlementName: await name(settlements, c.settlementId),
    localityName: await name(localities, c.localityId),
    recipientName: await name(recipients, c.recipientId),
    executorName: executor,
    applicant: applicant
      ? { fullName: maskName(applicant.fullName), email: maskEmail(applicant.email), phone: maskPhone(applicant.phone), hasPostalAddress: Boolean(applicant.postalAddress), replyBy: applicant.replyBy, canReveal: actor.permissions.has('pd.read') }
      : null,
    answers: answers.map(({ a, author }) => ({ ...a, author })),
    files,
    notes: notes.map(({ n, author }) => ({ id: n.id, text: n.text, createdAt: n.createdAt, author })),
    related: links,
    duplicates,
    coExecutors: co,
    pauses,
    timeline,
    actions: availableActions({ status: c.status as CaseStatus, recipientId: c.recipientId }, actor),
    canExtend: actor.permissions.has('cases.review') && !c.extensionDays && c.regime === 'FZ59' && isOpen(c.status as CaseStatus) && Boolean(c.answerDue),
    deadlineState: !isOpen(c.status as CaseStatus) || !c.answerDue ? null : c.pausedSince ? 'paused' : now > c.answerDue ? 'overdue' : c.answerAtRiskFrom && now >= c.answerAtRiskFrom ? 'at_risk' : 'on_time',
  };
}
