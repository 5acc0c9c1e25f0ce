import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { caseScope } from '../cases/case-scope';
import { receivedIn, resolveRange } from '../analytics/filters';
import { assertMunicipal, tenantToday } from './access';

/** Cases that broke the 30 days listed at most. */
const LISTED = 500;

/**
 * «Механизм ускоренного решения»: of the socially significant cases (fast_track) received in the
 * period, the share resolved (answered or closed) within 30 calendar days — by topic block and by
 * recipient — and the cases that broke it (answered late, or still open past the 30 days).
 * Cases still open within their 30 days are «в работе» and not in the share.
 */
export async function fastTrack(db: Db, actor: Actor, q: { from?: string; to?: string }, now: Date) {
  assertMunicipal(actor);
  const { timeZone } = await tenantToday(db, actor.tenantId, now);
  const range = resolveRange(q, now, timeZone, 90);
  const due = sql`coalesce(c.fast_track_due, c.received_at + interval '30 days')`;
  const done = sql`coalesce(c.answered_at, c.closed_at)`;
  const where = sql`${caseScope(actor)} AND c.fast_track AND ${receivedIn(range, timeZone)}`;
  const sums = sql`count(*)::int AS total,
                   count(*) FILTER (WHERE ${done} IS NOT NULL AND ${done} <= ${due})::int AS within,
                   count(*) FILTER (WHERE (${done} IS NOT NULL AND ${done} > ${due}) OR (${done} IS NULL AND ${due} < ${now}))::int AS broke`;
  type Sums = { g: number; key: string | null; name: string | null; total: number; within: number; broke: number };
  // One pass over the covering index: the total, by block and by recipient as grouping sets.
  const grouped = await rows<Sums>(
    db,
    sql`SELECT GROUPING(b.id, r.id)::int AS g, coalesce(b.id::text, r.id::text) AS key, coalesce(b.name, coalesce(r.short_name, r.name)) AS name, ${sums}
        FROM cases c LEFT JOIN topics t ON t.id = c.topic_id LEFT JOIN topic_blocks b ON b.id = t.block_id LEFT JOIN recipients r ON r.id = c.recipient_id
        WHERE ${where}
        GROUP BY GROUPING SETS ((), (b.id, b.name), (r.id, r.short_name, r.name))`,
  );
  const byName = (a: Sums, b: Sums) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'ru'));
  // GROUPING(b.id, r.id): 3 = the total, 1 = by block (r.id aggregated), 2 = by recipient.
  const all = grouped.find((x) => x.g === 3) ?? { g: 3, key: null, name: null, total: 0, within: 0, broke: 0 };
  const byBlock = grouped.filter((x) => x.g === 1).sort(byName);
  const byRecipient = grouped.filter((x) => x.g === 2).sort(byName);
  // The broken cases are found in the covering index first, then their numbers and names are joined.
  const broken = await rows<Record<string, unknown>>(
    db,
    sql`WITH late AS MATERIALIZED (
          SELECT c.id, ${due} AS due, ${done} AS done, c.status, c.topic_id, c.recipient_id FROM cases c
          WHERE ${where} AND ((${done} IS NOT NULL AND ${done} > ${due}) OR (${done} IS NULL AND ${due} < ${now}))
          ORDER BY 2 LIMIT ${LISTED})
        SELECT late.id, c.number, c.received_at, late.due, late.done, late.status, t.name AS topic, b.name AS block, coalesce(r.short_name, r.name) AS recipient
        FROM late JOIN cases c ON c.id = late.id LEFT JOIN topics t ON t.id = late.topic_id LEFT JOIN topic_blocks b ON b.id = t.block_id LEFT JOIN recipients r ON r.id = late.recipient_id
        ORDER BY late.due`,
  );
  const present = (s: Sums) => ({ key: s.key, name: s.name, total: s.total, within: s.within, broke: s.broke, pending: s.total - s.within - s.broke, share: s.within + s.broke ? s.within / (s.within + s.broke) : null });
  return {
    period: range,
    total: present(all),
    byBlock: byBlock.map(present),
    byRecipient: byRecipient.map(present),
    brokenListed: broken.length,
    broken: broken.map((c) => {
      const dueAt = new Date(c.due as string);
      const doneAt = c.done ? new Date(c.done as string) : null;
      return {
        id: c.id as string,
        number: c.number as string,
        receivedAt: new Date(c.received_at as string).toISOString(),
        dueAt: dueAt.toISOString(),
        resolvedAt: doneAt?.toISOString() ?? null,
        daysLate: Math.ceil(((doneAt ?? now).getTime() - dueAt.getTime()) / 864e5),
        status: c.status as string,
        topic: (c.topic as string | null) ?? null,
        block: (c.block as string | null) ?? null,
        recipient: (c.recipient as string | null) ?? null,
      };
    }),
    registerQuery: { from: range.from, to: range.to, fastTrack: '1' },
  };
}
