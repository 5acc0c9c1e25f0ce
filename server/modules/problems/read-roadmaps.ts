import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { caseScope } from '../cases/case-scope';
import { assertMunicipal, tenantToday } from './access';
import { effectOf } from './effect-of';

const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString());

export interface MeasureRow {
  id: string;
  roadmapId: string;
  roadmap: string;
  title: string;
  description: string;
  dueOn: string;
  doneOn: string | null;
  status: string;
  overdue: boolean;
  responsible: { id: string; name: string };
  recipient: { id: string; name: string } | null;
  topic: { id: string; name: string } | null;
  settlement: { id: string; name: string } | null;
  notes: number;
  files: number;
}

/** Measures of a roadmap or of a problem's roadmaps; overdue: not done by its deadline. */
export async function listMeasures(db: Db, actor: Actor, by: { roadmapId?: string; problemId?: string }, today: string): Promise<MeasureRow[]> {
  const found = await rows<Record<string, unknown>>(
    db,
    sql`SELECT m.*, m.due_on::text AS due, m.done_on::text AS done, r.title AS roadmap, u.full_name AS responsible, rc.short_name, rc.name AS recipient, t.name AS topic, s.name AS settlement,
               (SELECT count(*)::int FROM measure_notes n WHERE n.measure_id = m.id) AS notes,
               (SELECT count(*)::int FROM measure_files f WHERE f.measure_id = m.id) AS files
        FROM roadmap_measures m JOIN roadmaps r ON r.id = m.roadmap_id JOIN users u ON u.id = m.responsible_id
        LEFT JOIN recipients rc ON rc.id = m.recipient_id LEFT JOIN topics t ON t.id = m.topic_id LEFT JOIN settlements s ON s.id = m.settlement_id
        WHERE m.tenant_id = ${actor.tenantId} AND ${by.roadmapId ? sql`m.roadmap_id = ${by.roadmapId}` : sql`r.problem_id = ${by.problemId!}`}
        ORDER BY m.due_on, m.created_at`,
  );
  return found.map((m) => ({
    id: m.id as string,
    roadmapId: m.roadmap_id as string,
    roadmap: m.roadmap as string,
    title: m.title as string,
    description: m.description as string,
    dueOn: m.due as string,
    doneOn: (m.done as string | null) ?? null,
    status: m.status as string,
    overdue: (m.status === 'planned' || m.status === 'in_progress') && (m.due as string) < today,
    responsible: { id: m.responsible_id as string, name: m.responsible as string },
    recipient: m.recipient_id ? { id: m.recipient_id as string, name: ((m.short_name as string | null) || (m.recipient as string)) } : null,
    topic: m.topic_id ? { id: m.topic_id as string, name: m.topic as string } : null,
    settlement: m.settlement_id ? { id: m.settlement_id as string, name: m.settlement as string } : null,
    notes: m.notes as number,
    files: m.files as number,
  }));
}

/** Roadmaps with their measure counts and approval. */
export async function listRoadmaps(db: Db, actor: Actor, now: Date) {
  assertMunicipal(actor);
  const { today } = await tenantToday(db, actor.tenantId, now);
  const found = await rows<Record<string, unknown>>(
    db,
    sql`SELECT r.id, r.title, r.block_id, b.name AS block, r.problem_id, p.title AS problem, r.approved_at, ua.full_name AS approved_by, r.created_at,
               count(m.id) FILTER (WHERE m.status <> 'cancelled')::int AS measures,
               count(m.id) FILTER (WHERE m.status = 'done')::int AS done,
               count(m.id) FILTER (WHERE m.status IN ('planned','in_progress') AND m.due_on < ${today})::int AS overdue,
               min(m.due_on) FILTER (WHERE m.status IN ('planned','in_progress'))::text AS next_due
        FROM roadmaps r LEFT JOIN topic_blocks b ON b.id = r.block_id LEFT JOIN problems p ON p.id = r.problem_id
        LEFT JOIN users ua ON ua.id = r.approved_by LEFT JOIN roadmap_measures m ON m.roadmap_id = r.id
        WHERE r.tenant_id = ${actor.tenantId}
        GROUP BY r.id, b.name, p.title, ua.full_name ORDER BY r.created_at DESC`,
  );
  return {
    items: found.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      block: r.block_id ? { id: r.block_id as string, name: r.block as string } : null,
      problem: r.problem_id ? { id: r.problem_id as string, title: r.problem as string } : null,
      approvedAt: iso(r.approved_at as string),
      approvedBy: (r.approved_by as string | null) ?? null,
      measures: r.measures as number,
      done: r.done as number,
      overdue: r.overdue as number,
      nextDue: (r.next_due as string | null) ?? null,
      createdAt: iso(r.created_at as string)!,
    })),
  };
}

