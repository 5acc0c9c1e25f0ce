import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Queryable } from '../db/client';
import { dataDirHolder } from './data-dir-lock';

/** The PGlite folder inside DATA_DIR (the one `server/boot.ts` opens). */
export function dbFolder(dataDir: string): string {
  return join(dataDir, 'db');
}

export function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Refuses, in Russian, while a live server process holds DATA_DIR. */
export function assertNotHeld(dataDir: string): void {
  const pid = dataDirHolder(dataDir);
  if (pid) {
    throw new OpsError(`Папку данных «${dataDir}» держит работающий сервер МЦУ (процесс ${pid}). Остановите его (Ctrl+C или systemctl stop) и повторите команду.`);
  }
}

/** An operator's mistake: printed as is, without a stack. */
export class OpsError extends Error {}

/** Opens a PGlite folder (optionally loading a data-folder archive into it) for a short job. */
export async function openPgliteFolder(dir: string, loadDataDir?: Blob): Promise<{ client: PGlite; conn: Pick<Queryable, 'query'> }> {
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  const conn = { query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows };
  return { client, conn };
}
