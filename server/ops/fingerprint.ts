import type { Queryable } from '../db/client';

/** Tables whose rows a backup must carry over exactly (cases, their files and people, the journals). */
export const KEY_TABLES = ['tenants', 'users', 'cases', 'case_applicants', 'case_files', 'audit_events', 'pd_access_log', 'import_jobs'] as const;

export interface TableFingerprint {
  table: string;
  rows: number;
  md5: string;
}

/** Row count and an MD5 over every row's text form in sorted order: equal fingerprints mean equal tables. */
export async function fingerprint(database: Pick<Queryable, 'query'>, tables: readonly string[] = KEY_TABLES): Promise<TableFingerprint[]> {
  const out: TableFingerprint[] = [];
  for (const table of tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`недопустимое имя таблицы: ${table}`);
    const [r] = await database.query<{ rows: string | number; md5: string | null }>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM ${table} t`,
    );
    out.push({ table, rows: Number(r.rows), md5: r.md5 ?? '' });
  }
  return out;
}

export function formatFingerprint(rows: TableFingerprint[]): string {
  return rows.map((r) => `  ${r.table.padEnd(18)} ${String(r.rows).padStart(9)}  ${r.md5}`).join('\n');
}
