import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../http/actor';
import type { RegisterQuery } from '../../../domain/cases/register-query';
import { OPEN_STATUSES } from '../../../domain/cases/status';
import { zonedTimeToUtc, addDaysIso } from '../../../domain/deadlines';
import { caseScope } from './case-scope';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(','));
const COUNT_CAP = 10000;

/** A topic filter resolved to its level: a topic, or a sub-topic with its parent topic. */
export interface TopicFilter {
  topicId: string;
  subtopicId: string | null;
}

/**
 * The register's topic filter may name a topic or a sub-topic. Resolving which one it is lets the
 * query use plain equality on (topic_id[, subtopic_id]) and the (tenant, topic, settlement,
 * received) index, instead of an OR that forces a scan.
 */
export async function resolveTopicFilter(database: Database, tenantId: string, id: string | undefined): Promise<TopicFilter | null> {
  if (!id) return null;
  const [t] = await rows<{ parent_id: string | null }>(database.db, sql`SELECT parent_id FROM topics WHERE id = ${id} AND tenant_id = ${tenantId}`);
  if (!t) return { topicId: id, subtopicId: null };
  return t.parent_id ? { topicId: t.parent_id, subtopicId: id } : { topicId: id, subtopicId: null };
}

/** SQL conditions of the register's filters (shared by the list, the export and the counts). */
export function registerWhere(actor: Actor, q: RegisterQuery, now: Date, timeZone: string, topic: TopicFilter | null = null): SQL {
  const w: SQL[] = [caseScope(actor)];
  if (q.q) {
    const term = q.q.trim();
    w.push(/^\d{4}-\d{1,6}$/.test(term) ? sql`c.number = ${term.replace(/-(\d+)$/, (_m, n: string) => '-' + n.padStart(6, '0'))}` : sql`c.search @@ websearch_to_tsquery('russian', ${term})`);
  }
  if (q.status?.length) w.push(sql`c.status IN (${sql.join(q.status.map((s) => sql`${s}`), sql`, `)})`);
  if (q.deadline === 'overdue') w.push(sql`c.status IN (${OPEN}) AND c.paused_since IS NULL AND c.answer_due < ${now}`);
  if (q.deadline === 'at_risk') w.push(sql`c.status IN (${OPEN}) AND c.paused_since IS NULL AND c.answer_at_risk_from <= ${now} AND c.answer_due >= ${now}`);
  if (q.deadline === 'on_time') w.push(sql`c.status IN (${OPEN}) AND (c.answer_due IS NULL OR c.answer_at_risk_from > ${now})`);
  if (q.deadline === 'late') w.push(sql`c.answered_at > c.answer_due`);
  if (q.deadline === 'paused') w.push(sql`c.paused_since IS NOT NULL`);
  if (q.regime) w.push(sql`c.regime = ${q.regime}`);
  if (q.channel) w.push(sql`c.channel = ${q.channel}`);
  if (q.blockId) w.push(sql`c.topic_id IN (SELECT id FROM topics WHERE block_id = ${q.blockId})`);
  if (topic) w.push(topic.subtopicId ? sql`c.topic_id = ${topic.topicId} AND c.subtopic_id = ${topic.subtopicId}` : sql`c.topic_id = ${topic.topicId}`);
  if (q.settlementId) w.push(sql`c.settlement_id = ${q.settlementId}`);
  if (q.localityId) w.push(sql`c.locality_id = ${q.localityId}`);
  if (q.recipientId) w.push(sql`c.recipient_id = ${q.recipientId}`);
  if (q.executorId) w.push(sql`c.executor_id = ${q.executorId === 'me' ? actor.userId : q.executorId}`);
  if (q.priority) w.push(sql`c.priority = ${q.priority}`);
  if (q.fastTrack) w.push(sql`c.fast_track = ${q.fastTrack === '1'}`);
  if (q.rating === 'low') w.push(sql`c.rating <= 3`);
  if (q.rating === 'high') w.push(sql`c.rating >= 4`);
  if (q.rating === 'none') w.push(sql`c.rating IS NULL`);
  if (q.from) w.push(sql`c.received_at >= ${zonedTimeToUtc(q.from, '00:00', timeZone)}`);
  if (q.to) w.push(sql`c.received_at < ${zonedTimeToUtc(addDaysIso(q.to, 1), '00:00', timeZone)}`);
  return sql.join(w, sql` AND `);
}

const ORDER: Record<RegisterQuery['sort'], SQL> = {
  // NULLS LAST as in the indexes (Drizzle's .desc() builds DESC NULLS LAST), so the planner can
  // read the first page straight from the index instead of sorting every matching row.
  received_desc: sql`c.received_at DESC NULLS LAST, c.id DESC NULLS LAST`,
  received_asc: sql`c.received_at ASC, c.id ASC`,
  due_asc: sql`c.answer_due ASC NULLS LAST, c.id ASC`,
  updated_desc: sql`c.updated_at DESC NULLS LAST, c.id DESC NULLS LAST`,
};

/**
 * One page of the register. Keyset paging on the default order (stays fast at any depth), a
 * plain offset for the other orders; the total is counted up to 10 000 («более 10 000»).
 */
