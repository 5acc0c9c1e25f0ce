import type { Queryable } from '../../db/client';
import { IMPORT_CHANNEL, type Acks } from './workload';

export interface RunCounts {
  cases: number;
  imported: number;
  quarantined: number;
  answers: number;
  audit: number;
  importJobs: string;
}

type Q = Pick<Queryable, 'query'>;
const num = (v: unknown) => Number(v ?? 0);

/**
 * After a kill and a restart: every source row of the CSV exactly once, every import job finished
 * with counters that add up, each case's status equal to the last status in its audit trail, every
 * answer with its audit row and no case under review without its answer, and nothing the server
 * acknowledged lost. Returns the problems in Russian (empty when consistent) and the counts.
 */
export async function checkConsistency(db: Q, expected: { sourceIds: Set<string>; blanks: number; rows: number }, acks: Acks): Promise<{ problems: string[]; counts: RunCounts }> {
  const problems: string[] = [];

  const imported = await db.query<{ source_id: string; n: string }>(`SELECT source_id, count(*) AS n FROM cases WHERE channel = $1 GROUP BY source_id`, [IMPORT_CHANNEL]);
  const seen = new Map(imported.map((r) => [r.source_id, num(r.n)]));
  const jobs = await db.query<Record<string, unknown>>(`SELECT id, status, total_rows, rows_done, inserted, updated, unchanged, quarantined, error FROM import_jobs ORDER BY created_at`);
  const started = jobs.filter((j) => j.status !== 'uploaded');
  if (started.length > 0) {
    const lost = [...expected.sourceIds].filter((id) => !seen.has(id));
    const dup = [...seen].filter(([, n]) => n > 1);
    const extra = [...seen.keys()].filter((id) => !expected.sourceIds.has(id));
    if (lost.length) problems.push(`импорт: потеряно строк-источников ${lost.length} (например ${lost[0]})`);
    if (dup.length) problems.push(`импорт: дубли по номеру источника ${dup.length} (например ${dup[0][0]})`);
    if (extra.length) problems.push(`импорт: лишние обращения ${extra.length}`);
  }
  for (const j of started) {
    if (j.status !== 'done') problems.push(`импорт ${j.id}: статус ${j.status}${j.error ? ` (${j.error})` : ''}, а должен быть done`);
    const sum = num(j.inserted) + num(j.updated) + num(j.unchanged) + num(j.quarantined);
    if (num(j.rows_done) !== expected.rows || sum !== expected.rows) problems.push(`импорт ${j.id}: обработано ${j.rows_done}, сумма счётчиков ${sum}, строк в файле ${expected.rows}`);
    const [q] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM import_quarantine WHERE job_id = $1`, [j.id]);
    if (num(q.n) !== num(j.quarantined) || num(j.quarantined) !== expected.blanks) problems.push(`импорт ${j.id}: в карантине ${q.n}, счётчик ${j.quarantined}, строк без номера ${expected.blanks}`);
    const [a] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'receive' AND request_id = $1`, [`import:${j.id}`]);
    if (num(a.n) !== num(j.inserted)) problems.push(`импорт ${j.id}: записей журнала о приёме ${a.n}, а новых обращений ${j.inserted}`);
  }
  if (acks.importStarted && started.length === 0) problems.push('импорт: запуск подтверждён, но задания нет');

  // The status of each case is the last status its audit trail records.
  const mismatched = await db.query<{ id: string; status: string; audited: string | null }>(`
    SELECT c.id, c.status, (SELECT e.after->>'status' FROM audit_events e
                            WHERE e.entity = 'case' AND e.entity_id = c.id::text AND e.after ? 'status'
                            ORDER BY e.id DESC LIMIT 1) AS audited
    FROM cases c`);
  const bad = mismatched.filter((r) => r.audited !== r.status);
  if (bad.length) problems.push(`статус не совпадает с журналом у ${bad.length} обращений (например ${bad[0].id}: ${bad[0].status} ≠ ${bad[0].audited ?? 'нет записи'})`);

  // Answers: as many answer rows as audited answer actions; a case under review or answered has its final answer.
  const answerGaps = await db.query<{ id: string }>(`
    SELECT c.id FROM cases c
    WHERE (SELECT count(*) FROM case_answers a WHERE a.case_id = c.id)
       <> (SELECT count(*) FROM audit_events e WHERE e.entity = 'case' AND e.entity_id = c.id::text AND e.action IN ('give_interim', 'prepare_answer', 'submit_answer'))
       OR (c.status IN ('under_review', 'answered') AND NOT EXISTS (SELECT 1 FROM case_answers a WHERE a.case_id = c.id AND a.kind = 'final'))`);
  if (answerGaps.length) problems.push(`недописанный ответ у ${answerGaps.length} обращений (например ${answerGaps[0].id})`);

  // Nothing acknowledged is lost.
  const ackedIds = [...acks.cases.keys()];
  if (ackedIds.length) {
    const trail = await db.query<{ entity_id: string; action: string }>(`SELECT entity_id, action FROM audit_events WHERE entity = 'case' AND entity_id = ANY($1::text[])`, [ackedIds]);
    const byCase = new Map<string, Set<string>>();
    for (const t of trail) byCase.set(t.entity_id, (byCase.get(t.entity_id) ?? new Set()).add(t.action));
    const lost = [...acks.cases].filter(([id, actions]) => actions.some((a) => !byCase.get(id)?.has(a)));
    if (lost.length) problems.push(`потеряны подтверждённые действия у ${lost.length} обращений (например ${lost[0][0]}: ${lost[0][1].join(', ')})`);
  }

  const [c] = await db.query<Record<string, string>>(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM cases WHERE channel = $1) AS imported,
    (SELECT count(*) FROM import_quarantine) AS quarantined, (SELECT count(*) FROM case_answers) AS answers, (SELECT count(*) FROM audit_events) AS audit`, [IMPORT_CHANNEL]);
  const counts: RunCounts = { cases: num(c.cases), imported: num(c.imported), quarantined: num(c.quarantined), answers: num(c.answers), audit: num(c.audit), importJobs: jobs.map((j) => j.status).join(',') || '—' };
  return { problems, counts };
}
