import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { systemActor, type Actor } from '../../http/actor';
import { indicatorReports, reportNotes, users } from '../../db/schema';
import { AppError } from '../../errors';
import { rows } from '../../db/rows';
import { recordAudit } from '../audit/record-audit';
import { addDaysIso, localDate } from '../../../domain/deadlines';
import { diffDaysIso } from '../../../domain/time/zoned';
import { lastCompleteWeek, parsePeriod, periodContaining, previousPeriod, type Period } from '../../../domain/analytics/period';
import { municipalIndicators } from '../analytics/indicator-values';
import { inUnit, unitLabel } from '../exports/lists';
import { curReportXlsx, type CurRow, type CurSheetMeta } from './cur-report-xlsx';
import { municipalOnly } from './notes';

/** Due date (Прил. 2 п. 2.4): a quarter by the 5th of the next month, a year by 20 December of that year. */
export function dueOn(p: Period): string {
  return p.kind === 'year' ? `${p.code}-12-20` : addDaysIso(addDaysIso(p.to, 1), 4);
}

function reportPeriod(code: string): Period {
  const p = parsePeriod(code);
  if (p.kind !== 'quarter' && p.kind !== 'year') throw new AppError('validation', 'Период: квартал (2026-Q3) или год (2026)');
  return p;
}

async function tenantInfo(db: Db | Tx, tenantId: string) {
  const [t] = await rows<{ name: string; full_name: string | null; oktmo: string | null; time_zone: string; parent_id: string | null }>(
    db,
    sql`SELECT name, full_name, oktmo, time_zone, parent_id FROM tenants WHERE id = ${tenantId}`,
  );
  if (!t) throw new AppError('not_found', 'Муниципалитет не найден');
  return t;
}

/**
 * The reporting periods shown: this and the previous three quarters, this year and the last, but
 * none that ended before `start` (the tenant's first day in the system: nothing was due in it then).
 */
export function reportPeriods(today: string, start: string | null = null): Period[] {
  const q0 = periodContaining('quarter', today);
  const qs = [q0];
  for (let i = 0; i < 3; i++) qs.push(previousPeriod(qs[qs.length - 1]));
  const y0 = periodContaining('year', today);
  const from = start === null ? '' : start < today ? start : today;
  return [...qs, y0, previousPeriod(y0)].filter((p) => p.to >= from);
}

/**
 * The local date reporting starts from: the earlier of the tenant's creation and its first case
 * (a history imported from an earlier system counts: its quarters can be reported from the data).
 */
