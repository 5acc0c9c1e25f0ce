import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import { rows } from '../../../db/rows';
import type { Actor } from '../../../http/actor';
import { formatCaseNumber, reserveCaseNumbers } from '../../cases/next-case-number';
import type { CaseCandidate } from '../mapping/map-row';
import type { BatchDeadlineResult, BatchDeadlines } from './batch-deadlines';
import { col, insertRowset, rowset, type RowsetColumn } from './rowset';
import { addWarning, type Warnings } from './warnings';
import { changes, ms, ownedOf, type Existing, type Owned } from './owned-fields';
import type { TenantClassifier } from '../../classify/tenant-classifier';
import { rememberSuggestions, type NewCaseDecision } from './classify-new-cases';
import { planHolds, planNewCases, type NewCasesPlan } from './plan-new-cases';

export interface BatchContext {
  tenantId: string;
  channel: string;
  jobId: string;
  actor: Actor;
  /** Status of a new case: received (staff register it) or registered at receipt. */
  status: 'received' | 'registered';
  deadlines: BatchDeadlines;
  now: Date;
  /** The tenant's classifier: new cases get a place, a topic and a route as in createCase (null: left as mapped). */
  classifier: TenantClassifier | null;
  /** Whether a topic is a fast-track one (a topic filled by the classifier sets the flag as in createCase). */
  topicPriority: (topicId: string) => boolean;
}

export interface BadRow {
  rowNumber: number;
  values: Record<string, string>;
  reason: string;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** Case id of every good row (new or existing). */
  caseIds: Map<number, string>;
}

/**
 * Writes one chunk of rows in the caller's transaction, with multi-row statements only: new cases
 * (as planned ahead when the plan's new keys are the chunk's, else planned here; numbers reserved
 * for the chunk), their applicants, suggestions and audit rows;
 * changed owned fields of cases imported before, each with an audit row; bad rows to the
 * quarantine. The key (tenant, channel, source id) makes a replayed chunk harmless.
 */
