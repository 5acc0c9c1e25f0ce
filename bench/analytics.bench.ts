import { eq, sql } from 'drizzle-orm';
import type { Database } from '../server/db/client';
import { users } from '../server/db/schema';
import { loadActor } from '../server/modules/auth/load-actor';
import { rows } from '../server/db/rows';
import { addDaysIso, localDate, zonedTimeToUtc } from '../domain/deadlines';
import { periodContaining, previousPeriod } from '../domain/analytics/period';
import { analyticsFilters, heatmapQuery, mapQuery, ratingQuery, regionFilters, regionHeatmapQuery } from '../domain/analytics/schemas';
import { municipalHeatmap } from '../server/modules/analytics/heatmap';
import { municipalMap } from '../server/modules/analytics/map';
import { weeklySignals } from '../server/modules/analytics/signals';
import { municipalDashboard } from '../server/modules/analytics/dashboard';
import { daySumsMismatches } from '../server/modules/analytics/day-sums-check';
import { recipientRating } from '../server/modules/analytics/rating';
import { municipalIndicators } from '../server/modules/analytics/indicator-values';
import { municipalityRating, regionDashboard, regionHeatmap, regionIndicators } from '../server/modules/analytics/region';
import { benchDatabase, BENCH_NOW } from './bench-db';
import { inScope, ms, printTable, requestScope, stats } from './lib';

const TZ = 'Europe/Saratov';

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: plans, caches, the lazily seeded indicators
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Heat map, map, signals, dashboard, rating and indicator values on `cases` generated cases,
 * next to the bare GROUP BY they all build on. Prints p50 / p95; never asserts.
 */
export async function benchAnalytics(opts: { cases: number; kinds: ('pglite' | 'postgres')[]; runs?: number }): Promise<void> {
  const runs = opts.runs ?? 20;
  const table: (string | number)[][] = [];
  for (const kind of opts.kinds) {
    const { database, tenantId } = await benchDatabase(kind, opts.cases, (s) => process.stdout.write(s + '\n'));
    table.push(...(await measure(database, tenantId, kind, runs)));
    await database.close();
  }
  printTable(
    `Аналитика на ${opts.cases.toLocaleString('ru-RU')} обращений (p50 / p95 по ${runs} запросам, «сейчас» = ${BENCH_NOW.toISOString()})`,
    ['база', 'операция', 'p50', 'p95', 'макс.'],
    table,
  );
}

async function measure(database: Database, tenantId: string, kind: string, runs: number): Promise<(string | number)[][]> {
  const { db } = database;
  const [head] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'head'));
  const actor = (await loadActor(db, head.id, tenantId, 'bench'))!;
  const [region] = await db.select({ id: users.id, tenantId: users.tenantId }).from(users).where(eq(users.login, 'region'));
  const regionActor = region ? await loadActor(db, region.id, region.tenantId, 'bench') : null;
  const today = localDate(BENCH_NOW, TZ);
  const quarter = previousPeriod(periodContaining('quarter', today)); // the last complete quarter
  const q = { from: quarter.from, to: quarter.to };
  const month = { from: addDaysIso(today, -29), to: today };
  const year = { from: addDaysIso(today, -364), to: today };
  const out: (string | number)[][] = [];
  // Each action runs as its actor's request would: under row-level security with its tenants.
  const scope = await requestScope(database, actor);
  const regionScope = regionActor ? await requestScope(database, regionActor) : null;
  const row = async (label: string, fn: () => Promise<unknown>, under = scope) => {
    const s = stats(await timeIt(runs, () => inScope(under, fn)));
    out.push([kind, label, ms(s.p50), ms(s.p95), ms(s.max)]);
  };
  const start = zonedTimeToUtc(year.from, '00:00', TZ);
  const end = zonedTimeToUtc(addDaysIso(year.to, 1), '00:00', TZ);
  await row('эталон: SELECT topic_id, settlement_id, count(*) … за год GROUP BY 1,2', () =>
    rows(db, sql`SELECT topic_id, settlement_id, count(*) FROM cases WHERE tenant_id = ${tenantId} AND received_at >= ${start} AND received_at < ${end} GROUP BY 1, 2`),
  );
  await row('тепловая карта: 30 дней (+ пред. период и год назад)', () => municipalHeatmap(db, actor, heatmapQuery.parse(month), BENCH_NOW));
  await row(`тепловая карта: квартал ${quarter.code}`, () => municipalHeatmap(db, actor, heatmapQuery.parse(q), BENCH_NOW));
  await row('тепловая карта: год', () => municipalHeatmap(db, actor, heatmapQuery.parse(year), BENCH_NOW));
  await row('тепловая карта: подтематики × нас. пункты, квартал, доля просроченных', async () => {
    const [t] = await rows<{ id: string }>(db, sql`SELECT id FROM topics WHERE tenant_id = ${tenantId} AND code = 'housing'`);
    return municipalHeatmap(db, actor, heatmapQuery.parse({ ...q, topicId: t?.id, level: 'locality', measure: 'overdue_share' }), BENCH_NOW);
  });
  await row('карта: 30 дней, сетка 0,01°', () => municipalMap(db, actor, mapQuery.parse(month), BENCH_NOW));
  await row('сигналы роста: последняя полная неделя', () => weeklySignals(db, actor, {}, BENCH_NOW));
  await row(`обзор МЦУ: квартал ${quarter.code}`, () => municipalDashboard(db, actor, analyticsFilters.parse(q), BENCH_NOW));
  await row('обзор МЦУ: год', () => municipalDashboard(db, actor, analyticsFilters.parse(year), BENCH_NOW));
  await row(`рейтинг получателей: квартал ${quarter.code}`, () => recipientRating(db, actor, ratingQuery.parse(q), BENCH_NOW));
  await row(`показатели: значения за ${quarter.code}`, () => municipalIndicators(db, actor, quarter.code, BENCH_NOW));
  if (regionActor) {
    await row(`ЦУР: тепловая карта, квартал ${quarter.code}`, () => regionHeatmap(db, regionActor, regionHeatmapQuery.parse(q), BENCH_NOW), regionScope);
    await row(`ЦУР: сводка, квартал ${quarter.code}`, () => regionDashboard(db, regionActor, regionFilters.parse(q), BENCH_NOW), regionScope);
    await row(`ЦУР: рейтинг муниципалитетов, квартал ${quarter.code}`, () => municipalityRating(db, regionActor, regionFilters.parse(q), BENCH_NOW), regionScope);
    await row(`ЦУР: показатели за ${quarter.code}`, () => regionIndicators(db, regionActor, quarter.code, BENCH_NOW), regionScope);
  }
  const t0 = performance.now();
  const mismatches = await daySumsMismatches(db);
  out.push([kind, `сверка дневных сумм со счётом по обращениям: расхождений ${mismatches.length}`, ms(performance.now() - t0), '', '']);
  return out;
}
