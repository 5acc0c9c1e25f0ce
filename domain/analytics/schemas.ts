import { z } from 'zod';
import { CASE_STATUSES, REGIMES } from '../cases/status';
import { INDICATOR_MEASURES, MAP_MEASURES } from './measures';
import { PERIOD_CODE } from './period';
import { optionalUuidRef, requiredText, code } from '../validation/fields';

/** The filters of analytics: a subset of the register's filters, with the same names and meaning. */
export const analyticsFilters = z.object({
  from: z.iso.date({ error: 'Период с: дата ГГГГ-ММ-ДД' }).optional(),
  to: z.iso.date({ error: 'Период по: дата ГГГГ-ММ-ДД' }).optional(),
  regime: z.enum(REGIMES, { error: 'Режим: выберите из списка' }).optional(),
  channel: z.string().max(64).optional(),
  blockId: z.uuid({ error: 'Блок: неверная ссылка' }).optional(),
  topicId: z.uuid({ error: 'Тематика: неверная ссылка' }).optional(),
  settlementId: z.uuid({ error: 'Поселение: неверная ссылка' }).optional(),
  localityId: z.uuid({ error: 'Населённый пункт: неверная ссылка' }).optional(),
  recipientId: z.uuid({ error: 'Получатель: неверная ссылка' }).optional(),
  status: z
    .union([z.enum(CASE_STATUSES), z.array(z.enum(CASE_STATUSES))], { error: 'Статус: выберите из списка' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});
export type AnalyticsFilters = z.infer<typeof analyticsFilters>;

export const heatmapQuery = analyticsFilters.extend({
  measure: z.enum(MAP_MEASURES, { error: 'Показатель: выберите из списка' }).default('count'),
  level: z.enum(['settlement', 'locality'], { error: 'Территория: поселения или населённые пункты' }).default('settlement'),
});
export type HeatmapQuery = z.infer<typeof heatmapQuery>;

/** Grid cell sizes of the case-point layer, in degrees (0.01° ≈ 1.1 km north–south). */
export const GRID_SIZES = ['0.005', '0.01', '0.02', '0.05'] as const;

export const mapQuery = analyticsFilters.extend({
  measure: z.enum(MAP_MEASURES, { error: 'Показатель: выберите из списка' }).default('count'),
  grid: z.enum(GRID_SIZES, { error: 'Сетка: 0.005, 0.01, 0.02 или 0.05 градуса' }).default('0.01'),
});
export type MapQuery = z.infer<typeof mapQuery>;

export const ISO_WEEK = /^\d{4}-W\d{2}$/;

export const signalsQuery = z.object({
  week: z.string().regex(ISO_WEEK, { error: 'Неделя: формат ГГГГ-Wнн, например 2026-W47' }).optional(),
  blockId: z.uuid({ error: 'Блок: неверная ссылка' }).optional(),
  topicId: z.uuid({ error: 'Тематика: неверная ссылка' }).optional(),
});
export type SignalsQuery = z.infer<typeof signalsQuery>;

/** `2026-W47:<topic uuid>:<settlement uuid>`: stable, so a problem can link to it later. */
export const SIGNAL_KEY = /^\d{4}-W\d{2}:[0-9a-f-]{36}:[0-9a-f-]{36}$/;

export const dismissSignalInput = z.object({
  signalKey: z.string({ error: 'Сигнал: обязательное поле' }).regex(SIGNAL_KEY, { error: 'Сигнал: неверный ключ' }),
  reason: requiredText('Причина'),
});
export type DismissSignalInput = z.infer<typeof dismissSignalInput>;

export const restoreSignalInput = dismissSignalInput.pick({ signalKey: true });

export const ratingQuery = z.object({
  from: z.iso.date({ error: 'Период с: дата ГГГГ-ММ-ДД' }).optional(),
  to: z.iso.date({ error: 'Период по: дата ГГГГ-ММ-ДД' }).optional(),
  regime: z.enum(REGIMES, { error: 'Режим: выберите из списка' }).optional(),
  channel: z.string().max(64).optional(),
  blockId: z.uuid({ error: 'Блок: неверная ссылка' }).optional(),
});
export type RatingQuery = z.infer<typeof ratingQuery>;

export const periodQuery = z.object({
  period: z.string().regex(PERIOD_CODE, { error: 'Период: 2026, 2026-Q3, 2026-09 или 2026-W47' }).optional(),
});

export const INDICATOR_PERIODS = ['month', 'quarter', 'year'] as const;
export const TARGET_DIRECTIONS = ['gte', 'lte'] as const;

/** Filters an indicator may carry: the register's names; territory and topic only for a municipality's own indicators. */
export const indicatorFilters = z
  .object({
    regime: z.enum(REGIMES, { error: 'Режим: выберите из списка' }).optional(),
    channel: z.string().max(64).optional(),
    fastTrack: z.enum(['1', '0'], { error: 'Ускоренное решение: 1 или 0' }).optional(),
    blockId: optionalUuidRef('Блок'),
    topicId: optionalUuidRef('Тематика'),
    settlementId: optionalUuidRef('Поселение'),
    recipientId: optionalUuidRef('Получатель'),
  })
  .strict();
export type IndicatorFilters = z.infer<typeof indicatorFilters>;

export const indicatorInput = z.object({
  code: code('Код'),
  name: requiredText('Наименование показателя', 500),
  measure: z.enum(INDICATOR_MEASURES, { error: 'Формула: выберите из списка' }),
  filters: indicatorFilters.default({}),
  period: z.enum(INDICATOR_PERIODS, { error: 'Период: месяц, квартал или год' }).default('quarter'),
  targetValue: z.number({ error: 'Целевое значение: ожидается число (доли — от 0 до 1)' }).finite().nullable().default(null),
  targetDirection: z.enum(TARGET_DIRECTIONS, { error: 'Направление: не меньше (gte) или не больше (lte)' }).default('gte'),
  sort: z.number({ error: 'Порядок: ожидается число' }).int().min(0).max(10000).default(0),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;

/** The ЦУР sets an indicator for all its municipalities, or for the listed ones. */
export const regionIndicatorInput = indicatorInput.extend({
  municipalityIds: z.array(z.uuid({ error: 'Муниципалитет: неверная ссылка' }), { error: 'Муниципалитеты: ожидается список' }).max(500).optional(),
});
export type RegionIndicatorInput = z.infer<typeof regionIndicatorInput>;

export const regionFilters = z.object({
  from: z.iso.date({ error: 'Период с: дата ГГГГ-ММ-ДД' }).optional(),
  to: z.iso.date({ error: 'Период по: дата ГГГГ-ММ-ДД' }).optional(),
  regime: z.enum(REGIMES, { error: 'Режим: выберите из списка' }).optional(),
  channel: z.string().max(64).optional(),
  status: analyticsFilters.shape.status,
  /** Topics are per municipality; across the region they are matched by their rubricator code. */
  topicCode: z.string().max(64).optional(),
  municipalityId: z.uuid({ error: 'Муниципалитет: неверная ссылка' }).optional(),
});
export type RegionFilters = z.infer<typeof regionFilters>;

export const regionHeatmapQuery = regionFilters.extend({
  measure: z.enum(MAP_MEASURES, { error: 'Показатель: выберите из списка' }).default('count'),
});
export type RegionHeatmapQuery = z.infer<typeof regionHeatmapQuery>;
