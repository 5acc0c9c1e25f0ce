import { eq, sql } from 'drizzle-orm';
import type { Database } from '../server/db/client';
import { settlements, topics, users } from '../server/db/schema';
import { loadActor } from '../server/modules/auth/load-actor';
import { listCases, countCases } from '../server/modules/cases/list-cases';
import { getCaseCard } from '../server/modules/cases/get-case-card';
import { sweepDeadlines } from '../server/modules/notifications/sweep-deadlines';
import { registerQuery } from '../domain/cases/register-query';
import { rows } from '../server/db/rows';
import { benchDatabase, BENCH_NOW } from './bench-db';
import { inScope, ms, printTable, requestScope, stats } from './lib';
import type { TenantScope } from '../server/db/request-scope';

/** The scope the timed actions run in (a request's, see requestScope). */
let scope: TenantScope | null = null;

const TERMS = ['отопление', 'яма', 'мусор', 'свет', 'вода', 'дорога', 'снег', 'автобус'];

async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await inScope(scope, () => fn(i));
    out.push(performance.now() - t0);
  }
  return out;
}

/** Register page, case card and deadline sweep on `cases` generated cases, PGlite and PostgreSQL. */
export async function benchRegister(opts: { cases: number; kinds: ('pglite' | 'postgres')[] }): Promise<void> {
  const table: (string | number)[][] = [];
  for (const kind of opts.kinds) {
    const { database, tenantId } = await benchDatabase(kind, opts.cases, (s) => process.stdout.write(s + '\n'));
    table.push(...(await measure(database, tenantId, kind)));
    await database.close();
  }
  printTable(`Реестр на ${opts.cases.toLocaleString('ru-RU')} обращений (p50 / p95 по 40 запросам, «под угрозой/просрочено» на ${BENCH_NOW.toISOString()})`, ['база', 'операция', 'p50', 'p95', 'макс.'], table);
}

async function measure(database: Database, tenantId: string, kind: string): Promise<(string | number)[][]> {
  const [head] = await database.db.select({ id: users.id }).from(users).where(eq(users.login, 'head'));
  const actor = (await loadActor(database.db, head.id, tenantId, 'bench'))!;
  scope = await requestScope(database, actor);
  const topicRows = await database.db.select({ id: topics.id }).from(topics).where(sql`${topics.tenantId} = ${tenantId} AND ${topics.parentId} IS NULL`);
  const settlementRows = await database.db.select({ id: settlements.id }).from(settlements).where(eq(settlements.tenantId, tenantId));
  const tz = 'Europe/Saratov';
  const q = (extra: Record<string, unknown>) => registerQuery.parse({ limit: 50, ...extra });
  const out: (string | number)[][] = [];
  const row = (label: string, samples: number[]) => {
    const s = stats(samples);
    out.push([kind, label, ms(s.p50), ms(s.p95), ms(s.max)]);
  };
  await listCases(database, actor, q({}), BENCH_NOW, tz); // warm-up
  row('реестр: первая страница без фильтров', await timeIt(40, () => listCases(database, actor, q({}), BENCH_NOW, tz)));
  row(
    'реестр: 3 фильтра + полнотекстовый поиск',
    await timeIt(40, (i) =>
      listCases(database, actor, q({ status: ['registered', 'assigned', 'in_work', 'answered', 'closed'], topicId: topicRows[i % topicRows.length].id, settlementId: settlementRows[i % 3].id, q: TERMS[i % TERMS.length] }), BENCH_NOW, tz),
    ),
  );
  row('реестр: просроченные, по сроку', await timeIt(40, () => listCases(database, actor, q({ deadline: 'overdue', sort: 'due_asc' }), BENCH_NOW, tz)));
  let cursor: string | undefined;
  row(
    'реестр: листание вглубь (40 страниц подряд)',
    await timeIt(40, async () => {
      const page = await listCases(database, actor, q({ cursor }), BENCH_NOW, tz);
      cursor = page.nextCursor ?? undefined;
    }),
  );
  row('реестр: число найденных (до 10 000)', await timeIt(40, (i) => countCases(database, actor, q({ topicId: topicRows[i % topicRows.length].id }), BENCH_NOW, tz)));
  const ids = await rows<{ id: string }>(database.db, sql`SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY random() LIMIT 40`);
  row('карточка обращения', await timeIt(40, (i) => getCaseCard(database.db, actor, ids[i].id)));
  await database.exec('UPDATE cases SET reminded_at = NULL, escalated_at = NULL');
  const [{ open }] = await rows<{ open: number }>(database.db, sql`SELECT count(*)::int AS open FROM cases WHERE tenant_id = ${tenantId} AND status NOT IN ('answered','closed','forwarded','merged','rejected')`);
  const t0 = performance.now();
  const swept = await sweepDeadlines(database, tenantId, BENCH_NOW);
  const sweepMs = performance.now() - t0;
  out.push([kind, `контроль сроков: проход по ${open.toLocaleString('ru-RU')} открытым (напомн. ${swept.reminded}, эскал. ${swept.escalated})`, ms(sweepMs), '—', '—']);
  const t1 = performance.now();
  await sweepDeadlines(database, tenantId, BENCH_NOW);
  out.push([kind, 'контроль сроков: повторный проход (нечего делать)', ms(performance.now() - t1), '—', '—']);
  return out;
}
