/**
 * Restore of the embedded database (PGlite) from a file made by `npm run backup`, server stopped:
 *
 *   npm run restore -- <file.tar.gz> [--data-dir var] [--force]
 *
 * Without --force the target DATA_DIR/db must be empty; with it the current database is kept aside.
 */
import { parseArgs } from 'node:util';
import { loadEnv } from '../server/env';
import { restoreDataDir } from '../server/ops/restore';
import { formatFingerprint } from '../server/ops/fingerprint';
import { OpsError } from '../server/ops/pglite-files';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string' }, force: { type: 'boolean', default: false } } });
const env = loadEnv();
const file = positionals[0];
try {
  if (!file) throw new OpsError('Укажите файл резервной копии: npm run restore -- mcu-2026-11-27.tar.gz');
  if (env.DATABASE_URL) throw new OpsError('Задан DATABASE_URL: база на сервере PostgreSQL. Используйте pg_restore --no-owner -d "$DATABASE_URL" mcu.dump (см. README, «Резервное копирование»).');
  const dataDir = values['data-dir'] ?? env.DATA_DIR;
  const r = await restoreDataDir(dataDir, file, { force: values.force });
  const lines = [`База восстановлена из ${file} в «${dataDir}/db».`];
  lines.push(r.verified ? 'Строки и контрольные суммы совпадают с копией:' : `Файла ${file}.json нет — сверка не проводилась. Восстановлено:`);
  lines.push(formatFingerprint(r.tables));
  if (r.previous) lines.push(`Прежняя база сохранена в «${r.previous}»; удалите её, когда убедитесь, что всё на месте.`);
  process.stdout.write(lines.join('\n') + '\n');
} catch (e) {
  process.stderr.write(`Ошибка: ${e instanceof OpsError ? e.message : (e as Error).stack}\n`);
  process.exit(1);
}