export async function listCases(database: Database, actor: Actor, q: RegisterQuery, now: Date, timeZone: string) {
  const where = registerWhere(actor, q, now, timeZone, await resolveTopicFilter(database, actor.tenantId, q.topicId));
  let page: SQL = sql``;
  let offset = 0;
  if (q.cursor && q.sort === 'received_desc') {
    const [at, id] = Buffer.from(q.cursor, 'base64url').toString().split('|');
    const after = new Date(at);
    if (Number.isNaN(after.getTime()) || !UUID.test(id ?? '')) throw new AppError('validation', 'Курсор: неверное значение, обновите список', { cursor: 'Неверное значение' });
    page = sql` AND (c.received_at, c.id) < (${after}, ${id}::uuid)`;
  } else if (q.cursor) {
    offset = Math.max(0, Number.parseInt(q.cursor, 10) || 0);
  }
  // With a full-text term and a topic/territory/recipient filter the planner tends to walk the
  // date (or topic) index and test every row's text, because it cannot see that they rarely meet (1.9 s on 1 M cases
  // for a word absent from the cell). Matching first through the GIN index, materialised, then
  // ordering the hits keeps a search bounded by the number of hits.
  // Only with another narrowing filter: a term alone keeps the ordered walk of the date index, which
  // finds a page of a common word at once (materialising its 100 000 hits took seconds).
  const narrowed = Boolean(q.topicId || q.blockId || q.settlementId || q.localityId || q.recipientId || q.executorId);
  const textSearch = narrowed && Boolean(q.q && !/^\d{4}-\d{1,6}$/.test(q.q.trim()));
  const source = textSearch
    ? sql`(WITH hits AS MATERIALIZED (SELECT c.id, c.received_at, c.answer_due, c.updated_at FROM cases c WHERE ${where}${page}),
            top AS (SELECT c.id FROM hits c ORDER BY ${ORDER[q.sort]} LIMIT ${q.limit + 1} OFFSET ${offset})
           SELECT c.* FROM top JOIN cases c ON c.id = top.id) c`
    : sql`cases c`;
  const filter = textSearch ? sql`TRUE` : sql`${where}${page}`;
  if (textSearch) offset = 0;
  const found = await rows(
    database.db,
    sql`
    SELECT c.id, c.number, c.received_at, c.regime, c.channel, c.status, left(c.text, 240) AS text,
           c.topic_id, c.subtopic_id, c.settlement_id, c.locality_id, c.recipient_id, c.executor_id,
           c.answer_due, c.answer_at_risk_from, c.answered_at, c.paused_since, c.rating, c.fast_track, c.priority, c.address,
           t.name AS topic_name, st.name AS subtopic_name, s.name AS settlement_name, r.name AS recipient_name, u.full_name AS executor_name
    FROM ${source}
    LEFT JOIN topics t ON t.id = c.topic_id
    LEFT JOIN topics st ON st.id = c.subtopic_id
    LEFT JOIN settlements s ON s.id = c.settlement_id
    LEFT JOIN recipients r ON r.id = c.recipient_id
    LEFT JOIN users u ON u.id = c.executor_id
    WHERE ${filter}
    ORDER BY ${ORDER[q.sort]}
    LIMIT ${q.limit + 1} OFFSET ${offset}`,
  );
  const more = found.length > q.limit;
  const items = found.slice(0, q.limit).map((r) => presentRow(r, now));
  const last = items[items.length - 1];
  const nextCursor = !more ? null : q.sort === 'received_desc' ? Buffer.from(`${last.receivedAt}|${last.id}`).toString('base64url') : String(offset + q.limit);
  return { items, nextCursor };
}

/** How many cases match, counted up to the cap. */
export async function countCases(database: Database, actor: Actor, q: RegisterQuery, now: Date, timeZone: string) {
  const where = registerWhere(actor, q, now, timeZone, await resolveTopicFilter(database, actor.tenantId, q.topicId));
  const [res] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c WHERE ${where} LIMIT ${COUNT_CAP + 1}) x`);
  const n = Number(res.n);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

function presentRow(r: Record<string, unknown>, now: Date) {
  const due = r.answer_due ? new Date(r.answer_due as string) : null;
  const riskFrom = r.answer_at_risk_from ? new Date(r.answer_at_risk_from as string) : null;
  const open = (OPEN_STATUSES as readonly string[]).includes(r.status as string);
  const deadlineState = !open || !due ? null : r.paused_since ? 'paused' : now > due ? 'overdue' : riskFrom && now >= riskFrom ? 'at_risk' : 'on_time';
  return {
    id: r.id as string,
    number: r.number as string,
    receivedAt: new Date(r.received_at as string).toISOString(),
    regime: r.regime as string,
    channel: r.channel as string,
    status: r.status as string,
    text: r.text as string,
    address: (r.address as string) ?? null,
    topicName: (r.topic_name as string) ?? null,
    subtopicName: (r.subtopic_name as string) ?? null,
    settlementName: (r.settlement_name as string) ?? null,
    recipientId: (r.recipient_id as string) ?? null,
    recipientName: (r.recipient_name as string) ?? null,
    executorName: (r.executor_name as string) ?? null,
    answerDue: due?.toISOString() ?? null,
    answeredAt: r.answered_at ? new Date(r.answered_at as string).toISOString() : null,
    deadlineState,
    rating: (r.rating as number) ?? null,
    fastTrack: Boolean(r.fast_track),
    priority: r.priority as string,
  };
}
