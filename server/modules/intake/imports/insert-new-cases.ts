import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import { rows } from '../../../db/rows';
import { formatCaseNumber, reserveCaseNumbers } from '../../cases/next-case-number';
import { newCaseRows, type NewCase, type PreparedNewCases } from './prepare-new-cases';
import { col, columnNames, insertPrepared, joinedRowset, type PreparedRowset } from './rowset';
import { addWarning, type Warnings } from './warnings';
import type { BatchContext } from './write-batch';

/**
 * Inserts the prepared new cases of a chunk with their applicants, suggestions and audit rows: the
 * numbers are reserved here (per year of receipt, for the chunk) and joined to the prepared rows in
 * row order. Returns the case id of each source id that went in.
 */
export async function insertNewCases(tx: Tx, ctx: BatchContext, p: PreparedNewCases, warnings: Warnings): Promise<Map<string, string>> {
  if (!p.list.length) return new Map();
  for (const r of p.list) for (const y of r.d.missingYears) addWarning(warnings, `calendar:${y}`, `Нет производственного календаря на ${y} год: сроки по правилам не рассчитаны`, r.c.rowNumber);
  const numbers = await reserveNumbers(tx, ctx, p.list);
  let rowsOf: Omit<PreparedNewCases, 'plan' | 'list'> = p;
  let done = p.list;
  let doneNumbers = numbers;
  if (!(await insertAll(tx, p.cases, numbers))) {
    // Another writer took a key meanwhile (a staff registration with the same source id): it stays
    // theirs; the rest go in, and their other rows are made again for them only.
    const inserted = await rows<{ id: string }>(tx, insertCases(p.cases, numbers, sql`ON CONFLICT (tenant_id, channel, source_id) DO NOTHING RETURNING id`));
    const ok = new Set(inserted.map((r) => r.id));
    const kept = p.list.map((r, i) => ({ r, n: numbers[i] })).filter((x) => ok.has(x.r.id));
    done = kept.map((x) => x.r);
    doneNumbers = kept.map((x) => x.n);
    rowsOf = await newCaseRows(ctx, done);
  }
  if (done.length) {
    if (rowsOf.applicants) await tx.execute(insertPrepared('case_applicants', rowsOf.applicants));
    if (rowsOf.suggestions) await tx.execute(insertPrepared('case_suggestions', rowsOf.suggestions, sql`ON CONFLICT (case_id) DO NOTHING`));
    await tx.execute(insertAudit(rowsOf.audit, doneNumbers));
  }
  return new Map(done.map((r) => [r.c.sourceId, r.id]));
}

/** Numbers of the new cases in list order, reserved for the chunk per year of receipt. */
async function reserveNumbers(tx: Tx, ctx: BatchContext, list: NewCase[]): Promise<string[]> {
  const next = new Map<number, number>();
  for (const y of [...new Set(list.map((r) => r.year))].sort()) next.set(y, await reserveCaseNumbers(tx, ctx.tenantId, y, list.filter((r) => r.year === y).length));
  return list.map((r) => {
    const seq = next.get(r.year)!;
    next.set(r.year, seq + 1);
    return formatCaseNumber(r.year, seq);
  });
}

function insertCases(cases: PreparedRowset, numbers: string[], tail: SQL = sql``): SQL {
  return sql`INSERT INTO cases (${sql.raw(columnNames(cases))}, "number") SELECT ${sql.raw(columnNames(cases, 'u'))}, l."number" FROM ${joinedRowset(cases, [col('number', 'text', numbers)])} ${tail}`;
}

/**
 * The rows in `cases`: none of their keys was there when read under the intake lock, so a plain
 * INSERT (in a savepoint) nearly always succeeds; false when another writer took a key meanwhile.
 * (ON CONFLICT DO NOTHING RETURNING id every time would cost every chunk ~40 % more database time,
 * measured on PGlite and PostgreSQL.)
 */
async function insertAll(tx: Tx, cases: PreparedRowset, numbers: string[]): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(insertCases(cases, numbers));
    });
    return true;
  } catch (e) {
    if (keyTaken(e)) return false;
    throw e;
  }
}

/** A unique violation of the import key (also when Drizzle wraps the driver's error). */
function keyTaken(err: unknown): boolean {
  for (let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return e.constraint === 'cases_tenant_source_uq';
  }
  return false;
}

function insertAudit(audit: PreparedRowset, numbers: string[]): SQL {
  const values = audit.columns.map((c) => (c.name === 'after' ? `jsonb_build_object('number', l."number") || u."after"` : `u."${c.name}"`)).join(', ');
  return sql`INSERT INTO audit_events (${sql.raw(columnNames(audit))}) SELECT ${sql.raw(values)} FROM ${joinedRowset(audit, [col('number', 'text', numbers)])}`;
}
