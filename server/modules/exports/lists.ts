import type { ZodType } from 'zod';
import type { Database } from '../../db/client';
import type { Actor } from '../../http/actor';
import type { Permission } from '../../../domain/auth/permissions';
import { registerQuery } from '../../../domain/cases/register-query';
import { heatmapQuery, periodQuery, ratingQuery } from '../../../domain/analytics/schemas';
import type { Unit } from '../../../domain/analytics/measures';
import { recipientRating } from '../analytics/rating';
import { municipalHeatmap } from '../analytics/heatmap';
import { municipalIndicators } from '../analytics/indicator-values';
import { reportsCatalogue } from '../../../web/src/i18n/ru.reports';
import { countRegister, REGISTER_COLUMNS, REGISTER_PD_COLUMNS, registerExportWhere, registerRows } from './register-rows';
import type { Cell, ColumnType, ExportColumn } from './table-file';
import { problemsList, roadmapsList } from './problem-lists';
import { tenantZone } from '../../db/tenant-today';

/** What an export writes: the sheet, its columns, its rows (streamed), and how many rows (if known). */
export interface OpenedExport {
  title: string;
  columns: ExportColumn[];
  timeZone: string;
  rows: AsyncIterable<Cell[]>;
  /** Rows counted up to LARGE_EXPORT + 1 (null: small by nature). */
  count: number | null;
}

export interface ExportList {
  name: string;
  /** Any of these lets a user export the list. */
  permissions: Permission[];
  /** Whether the list can carry applicants' personal data (for `pd.read` holders who ask). */
  personalData: boolean;
  params: ZodType;
  open(database: Database, actor: Actor, params: unknown, now: Date, withPd: boolean): Promise<OpenedExport>;
}

/** Above this many rows an export runs as a background job. */
export const LARGE_EXPORT = 10_000;

const L = reportsCatalogue.exportLists;
const H = reportsCatalogue.exportHeaders;

async function* fromArray(list: Cell[][]): AsyncGenerator<Cell[]> {
  yield* list;
}

/** Column type of a measure's values (shares as percentages, counts as integers). */
export function unitType(unit: Unit | string): ColumnType {
  return unit === 'share' ? 'share' : unit === 'count' ? 'int' : 'number';
}

/** Shares are fractions in the API; documents for people show them as percentages. */
export function inUnit(v: number | null | undefined, unit: string): number | null {
  if (v === null || v === undefined) return null;
  return unit === 'share' ? Math.round(v * 10000) / 100 : Math.round(v * 100) / 100;
}

export function unitLabel(unit: string): string {
  const u = reportsCatalogue.curReport.units as Record<string, string>;
  return u[unit] ?? (unit === 'per1000' ? 'на 1000 жит.' : unit === 'score' ? 'балл' : '');
}

const casesList: ExportList = {
  name: 'cases',
  permissions: ['cases.read', 'cases.read_own'],
  personalData: true,
  params: registerQuery,
  async open(database, actor, params, now, withPd) {
    const q = params as ReturnType<typeof registerQuery.parse>;
    const timeZone = await tenantZone(database.db, actor.tenantId);
    const where = await registerExportWhere(database, actor, q, now, timeZone);
    return {
      title: L.cases,
      columns: withPd ? [...REGISTER_COLUMNS, ...REGISTER_PD_COLUMNS] : REGISTER_COLUMNS,
      timeZone,
      count: await countRegister(database, where, LARGE_EXPORT),
      rows: registerRows(database, actor.tenantId, where, withPd, now),
    };
  },
};

