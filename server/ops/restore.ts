import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { holdDataDir } from './data-dir-lock';
import { fingerprint, type TableFingerprint } from './fingerprint';
import { assertNotHeld, dbFolder, isEmptyFolder, openPgliteFolder, OpsError } from './pglite-files';

export interface RestoreResult {
  tables: TableFingerprint[];
  /** Where the previous database was moved (with --force), or null. */
  previous: string | null;
  /** Whether the checksums were compared with the backup's `<file>.json`. */
  verified: boolean;
}

/**
 * Restores an archive made by `backupDataDir` into DATA_DIR/db. It is unpacked into a side folder
 * first and checked against `<file>.json` when present; only then the previous database (if any,
 * with --force) is moved aside to `db.before-restore-<time>` and the restored one takes its place.
 */
export async function restoreDataDir(dataDir: string, file: string, options: { force?: boolean; now?: Date } = {}): Promise<RestoreResult> {
  assertNotHeld(dataDir);
  if (!existsSync(file)) throw new OpsError(`Файл резервной копии «${file}» не найден.`);
  const dir = dbFolder(dataDir);
  if (!isEmptyFolder(dir) && !options.force) {
    throw new OpsError(`Папка «${dir}» не пуста: в ней уже есть база. Чтобы заменить её, повторите с --force (текущая база будет сохранена рядом, в папке db.before-restore-…).`);
  }
  const release = holdDataDir(dataDir);
  const side = `${dir}.restoring`;
  try {
    rmSync(side, { recursive: true, force: true });
    const archive = new Blob([readFileSync(file)]);
    let tables: TableFingerprint[];
    try {
      const { client, conn } = await openPgliteFolder(side, archive);
      try {
        tables = await fingerprint(conn);
      } finally {
        await client.close();
      }
    } catch (e) {
      if (e instanceof OpsError) throw e;
      throw new OpsError(`Файл «${file}» не похож на резервную копию МЦУ или повреждён: ${(e as Error).message}`);
    }
    const verified = verifyAgainstManifest(file, tables);
    let previous: string | null = null;
    if (!isEmptyFolder(dir)) {
      previous = `${dir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dir, previous);
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
    renameSync(side, dir);
    return { tables, previous, verified };
  } finally {
    rmSync(side, { recursive: true, force: true });
    release();
  }
}

function verifyAgainstManifest(file: string, tables: TableFingerprint[]): boolean {
  const manifest = `${file}.json`;
  if (!existsSync(manifest)) return false;
  const expected = (JSON.parse(readFileSync(manifest, 'utf8')) as { tables: TableFingerprint[] }).tables;
  for (const e of expected) {
    const got = tables.find((t) => t.table === e.table);
    if (!got || got.rows !== e.rows || got.md5 !== e.md5) {
      throw new OpsError(`Восстановленная таблица ${e.table} не совпадает с копией (строк ${got?.rows ?? 0} вместо ${e.rows}). База не заменена.`);
    }
  }
  return true;
}
