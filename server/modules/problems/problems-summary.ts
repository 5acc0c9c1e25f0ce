import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/rows';
import { addDaysIso, localDate } from '../../../domain/time/zoned';

/** The state of problems and roadmaps for a period, as the weekly note shows it (issue 8 reads it). */
export interface ProblemsSummary {
  /** Problems open at the end of the period. */
  open: number;
  createdInPeriod: number;
  resolvedInPeriod: number;
  problems: { id: string; title: string; status: string; territory: string | null; topic: string | null; casesInPeriod: number; casesTotal: number }[];
  measures: { total: number; done: number; overdue: number; dueNextWeek: number };
  overdueMeasures: { title: string; roadmap: string; responsible: string; dueOn: string }[];
}

/** At most this many problems are listed (the most cases in the period first). */
const LISTED = 20;

/**
 * Problems and roadmap measures of a municipality for the period [from, to) (`to` exclusive).
 * «Open at the end»: created before `to` and not resolved/rejected before `to`. Measures are
 * counted as they stand now (done or not); overdue: not done, cancelled excluded, deadline
 * (a local date) before the local date of `to`; due next week: deadline within the 7 days from it.
 */
export async function summariseProblems(db: Db, tenantId: string, from: Date, to: Date): Promise<ProblemsSummary> {
  const [tenant] = await rows<{ time_zone: string }>(db, sql`SELECT time_zone FROM tenants WHERE id = ${tenantId}`);
  const endDay = localDate(to, tenant?.time_zone ?? 'Europe/Moscow');
  const weekAfter = addDaysIso(endDay, 7);
  const openAtEnd = sql`p.created_at < ${to} AND (p.resolved_at IS NULL OR p.resolved_at >= ${to})`;
  const [counts] = await rows<{ open: number; created: number; resolved: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE ${openAtEnd})::int AS open,
               count(*) FILTER (WHERE p.created_at >= ${from} AND p.created_at < ${to})::int AS created,
               count(*) FILTER (WHERE p.status = 'resolved' AND p.resolved_at >= ${from} AND p.resolved_at < ${to})::int AS resolved
        FROM problems p WHERE p.tenant_id = ${tenantId}`,
  );
  const listed = await rows<{ id: string; title: string; status: string; territory: string | null; topic: string | null; in_period: number; total: number }>(
    db,
    sql`SELECT p.id, p.title, p.status, s.name AS territory, t.name AS topic,
               count(c.id) FILTER (WHERE c.received_at >= ${from} AND c.received_at < ${to})::int AS in_period,
               count(c.id) FILTER (WHERE c.received_at < ${to})::int AS total
        FROM problems p
        LEFT JOIN settlements s ON s.id = p.settlement_id
        LEFT JOIN topics t ON t.id = p.topic_id
        LEFT JOIN problem_cases pc ON pc.problem_id = p.id
        LEFT JOIN cases c ON c.id = pc.case_id
        WHERE p.tenant_id = ${tenantId}
          AND ((${openAtEnd}) OR (p.resolved_at >= ${from} AND p.resolved_at < ${to}))
        GROUP BY p.id, s.name, t.name
        ORDER BY in_period DESC, total DESC, p.created_at, p.id
        LIMIT ${LISTED}`,
  );
  const [m] = await rows<{ total: number; done: number; overdue: number; due_next: number }>(
    db,
    sql`SELECT count(*)::int AS total,
               count(*) FILTER (WHERE status = 'done')::int AS done,
               count(*) FILTER (WHERE status IN ('planned', 'in_progress') AND due_on < ${endDay})::int AS overdue,
               count(*) FILTER (WHERE status IN ('planned', 'in_progress') AND due_on >= ${endDay} AND due_on < ${weekAfter})::int AS due_next
        FROM roadmap_measures WHERE tenant_id = ${tenantId} AND status <> 'cancelled'`,
  );
  const overdue = await rows<{ title: string; roadmap: string; responsible: string; due_on: string }>(
    db,
    sql`SELECT m.title, r.title AS roadmap, u.full_name AS responsible, m.due_on::text AS due_on
        FROM roadmap_measures m JOIN roadmaps r ON r.id = m.roadmap_id JOIN users u ON u.id = m.responsible_id
        WHERE m.tenant_id = ${tenantId} AND m.status IN ('planned', 'in_progress') AND m.due_on < ${endDay}
        ORDER BY m.due_on, m.title`,
  );
  return {
    open: counts.open,
    createdInPeriod: counts.created,
    resolvedInPeriod: counts.resolved,
    problems: listed.map((p) => ({ id: p.id, title: p.title, status: p.status, territory: p.territory, topic: p.topic, casesInPeriod: p.in_period, casesTotal: p.total })),
    measures: { total: m.total, done: m.done, overdue: m.overdue, dueNextWeek: m.due_next },
    overdueMeasures: overdue.map((o) => ({ title: o.title, roadmap: o.roadmap, responsible: o.responsible, dueOn: o.due_on })),
  };
}
