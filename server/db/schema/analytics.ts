import { boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
