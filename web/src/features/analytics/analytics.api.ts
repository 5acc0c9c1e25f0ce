import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RegisterSearch } from '../cases/register-search';
import type { IndicatorInput } from '../../../../domain/analytics/schemas';

/** Shapes of /api/analytics/* (server/modules/analytics). Shares are fractions 0…1. */
export type Unit = 'count' | 'share' | 'days' | 'hours' | 'rating' | 'per1000' | 'score';
export type MapMeasure = 'count' | 'per1000' | 'overdue_share' | 'avg_rating';
export type RegisterLink = RegisterSearch;
export interface DateRange {
  from: string;
  to: string;
}

export interface Figure {
  value: number | null;
  n: number;
  k?: number;
  registerQuery: RegisterLink | null;
}

export interface Cell {
  value: number | null;
  count: number;
  n: number;
  prev: number | null;
  yoy: number | null;
  registerQuery: RegisterLink | null;
}

export interface Heatmap {
  measure: MapMeasure;
  unit: Unit;
  level: 'settlement' | 'locality' | 'municipality';
  rowsAre: 'topic' | 'subtopic';
  period: DateRange;
  previous: DateRange;
  yearAgo: DateRange;
  rows: { id: string | null; code: string | null; name: string | null; total: Cell }[];
  columns: { id: string | null; code: string | null; name: string | null; population: number | null; total: Cell }[];
  cells: Cell[][];
  total: Cell;
  scale: { min: number | null; max: number | null; breaks: number[] };
}

export interface MapData {
  measure: MapMeasure;
  unit: Unit;
  period: DateRange;
  total: Cell;
  settlements: ({ id: string | null; code: string | null; name: string | null; population: number | null } & Cell)[];
  scale: { min: number | null; max: number | null; breaks: number[] };
  localities: { id: string; name: string; settlementId: string | null; lat: number | null; lon: number | null; population: number | null; count: number; value: number | null; n: number; registerQuery: RegisterLink }[];
  grid: { cellDegrees: number; minCount: number; cells: { lat: number; lon: number; count: number }[]; suppressed: number; withoutPoint: number };
}

export interface GeoFeature {
  type: 'Feature';
  properties: { kind: 'district' | 'settlement' | 'municipality'; code?: string; name: string; municipalityId?: string | null };
  geometry: unknown;
}
export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export interface Signal {
  signalKey: string;
  topic: { id: string; name: string | null };
  settlement: { id: string; name: string | null };
  observed: number;
  expected: number;
  ratio: number | null;
  pValue: number;
  threshold: number;
  basis: { recentMean: number; seasonal: number | null; seasons: number; lambda: number };
  series: { week: string; from: string; count: number }[];
  factors: Record<'subtopics' | 'channels' | 'localities' | 'streets', { key: string | null; name: string | null; count: number; usual: number }[]>;
  registerQuery: RegisterLink;
  dismissed: { reason: string; at: string; by: string | null } | null;
}
export interface Signals {
  week: { code: string; from: string; to: string };
  cellsChecked: number;
  items: Signal[];
}

interface Breakdown {
  code: string;
  count: number;
  share: number | null;
  inTimeShare: number | null;
  registerQuery: RegisterLink | null;
}
export interface TrendPoint {
  period: string;
  from: string;
  to: string;
  received: Figure;
  inTimeShare: Figure;
  avgAnswerDays: Figure;
  avgRating: Figure;
  overdueShare: Figure;
}
export interface Dashboard {
  period: DateRange;
  intake: { total: Figure; byChannel: Breakdown[]; byRegime: Breakdown[] };
  timeliness: {
    inTimeShare: Figure;
    late: Figure;
    avgAnswerDays: Figure;
    overdueShare: Figure;
    incident: { avgAnswerWorkingHours: Figure; avgFirstResponseWorkingHours: Figure; note: string | null } | null;
  };
  fastTrack: { share: Figure };
  returns: { share: Figure };
  satisfaction: { avgRating: Figure; share45: Figure; low: Figure };
  repeat: { share: Figure };
  autoRouted: { share: Figure };
  trends: { weekly: TrendPoint[]; monthly: TrendPoint[] };
  overdueNow: { total: Figure; byRecipient?: { recipient: { id: string; name: string | null } | null; count: number; registerQuery: RegisterLink | null }[] };
}

export type RatingPart = 'timeliness' | 'completeness' | 'satisfaction';
export interface PartScore {
  k: number;
  n: number;
  raw: number | null;
  prior: number | null;
  shrunk: number | null;
  weight: number;
  points: number | null;
}
export interface RatingItem {
  n: number;
  lowData: boolean;
  score: number | null;
  rank: number | null;
  parts: Record<RatingPart, PartScore>;
  avgRating: number | null;
  previous: { n: number; score: number | null; rank: number | null } | null;
  rankChange: number | null;
}
export interface Rating<T> {
  period: DateRange;
  previousPeriod: DateRange;
  method: { priorStrength: number; minCases: number; weights: Record<RatingPart, number>; parts: RatingPart[] };
  items: (RatingItem & T)[];
}
export type RecipientRating = Rating<{ recipient: { id: string; name: string | null; shortName: string | null }; registerQuery: RegisterLink }>;
export type MunicipalityRating = Rating<{ municipality: { id: string; name: string | null }; per1000: number | null }>;

