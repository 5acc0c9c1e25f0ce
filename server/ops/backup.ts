import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { holdDataDir } from './data-dir-lock';
import { fingerprint, type TableFingerprint } from './fingerprint';
import { assertNotHeld, dbFolder, isEmptyFolder, openPgliteFolder, OpsError } from './pglite-files';

export interface BackupResult {
  file: string;
  bytes: number;
  tables: TableFingerprint[];
}

/**
 * Writes the embedded database of DATA_DIR into one archive (PGlite's `dumpDataDir`, a gzip'ed tar of
 * the data folder: every table, file and journal) plus `<file>.json` with the row counts and checksums
 * of the key tables, which `restore` checks. The server must be stopped; the folder is held meanwhile.
 */
export async function backupDataDir(dataDir: string, file: string, options: { force?: boolean } = {}): Promise<BackupResult> {
  assertNotHeld(dataDir);
  const dir = dbFolder(dataDir);
  if (isEmptyFolder(dir)) throw new OpsError(`Встроенная база не найдена: папка «${dir}» пуста или отсутствует. Проверьте DATA_DIR или --data-dir.`);
  if (existsSync(file) && !options.force) throw new OpsError(`Файл «${file}» уже существует. Укажите другое имя или --force, чтобы перезаписать.`);
  const release = holdDataDir(dataDir);
  try {
    const { client, conn } = await openPgliteFolder(dir);
    let tables: TableFingerprint[];
    let archive: Blob;
    try {
      tables = await fingerprint(conn);
      archive = await client.dumpDataDir('gzip');
    } finally {
      await client.close();
    }
    const bytes = Buffer.from(await archive.arrayBuffer());
    writeFileSync(`${file}.part`, bytes);
    renameSync(`${file}.part`, file);
    writeFileSync(`${file}.json`, JSON.stringify({ format: 'mcu-pglite-datadir-1', createdAt: new Date().toISOString(), tables }, null, 2));
    return { file, bytes: bytes.length, tables };
  } finally {
    release();
  }
}
