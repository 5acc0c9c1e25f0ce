import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../server/db/client';
import { problemCases, problems, roadmapMeasures, roadmaps, users } from '../server/db/schema';
import { loadActor } from '../server/modules/auth/load-actor';
import { rows } from '../server/db/rows';
import { addDaysIso, localDate } from '../domain/deadlines';
import { problemCard } from '../server/modules/problems/read-problems';
import { roadmapCard } from '../server/modules/problems/read-roadmaps';
import { suggestCases } from '../server/modules/problems/suggest-cases';
import { summariseProblems } from '../server/modules/problems/problems-summary';
import { fastTrack } from '../server/modules/problems/fast-track';
import { listProblems } from '../server/modules/problems/read-problems';
import { benchDatabase, BENCH_NOW } from './bench-db';
import { ms, printTable, stats } from './lib';

const TZ = 'Europe/Saratov';

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The problem card (cases, weekly chart, map points, measures, effect), its suggestions, the
 * roadmap card with a measure's effect, the weekly summary and the fast track on the bench
 * database. A problem on the busiest topic × settlement cell, with its last 90 days of cases
 * linked, is created for the run and removed afterwards.
 */
export async function benchProblems(opts: { cases: number; kinds: ('pglite' | 'postgres')[]; runs?: number }): Promise<void> {
  const runs = opts.runs ?? 10;
  const table: (string | number)[][] = [];
  for (const kind of opts.kinds) {
    const { database, tenantId } = await benchDatabase(kind, opts.cases, (s) => process.stdout.write(s + '\n'));
    table.push(...(await measure(database, tenantId, kind, runs)));
    await database.close();
  }
  printTable(`Проблемы и дорожные карты на ${opts.cases.toLocaleString('ru-RU')} обращений (p50 / p95 по ${runs} запросам)`, ['база', 'операция', 'p50', 'p95', 'макс.'], table);
}

async function measure(database: Database, tenantId: string, kind: string, runs: number): Promise<(string | number)[][]> {
  const { db } = database;
  const [head] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'head'));
  const actor = (await loadActor(db, head.id, tenantId, 'bench'))!;
  const today = localDate(BENCH_NOW, TZ);
  const since = new Date(BENCH_NOW.getTime() - 90 * 864e5);
  const [cell] = await rows<{ topic_id: string; settlement_id: string; n: number }>(
    db,
    sql`SELECT topic_id, settlement_id, count(*)::int AS n FROM cases WHERE tenant_id = ${tenantId} AND received_at >= ${since} AND received_at < ${BENCH_NOW} AND topic_id IS NOT NULL AND settlement_id IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
  );
  const [p] = await db.insert(problems).values({ tenantId, title: 'Бенчмарк: проблема', source: 'manual', topicId: cell.topic_id, settlementId: cell.settlement_id, createdBy: head.id }).returning();
  const out: (string | number)[][] = [];
  try {
    await db.execute(sql`INSERT INTO problem_cases (tenant_id, problem_id, case_id) SELECT ${tenantId}, ${p.id}, id FROM cases
                         WHERE tenant_id = ${tenantId} AND topic_id = ${cell.topic_id} AND settlement_id = ${cell.settlement_id} AND received_at >= ${since} AND received_at < ${BENCH_NOW}`);
    const [r] = await db.insert(roadmaps).values({ tenantId, title: 'Бенчмарк: карта', problemId: p.id, createdBy: head.id }).returning();
    await db.insert(roadmapMeasures).values([
      { tenantId, roadmapId: r.id, title: 'Выполнено 60 дней назад', dueOn: addDaysIso(today, -60), doneOn: addDaysIso(today, -60), status: 'done', responsibleId: head.id },
      { tenantId, roadmapId: r.id, title: 'Впереди', dueOn: addDaysIso(today, 30), status: 'planned', responsibleId: head.id },
    ]);
    const row = async (label: string, fn: () => Promise<unknown>) => {
      const s = stats(await timeIt(runs, fn));
      out.push([kind, label, ms(s.p50), ms(s.p95), ms(s.max)]);
    };
    await row(`карточка проблемы (${cell.n.toLocaleString('ru-RU')} обращений привязано, эффект)`, () => problemCard(db, actor, p.id, BENCH_NOW));
    await row('похожие новые обращения (30 дней, та же ячейка)', () => suggestCases(db, actor, p.id, BENCH_NOW));
    await row('дорожная карта с эффектом мероприятия', () => roadmapCard(db, actor, r.id, BENCH_NOW));
    await row('список проблем', () => listProblems(db, actor, {}, BENCH_NOW));
    await row('сводка для записки за неделю', () => summariseProblems(db, tenantId, new Date(BENCH_NOW.getTime() - 7 * 864e5), BENCH_NOW));
    await row('ускоренное решение: 90 дней', () => fastTrack(db, actor, {}, BENCH_NOW));
    await row('ускоренное решение: год', () => fastTrack(db, actor, { from: addDaysIso(today, -364), to: today }, BENCH_NOW));
  } finally {
    const rms = await db.select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.problemId, p.id));
    if (rms.length) await db.delete(roadmapMeasures).where(inArray(roadmapMeasures.roadmapId, rms.map((x) => x.id)));
    await db.delete(roadmaps).where(eq(roadmaps.problemId, p.id));
    await db.delete(problemCases).where(eq(problemCases.problemId, p.id));
    await db.delete(problems).where(eq(problems.id, p.id));
  }
  return out;
}