const ratingList: ExportList = {
  name: 'rating',
  permissions: ['analytics.read'],
  personalData: false,
  params: ratingQuery,
  async open(database, actor, params, now) {
    const r = await recipientRating(database.db, actor, params as ReturnType<typeof ratingQuery.parse>, now);
    const h = H.rating;
    const columns: ExportColumn[] = [
      { header: h.rank, type: 'int', width: 8 },
      { header: h.recipient, type: 'text', width: 40 },
      { header: h.n, type: 'int', width: 12 },
      { header: h.score, type: 'number', width: 12 },
      { header: h.timeliness, type: 'share', width: 16 },
      { header: h.completeness, type: 'share', width: 16 },
      { header: h.satisfaction, type: 'share', width: 18 },
      { header: h.avgRating, type: 'number', width: 14 },
      { header: h.lowData, type: 'text', width: 12 },
      { header: h.prevRank, type: 'int', width: 14 },
    ];
    const part = (x: (typeof r.items)[number], p: 'timeliness' | 'completeness' | 'satisfaction') => x.parts[p]?.raw ?? null;
    return {
      title: L.rating,
      columns,
      timeZone: await tenantZone(database.db, actor.tenantId),
      count: null,
      rows: fromArray(
        r.items.map((x) => [x.rank, x.recipient.name, x.n, x.score, part(x, 'timeliness'), part(x, 'completeness'), part(x, 'satisfaction'), x.avgRating, x.lowData ? 'да' : 'нет', x.previous?.rank ?? null]),
      ),
    };
  },
};

const heatmapList: ExportList = {
  name: 'heatmap',
  permissions: ['analytics.read'],
  personalData: false,
  params: heatmapQuery,
  async open(database, actor, params, now) {
    const m = await municipalHeatmap(database.db, actor, params as ReturnType<typeof heatmapQuery.parse>, now);
    const t = unitType(m.unit);
    const h = H.heatmap;
    const columns: ExportColumn[] = [
      { header: h.topic, type: 'text', width: 36 },
      { header: h.territory, type: 'text', width: 30 },
      { header: h.value, type: t, width: 12 },
      { header: h.count, type: 'int', width: 12 },
      { header: h.prev, type: t, width: 14 },
      { header: h.yoy, type: t, width: 12 },
    ];
    const notSet = reportsCatalogue.reportNote.notSet;
    const out: Cell[][] = [];
    m.rows.forEach((r, i) => m.columns.forEach((c, j) => {
      const x = m.cells[i][j];
      if (x.count || x.prev || x.yoy) out.push([r.name ?? notSet, c.name ?? notSet, x.value, x.count, x.prev, x.yoy]);
    }));
    return { title: L.heatmap, columns, timeZone: await tenantZone(database.db, actor.tenantId), count: null, rows: fromArray(out) };
  },
};

const indicatorsList: ExportList = {
  name: 'indicators',
  permissions: ['analytics.read'],
  personalData: false,
  params: periodQuery,
  async open(database, actor, params, now) {
    const r = await municipalIndicators(database.db, actor, (params as { period?: string }).period, now);
    const h = H.indicators;
    const columns: ExportColumn[] = [
      { header: h.period, type: 'text', width: 10 },
      { header: h.code, type: 'text', width: 14 },
      { header: h.name, type: 'text', width: 60 },
      { header: h.unit, type: 'text', width: 8 },
      { header: h.value, type: 'number', width: 12 },
      { header: h.n, type: 'int', width: 14 },
      { header: h.target, type: 'number', width: 10 },
      { header: h.met, type: 'text', width: 10 },
      { header: h.previous, type: 'number', width: 16 },
    ];
    const met = (v: boolean | null) => (v === null ? null : v ? 'да' : 'нет');
    return {
      title: L.indicators,
      columns,
      timeZone: await tenantZone(database.db, actor.tenantId),
      count: null,
      rows: fromArray(r.items.map((x) => [r.period.code, x.code, x.name, unitLabel(x.unit), inUnit(x.value, x.unit), x.n, inUnit(x.target?.value ?? null, x.unit), met(x.met), inUnit(x.previous.value, x.unit)])),
    };
  },
};

export const EXPORT_LISTS: ExportList[] = [casesList, ratingList, heatmapList, indicatorsList, problemsList, roadmapsList];

export function findList(name: string): ExportList | undefined {
  return EXPORT_LISTS.find((l) => l.name === name);
}
