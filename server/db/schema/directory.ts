import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { settlements } from './territory';

/** Ответственный получатель: a department, institution, enterprise or settlement administration. */
export const recipients = pgTable(
  'recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    settlementId: uuid('settlement_id').references(() => settlements.id),
    email: text('email'),
    phone: text('phone'),
    note: text('note'),
    confidence: text('confidence'),
    source: text('source'),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recipients_tenant_code_uq').on(t.tenantId, t.code), index('recipients_parent_idx').on(t.parentId)],
);

/** Отраслевой блок: a group of topics with its own lead. */
export const topicBlocks = pgTable(
  'topic_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('topic_blocks_tenant_code_uq').on(t.tenantId, t.code)],
);

/** Rubricator: a topic (parent_id null) or a sub-topic (parent_id = its topic). */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    parentId: uuid('parent_id'),
    blockId: uuid('block_id').references(() => topicBlocks.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    priority: boolean('priority').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('topics_tenant_code_uq').on(t.tenantId, t.code), index('topics_parent_idx').on(t.parentId)],
);

/**
 * Competence of a recipient: which topics it answers for. (A surrogate key, not a composite one:
 * drizzle-kit's schema diff cannot introspect composite primary keys; see CODE_STYLE.md.)
 */
export const recipientTopics = pgTable(
  'recipient_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id').notNull().references(() => recipients.id),
    topicId: uuid('topic_id').notNull().references(() => topics.id),
  },
  (t) => [uniqueIndex('recipient_topics_uq').on(t.recipientId, t.topicId)],
);
