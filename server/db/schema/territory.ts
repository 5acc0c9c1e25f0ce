import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

/** Поселение (городское / сельское): a municipal unit inside the district. */
export const settlements = pgTable(
  'settlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    officialName: text('official_name'),
    kind: text('kind').notNull(), // 'urban' | 'rural'
    oktmo: text('oktmo'),
    population: integer('population'),
    populationYear: integer('population_year'),
    adminCentre: text('admin_centre'),
    boundary: jsonb('boundary'),
    source: text('source'),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('settlements_tenant_code_uq').on(t.tenantId, t.code)],
);

/** Населённый пункт: town, village; coordinates stay empty where unknown. */
export const localities = pgTable(
  'localities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    settlementId: uuid('settlement_id').references(() => settlements.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    oktmo: text('oktmo'),
    postcode: text('postcode'),
    population: integer('population'),
    populationYear: integer('population_year'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    source: text('source'),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('localities_tenant_code_uq').on(t.tenantId, t.code),
    index('localities_settlement_idx').on(t.settlementId),
  ],
);