/** One roadmap with its measures, their notes and files, and each done measure's effect. */
export async function roadmapCard(db: Db, actor: Actor, id: string, now: Date) {
  assertMunicipal(actor);
  const { today, timeZone } = await tenantToday(db, actor.tenantId, now);
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT r.*, b.name AS block, p.title AS problem, p.topic_id AS problem_topic, p.settlement_id AS problem_settlement, ua.full_name AS approved_by_name, uc.full_name AS created_by_name
        FROM roadmaps r LEFT JOIN topic_blocks b ON b.id = r.block_id LEFT JOIN problems p ON p.id = r.problem_id
        LEFT JOIN users ua ON ua.id = r.approved_by LEFT JOIN users uc ON uc.id = r.created_by
        WHERE r.id = ${id} AND r.tenant_id = ${actor.tenantId}`,
  );
  if (!r) throw new AppError('not_found', 'Дорожная карта не найдена');
  const measures = await listMeasures(db, actor, { roadmapId: id }, today);
  const ids = measures.map((m) => m.id);
  const [notes, files, practices] = await Promise.all([
    ids.length
      ? rows<Record<string, unknown>>(db, sql`SELECT n.id, n.measure_id, n.text, n.created_at, u.full_name FROM measure_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.measure_id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}) ORDER BY n.created_at`)
      : Promise.resolve([]),
    ids.length
      ? rows<Record<string, unknown>>(db, sql`SELECT id, measure_id, file_name, mime_type, size, uploaded_at FROM measure_files WHERE measure_id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}) ORDER BY uploaded_at`)
      : Promise.resolve([]),
    rows<{ id: string; title: string }>(db, sql`SELECT pr.id, pr.title FROM practice_links pl JOIN practices pr ON pr.id = pl.practice_id WHERE pl.roadmap_id = ${id} ORDER BY pr.title`),
  ]);
  const scope = caseScope(actor);
  const withDetails = await Promise.all(
    measures.map(async (m) => {
      const subject = {
        topicId: m.topic?.id ?? (r.problem_topic as string | null) ?? null,
        blockId: (r.block_id as string | null) ?? null,
        settlementId: m.settlement?.id ?? (r.problem_settlement as string | null) ?? null,
      };
      const effect = m.status === 'done' && m.doneOn && (subject.topicId || subject.blockId || subject.settlementId) ? await effectOf(db, scope, timeZone, subject, m.doneOn, today) : null;
      return {
        ...m,
        notesList: notes.filter((n) => n.measure_id === m.id).map((n) => ({ id: n.id as string, text: n.text as string, at: iso(n.created_at as string)!, author: (n.full_name as string | null) ?? null })),
        filesList: files.filter((f) => f.measure_id === m.id).map((f) => ({ id: f.id as string, fileName: f.file_name as string, mimeType: f.mime_type as string, size: f.size as number, at: iso(f.uploaded_at as string)! })),
        effect,
      };
    }),
  );
  return {
    id: r.id as string,
    title: r.title as string,
    block: r.block_id ? { id: r.block_id as string, name: r.block as string } : null,
    problem: r.problem_id ? { id: r.problem_id as string, title: r.problem as string } : null,
    approvedAt: iso(r.approved_at as string),
    approvedBy: (r.approved_by_name as string | null) ?? null,
    createdBy: (r.created_by_name as string | null) ?? null,
    createdAt: iso(r.created_at as string)!,
    today,
    measures: withDetails,
    practices,
  };
}
