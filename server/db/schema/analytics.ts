import { bigint, bigserial, boolean, date, doublePrecision, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './auth';

/**
 * Показатели эффективности as data (R-RA-2): a measure from a closed safe set, optional register
 * filters, the reporting period and a target, set by the ЦУР (`region`) or the municipality
 * (`curator`). One row per municipality; the ЦУР's indicators are copied to each municipality it
 * sets them for. Never deleted, only deactivated.
 */
export const analyticsIndicators = pgTable(
  'analytics_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    measure: text('measure').notNull(),
    filters: jsonb('filters').notNull().default({}),
    period: text('period').notNull(), // 'month' | 'quarter' | 'year'
    targetValue: doublePrecision('target_value'),
    targetDirection: text('target_direction').notNull(), // 'gte' | 'lte'
    setBy: text('set_by').notNull(), // 'region' | 'curator'
    sort: integer('sort').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('analytics_indicators_tenant_code_uq').on(t.tenantId, t.code)],
);

/** A growth signal someone looked at and set aside (with the reason); the key is stable. */
export const analyticsSignalDismissals = pgTable(
  'analytics_signal_dismissals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    signalKey: text('signal_key').notNull(),
    reason: text('reason').notNull(),
    dismissedBy: uuid('dismissed_by').references(() => users.id),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('analytics_signal_dismissals_uq').on(t.tenantId, t.signalKey)],
);

/**
 * Daily tallies of the cases in four shapes (1: topic × settlement, 2: channel × regime × fast track,
 * 3: recipient, 4: topic × sub-topic × settlement × locality), maintained by triggers on `cases` in the same transaction as each change (migration
 * 20261128021500-case-day-sums.sql). Read by server/modules/analytics/day-sums.ts.
 */
export const caseDaySums = pgTable(
  'case_day_sums',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shape: smallint('shape').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    day: date('day').notNull(),
    topicId: uuid('topic_id'),
    settlementId: uuid('settlement_id'),
    channel: text('channel'),
    regime: text('regime'),
    fastTrack: boolean('fast_track'),
    recipientId: uuid('recipient_id'),
    subtopicId: uuid('subtopic_id'),
    localityId: uuid('locality_id'),
    n: integer('n').notNull().default(0),
    dueN: integer('due_n').notNull().default(0),
    overdueN: integer('overdue_n').notNull().default(0),
    answeredDueN: integer('answered_due_n').notNull().default(0),
    inTimeN: integer('in_time_n').notNull().default(0),
    answeredN: integer('answered_n').notNull().default(0),
    answerSeconds: numeric('answer_seconds').notNull().default('0'),
    ratedN: integer('rated_n').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    rating45N: integer('rating45_n').notNull().default(0),
    fastN: integer('fast_n').notNull().default(0),
    fastInTimeN: integer('fast_in_time_n').notNull().default(0),
    returnedN: integer('returned_n').notNull().default(0),
    repeatN: integer('repeat_n').notNull().default(0),
    routedN: integer('routed_n').notNull().default(0),
    autoN: integer('auto_n').notNull().default(0),
    workAnsweredN: integer('work_answered_n').notNull().default(0),
    answerWorkSeconds: bigint('answer_work_seconds', { mode: 'number' }).notNull().default(0),
    workFirstN: integer('work_first_n').notNull().default(0),
    firstAnswerWorkSeconds: bigint('first_answer_work_seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    // NULL is «не указано», one row per key: the migration makes this index NULLS NOT DISTINCT
    // (drizzle-kit neither writes nor reads that clause).
    uniqueIndex('case_day_sums_key').on(t.shape, t.tenantId, t.day, t.topicId, t.settlementId, t.channel, t.regime, t.fastTrack, t.recipientId, t.subtopicId, t.localityId),
    index('case_day_sums_read_idx').on(t.tenantId, t.shape, t.day),
  ],
);

/**
 * A municipality's working time (production calendar, schedule, zone) as sorted spans with the working
 * seconds before each; `signature` tells whether it is current (server/modules/analytics/work-timeline.ts).
 * The trigger on `cases` reads it to store incidents' answer times in working seconds.
 */
export const workTimelines = pgTable('work_timelines', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenants.id, { onDelete: 'cascade' }),
  signature: text('signature').notNull(),
  coversFrom: timestamp('covers_from', { withTimezone: true }).notNull(),
  coversTo: timestamp('covers_to', { withTimezone: true }).notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});

export const workSpans = pgTable(
  'work_spans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    secondsBefore: bigint('seconds_before', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('work_spans_key').on(t.tenantId, t.startsAt)],
);
