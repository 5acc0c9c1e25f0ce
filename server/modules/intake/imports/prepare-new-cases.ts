import { randomUUID } from 'node:crypto';
import type { CaseCandidate } from '../mapping/map-row';
import type { BatchDeadlineResult } from './batch-deadlines';
import type { NewCaseDecision } from './classify-new-cases';
import type { NewCasesPlan } from './plan-new-cases';
import { col, prepareRowset, type PreparedRowset, type RowsetColumn } from './rowset';
import type { BatchContext } from './write-batch';
import { auditColumns } from './audit-columns';

/** A new case of a chunk: its row, its id (made here), the year its number is counted in, its deadlines and intake decision. */
export interface NewCase {
  c: CaseCandidate;
  id: string;
  year: number;
  d: BatchDeadlineResult;
  dec: NewCaseDecision | undefined;
}

/**
 * The new cases of a plan as their statements' rows, all but the case numbers (reserved inside the
 * transaction and joined in row order): on PostgreSQL they are prepared while the previous chunk is
 * written, so turning thousands of rows into JSON is not on the way of the database.
 */
export interface PreparedNewCases {
  plan: NewCasesPlan;
  list: NewCase[];
  cases: PreparedRowset;
  applicants: PreparedRowset | null;
  suggestions: PreparedRowset | null;
  /** The audit rows: `after` without the number (added by the statement). */
  audit: PreparedRowset;
}

export async function prepareNewCases(ctx: BatchContext, plan: NewCasesPlan, pause?: () => Promise<void>): Promise<PreparedNewCases> {
  const list = [...plan.fresh.values()].map((c): NewCase => ({ c, id: randomUUID(), year: Number(ctx.deadlines.zone.localDay(c.receivedAt).slice(0, 4)), d: c.deadlines!, dec: plan.decisions.get(c) }));
  return { plan, list, ...(await newCaseRows(ctx, list, pause)) };
}

/** The rows of the four statements for these new cases. */
export async function newCaseRows(ctx: BatchContext, list: NewCase[], pause?: () => Promise<void>): Promise<Omit<PreparedNewCases, 'plan' | 'list'>> {
  const withApplicant = list.filter((r) => r.c.applicant);
  const suggested = suggestionColumns(ctx.tenantId, list);
  return {
    cases: await prepareRowset(caseColumns(ctx, list), pause),
    applicants: withApplicant.length ? await prepareRowset(applicantColumns(ctx.tenantId, withApplicant), pause) : null,
    suggestions: suggested ? await prepareRowset(suggested, pause) : null,
    audit: await prepareRowset(newCaseAudit(ctx, list), pause),
  };
}

/** The columns of `cases` a new imported case fills, as createCase fills them (the number is joined later). */
function caseColumns(ctx: BatchContext, list: NewCase[]): RowsetColumn[] {
  const pick = <T>(f: (r: NewCase) => T) => list.map(f);
  const registered = ctx.status === 'registered';
  return [
    col('id', 'uuid', pick((r) => r.id)),
    col('tenant_id', 'uuid', pick(() => ctx.tenantId)),
    col('regime', 'text', pick((r) => r.c.regime)),
    col('channel', 'text', pick(() => ctx.channel)),
    col('source_id', 'text', pick((r) => r.c.sourceId)),
    col('source_url', 'text', pick((r) => r.c.sourceUrl)),
    col('received_at', 'timestamptz', pick((r) => r.c.receivedAt)),
    col('registered_at', 'timestamptz', pick((r) => r.dec?.route?.registeredAt ?? (registered ? r.c.receivedAt : null))),
    col('status', 'text', pick((r) => r.dec?.route?.status ?? ctx.status)),
    col('recipient_id', 'uuid', pick((r) => r.dec?.route?.recipientId ?? null)),
    col('routing_reason', 'text', pick((r) => r.dec?.route?.reason ?? null)),
    col('auto_routed', 'bool', pick((r) => Boolean(r.dec?.route))),
    col('text', 'text', pick((r) => r.c.text)),
    col('topic_id', 'uuid', pick((r) => r.c.topicId)),
    col('subtopic_id', 'uuid', pick((r) => r.c.subtopicId)),
    col('settlement_id', 'uuid', pick((r) => r.c.settlementId)),
    col('locality_id', 'uuid', pick((r) => r.c.localityId)),
    col('address', 'text', pick((r) => r.c.address)),
    col('lat', 'float8', pick((r) => r.c.lat)),
    col('lon', 'float8', pick((r) => r.c.lon)),
    col('fast_track', 'bool', pick((r) => r.c.fastTrack)),
    col('registration_due', 'timestamptz', pick((r) => r.d.registrationDue)),
    col('forwarding_due', 'timestamptz', pick((r) => r.d.forwardingDue)),
    col('interim_due', 'timestamptz', pick((r) => r.d.interimDue)),
    col('answer_due', 'timestamptz', pick((r) => r.d.answerDue)),
    col('answer_at_risk_from', 'timestamptz', pick((r) => r.d.answerAtRiskFrom)),
    col('answer_due_original', 'timestamptz', pick((r) => r.d.answerDue)),
    col('fast_track_due', 'timestamptz', pick((r) => r.d.fastTrackDue)),
    col('rating', 'int2', pick((r) => r.c.rating)),
    col('rated_at', 'timestamptz', pick((r) => (r.c.rating === null ? null : ctx.now))),
    col('external_status', 'text', pick((r) => r.c.externalStatus)),
  ];
}

