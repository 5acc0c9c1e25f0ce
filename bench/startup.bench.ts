import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mb, ms, printTable, rssOf, startServer, stopServer } from './lib';

/** Cold start to the first served request on a new and on an existing PGlite folder; memory after start. */
export async function benchStartup(opts: { demoCases: number }): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const [label, cases] of [
    ['новая папка PGlite, справочники без обращений', 0],
    [`новая папка PGlite, демо ${opts.demoCases.toLocaleString('ru-RU')} обращений`, opts.demoCases],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'mcu-bench-'));
    const first = await startServer({ DATA_DIR: dir, DEMO: '1', DEMO_CASES: String(cases) }, 3901);
    const rssFirst = rssOf(first.child.pid!);
    await stopServer(first.child);
    rows.push([label, ms(first.ms), mb(rssFirst)]);
    const again = await startServer({ DATA_DIR: dir, DEMO: '1', DEMO_CASES: String(cases) }, 3902);
    rows.push([`  та же папка, повторный запуск`, ms(again.ms), mb(rssOf(again.child.pid!))]);
    await stopServer(again.child);
    rmSync(dir, { recursive: true, force: true });
  }
  printTable('Запуск: от старта процесса до первого ответа /api/health', ['случай', 'время', 'память (RSS) после старта'], rows);
}
