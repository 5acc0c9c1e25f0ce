/**
 * Backup of the embedded database (PGlite) while the server is stopped:
 *
 *   npm run backup -- <file.tar.gz> [--data-dir var] [--force]
 *
 * On PostgreSQL (DATABASE_URL set) use pg_dump -Fc instead (see README).
 */
import { parseArgs } from 'node:util';
import { loadEnv } from '../server/env';
import { backupDataDir } from '../server/ops/backup';
import { formatFingerprint } from '../server/ops/fingerprint';
import { OpsError } from '../server/ops/pglite-files';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false } } });
const env = loadEnv();
const file = positionals[0];
try {
  if (!file) throw new OpsError('Укажите файл резервной копии: npm run backup -- mcu-2026-11-27.tar.gz');
  if (env.DATABASE_URL) throw new OpsError('Задан DATABASE_URL: база на сервере PostgreSQL. Используйте pg_dump -Fc -d "$DATABASE_URL" -f mcu.dump (см. README, «Резервное копирование»).');
  const dataDir = values['data-dir'] ?? env.DATA_DIR;
  const started = Date.now();
  const r = await backupDataDir(dataDir, file, { force: values.force });
  process.stdout.write(`Резервная копия «${dataDir}/db» записана в ${r.file} (${(r.bytes / 1048576).toFixed(1)} МБ, ${((Date.now() - started) / 1000).toFixed(0)} с), контрольные суммы — в ${r.file}.json:\n${formatFingerprint(r.tables)}\n`);
} catch (e) {
  process.stderr.write(`Ошибка: ${e instanceof OpsError ? e.message : (e as Error).stack}\n`);
  process.exit(1);
}
