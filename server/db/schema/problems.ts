import { customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { settlements } from './territory';
import { recipients, topicBlocks, topics } from './directory';
import { users } from './auth';
import { cases } from './cases';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Проблема (первопричина): one cause behind many cases on a topic and territory (R-RC-1).
 * Status: open → in_progress → resolved | not_confirmed. `signalKey` when it came from a growth signal.
 */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    topicId: uuid('topic_id').references(() => topics.id),
    settlementId: uuid('settlement_id').references(() => settlements.id),
    status: text('status').notNull().default('open'),
    source: text('source').notNull(), // 'signal' | 'cases' | 'manual'
    signalKey: text('signal_key'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('problems_tenant_status_idx').on(t.tenantId, t.status), index('problems_tenant_topic_idx').on(t.tenantId, t.topicId, t.settlementId)],
);

/** Cases of a problem (many-to-many; every link and unlink is audited). */
export const problemCases = pgTable(
  'problem_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    problemId: uuid('problem_id').notNull().references(() => problems.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    addedBy: uuid('added_by').references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('problem_cases_uq').on(t.problemId, t.caseId), index('problem_cases_case_idx').on(t.caseId)],
);

/** Дорожная карта: per topic block and/or per problem; approved by the куратор (who/when). */
export const roadmaps = pgTable(
  'roadmaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    title: text('title').notNull(),
    blockId: uuid('block_id').references(() => topicBlocks.id),
    problemId: uuid('problem_id').references(() => problems.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('roadmaps_tenant_idx').on(t.tenantId), index('roadmaps_problem_idx').on(t.problemId)],
);

/**
 * Мероприятие of a roadmap: a deadline (local date), a responsible official, a recipient, a status
 * (planned | in_progress | done | cancelled); the reminder marks make the sweep notify once each.
 */
export const roadmapMeasures = pgTable(
  'roadmap_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    roadmapId: uuid('roadmap_id').notNull().references(() => roadmaps.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    topicId: uuid('topic_id').references(() => topics.id),
    settlementId: uuid('settlement_id').references(() => settlements.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    responsibleId: uuid('responsible_id').notNull().references(() => users.id),
    recipientId: uuid('recipient_id').references(() => recipients.id),
    status: text('status').notNull().default('planned'),
    doneOn: date('done_on', { mode: 'string' }),
    remindedWeekAt: timestamp('reminded_week_at', { withTimezone: true }),
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('roadmap_measures_roadmap_idx').on(t.roadmapId), index('roadmap_measures_tenant_due_idx').on(t.tenantId, t.status, t.dueOn)],
);

/** Progress notes of a measure. */
export const measureNotes = pgTable(
  'measure_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    measureId: uuid('measure_id').notNull().references(() => roadmapMeasures.id),
    text: text('text').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('measure_notes_measure_idx').on(t.measureId)],
);

/** Evidence of a measure: files in the database, with the case files' type sniffing and size limit. */
export const measureFiles = pgTable(
  'measure_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    measureId: uuid('measure_id').notNull().references(() => roadmapMeasures.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('measure_files_measure_idx').on(t.measureId)],
);

/** Лучшая практика / рекомендация (п. 1.2 в–д): links are a list of { title, url }. */
export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    topicId: uuid('topic_id').references(() => topics.id),
    source: text('source'),
    links: jsonb('links').notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practices_tenant_idx').on(t.tenantId)],
);

/** A practice linked to a problem or a roadmap. */
export const practiceLinks = pgTable(
  'practice_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    practiceId: uuid('practice_id').notNull().references(() => practices.id),
    problemId: uuid('problem_id').references(() => problems.id),
    roadmapId: uuid('roadmap_id').references(() => roadmaps.id),
  },
  (t) => [index('practice_links_practice_idx').on(t.practiceId), index('practice_links_problem_idx').on(t.problemId), index('practice_links_roadmap_idx').on(t.roadmapId)],
);

/**
 * Опрос, голосование или общественное обсуждение (ПОС or own): questions with their results
 * (`results`: [{ option, votes }]), territory, dates, optionally a problem.
 */
export const polls = pgTable(
  'polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    kind: text('kind').notNull(), // 'poll' | 'vote' | 'discussion'
    title: text('title').notNull(),
    platform: text('platform').notNull(), // 'pos' | 'own'
    settlementId: uuid('settlement_id').references(() => settlements.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    problemId: uuid('problem_id').references(() => problems.id),
    participants: integer('participants'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('polls_tenant_idx').on(t.tenantId, t.startsOn), index('polls_problem_idx').on(t.problemId)],
);

export const pollQuestions = pgTable(
  'poll_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    pollId: uuid('poll_id').notNull().references(() => polls.id),
    position: integer('position').notNull(),
    question: text('question').notNull(),
    results: jsonb('results').notNull().default([]),
  },
  (t) => [uniqueIndex('poll_questions_uq').on(t.pollId, t.position)],
);
