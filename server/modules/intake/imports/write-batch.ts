import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import { rows } from '../../../db/rows';
import type { Actor } from '../../../http/actor';
import type { CaseCandidate } from '../mapping/map-row';
import type { BatchDeadlines } from './batch-deadlines';
import { col, insertRowset, rowset } from './rowset';
import type { Warnings } from './warnings';
import { changes, ms, ownedOf, type Existing, type Owned } from './owned-fields';
import type { TenantClassifier } from '../../classify/tenant-classifier';
import { planFor, planNewCases, type NewCasesPlan } from './plan-new-cases';
import { prepareNewCases, type PreparedNewCases } from './prepare-new-cases';
import { insertNewCases } from './insert-new-cases';
import { auditColumns, type CaseAudit } from './audit-columns';

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
 * (as planned, and their rows prepared, ahead when that plan covers the chunk's new keys, else
 * planned here; numbers reserved for the chunk), their applicants, suggestions and audit rows;
 * changed owned fields of cases imported before, each with an audit row; bad rows to the
 * quarantine. The key (tenant, channel, source id) makes a replayed chunk harmless.
 */
export async function writeBatch(tx: Tx, ctx: BatchContext, good: CaseCandidate[], bad: BadRow[], warnings: Warnings, planned?: NewCasesPlan, prepared?: PreparedNewCases): Promise<BatchOutcome> {
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
  // New keys: planned before the transaction when that plan covers them, else planned here.
  const newKeys = new Set(keys.filter((k) => !existing.has(k)));
  const plan = planFor(planned, newKeys) ?? (await planNewCases(ctx, good, (k) => newKeys.has(k)));
  out.inserted = plan.fresh.size;
  for (const r of plan.repeats.values()) {
    out.updated += r.updated;
    out.unchanged += r.unchanged;
  }
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
  const inserted = await insertNewCases(tx, ctx, prepared?.plan === plan ? prepared : await prepareNewCases(ctx, plan), warnings);
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

async function audit(tx: Tx, ctx: BatchContext, list: CaseAudit[]) {
  if (!list.length) return;
  await tx.execute(insertRowset('audit_events', auditColumns(ctx, list)));
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
