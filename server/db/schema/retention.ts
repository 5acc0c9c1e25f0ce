import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Retention of personal data per class, per tenant (152-ФЗ ст. 5 ч. 7). Without a row the defaults
 * of `domain/retention/rules.ts` apply. The access log is kept at least 3 years (приказ № 179).
 */
export const pdRetentionPolicies = pgTable(
  'pd_retention_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    enabled: boolean('enabled').notNull().default(true),
    /** Months after a case is closed before its applicant's personal data is destroyed. */
    applicantMonths: integer('applicant_months').notNull(),
    /** Months after a case is closed before its materials (text, address, files, answers, notes) are destroyed. */
    materialsMonths: integer('materials_months').notNull().default(60),
    /** Months after import before raw quarantine rows (they may hold personal data) are cleared. */
    quarantineMonths: integer('quarantine_months').notNull(),
    /** Months the personal-data access log is kept. */
    accessLogMonths: integer('access_log_months').notNull(),
    /** The people who destroy the data, as printed in the act: «Иванов И. И., начальник отдела». */
    responsible: text('responsible').notNull().default(''),
    /** The operator's address for the act. */
    operatorAddress: text('operator_address').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pd_retention_policies_tenant_uq').on(t.tenantId)],
);

/** «Акт об уничтожении персональных данных» (приказ Роскомнадзора № 179) with the export of the log. */
export const pdDestructionActs = pgTable(
  'pd_destruction_acts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    number: text('number').notNull(),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }).notNull(),
    /** The fields of the act: operator, system, categories, method, reason, responsible, counts per class. */
    content: jsonb('content').notNull(),
    total: integer('total').notNull(),
    actDocx: bytea('act_docx').notNull(),
    logXlsx: bytea('log_xlsx').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pd_destruction_acts_number_uq').on(t.tenantId, t.number), index('pd_destruction_acts_tenant_idx').on(t.tenantId, t.destroyedAt)],
);
