import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { addDaysIso, diffDaysIso } from '../../../domain/time/zoned';
import { weekPeriod } from '../../../domain/analytics/period';
import { caseScope } from '../cases/case-scope';
import { dayText, localWeek } from '../analytics/filters';
import { assertMunicipal, tenantToday } from './access';
import { effectOf } from './effect-of';
import { listMeasures } from './read-roadmaps';

const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString());

/** The problems list: counts of cases (all, last 7 days) and of measures (all, done, overdue). */
export async function listProblems(db: Db, actor: Actor, q: { status?: string; caseId?: string }, now: Date) {
  assertMunicipal(actor);
  const { today } = await tenantToday(db, actor.tenantId, now);
  const weekAgo = new Date(now.getTime() - 7 * 864e5);
  const found = await rows<Record<string, unknown>>(
    db,
    sql`SELECT p.id, p.title, p.status, p.source, p.topic_id, t.name AS topic, p.settlement_id, s.name AS settlement, p.created_at, p.updated_at, p.resolved_at,
               (SELECT count(*)::int FROM problem_cases pc WHERE pc.problem_id = p.id) AS cases,
               (SELECT count(*)::int FROM problem_cases pc JOIN cases c ON c.id = pc.case_id WHERE pc.problem_id = p.id AND c.received_at >= ${weekAgo}) AS cases_week,
               (SELECT count(*)::int FROM roadmap_measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE r.problem_id = p.id AND m.status <> 'cancelled') AS measures,
               (SELECT count(*)::int FROM roadmap_measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE r.problem_id = p.id AND m.status = 'done') AS measures_done,
               (SELECT count(*)::int FROM roadmap_measures m JOIN roadmaps r ON r.id = m.roadmap_id WHERE r.problem_id = p.id AND m.status IN ('planned','in_progress') AND m.due_on < ${today}) AS measures_overdue
        FROM problems p LEFT JOIN topics t ON t.id = p.topic_id LEFT JOIN settlements s ON s.id = p.settlement_id
        WHERE p.tenant_id = ${actor.tenantId}
          ${q.status ? sql`AND p.status = ${q.status}` : sql``}
          ${q.caseId ? sql`AND p.id IN (SELECT problem_id FROM problem_cases WHERE case_id = ${q.caseId})` : sql``}
        ORDER BY p.updated_at DESC`,
  );
  return {
    items: found.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      status: r.status as string,
      source: r.source as string,
      topic: r.topic_id ? { id: r.topic_id as string, name: r.topic as string } : null,
      settlement: r.settlement_id ? { id: r.settlement_id as string, name: r.settlement as string } : null,
      cases: r.cases as number,
      casesWeek: r.cases_week as number,
      measures: r.measures as number,
      measuresDone: r.measures_done as number,
      measuresOverdue: r.measures_overdue as number,
      createdAt: iso(r.created_at as string)!,
      updatedAt: iso(r.updated_at as string)!,
      resolvedAt: iso(r.resolved_at as string),
    })),
  };
}

const MAX_CASES = 500;

/**
 * The problem card: the problem, its cases (the latest 500), their weekly counts beside all cases
 * of the topic and territory, points on the map, its roadmaps' measures, the effect, practices, polls.
 */