function applicantColumns(tenantId: string, list: NewCase[]): RowsetColumn[] {
  const a = (f: (x: NonNullable<CaseCandidate['applicant']>) => string | null) => list.map((r) => f(r.c.applicant!));
  return [
    col('case_id', 'uuid', list.map((r) => r.id)),
    col('tenant_id', 'uuid', list.map(() => tenantId)),
    col('full_name', 'text', a((x) => x.fullName)),
    col('email', 'text', a((x) => x.email)),
    col('phone', 'text', a((x) => x.phone)),
    col('social_profile', 'text', a((x) => x.socialProfile)),
  ];
}

/** The suggestions made at intake, kept so a later change by staff is recorded as a correction (as rememberSuggestion); null: none. */
function suggestionColumns(tenantId: string, list: NewCase[]): RowsetColumn[] | null {
  const rows = list
    .filter((r) => r.dec)
    .map((r) => ({ caseId: r.id, topic: r.dec!.kept.topic, rec: r.dec!.kept.route }))
    .filter((r) => r.topic || r.rec);
  if (!rows.length) return null;
  return [
    col('tenant_id', 'uuid', rows.map(() => tenantId)),
    col('case_id', 'uuid', rows.map((r) => r.caseId)),
    col('topic_label', 'text', rows.map((r) => (r.topic ? (r.topic.subtopicId ?? r.topic.topicId) : null))),
    col('topic_p', 'float8', rows.map((r) => r.topic?.p ?? null)),
    col('recipient_label', 'text', rows.map((r) => r.rec?.recipientId ?? null)),
    col('recipient_p', 'float8', rows.map((r) => r.rec?.p ?? null)),
    col('source', 'text', rows.map((r) => r.rec?.source ?? r.topic?.source ?? 'правило')),
  ];
}

/** The audit rows of the new cases (receive or register), as createCase writes them; the number is added by the statement. */
function newCaseAudit(ctx: BatchContext, list: NewCase[]): RowsetColumn[] {
  return auditColumns(
    ctx,
    list.map((r) => {
      const status = r.dec?.route?.status ?? ctx.status;
      const route = r.dec?.route ? { recipientId: r.dec.route.recipientId, routingReason: r.dec.route.reason, autoRouted: true } : {};
      const after = { status, regime: r.c.regime, channel: ctx.channel, sourceId: r.c.sourceId, receivedAt: r.c.receivedAt, answerDue: r.d.answerDue, topicId: r.c.topicId, subtopicId: r.c.subtopicId, ...route, importJobId: ctx.jobId, rowNumber: r.c.rowNumber };
      return { action: status === 'received' ? 'receive' : 'register', caseId: r.id, before: null, after };
    }),
  );
}
