import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { aggregateRows } from './read';
import type { Period } from '../../../domain/analytics/period';
import { and, instants, receivedIn } from './filters';
import type { MunicipalView } from './scope';

/** What a signal is made of: counts in the week and the usual weekly level over the recent weeks. */
export interface Factor {
  key: string | null;
  name: string | null;
  count: number;
  /** Mean weekly count of this value in the cell over the recent weeks. */
  usual: number;
}

export interface SignalFactors {
  subtopics: Factor[];
  channels: Factor[];
  localities: Factor[];
  /** Streets without house numbers, only those with at least 2 cases in the week. */
  streets: Factor[];
}

const TOP = 5;
const MIN_STREET = 2;
/** The street part of «Каменский, ул. Школьная, д. 3»: everything before the house number. */
const STREET = sql`nullif(trim(regexp_replace(c.address, '[\\s,]+(д|дом|кв|корп|стр)\\.?\\s*\\d.*$', '', 'i')), '')`;

type Dim = keyof SignalFactors;
const DIMS: Record<Dim, { key: SQL; name: SQL; join: SQL }> = {
  subtopics: { key: sql`c.subtopic_id::text`, name: sql`st.name`, join: sql`LEFT JOIN topics st ON st.id = c.subtopic_id` },
  channels: { key: sql`c.channel`, name: sql`ch.name`, join: sql`LEFT JOIN channels ch ON ch.tenant_id = c.tenant_id AND ch.code = c.channel` },
  localities: { key: sql`c.locality_id::text`, name: sql`l.name`, join: sql`LEFT JOIN localities l ON l.id = c.locality_id` },
  streets: { key: STREET, name: STREET, join: sql`` },
};

/** Top sub-topics, channels, localities and streets of each signal cell, with their usual level. */
export async function signalFactors(db: Db, view: MunicipalView, conds: SQL[], week: Period, recent: Period[], cells: { topicId: string; settlementId: string }[]) {
  const out = new Map<string, SignalFactors>();
  if (!cells.length) return out;
  const pairs = sql.join(cells.map((c) => sql`(${c.topicId}::uuid, ${c.settlementId}::uuid)`), sql`, `);
  const weekStart = instants(week, view.timeZone).start;
  const where = and([view.scope, ...conds, receivedIn({ from: recent[0].from, to: week.to }, view.timeZone), sql`(c.topic_id, c.settlement_id) IN (${pairs})`]);
  const dims = Object.keys(DIMS) as Dim[];
  const results = await Promise.all(
    dims.map((d) =>
      aggregateRows<{ t: string; s: string; key: string | null; name: string | null; cur: number; base: number }>(
        db,
        sql`SELECT c.topic_id::text AS t, c.settlement_id::text AS s, ${DIMS[d].key} AS key, min(${DIMS[d].name}) AS name,
                   count(*) FILTER (WHERE c.received_at >= ${weekStart})::int AS cur,
                   count(*) FILTER (WHERE c.received_at < ${weekStart})::int AS base
            FROM cases c ${DIMS[d].join} WHERE ${where} GROUP BY 1, 2, 3`,
      ),
    ),
  );
  for (const c of cells) out.set(`${c.topicId}|${c.settlementId}`, { subtopics: [], channels: [], localities: [], streets: [] });
  dims.forEach((d, i) => {
    for (const r of results[i]) {
      if (r.cur === 0 || (d === 'streets' && (r.key === null || r.cur < MIN_STREET))) continue;
      out.get(`${r.t}|${r.s}`)?.[d].push({ key: r.key, name: d === 'channels' ? (r.name ?? r.key) : r.name, count: r.cur, usual: r.base / recent.length });
    }
  });
  for (const f of out.values()) for (const d of dims) f[d] = f[d].sort((a, b) => b.count - a.count || b.count - b.usual - (a.count - a.usual)).slice(0, TOP);
  return out;
}