export async function problemCard(db: Db, actor: Actor, id: string, now: Date) {
  assertMunicipal(actor);
  const { today, timeZone } = await tenantToday(db, actor.tenantId, now);
  const [p] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT p.*, t.name AS topic, t.block_id, s.name AS settlement, u.full_name AS created_by_name
        FROM problems p LEFT JOIN topics t ON t.id = p.topic_id LEFT JOIN settlements s ON s.id = p.settlement_id LEFT JOIN users u ON u.id = p.created_by
        WHERE p.id = ${id} AND p.tenant_id = ${actor.tenantId}`,
  );
  if (!p) throw new AppError('not_found', 'Проблема не найдена');
  const scope = caseScope(actor);
  const [total] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM problem_cases WHERE problem_id = ${id}`);
  const linked = await rows<Record<string, unknown>>(
    db,
    sql`SELECT c.id, c.number, c.received_at, c.status, c.channel, left(c.text, 160) AS excerpt, c.address, pc.added_at,
               coalesce(c.lat, l.lat) AS lat, coalesce(c.lon, l.lon) AS lon, (c.lat IS NOT NULL) AS exact
        FROM problem_cases pc JOIN cases c ON c.id = pc.case_id LEFT JOIN localities l ON l.id = c.locality_id
        WHERE pc.problem_id = ${id} AND ${scope}
        ORDER BY c.received_at DESC LIMIT ${MAX_CASES}`,
  );
  // Weekly: linked cases and all cases of the topic × territory, over the 26 weeks to this one.
  const thisWeek = weekPeriod(today);
  const from = addDaysIso(thisWeek.from, -25 * 7);
  const start = new Date(`${from}T00:00:00Z`);
  const weekOf = dayText(localWeek(timeZone));
  const subject = [p.topic_id ? sql`c.topic_id = ${p.topic_id as string}` : null, p.settlement_id ? sql`c.settlement_id = ${p.settlement_id as string}` : null].filter(Boolean);
  const [linkedWeeks, allWeeks] = await Promise.all([
    rows<{ wk: string; n: number }>(db, sql`SELECT ${weekOf} AS wk, count(*)::int AS n FROM problem_cases pc JOIN cases c ON c.id = pc.case_id WHERE pc.problem_id = ${id} AND ${scope} AND c.received_at >= ${new Date(start.getTime() - 864e5)} GROUP BY ${localWeek(timeZone)}`),
    subject.length
      ? rows<{ wk: string; n: number }>(db, sql`SELECT ${weekOf} AS wk, count(*)::int AS n FROM cases c WHERE ${scope} AND ${sql.join(subject as never[], sql` AND `)} AND c.received_at >= ${new Date(start.getTime() - 864e5)} GROUP BY ${localWeek(timeZone)}`)
      : Promise.resolve([]),
  ]);
  const lw = new Map(linkedWeeks.map((r) => [r.wk, r.n]));
  const aw = new Map(allWeeks.map((r) => [r.wk, r.n]));
  const weeks = Array.from({ length: 26 }, (_, i) => {
    const wkFrom = addDaysIso(from, i * 7);
    return { from: wkFrom, to: addDaysIso(wkFrom, 6), linked: lw.get(wkFrom) ?? 0, all: subject.length ? (aw.get(wkFrom) ?? 0) : null };
  });
  const measures = await listMeasures(db, actor, { problemId: id }, today);
  const firstDone = measures.filter((m) => m.status === 'done' && m.doneOn).map((m) => m.doneOn!).sort()[0] ?? null;
  const resolvedOn = p.resolved_at && p.status === 'resolved' ? new Date(p.resolved_at as string).toISOString().slice(0, 10) : null;
  const effectAt = firstDone ?? resolvedOn;
  const effect = effectAt && (p.topic_id || p.settlement_id)
    ? { basis: firstDone ? ('first_measure' as const) : ('resolved' as const), ...(await effectOf(db, scope, timeZone, { topicId: p.topic_id as string | null, blockId: null, settlementId: p.settlement_id as string | null }, effectAt, today)) }
    : null;
  const [practices, polls, roadmapsOf] = await Promise.all([
    rows<{ id: string; title: string; source: string | null }>(db, sql`SELECT pr.id, pr.title, pr.source FROM practice_links pl JOIN practices pr ON pr.id = pl.practice_id WHERE pl.problem_id = ${id} ORDER BY pr.title`),
    rows<{ id: string; title: string; kind: string; starts_on: string; ends_on: string }>(db, sql`SELECT id, title, kind, starts_on::text, ends_on::text FROM polls WHERE problem_id = ${id} ORDER BY starts_on DESC`),
    rows<{ id: string; title: string; approved_at: string | null }>(db, sql`SELECT id, title, approved_at FROM roadmaps WHERE problem_id = ${id} ORDER BY created_at`),
  ]);
  return {
    id: p.id as string,
    title: p.title as string,
    description: p.description as string,
    status: p.status as string,
    source: p.source as string,
    signalKey: p.signal_key as string | null,
    topic: p.topic_id ? { id: p.topic_id as string, name: p.topic as string, blockId: p.block_id as string | null } : null,
    settlement: p.settlement_id ? { id: p.settlement_id as string, name: p.settlement as string } : null,
    createdAt: iso(p.created_at as string)!,
    createdBy: (p.created_by_name as string | null) ?? null,
    resolvedAt: iso(p.resolved_at as string),
    today,
    casesTotal: total.n,
    cases: linked.map((c) => ({ id: c.id as string, number: c.number as string, receivedAt: iso(c.received_at as string)!, status: c.status as string, channel: c.channel as string, excerpt: c.excerpt as string, address: c.address as string | null, addedAt: iso(c.added_at as string)! })),
    points: linked.filter((c) => c.lat != null && c.lon != null).map((c) => ({ id: c.id as string, number: c.number as string, lat: Number(c.lat), lon: Number(c.lon), exact: Boolean(c.exact) })),
    weeks,
    roadmaps: roadmapsOf.map((r) => ({ id: r.id, title: r.title, approvedAt: iso(r.approved_at) })),
    measures,
    effect,
    practices,
    polls: polls.map((x) => ({ id: x.id, title: x.title, kind: x.kind, startsOn: x.starts_on, endsOn: x.ends_on })),
    ageDays: diffDaysIso(new Date(p.created_at as string).toISOString().slice(0, 10), today),
  };
}
