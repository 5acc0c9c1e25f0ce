import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';
import { seedRoles } from '../seed/seed-roles';
import { seedDemo } from '../seed/seed-demo';
import { freshDatabase, targets } from '../test/databases';
import { pinnedClock, signIn, testApp } from '../test/http';
import { multipart } from '../test/multipart';
import { fingerprint } from './fingerprint';
import { backupDataDir } from './backup';
import { restoreDataDir } from './restore';
import { pidFile } from './data-dir-lock';

const clock = pinnedClock('2026-04-30T07:00:00Z');

/** Cases with applicants, a file, audit rows and a PD-access row, written through the HTTP API. */
async function writeData(database: Database) {
  const app = await testApp(database, clock, { SESSION_IDLE_MINUTES: '100000', SESSION_MAX_HOURS: '10000' });
  try {
    const operator = await signIn(app, 'operator');
    const topics = (await operator.get('/api/topics')).json().items as { id: string; code: string }[];
    const subtopicId = topics.find((t) => t.code.startsWith('roads.'))!.id;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await operator.send('POST', '/api/cases', {
        regime: 'FZ59', channel: 'reception', receivedAt: '2026-04-30T10:30:00+04:00', subtopicId,
        text: `Прошу отремонтировать дорогу по улице Школьной, дом ${i}: ямы глубиной до 20 см.`,
        applicant: { fullName: 'Петров Пётр Петрович', postalAddress: '412815, рп Каменский, ул. Школьная, д. 3', phone: '+7 927 000-11-22' },
      });
      expect(res.statusCode).toBeLessThan(300);
      ids.push(res.json().id);
    }
    const png = multipart('схема.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const up = await app.inject({ method: 'POST', url: `/api/cases/${ids[0]}/files`, headers: { ...operator.headers, 'content-type': png.type }, payload: png.data });
    expect(up.statusCode).toBeLessThan(300);
  } finally {
    await app.close();
  }
}

function nonZero(fp: Awaited<ReturnType<typeof fingerprint>>) {
  for (const t of ['cases', 'case_applicants', 'case_files', 'audit_events']) expect(fp.find((r) => r.table === t)!.rows, t).toBeGreaterThan(0);
}

describe('backup and restore of the embedded database (PGlite folder)', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcu-backup-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('restores into a new folder with the same rows and checksums, and refuses what would lose data', async () => {
    const source = join(root, 'source');
    mkdirSync(join(source, 'db'), { recursive: true });
    const database = await openDatabase({ dataDir: join(source, 'db') });
    await migrate(database);
    await seedRoles(database.db);
    await seedDemo(database);
    await writeData(database);
    const before = await fingerprint(database);
    await database.close();
    nonZero(before);

    // A running server holds the folder: both commands refuse and say so.
    writeFileSync(pidFile(source), String(process.ppid));
    const file = join(root, 'mcu.tar.gz');
    await expect(backupDataDir(source, file)).rejects.toThrow(/держит работающий сервер МЦУ/);
    // A file left by a killed server (dead pid) does not block.
    writeFileSync(pidFile(source), '999999999');

    const made = await backupDataDir(source, file);
    expect(made.tables).toEqual(before);
    expect(existsSync(`${file}.json`)).toBe(true);
    await expect(backupDataDir(source, file)).rejects.toThrow(/уже существует.*--force/);

    const target = join(root, 'target');
    const restored = await restoreDataDir(target, file);
    expect(restored).toMatchObject({ verified: true, previous: null });
    const reopened = await openDatabase({ dataDir: join(target, 'db') });
    try {
      expect(await fingerprint(reopened)).toEqual(before);
    } finally {
      await reopened.close();
    }

    // Non-empty target without --force: refused, nothing touched; with --force the old one is kept aside.
    await expect(restoreDataDir(target, file)).rejects.toThrow(/не пуста.*--force/);
    const again = await restoreDataDir(target, file, { force: true, now: new Date('2026-05-01T00:00:00Z') });
    expect(again.previous).toMatch(/db\.before-restore-2026-05-01/);
    expect(existsSync(again.previous!)).toBe(true);

    // A damaged archive never replaces the database.
    const junk = join(root, 'junk.tar.gz');
    writeFileSync(junk, 'это не архив');
    await expect(restoreDataDir(join(root, 'junk-target'), junk)).rejects.toThrow(/не похож на резервную копию/);
  }, 300_000);
});

// The documented PostgreSQL equivalent (pg_dump -Fc / pg_restore), where a server and the tools exist.
describe.each(targets().filter((t) => t === 'postgres' && existsSync('/usr/bin/pg_dump')))('pg_dump and pg_restore on %s', (target) => {
  it('restores a custom-format dump into an empty database with the same rows and checksums', async () => {
    const src = await freshDatabase(target, { demo: true });
    const dst = await freshDatabase(target);
    try {
      await writeData(src.database);
      const before = await fingerprint(src.database);
      nonZero(before);
      const url = async (d: Database) => {
        const [{ name }] = await d.query<{ name: string }>('SELECT current_database() AS name');
        const u = new URL(process.env.TEST_DATABASE_URL!);
        u.pathname = `/${name}`;
        return u.toString();
      };
      const dump = join(tmpdir(), `mcu-${process.pid}.dump`);
      execFileSync('pg_dump', ['-Fc', '-d', await url(src.database), '-f', dump]);
      // The documented target is an empty database: drop what freshDatabase migrated.
      await dst.database.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await dst.database.exec('DROP SCHEMA IF EXISTS pgboss CASCADE;');
      execFileSync('pg_restore', ['--no-owner', '-d', await url(dst.database), dump]);
      rmSync(dump, { force: true });
      expect(await fingerprint(dst.database)).toEqual(before);
    } finally {
      await src.dispose();
      await dst.dispose();
    }
  }, 300_000);
});
