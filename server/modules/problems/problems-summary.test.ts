import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, targets } from '../../test/databases';
import type { Database } from '../../db/client';
import { problemCases, problems, roadmapMeasures, roadmaps } from '../../db/schema';
import { insertCase } from '../analytics/analytics-fixture';
import { demoRefs, type DemoRefs } from './problems-fixture';
import { summariseProblems } from './problems-summary';

/** Week 16–22.11.2026 in Саратов (UTC+4): [16.11 00:00, 23.11 00:00) local. */
const FROM = new Date('2026-11-15T20:00:00Z');
const TO = new Date('2026-11-22T20:00:00Z');

describe.each(targets())('summariseProblems on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let d: DemoRefs;

  beforeAll(async () => {
    ({ database, dispose } = await freshDatabase(target, { demo: true }));
    d = await demoRefs(database);
    const { db } = database;
    const problem = async (title: string, status: string, createdAt: string, resolvedAt: string | null) =>
      (await db.insert(problems).values({ tenantId: d.tenantId, title, status, source: 'manual', topicId: d.topicId, settlementId: d.settlementId, createdAt: new Date(createdAt), resolvedAt: resolvedAt ? new Date(resolvedAt) : null }).returning())[0].id;
    const p1 = await problem('Нет отопления', 'open', '2026-11-01T08:00:00Z', null);
    const p2 = await problem('Ямы на ул. Ленина', 'in_progress', '2026-11-17T08:00:00Z', null);
    await problem('Мусор', 'resolved', '2026-10-01T08:00:00Z', '2026-11-18T08:00:00Z'); // resolved in the week
    await problem('Старое', 'resolved', '2026-09-01T08:00:00Z', '2026-10-01T08:00:00Z'); // resolved before: not listed
    await problem('Будущее', 'open', '2026-11-24T08:00:00Z', null); // created after the week: not counted
    await problem('Не подтвердилась', 'not_confirmed', '2026-11-02T08:00:00Z', '2026-11-19T08:00:00Z');
    const link = async (problemId: string, receivedAt: string) => {
      const caseId = await insertCase(database, d.tenantId, { receivedAt: new Date(receivedAt), topicId: d.topicId, settlementId: d.settlementId });
      await db.insert(problemCases).values({ tenantId: d.tenantId, problemId, caseId });
    };
    await link(p1, '2026-11-10T08:00:00Z');
    await link(p1, '2026-11-16T08:00:00Z');
    await link(p1, '2026-11-20T08:00:00Z');
    await link(p1, '2026-11-25T08:00:00Z'); // after the week: in neither count
    await link(p2, '2026-11-17T09:00:00Z');
    const [r] = await db.insert(roadmaps).values({ tenantId: d.tenantId, title: 'ЖКХ 2026', blockId: d.blockId }).returning();
    const measure = (title: string, dueOn: string, status: string) =>
      db.insert(roadmapMeasures).values({ tenantId: d.tenantId, roadmapId: r.id, title, dueOn, status, responsibleId: d.execId });
    await measure('Заменить трубы', '2026-11-20', 'in_progress'); // overdue at 23.11
    await measure('Провести аудит', '2026-11-22', 'planned'); // due Sunday 22.11, the last day: overdue at its end
    await measure('Купить технику', '2026-11-23', 'planned'); // due next week
    await measure('Отремонтировать', '2026-11-29', 'planned'); // next week (29 < 30)
    await measure('Через две недели', '2026-11-30', 'planned');
    await measure('Сделано', '2026-11-01', 'done');
    await measure('Отменено', '2026-11-01', 'cancelled');
  });
  afterAll(async () => dispose());

  it('counts problems and measures of the week and lists them', async () => {
    const s = await summariseProblems(database.db, d.tenantId, FROM, TO);
    expect(s.open).toBe(2);
    expect(s.createdInPeriod).toBe(1);
    expect(s.resolvedInPeriod).toBe(1);
    expect(s.problems.map((p) => [p.title, p.status, p.casesInPeriod, p.casesTotal])).toEqual([
      ['Нет отопления', 'open', 2, 3],
      ['Ямы на ул. Ленина', 'in_progress', 1, 1],
      ['Мусор', 'resolved', 0, 0],
      ['Не подтвердилась', 'not_confirmed', 0, 0],
    ]);
    expect(s.problems[0].territory).toBe(d.settlementName);
    expect(s.problems[0].topic).toBe(d.topicName);
    expect(s.measures).toEqual({ total: 6, done: 1, overdue: 2, dueNextWeek: 2 });
    expect(s.overdueMeasures).toEqual([
      { title: 'Заменить трубы', roadmap: 'ЖКХ 2026', responsible: d.execName, dueOn: '2026-11-20' },
      { title: 'Провести аудит', roadmap: 'ЖКХ 2026', responsible: d.execName, dueOn: '2026-11-22' },
    ]);
  });

  it('is empty for a tenant without problems', async () => {
    const s = await summariseProblems(database.db, d.regionId, FROM, TO);
    expect(s).toEqual({ open: 0, createdInPeriod: 0, resolvedInPeriod: 0, problems: [], measures: { total: 0, done: 0, overdue: 0, dueNextWeek: 0 }, overdueMeasures: [] });
  });
});