export async function writeBatch(tx: Tx, ctx: BatchContext, good: CaseCandidate[], bad: BadRow[], warnings: Warnings, planned?: NewCasesPlan): Promise<BatchOutcome> {
  const out: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0, quarantined: bad.length, caseIds: new Map() };
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`intake:${ctx.tenantId}:${ctx.channel}`}))`);
  const keys = [...new Set(good.map((c) => c.sourceId))];
  const existing = new Map<string, Existing>();
  if (keys.length) {
    const found = await rows<Existing>(
      tx,
      sql`SELECT id, source_id, text, address, lat, lon, source_url, external_status, rating, answer_due_original, received_at, registered_at, regime, topic_id, subtopic_id, fast_track
          FROM cases WHERE tenant_id = ${ctx.tenantId} AND channel = ${ctx.channel} AND source_id = ANY(${sql.param(keys)}::text[])`,
    );
    for (const e of found) existing.set(e.source_id, e);
  }
  // New keys: planned before the transaction when they were predicted right, else planned here.
  const newKeys = new Set(keys.filter((k) => !existing.has(k)));
  const plan = planHolds(planned, newKeys) ? planned : await planNewCases(ctx, good, (k) => newKeys.has(k));
  out.inserted = plan.fresh.size;
  out.updated = plan.updated;
  out.unchanged = plan.unchanged;
  // Known keys, rows in file order: each changed owned field updates the case.
  const updates = new Map<string, { e: Existing; cur: Owned; before: Owned }>();
  for (const c of good) {
    const e = existing.get(c.sourceId);
    if (!e) continue;
    const target = updates.get(c.sourceId) ?? { e, cur: ownedOf(e), before: ownedOf(e) };
    const diff = changes(target.cur, c);
    if (Object.keys(diff).length === 0) {
      out.unchanged++;
      continue;
    }
    out.updated++;
    Object.assign(target.cur, diff);
    updates.set(c.sourceId, target);
  }
  const inserted = await insertCases(tx, ctx, [...plan.fresh.values()], plan.decisions, warnings);
  for (const c of good) {
    const id = inserted.get(c.sourceId) ?? existing.get(c.sourceId)?.id;
    if (id) out.caseIds.set(c.rowNumber, id);
  }
  // A key another writer took meanwhile (a staff registration with the same source id) stays theirs.
  const lost = plan.fresh.size - inserted.size;
  out.inserted -= lost;
  out.unchanged += lost;
  await updateCases(tx, ctx, [...updates.values()]);
  await quarantine(tx, ctx, bad);
  return out;
}

interface NewCase {
  c: CaseCandidate;
  id: string;
  number: string;
  d: BatchDeadlineResult;
  dec: NewCaseDecision | undefined;
}

/** Numbers of the new cases (reserved for the chunk, per year of receipt), with their planned deadlines. */
async function numberNewCases(tx: Tx, ctx: BatchContext, list: CaseCandidate[], decisions: Map<CaseCandidate, NewCaseDecision>, warnings: Warnings): Promise<NewCase[]> {
  const years = list.map((c) => Number(ctx.deadlines.zone.localDay(c.receivedAt).slice(0, 4)));
  const next = new Map<number, number>();
  for (const y of [...new Set(years)].sort()) next.set(y, await reserveCaseNumbers(tx, ctx.tenantId, y, years.filter((x) => x === y).length));
  return list.map((c, i) => {
    const seq = next.get(years[i])!;
    next.set(years[i], seq + 1);
    const d = c.deadlines!;
    for (const y of d.missingYears) addWarning(warnings, `calendar:${y}`, `Нет производственного календаря на ${y} год: сроки по правилам не рассчитаны`, c.rowNumber);
    return { c, id: randomUUID(), number: formatCaseNumber(years[i], seq), d, dec: decisions.get(c) };
  });
}

/** The columns of `cases` a new imported case fills, as createCase fills them. */
function caseColumns(ctx: BatchContext, list: NewCase[]): RowsetColumn[] {
  const pick = <T>(f: (r: NewCase) => T) => list.map(f);
  const registered = ctx.status === 'registered';
  return [
    col('id', 'uuid', pick((r) => r.id)),
    col('tenant_id', 'uuid', pick(() => ctx.tenantId)),
    col('number', 'text', pick((r) => r.number)),
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

async function insertCases(tx: Tx, ctx: BatchContext, list: CaseCandidate[], decisions: Map<CaseCandidate, NewCaseDecision>, warnings: Warnings): Promise<Map<string, string>> {
  if (!list.length) return new Map();
  const fresh = await numberNewCases(tx, ctx, list, decisions, warnings);
  const done = await insertCaseRows(tx, ctx, fresh);
  const withApplicant = done.filter((r) => r.c.applicant);
  if (withApplicant.length) {
    const a = (f: (x: NonNullable<CaseCandidate['applicant']>) => string | null) => withApplicant.map((r) => f(r.c.applicant!));
    await tx.execute(
      insertRowset('case_applicants', [
        col('case_id', 'uuid', withApplicant.map((r) => r.id)),
        col('tenant_id', 'uuid', withApplicant.map(() => ctx.tenantId)),
        col('full_name', 'text', a((x) => x.fullName)),
        col('email', 'text', a((x) => x.email)),
        col('phone', 'text', a((x) => x.phone)),
        col('social_profile', 'text', a((x) => x.socialProfile)),
      ]),
    );
  }
  await rememberSuggestions(tx, ctx.tenantId, done.filter((r) => r.dec).map((r) => ({ caseId: r.id, d: r.dec! })));
  await audit(
    tx,
    ctx,
    done.map((r) => {
      const status = r.dec?.route?.status ?? ctx.status;
      const route = r.dec?.route ? { recipientId: r.dec.route.recipientId, routingReason: r.dec.route.reason, autoRouted: true } : {};
      return {
        action: status === 'received' ? 'receive' : 'register',
        caseId: r.id,
        before: null,
        after: { number: r.number, status, regime: r.c.regime, channel: ctx.channel, sourceId: r.c.sourceId, receivedAt: r.c.receivedAt, answerDue: r.d.answerDue, topicId: r.c.topicId, subtopicId: r.c.subtopicId, ...route, importJobId: ctx.jobId, rowNumber: r.c.rowNumber },
      };
    }),
  );
  return new Map(done.map((r) => [r.c.sourceId, r.id]));
}

/**
 * The rows of the new cases in `cases`, and which of them went in. None of their keys was there
 * when read under the intake lock, so a plain INSERT (in a savepoint) nearly always succeeds; only
 * when another writer took a key meanwhile (a staff registration with the same source id) is it
 * repeated with ON CONFLICT DO NOTHING RETURNING id, which would cost every chunk ~40 % more
 * database time (measured on PGlite and PostgreSQL).
 */
async function insertCaseRows(tx: Tx, ctx: BatchContext, fresh: NewCase[]): Promise<NewCase[]> {
  const columns = caseColumns(ctx, fresh);
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(insertRowset('cases', columns));
    });
    return fresh;
  } catch (e) {
    if (!keyTaken(e)) throw e;
  }
  const inserted = await rows<{ id: string }>(tx, insertRowset('cases', columns, sql`ON CONFLICT (tenant_id, channel, source_id) DO NOTHING RETURNING id`));
  const ok = new Set(inserted.map((r) => r.id));
  return fresh.filter((r) => ok.has(r.id));
}

/** A unique violation of the import key (also when Drizzle wraps the driver's error). */
function keyTaken(err: unknown): boolean {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return e.constraint === 'cases_tenant_source_uq';
  }
  return false;
}

async function updateCases(tx: Tx, ctx: BatchContext, list: { e: Existing; cur: Owned; before: Owned }[]) {
  if (!list.length) return;
  const risk = list.map(({ e, cur, before }) => {
    if (!cur.fileDue || ms(cur.fileDue) === ms(before.fileDue)) return null;
    const registeredAt = e.registered_at ? new Date(e.registered_at) : null;
    const key = { regime: e.regime, channel: ctx.channel, topicId: e.subtopic_id ?? e.topic_id, parentTopicId: e.topic_id, fastTrack: e.fast_track };
    return ctx.deadlines.compute(key, new Date(e.received_at), registeredAt, cur.fileDue).answerAtRiskFrom;
  });
  await tx.execute(sql`
    UPDATE cases c SET
      text = u.text, address = u.address, lat = u.lat, lon = u.lon, source_url = u.source_url, external_status = u.external_status,
      rated_at = CASE WHEN u.rating IS DISTINCT FROM c.rating THEN ${ctx.now.toISOString()}::timestamptz ELSE c.rated_at END,
      rating = u.rating,
      answer_due = CASE WHEN u.due_changed THEN u.due ELSE c.answer_due END,
      answer_due_original = CASE WHEN u.due_changed THEN u.due ELSE c.answer_due_original END,
      answer_at_risk_from = CASE WHEN u.due_changed THEN u.risk ELSE c.answer_at_risk_from END,
      version = c.version + 1, updated_at = now()
    FROM ${rowset([
      col('id', 'uuid', list.map((x) => x.e.id)),
      col('text', 'text', list.map((x) => x.cur.text)),
      col('address', 'text', list.map((x) => x.cur.address)),
      col('lat', 'float8', list.map((x) => x.cur.lat)),
      col('lon', 'float8', list.map((x) => x.cur.lon)),
      col('source_url', 'text', list.map((x) => x.cur.sourceUrl)),
      col('external_status', 'text', list.map((x) => x.cur.externalStatus)),
      col('rating', 'int2', list.map((x) => x.cur.rating)),
      col('due', 'timestamptz', list.map((x) => x.cur.fileDue)),
      col('due_changed', 'bool', list.map((x) => ms(x.cur.fileDue) !== ms(x.before.fileDue))),
      col('risk', 'timestamptz', risk),
    ])}
    WHERE c.id = u.id`);
  await audit(
    tx,
    ctx,
    list.map(({ e, cur, before }) => {
      const diff = changes(before, cur);
      const pickOf = (o: Owned) => Object.fromEntries(Object.keys(diff).map((k) => [k === 'fileDue' ? 'answerDue' : k, k === 'text' ? '(текст изменён)' : o[k as keyof Owned]]));
      return { action: 'import_update', caseId: e.id, before: pickOf(before), after: { ...pickOf(cur), importJobId: ctx.jobId } };
    }),
  );
}

async function audit(tx: Tx, ctx: BatchContext, list: { action: string; caseId: string; before: unknown; after: unknown }[]) {
  if (!list.length) return;
  await tx.execute(
    insertRowset('audit_events', [
      col('tenant_id', 'uuid', list.map(() => ctx.tenantId)),
      col('actor_user_id', 'uuid', list.map(() => ctx.actor.userId)),
      col('action', 'text', list.map((x) => x.action)),
      col('entity', 'text', list.map(() => 'case')),
      col('entity_id', 'text', list.map((x) => x.caseId)),
      col('before', 'jsonb', list.map((x) => x.before)),
      col('after', 'jsonb', list.map((x) => x.after)),
      col('request_id', 'text', list.map(() => ctx.actor.requestId)),
    ]),
  );
}

async function quarantine(tx: Tx, ctx: BatchContext, bad: BadRow[]) {
  if (!bad.length) return;
  await tx.execute(
    insertRowset(
      'import_quarantine',
      [
        col('tenant_id', 'uuid', bad.map(() => ctx.tenantId)),
        col('job_id', 'uuid', bad.map(() => ctx.jobId)),
        col('row_number', 'int4', bad.map((b) => b.rowNumber)),
        col('values', 'jsonb', bad.map((b) => b.values)),
        col('reason', 'text', bad.map((b) => b.reason)),
      ],
      sql`ON CONFLICT (job_id, row_number) DO UPDATE SET values = excluded.values, reason = excluded.reason, state = 'open', updated_at = now()`,
    ),
  );
}

/** `least`/`greatest` of the job's receipt period with the good rows of a chunk (NULLs are ignored by both). */
export function receivedRange(good: CaseCandidate[]) {
  if (!good.length) return {};
  let min = good[0].receivedAt.getTime();
  let max = min;
  for (const c of good) {
    const t = c.receivedAt.getTime();
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return {
    receivedFrom: sql`least(received_from, ${new Date(min).toISOString()}::timestamptz)`,
    receivedTo: sql`greatest(received_to, ${new Date(max).toISOString()}::timestamptz)`,
  };
}
