import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { settlements } from './territory';
import { recipients, topics } from './directory';
import { cases } from './cases';
import { users } from './auth';

/** A tenant's trained classifier (target 'topic' or 'recipient'), serialised; the highest version is live. */
export const classifierModels = pgTable(
  'classifier_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    target: text('target').notNull(), // 'topic' | 'recipient'
    version: integer('version').notNull(),
    trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
    nExamples: integer('n_examples').notNull(),
    metrics: jsonb('metrics').notNull().default({}),
    model: jsonb('model').notNull(),
  },
  (t) => [uniqueIndex('classifier_models_uq').on(t.tenantId, t.target, t.version)],
);

/** The tenant's own keyword rules for topics (added to the starter rules). */
export const classifyRules = pgTable(
  'classify_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    topicId: uuid('topic_id').notNull().references(() => topics.id),
    keywords: text('keywords').array().notNull(),
    weight: doublePrecision('weight').notNull().default(1),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('classify_rules_tenant_idx').on(t.tenantId)],
);

/** What was suggested for a case at intake (to know later that staff corrected it). */
export const caseSuggestions = pgTable(
  'case_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    topicLabel: text('topic_label'),
    topicP: doublePrecision('topic_p'),
    recipientLabel: text('recipient_label'),
    recipientP: doublePrecision('recipient_p'),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_suggestions_case_uq').on(t.caseId)],
);

/** A staff correction of a suggestion: it weighs more at the next training. */
export const classifyCorrections = pgTable(
  'classify_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    field: text('field').notNull(), // 'topic' | 'recipient'
    suggested: text('suggested'),
    chosen: text('chosen').notNull(),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('classify_corrections_tenant_idx').on(t.tenantId, t.field, t.createdAt)],
);

/** Routing rule: topic or sub-topic × settlement (null = any) → recipient; higher priority first. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    topicId: uuid('topic_id').notNull().references(() => topics.id),
    settlementId: uuid('settlement_id').references(() => settlements.id),
    recipientId: uuid('recipient_id').notNull().references(() => recipients.id),
    priority: integer('priority').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('routing_rules_tenant_idx').on(t.tenantId, t.topicId)],
);