export interface IndicatorDefinition {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  measure: string;
  unit: Unit;
  filters: Record<string, string>;
  period: 'month' | 'quarter' | 'year';
  target: { value: number; direction: 'gte' | 'lte' } | null;
  setBy: 'region' | 'curator';
  sort: number;
  isActive: boolean;
}
export interface IndicatorValue {
  value: number | null;
  n: number;
  met: boolean | null;
}
export interface Indicators {
  period: { code: string; kind: string; from: string; to: string };
  items: (IndicatorDefinition & IndicatorValue & { previous: IndicatorValue & { period: string }; months: (IndicatorValue & { period: string })[]; registerQuery: RegisterLink })[];
}
export interface RegionIndicators {
  period: { code: string; kind: string; from: string; to: string };
  municipalities: { id: string; code: string; name: string; population: number | null }[];
  indicators: (Omit<IndicatorDefinition, 'id' | 'tenantId'> & {
    region: { value: number | null; n: number } | null;
    values: ({ municipalityId: string; target: IndicatorDefinition['target']; setBy: string; previous: IndicatorValue & { period: string } } & IndicatorValue)[];
  })[];
}
export interface RegionDashboard extends Omit<Dashboard, 'overdueNow'> {
  municipalities: { id: string; code: string; name: string; population: number | null }[];
  byMunicipality: { municipality: { id: string; name: string }; received: number; per1000: number | null; inTimeShare: number | null; rating45Share: number | null; avgRating: number | null; overdueNow: number }[];
  overdueNow: { total: Figure };
}

/** Query params without empty values; lists repeated (`status=a&status=b`). */
export function toParams(q: object): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

const get = <T,>(path: string, q: object = {}) => api.get<T>(`${path}${toParams(q)}`);
const live = { placeholderData: keepPreviousData, staleTime: 30_000 };

export const dashboardQuery = (q: object) => queryOptions({ queryKey: ['analytics', 'dashboard', q], queryFn: () => get<Dashboard>('/api/analytics/dashboard', q), ...live });
export const heatmapQuery = (q: object) => queryOptions({ queryKey: ['analytics', 'heatmap', q], queryFn: () => get<Heatmap>('/api/analytics/heatmap', q), ...live });
export const mapQuery = (q: object) => queryOptions({ queryKey: ['analytics', 'map', q], queryFn: () => get<MapData>('/api/analytics/map', q), ...live });
export const signalsQuery = (q: object) => queryOptions({ queryKey: ['analytics', 'signals', q], queryFn: () => get<Signals>('/api/analytics/signals', q), ...live });
export const ratingQuery = (q: object) => queryOptions({ queryKey: ['analytics', 'rating', q], queryFn: () => get<RecipientRating>('/api/analytics/rating', q), ...live });
export const indicatorsQuery = (period?: string) => queryOptions({ queryKey: ['analytics', 'indicators', period ?? ''], queryFn: () => get<Indicators>('/api/analytics/indicators', { period }), ...live });
export const definitionsQuery = queryOptions({
  queryKey: ['analytics', 'definitions'],
  queryFn: () => get<{ items: IndicatorDefinition[]; measures: { code: string; unit: Unit }[] }>('/api/analytics/indicators/definitions'),
});
export const geoQuery = queryOptions({ queryKey: ['territory', 'geo'], queryFn: () => get<GeoCollection>('/api/territory/geo'), staleTime: Infinity });

export const regionDashboardQuery = (q: object) => queryOptions({ queryKey: ['region', 'dashboard', q], queryFn: () => get<RegionDashboard>('/api/analytics/region/dashboard', q), ...live });
export const regionRatingQuery = (q: object) => queryOptions({ queryKey: ['region', 'rating', q], queryFn: () => get<MunicipalityRating>('/api/analytics/region/rating', q), ...live });
export const regionIndicatorsQuery = (period?: string) => queryOptions({ queryKey: ['region', 'indicators', period ?? ''], queryFn: () => get<RegionIndicators>('/api/analytics/region/indicators', { period }), ...live });
export const regionGeoQuery = queryOptions({ queryKey: ['region', 'geo'], queryFn: () => get<GeoCollection>('/api/analytics/region/geo'), staleTime: Infinity });

export function useDismissSignal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { signalKey: string; reason: string }) => api.post('/api/analytics/signals/dismiss', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['analytics', 'signals'] }),
  });
}
export function useRestoreSignal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { signalKey: string }) => api.post('/api/analytics/signals/restore', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['analytics', 'signals'] }),
  });
}
export function useSaveIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: IndicatorInput }) =>
      id ? api.put(`/api/analytics/indicators/definitions/${id}`, body) : api.post('/api/analytics/indicators/definitions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['analytics'] }),
  });
}
export function useIndicatorActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api.patch(`/api/analytics/indicators/definitions/${id}/active`, { isActive }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['analytics'] }),
  });
}
