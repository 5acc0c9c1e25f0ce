import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { localities, settlements } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { localityInput } from '../../../domain/territory/schemas';
import { AppError } from '../../errors';
import { readCsv } from '../../lib/read-csv';
import { recordAudit } from '../audit/record-audit';

export interface ImportReport {
  inserted: number;
  updated: number;
  errors: { row: number; message: string }[];
}

interface Row {
  row: number;
  values: Record<string, unknown>;
}

/**
 * Loads a municipality's own gazetteer: localities from CSV (code;name;type;settlement_code;oktmo;
 * postcode;population;lat;lon) or GeoJSON Point features with the same properties, and settlement
 * boundaries from GeoJSON (Multi)Polygon features with `settlement_code`. Upserts by code; a bad
 * row is reported with its number and reason while the good rows go in.
 */
export async function importGazetteer(tx: Tx, actor: Actor, file: { name: string; data: Buffer }): Promise<ImportReport> {
  const rows = /\.(geo)?json$/i.test(file.name) ? rowsFromGeoJson(file.data) : rowsFromCsv(file.data);
  const byCode = new Map((await tx.select().from(settlements).where(eq(settlements.tenantId, actor.tenantId))).map((s) => [s.code, s]));
  const report: ImportReport = { inserted: 0, updated: 0, errors: [] };
  for (const r of rows) {
    try {
      await tx.transaction((sp) => applyRow(sp, actor, r, byCode, report));
    } catch (e) {
      report.errors.push({ row: r.row, message: e instanceof AppError ? e.message : 'Строка не сохранена: ошибка базы данных' });
    }
  }
  await recordAudit(tx, actor, { action: 'import', entity: 'gazetteer', after: { file: file.name, ...report, errors: report.errors.length } });
  return report;
}

async function applyRow(tx: Tx, actor: Actor, r: Row, byCode: Map<string, typeof settlements.$inferSelect>, report: ImportReport) {
  const settlement = byCode.get(String(r.values.settlement_code ?? ''));
  if (!settlement) throw new AppError('validation', `Поселение с кодом «${String(r.values.settlement_code ?? '')}» не найдено`);
  if (r.values.geometry) {
    await tx.update(settlements).set({ boundary: r.values.geometry }).where(eq(settlements.id, settlement.id));
    report.updated++;
    return;
  }
  const parsed = localityInput.safeParse({
    code: r.values.code,
    name: r.values.name,
    type: r.values.type || 'населённый пункт',
    settlementId: settlement.id,
    oktmo: blankToNull(r.values.oktmo),
    postcode: blankToNull(r.values.postcode),
    population: numOrNull(r.values.population),
    lat: numOrNull(r.values.lat),
    lon: numOrNull(r.values.lon),
  });
  if (!parsed.success) throw new AppError('validation', parsed.error.issues.map((i) => i.message).join('; '));
  const v = parsed.data;
  const values = { ...v, oktmo: v.oktmo ?? null, postcode: v.postcode ?? null, population: v.population ?? null, populationYear: null, lat: v.lat ?? null, lon: v.lon ?? null };
  const [existing] = await tx.select({ id: localities.id }).from(localities).where(and(eq(localities.tenantId, actor.tenantId), eq(localities.code, v.code)));
  if (existing) {
    await tx.update(localities).set({ ...values, updatedAt: new Date() }).where(eq(localities.id, existing.id));
    report.updated++;
  } else {
    await tx.insert(localities).values({ ...values, tenantId: actor.tenantId, source: 'импорт справочника' });
    report.inserted++;
  }
}

function rowsFromCsv(data: Buffer): Row[] {
  let parsed;
  try {
    parsed = readCsv(data);
  } catch (e) {
    throw new AppError('validation', (e as Error).message);
  }
  if (parsed.rows.length === 0) throw new AppError('validation', 'Файл пуст: нет ни одной строки данных');
  for (const col of ['code', 'name', 'settlement_code']) {
    if (!parsed.header.includes(col)) throw new AppError('validation', `В файле нет обязательного столбца «${col}»`);
  }
  return parsed.rows.map((r) => ({ row: r.line, values: r.values }));
}

function rowsFromGeoJson(data: Buffer): Row[] {
  let json: { type?: string; features?: { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }[] };
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    throw new AppError('validation', 'Файл GeoJSON не читается: неверный JSON');
  }
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new AppError('validation', 'Ожидается GeoJSON FeatureCollection');
  return json.features.map((f, i) => {
    const props = f.properties ?? {};
    const g = f.geometry;
    if (g?.type === 'Point' && Array.isArray(g.coordinates)) {
      const [lon, lat] = g.coordinates as number[];
      return { row: i + 1, values: { ...props, lat, lon } };
    }
    if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') return { row: i + 1, values: { ...props, geometry: g } };
    return { row: i + 1, values: { ...props, settlement_code: props.settlement_code ?? '' } };
  });
}

const blankToNull = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));
function numOrNull(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.').replace(/\s/g, ''));
  return Number.isFinite(n) ? n : NaN;
}