export async function reportingStarts(db: Db | Tx, tenantIds: string[]): Promise<Map<string, string>> {
  if (!tenantIds.length) return new Map();
  const found = await rows<{ id: string; time_zone: string; created_at: string | Date; first_case: string | Date | null }>(
    db,
    sql`SELECT t.id::text, t.time_zone, t.created_at, (SELECT min(c.received_at) FROM cases c WHERE c.tenant_id = t.id) AS first_case
        FROM tenants t WHERE t.id IN (${sql.join(tenantIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return new Map(
    found.map((t) => {
      const created = new Date(t.created_at);
      const first = t.first_case ? new Date(t.first_case) : null;
      return [t.id, localDate(first && first < created ? first : created, t.time_zone)];
    }),
  );
}

type ReportRow = typeof indicatorReports.$inferSelect;

function state(p: Period, r: ReportRow | undefined, today: string) {
  const due = dueOn(p);
  return {
    period: p.code,
    kind: p.kind,
    from: p.from,
    to: p.to,
    dueOn: due,
    status: r?.status ?? 'missing',
    daysLeft: diffDaysIso(today, due),
    overdue: r?.status !== 'sent' && today > due,
    generatedAt: r?.generatedAt.toISOString() ?? null,
    sentAt: r?.sentAt?.toISOString() ?? null,
  };
}

/** GET /api/reports/cur: the periods with due dates and state. */
export async function listCurReports(db: Db, actor: Actor, now: Date) {
  municipalOnly(actor);
  const t = await tenantInfo(db, actor.tenantId);
  const today = localDate(now, t.time_zone);
  const start = (await reportingStarts(db, [actor.tenantId])).get(actor.tenantId) ?? null;
  const periods = reportPeriods(today, start);
  const found = await db.select().from(indicatorReports).where(and(eq(indicatorReports.tenantId, actor.tenantId), inArray(indicatorReports.periodCode, periods.map((p) => p.code))));
  const byCode = new Map(found.map((r) => [r.periodCode, r]));
  return {
    today,
    startsOn: start,
    items: periods.map((p) => {
      const r = byCode.get(p.code);
      return { ...state(p, r, today), rows: (r?.rows as CurRow[] | undefined) ?? null, sentBy: null as string | null };
    }),
  };
}

/** Generates (or recomputes) the report from the indicator values; comments already written stay. */
export async function generateCurReport(db: Db, actor: Actor, code: string, now: Date) {
  municipalOnly(actor);
  const p = reportPeriod(code);
  const [existing] = await db.select().from(indicatorReports).where(and(eq(indicatorReports.tenantId, actor.tenantId), eq(indicatorReports.periodCode, p.code)));
  if (existing?.status === 'sent') throw new AppError('conflict', 'Отчёт уже отправлен в ЦУР: его файл зафиксирован');
  const values = await municipalIndicators(db, systemActor(actor.tenantId), p.code, now);
  const comments = new Map(((existing?.rows as CurRow[] | undefined) ?? []).map((r) => [r.code, r.comment]));
  const reportRows: CurRow[] = values.items.map((x) => ({
    code: x.code,
    name: x.name,
    unit: unitLabel(x.unit),
    value: inUnit(x.value, x.unit),
    target: inUnit(x.target?.value ?? null, x.unit),
    met: x.met,
    n: x.n,
    comment: comments.get(x.code) ?? '',
  }));
  return db.transaction(async (tx) => {
    const values = { tenantId: actor.tenantId, periodCode: p.code, kind: p.kind, dueOn: dueOn(p), status: 'draft', rows: reportRows, generatedBy: actor.userId, generatedAt: now };
    const [r] = await tx.insert(indicatorReports).values(values).onConflictDoUpdate({ target: [indicatorReports.tenantId, indicatorReports.periodCode], set: { rows: reportRows, generatedBy: actor.userId, generatedAt: now } }).returning();
    await recordAudit(tx, actor, { action: 'cur_report.generate', entity: 'cur_report', entityId: r.id, after: { period: p.code, indicators: reportRows.length } });
    return { period: p.code, status: r.status, rows: reportRows };
  });
}

async function findReport(db: Db | Tx, tenantId: string, code: string) {
  const [r] = await db.select().from(indicatorReports).where(and(eq(indicatorReports.tenantId, tenantId), eq(indicatorReports.periodCode, code)));
  if (!r) throw new AppError('not_found', 'Отчёт за этот период ещё не сформирован');
  return r;
}

export async function updateCurComments(tx: Tx, actor: Actor, code: string, comments: Record<string, string>) {
  municipalOnly(actor);
  const r = await findReport(tx, actor.tenantId, code);
  if (r.status === 'sent') throw new AppError('conflict', 'Отчёт уже отправлен: комментарии не меняются');
  const next = (r.rows as CurRow[]).map((x) => (x.code in comments ? { ...x, comment: comments[x.code].trim() } : x));
  await tx.update(indicatorReports).set({ rows: next }).where(eq(indicatorReports.id, r.id));
  await recordAudit(tx, actor, { action: 'cur_report.comment', entity: 'cur_report', entityId: r.id, after: { period: code, comments } });
  return { period: code, status: r.status, rows: next };
}

async function sheetMeta(db: Db, r: ReportRow): Promise<CurSheetMeta> {
  const t = await tenantInfo(db, r.tenantId);
  return { municipality: t.full_name ?? t.name, oktmo: t.oktmo, period: reportPeriod(r.periodCode), generatedAt: r.generatedAt, sentAt: r.sentAt, timeZone: t.time_zone };
}

const fileNameOf = (r: ReportRow) => `Показатели МЦУ ${r.periodCode}.xlsx`;

/** Marks the report sent: who and when; the XLSX is written once and kept as it was sent. */
export async function markCurReportSent(db: Db, actor: Actor, code: string, now: Date) {
  municipalOnly(actor);
  const r = await findReport(db, actor.tenantId, code);
  if (r.status === 'sent') throw new AppError('conflict', 'Отчёт уже отмечен отправленным');
  const file = await curReportXlsx(await sheetMeta(db, { ...r, sentAt: now }), r.rows as CurRow[]);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(indicatorReports)
      .set({ status: 'sent', sentAt: now, sentBy: actor.userId, file, fileName: fileNameOf(r) })
      .where(and(eq(indicatorReports.id, r.id), eq(indicatorReports.status, 'draft')))
      .returning({ id: indicatorReports.id });
    if (!after) throw new AppError('conflict', 'Отчёт уже отмечен отправленным');
    await recordAudit(tx, actor, { action: 'cur_report.sent', entity: 'cur_report', entityId: r.id, after: { period: code, size: file.length } });
    return { period: code, status: 'sent', sentAt: now.toISOString() };
  });
}

/**
 * The XLSX of a report: the frozen file once sent, else built from the current rows. The ЦУР
 * reads only its own municipalities' sent reports.
 */
export async function curReportFile(db: Db, actor: Actor, code: string, tenantId: string) {
  if (actor.tenantKind === 'region') {
    const t = await tenantInfo(db, tenantId);
    if (t.parent_id !== actor.tenantId) throw new AppError('not_found', 'Муниципалитет не найден в регионе');
  } else if (tenantId !== actor.tenantId) throw new AppError('forbidden', 'Нет доступа');
  const r = await findReport(db, tenantId, code);
  if (r.status === 'sent' && r.file) return { fileName: r.fileName ?? fileNameOf(r), content: Buffer.from(r.file) };
  if (actor.tenantKind === 'region') throw new AppError('not_found', 'Отчёт ещё не отправлен');
  return { fileName: fileNameOf(r), content: await curReportXlsx(await sheetMeta(db, r), r.rows as CurRow[]) };
}

/** GET /api/region/reports: every municipality × the reporting periods, sent or not. */
export async function regionCurReports(db: Db, actor: Actor, now: Date) {
  if (actor.tenantKind !== 'region') throw new AppError('forbidden', 'Сводка по региону доступна только ЦУР');
  const region = await tenantInfo(db, actor.tenantId);
  const today = localDate(now, region.time_zone);
  const periods = reportPeriods(today);
  const munis = await rows<{ id: string; name: string; oktmo: string | null }>(db, sql`SELECT id::text, name, oktmo FROM tenants WHERE parent_id = ${actor.tenantId} AND kind = 'municipality' AND is_active ORDER BY name`);
  const found = munis.length
    ? await db
        .select({ tenantId: indicatorReports.tenantId, periodCode: indicatorReports.periodCode, status: indicatorReports.status, sentAt: indicatorReports.sentAt, generatedAt: indicatorReports.generatedAt, sentBy: users.fullName })
        .from(indicatorReports)
        .leftJoin(users, eq(users.id, indicatorReports.sentBy))
        .where(inArray(indicatorReports.tenantId, munis.map((m) => m.id)))
    : [];
  const key = (t: string, p: string) => `${t}|${p}`;
  const byKey = new Map(found.map((r) => [key(r.tenantId, r.periodCode), r]));
  const starts = await reportingStarts(db, munis.map((m) => m.id));
  return {
    periods: periods.map((p) => ({ code: p.code, kind: p.kind, dueOn: dueOn(p) })),
    items: munis.flatMap((m) =>
      periods.filter((p) => p.to >= (starts.get(m.id) ?? '')).map((p) => {
        const r = byKey.get(key(m.id, p.code));
        const sent = r?.status === 'sent';
        return { municipality: { id: m.id, name: m.name, oktmo: m.oktmo }, period: p.code, kind: p.kind, dueOn: dueOn(p), status: sent ? 'sent' : 'missing', sentAt: sent ? r!.sentAt!.toISOString() : null, sentBy: sent ? r!.sentBy : null, overdue: !sent && today > dueOn(p) };
      }),
    ),
  };
}

/** For «Обзор МЦУ»: reports not sent that are due within 30 days or overdue, and the weekly note. */
export async function reportsDue(db: Db, actor: Actor, now: Date) {
  municipalOnly(actor);
  const list = await listCurReports(db, actor, now);
  const reports = list.items.filter((x) => x.status !== 'sent' && (x.overdue || x.daysLeft <= 30)).map(({ rows: _r, ...x }) => x);
  const week = lastCompleteWeek(list.today);
  const [note] = await db.select({ id: reportNotes.id, status: reportNotes.status }).from(reportNotes).where(and(eq(reportNotes.tenantId, actor.tenantId), eq(reportNotes.weeklyCode, week.code)));
  const nextMonday = addDaysIso(week.to, 8);
  return {
    reports,
    weekly: note ? { period: week.code, from: week.from, to: week.to, noteId: note.id, status: note.status } : null,
    nextWeekly: { from: addDaysIso(week.from, 7), to: addDaysIso(week.to, 7), generatesOn: nextMonday, at: '07:00' },
  };
}
