import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { httpSession } from './http-session';
import { pidFile } from './data-dir-lock';
import { startServer, type ServerProcess } from './server-process';

/** A case registered through the real HTTP API; returns its id. */
async function registerCase(url: string, text: string): Promise<string> {
  const operator = await httpSession(url, 'operator');
  const topics = (await (await operator.get('/api/topics')).json()) as { items: { id: string; code: string }[] };
  const res = await operator.send('POST', '/api/cases', {
    regime: 'MESSAGE', channel: 'phone', receivedAt: new Date().toISOString(), text,
    subtopicId: topics.items.find((t) => t.code.startsWith('roads.'))!.id,
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return ((await res.json()) as { id: string }).id;
}

/** Sends the signal and waits for the exit; a hang guard only (no timing assertion). */
async function stop(server: ServerProcess, signal: NodeJS.Signals) {
  server.child.kill(signal);
  const guard = new Promise<'hang'>((r) => setTimeout(() => r('hang'), 60_000).unref());
  const result = await Promise.race([server.exited, guard]);
  if (result === 'hang') server.child.kill('SIGKILL');
  return result;
}

describe('the server stops cleanly on SIGTERM and SIGINT (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mcu-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits with 0, releases the folder, and the data written before is there after a restart', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    expect((await (await fetch(`${first.url}/api/health`)).json()).status).toBe('ok');
    expect(existsSync(pidFile(dataDir))).toBe(true);
    // A second server on the same folder is refused while the first one holds it.
    await expect(startServer({ DATA_DIR: dataDir })).rejects.toThrow(/держит работающий сервер МЦУ/);
    const a = await registerCase(first.url, 'Яма на дороге у дома 1 по улице Мира, до SIGTERM');
    expect(await stop(first, 'SIGTERM'), first.stderr()).toEqual({ code: 0, signal: null });
    expect(existsSync(pidFile(dataDir))).toBe(false);

    const second = await startServer({ DATA_DIR: dataDir });
    const head = await httpSession(second.url, 'head');
    expect((await head.get(`/api/cases/${a}`)).status).toBe(200);
    const b = await registerCase(second.url, 'Яма на дороге у дома 2 по улице Мира, до SIGINT');
    expect(await stop(second, 'SIGINT'), second.stderr()).toEqual({ code: 0, signal: null });

    const database = await openDatabase({ dataDir: join(dataDir, 'db') });
    try {
      const rows = await database.query<{ id: string }>('SELECT id FROM cases WHERE id = ANY($1::uuid[])', [[a, b]]);
      expect(rows.map((r) => r.id).sort()).toEqual([a, b].sort());
    } finally {
      await database.close();
    }
  }, 600_000);
});
