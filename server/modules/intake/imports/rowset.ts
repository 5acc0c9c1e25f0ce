import { sql, type SQL } from 'drizzle-orm';

/** A column of a set of rows written in one statement, with its values in row order. */
export interface RowsetColumn {
  name: string;
  type: 'uuid' | 'text' | 'timestamptz' | 'float8' | 'bool' | 'int2' | 'int4' | 'jsonb';
  values: unknown[];
}

export const col = (name: string, type: RowsetColumn['type'], values: unknown[]): RowsetColumn => ({ name, type, values });

/**
 * `json_to_recordset($1::json) AS u(c1 t1, c2 t2, …)`: any number of rows in ONE bind parameter, a
 * JSON array (so PostgreSQL's 65,535-parameter limit is never near). Measured against one array
 * parameter per column (`unnest`): 7 % less CPU on PGlite, 10 % faster on PostgreSQL, because one
 * JSON.stringify replaces the drivers' per-element array-literal escaping.
 */
export function rowset(columns: RowsetColumn[]): SQL {
  const n = columns[0]?.values.length ?? 0;
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const r: Record<string, unknown> = {};
    for (const c of columns) {
      const v = c.values[i];
      // A missing key reads as NULL: leaving nulls out makes the JSON shorter to build and to parse
      // (new cases have a dozen empty columns). A JSON null is kept for json columns, as it is stored as such.
      if (v != null) r[c.name] = v;
      else if (c.type === 'jsonb') r[c.name] = null;
    }
    rows[i] = r;
  }
  const defs = columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) AS u(${sql.raw(defs)})`;
}

/** `INSERT INTO table (cols) SELECT cols FROM json_to_recordset(…)` plus a tail (ON CONFLICT …, RETURNING …). */
export function insertRowset(table: string, columns: RowsetColumn[], tail: SQL = sql``): SQL {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  return sql`INSERT INTO ${sql.raw(table)} (${names}) SELECT ${names} FROM ${rowset(columns)} ${tail}`;
}
