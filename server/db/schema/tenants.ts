import { boolean, integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/** A tenant is a municipality (МЦУ) or a region (ЦУР) that is the parent of municipalities. */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(), // 'region' | 'municipality'
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    fullName: text('full_name'),
    oktmo: text('oktmo'),
    timeZone: text('time_zone').notNull(),
    population: integer('population'),
    populationYear: integer('population_year'),
    boundary: jsonb('boundary'),
    settings: jsonb('settings').notNull().default({}),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tenants_parent_idx').on(t.parentId)],
);
