import type { Database } from '../../db/client';
import { problemsQuery } from '../../../domain/problems/schemas';
import { listProblems } from '../problems/read-problems';
import { listMeasures, listRoadmaps } from '../problems/read-roadmaps';
import { tenantToday } from '../problems/access';
import { reportsCatalogue } from '../../../web/src/i18n/ru.reports';
import { problemsCatalogue } from '../../../web/src/i18n/ru.problems';
import type { Cell, ExportColumn } from './table-file';
import type { ExportList } from './lists';
import { z } from 'zod';

const L = reportsCatalogue.exportLists;
const H = reportsCatalogue.exportHeaders;
const P = problemsCatalogue.problems;

async function* fromArray(list: Cell[][]): AsyncGenerator<Cell[]> {
  yield* list;
}

const label = (labels: Record<string, string>, v: string) => labels[v] ?? v;
const yesNo = (v: boolean) => (v ? 'да' : 'нет');

/** «Проблемы»: the list as the screen shows it (the status filter too), with the counts. */
export const problemsList: ExportList = {
  name: 'problems',
  permissions: ['analytics.read'],
  personalData: false,
  params: problemsQuery.pick({ status: true }),
  async open(database: Database, actor, params, now) {
    const q = params as { status?: string };
    const { timeZone } = await tenantToday(database.db, actor.tenantId, now);
    const { items } = await listProblems(database.db, actor, { status: q.status }, now);
    const h = H.problems;
    const columns: ExportColumn[] = [
      { header: h.title, type: 'text', width: 48 },
      { header: h.status, type: 'text', width: 16 },
      { header: h.source, type: 'text', width: 16 },
      { header: h.topic, type: 'text', width: 28 },
      { header: h.settlement, type: 'text', width: 22 },
      { header: h.cases, type: 'int', width: 11 },
      { header: h.casesWeek, type: 'int', width: 11 },
      { header: h.measures, type: 'int', width: 13 },
      { header: h.measuresDone, type: 'int', width: 12 },
      { header: h.measuresOverdue, type: 'int', width: 12 },
      { header: h.createdAt, type: 'datetime', width: 17 },
      { header: h.updatedAt, type: 'datetime', width: 17 },
      { header: h.resolvedAt, type: 'datetime', width: 17 },
    ];
    const d = (iso: string | null) => (iso ? new Date(iso) : null);
    return {
      title: L.problems,
      columns,
      timeZone,
      count: null,
      rows: fromArray(
        items.map((p) => [p.title, label(P.status, p.status), label(P.source, p.source), p.topic?.name, p.settlement?.name, p.cases, p.casesWeek, p.measures, p.measuresDone, p.measuresOverdue, d(p.createdAt), d(p.updatedAt), d(p.resolvedAt)]),
      ),
    };
  },
};

/** «Дорожные карты» (the screen's «Утверждена» filter too): one row per measure with its roadmap (a roadmap without measures: one row). */
export const roadmapsList: ExportList = {
  name: 'roadmaps',
  permissions: ['analytics.read'],
  personalData: false,
  params: z.object({ approved: z.enum(['yes', 'no'], { error: 'Утверждена: да или нет' }).optional() }),
  async open(database: Database, actor, params, now) {
    const { approved } = params as { approved?: 'yes' | 'no' };
    const { today, timeZone } = await tenantToday(database.db, actor.tenantId, now);
    const items = (await listRoadmaps(database.db, actor, now)).items.filter((r) => !approved || (approved === 'yes') === Boolean(r.approvedAt));
    const h = H.roadmaps;
    const columns: ExportColumn[] = [
      { header: h.roadmap, type: 'text', width: 40 },
      { header: h.block, type: 'text', width: 24 },
      { header: h.problem, type: 'text', width: 36 },
      { header: h.approvedAt, type: 'datetime', width: 17 },
      { header: h.approvedBy, type: 'text', width: 24 },
      { header: h.measure, type: 'text', width: 44 },
      { header: h.responsible, type: 'text', width: 24 },
      { header: h.recipient, type: 'text', width: 28 },
      { header: h.dueOn, type: 'date', width: 12 },
      { header: h.doneOn, type: 'date', width: 12 },
      { header: h.status, type: 'text', width: 15 },
      { header: h.overdue, type: 'text', width: 12 },
    ];
    const out: Cell[][] = [];
    for (const r of items) {
      const head: Cell[] = [r.title, r.block?.name, r.problem?.title, r.approvedAt ? new Date(r.approvedAt) : null, r.approvedBy];
      const measures = await listMeasures(database.db, actor, { roadmapId: r.id }, today);
      if (!measures.length) out.push([...head, null, null, null, null, null, null, null]);
      for (const m of measures) out.push([...head, m.title, m.responsible.name, m.recipient?.name, m.dueOn, m.doneOn, label(P.measure.status, m.status), yesNo(m.overdue)]);
    }
    return { title: L.roadmaps, columns, timeZone, count: null, rows: fromArray(out) };
  },
};
