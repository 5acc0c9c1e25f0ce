import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import type { RegisterQuery } from '../../../domain/cases/register-query';
import { OPEN_STATUSES } from '../../../domain/cases/status';
import { registerWhere, resolveTopicFilter } from '../cases/list-cases';
import { casesCatalogue } from '../../../web/src/i18n/ru.cases';
import { reportsCatalogue } from '../../../web/src/i18n/ru.reports';
import type { Cell, ExportColumn } from './table-file';

const PAGE = 2000;
const H = reportsCatalogue.exportHeaders.cases;

export const REGISTER_COLUMNS: ExportColumn[] = [
  { header: H.number, type: 'text', width: 14 },
  { header: H.receivedAt, type: 'datetime', width: 17 },
  { header: H.regime, type: 'text', width: 20 },
  { header: H.channel, type: 'text', width: 20 },
  { header: H.status, type: 'text', width: 22 },
  { header: H.topic, type: 'text', width: 28 },
  { header: H.subtopic, type: 'text', width: 28 },
  { header: H.settlement, type: 'text', width: 22 },
  { header: H.locality, type: 'text', width: 20 },
  { header: H.address, type: 'text', width: 30 },
  { header: H.recipient, type: 'text', width: 30 },
  { header: H.executor, type: 'text', width: 24 },
  { header: H.answerDue, type: 'datetime', width: 17 },
  { header: H.answeredAt, type: 'datetime', width: 17 },
  { header: H.deadline, type: 'text', width: 16 },
  { header: H.rating, type: 'int', width: 9 },
  { header: H.fastTrack, type: 'text', width: 11 },
  { header: H.priority, type: 'text', width: 11 },
  { header: H.text, type: 'text', width: 60 },
];

/** Applicant columns, only for `pd.read` holders who asked for them (logged in pd_access_log). */
export const REGISTER_PD_COLUMNS: ExportColumn[] = [
  { header: H.applicant, type: 'text', width: 28 },
  { header: H.phone, type: 'text', width: 16 },
  { header: H.email, type: 'text', width: 24 },
  { header: H.postalAddress, type: 'text', width: 30 },
];

const OPEN = new Set<string>(OPEN_STATUSES);

function deadlineOf(r: Record<string, unknown>, now: Date): string | null {
  if (!OPEN.has(r.status as string) || !r.answer_due) return r.answered_at && r.answer_due && new Date(r.answered_at as string) > new Date(r.answer_due as string) ? casesCatalogue.deadlineState.late : null;
  if (r.paused_since) return casesCatalogue.deadlineState.paused;
  if (now > new Date(r.answer_due as string)) return casesCatalogue.deadlineState.overdue;
  if (r.answer_at_risk_from && now >= new Date(r.answer_at_risk_from as string)) return casesCatalogue.deadlineState.at_risk;
  return casesCatalogue.deadlineState.on_time;
}

const label = <T extends Record<string, string>>(m: T, k: unknown) => (k == null ? null : ((m as Record<string, string>)[k as string] ?? String(k)));
const date = (v: unknown) => (v ? new Date(v as string) : null);

/** The register's WHERE for an export (the same filters as the list; paging and order are the export's). */
export async function registerExportWhere(database: Database, actor: Actor, q: RegisterQuery, now: Date, timeZone: string): Promise<SQL> {
  return registerWhere(actor, q, now, timeZone, await resolveTopicFilter(database, actor.tenantId, q.topicId));
}

export async function countRegister(database: Database, where: SQL, cap: number): Promise<number> {
  const [r] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c WHERE ${where} LIMIT ${cap + 1}) x`);
  return Number(r.n);
}

/**
 * The register's rows for an export, newest first, a page at a time with keyset paging on
 * (received_at, id): memory stays flat however many rows match.
 */
export async function* registerRows(database: Database, tenantId: string, where: SQL, withPd: boolean, now: Date): AsyncGenerator<Cell[]> {
  let after: { at: string; id: string } | null = null;
  const channels = new Map((await rows<{ code: string; name: string }>(database.db, sql`SELECT code, name FROM channels WHERE tenant_id = ${tenantId}`)).map((c) => [c.code, c.name]));
  for (;;) {
    const page: SQL = after ? sql` AND (c.received_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
    const found: Record<string, unknown>[] = await rows(
      database.db,
      sql`SELECT c.id, to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key, c.number, c.received_at, c.regime, c.channel, c.status, c.text, c.address, c.answer_due, c.answer_at_risk_from,
                 c.answered_at, c.paused_since, c.rating, c.fast_track, c.priority,
                 t.name AS topic, st.name AS subtopic, s.name AS settlement, l.name AS locality, r.name AS recipient, u.full_name AS executor
                 ${withPd ? sql`, a.full_name AS a_name, a.phone AS a_phone, a.email AS a_email, a.postal_address AS a_address` : sql``}
          FROM cases c
          LEFT JOIN topics t ON t.id = c.topic_id
          LEFT JOIN topics st ON st.id = c.subtopic_id
          LEFT JOIN settlements s ON s.id = c.settlement_id
          LEFT JOIN localities l ON l.id = c.locality_id
          LEFT JOIN recipients r ON r.id = c.recipient_id
          LEFT JOIN users u ON u.id = c.executor_id
          ${withPd ? sql`LEFT JOIN case_applicants a ON a.case_id = c.id` : sql``}
          WHERE ${where}${page}
          ORDER BY c.received_at DESC NULLS LAST, c.id DESC NULLS LAST
          LIMIT ${PAGE}`,
    );
    for (const r of found) {
      const out: Cell[] = [
        r.number as string,
        date(r.received_at),
        label(casesCatalogue.regime, r.regime),
        channels.get(r.channel as string) ?? (r.channel as string),
        label(casesCatalogue.caseStatus, r.status),
        r.topic as string,
        r.subtopic as string,
        r.settlement as string,
        r.locality as string,
        r.address as string,
        r.recipient as string,
        r.executor as string,
        date(r.answer_due),
        date(r.answered_at),
        deadlineOf(r, now),
        r.rating == null ? null : Number(r.rating),
        r.fast_track ? 'да' : 'нет',
        label(casesCatalogue.priority, r.priority),
        r.text as string,
      ];
      if (withPd) out.push(r.a_name as string, r.a_phone as string, r.a_email as string, r.a_address as string);
      yield out;
    }
    if (found.length < PAGE) return;
    const last = found[found.length - 1];
    after = { at: last.at_key as string, id: last.id as string };
  }
}
