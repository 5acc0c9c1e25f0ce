import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { caseApplicants, cases, channels, localities, recipients, settlements, topics } from '../../db/schema';
import { assertOwnedRef } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { CaseStatus } from '../../../domain/cases/status';
import type { RegisterCaseInput } from '../../../domain/cases/schemas';
import { localDate } from '../../../domain/deadlines';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { computeCaseDeadlines } from './deadlines/compute-case-deadlines';
import type { TenantDeadlines } from './deadlines/deadline-context';
import { formatCaseNumber, reserveCaseNumbers } from './next-case-number';
import { auditView, type CaseRow } from './case-row';
import { classifyIntake, rememberSuggestion } from '../classify/classify-intake';

export interface CreateCaseOptions {
  status: CaseStatus;
  registeredAt: Date | null;
  deadlines: TenantDeadlines;
  routingReason?: string | null;
  autoRouted?: boolean;
}

/**
 * Creates one case with its applicant (stored apart) and its deadlines; the audit row commits
 * with it. Used by staff registration, imports, the public page and Open311 alike.
 */
export async function createCase(tx: Tx, actor: Actor, given: RegisterCaseInput, givenOptions: CreateCaseOptions): Promise<CaseRow> {
  await assertRefs(tx, actor.tenantId, given);
  const decision = await classifyIntake(tx, actor.tenantId, given, givenOptions.status, givenOptions.registeredAt);
  const { input } = decision;
  const options = { ...givenOptions, ...decision.route };
  const topic = input.subtopicId ? await topicOf(tx, actor.tenantId, input.subtopicId) : input.topicId ? await topicOf(tx, actor.tenantId, input.topicId) : null;
  const topicId = topic?.parentId ?? topic?.id ?? null;
  const subtopicId = topic?.parentId ? topic.id : null;
  const settlementId = input.settlementId ?? (input.localityId ? await settlementOfLocality(tx, input.localityId) : null);
  const receivedAt = new Date(input.receivedAt);
  const fastTrack = input.fastTrack ?? Boolean(topic?.priority);
  const due = computeCaseDeadlines(
    { regime: input.regime, channel: input.channel, topicId: subtopicId ?? topicId, parentTopicId: topicId, fastTrack },
    { receivedAt, registeredAt: options.registeredAt },
    options.deadlines.rules,
    options.deadlines.ctx,
  );
  const year = Number(localDate(receivedAt, options.deadlines.ctx.timeZone).slice(0, 4));
  const seq = await reserveCaseNumbers(tx, actor.tenantId, year);
  const [row] = await tx
    .insert(cases)
    .values({
      tenantId: actor.tenantId,
      number: formatCaseNumber(year, seq),
      regime: input.regime,
      channel: input.channel,
      sourceId: input.sourceId ?? null,
      receivedAt,
      registeredAt: options.registeredAt,
      status: options.status,
      text: input.text,
      topicId,
      subtopicId,
      settlementId,
      localityId: input.localityId ?? null,
      address: input.address ?? null,
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      recipientId: input.recipientId ?? null,
      priority: input.priority,
      fastTrack,
      routingReason: options.routingReason ?? (input.recipientId ? 'назначен при регистрации' : null),
      autoRouted: options.autoRouted ?? false,
      ...due,
      answerDueOriginal: due.answerDue,
    })
    .returning();
  const a = input.applicant;
  if (a && (a.fullName || a.email || a.phone || a.postalAddress || a.socialProfile)) {
    await tx.insert(caseApplicants).values({ caseId: row.id, tenantId: actor.tenantId, fullName: a.fullName ?? null, email: a.email ?? null, phone: a.phone ?? null, postalAddress: a.postalAddress ?? null, socialProfile: a.socialProfile ?? null, replyBy: a.replyBy ?? null });
  }
  await rememberSuggestion(tx, actor.tenantId, row.id, decision);
  await recordAudit(tx, actor, { action: options.status === 'received' ? 'receive' : 'register', entity: 'case', entityId: row.id, after: auditView(row) });
  return row;
}

async function assertRefs(tx: Tx, tenantId: string, input: RegisterCaseInput) {
  const [channel] = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.tenantId, tenantId), eq(channels.code, input.channel), eq(channels.isActive, true)));
  if (!channel) throw new AppError('validation', 'Канал: выберите из списка', { channel: 'Неизвестный канал' });
  await assertOwnedRef(tx, settlements, input.settlementId, tenantId, 'settlementId', 'Поселение');
  await assertOwnedRef(tx, localities, input.localityId, tenantId, 'localityId', 'Населённый пункт');
  await assertOwnedRef(tx, recipients, input.recipientId, tenantId, 'recipientId', 'Ответственный получатель');
}

async function topicOf(tx: Tx, tenantId: string, id: string) {
  const [t] = await tx.select().from(topics).where(and(eq(topics.id, id), eq(topics.tenantId, tenantId)));
  if (!t) throw new AppError('validation', 'Тематика: выберите из списка', { topicId: 'Неизвестная тематика' });
  return t;
}

async function settlementOfLocality(tx: Tx, localityId: string) {
  const [l] = await tx.select({ settlementId: localities.settlementId }).from(localities).where(eq(localities.id, localityId));
  return l?.settlementId ?? null;
}
