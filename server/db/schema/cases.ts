import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, customType, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { localities, settlements } from './territory';
import { recipients, topics } from './directory';
import { users } from './auth';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A channel of intake is data (R-IN-2): ПОС, «Инцидент Менеджмент», letters, reception, … */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    defaultRegime: text('default_regime').notNull(),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [uniqueIndex('channels_tenant_code_uq').on(t.tenantId, t.code)],
);

/**
 * Deadline rules are data: per regime, optionally per channel and topic; the most specific
 * active rule of a kind wins. `atRisk*` says when a case turns amber before its due time.
 */
export const deadlineRules = pgTable(
  'deadline_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    regime: text('regime').notNull(),
    channel: text('channel'),
    topicId: uuid('topic_id').references(() => topics.id),
    kind: text('kind').notNull(),
    unit: text('unit').notNull(),
    amount: doublePrecision('amount').notNull(),
    shiftToWorkingDay: boolean('shift_to_working_day').notNull().default(false),
    atRiskUnit: text('at_risk_unit').notNull(),
    atRiskAmount: doublePrecision('at_risk_amount').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deadline_rules_tenant_idx').on(t.tenantId, t.regime, t.kind)],
);

/** Per-tenant, per-year counter behind the human case number «63622-2026-000123». */
export const caseCounters = pgTable(
  'case_counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [uniqueIndex('case_counters_uq').on(t.tenantId, t.year)],
);

/** One item of the register: an обращение (FZ59) or a сообщение (MESSAGE). */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    number: text('number').notNull(),
    regime: text('regime').notNull(),
    channel: text('channel').notNull(),
    sourceId: text('source_id'),
    sourceUrl: text('source_url'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    status: text('status').notNull(),
    text: text('text').notNull(),
    topicId: uuid('topic_id').references(() => topics.id),
    subtopicId: uuid('subtopic_id').references(() => topics.id),
    settlementId: uuid('settlement_id').references(() => settlements.id),
    localityId: uuid('locality_id').references(() => localities.id),
    address: text('address'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    recipientId: uuid('recipient_id').references(() => recipients.id),
    executorId: uuid('executor_id').references(() => users.id),
    priority: text('priority').notNull().default('normal'),
    fastTrack: boolean('fast_track').notNull().default(false),
    routingReason: text('routing_reason'),
    autoRouted: boolean('auto_routed').notNull().default(false),
    registrationDue: timestamp('registration_due', { withTimezone: true }),
    forwardingDue: timestamp('forwarding_due', { withTimezone: true }),
    interimDue: timestamp('interim_due', { withTimezone: true }),
    answerDue: timestamp('answer_due', { withTimezone: true }),
    answerAtRiskFrom: timestamp('answer_at_risk_from', { withTimezone: true }),
    answerDueOriginal: timestamp('answer_due_original', { withTimezone: true }),
    fastTrackDue: timestamp('fast_track_due', { withTimezone: true }),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** «Инцидент Менеджмент»: working seconds from receipt to the final / first answer (trigger, see analytics/work-timeline.ts). */
    answerWorkSeconds: integer('answer_work_seconds'),
    firstAnswerWorkSeconds: integer('first_answer_work_seconds'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    rating: smallint('rating'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    ratingComment: text('rating_comment'),
    returnsCount: integer('returns_count').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
    duplicateOfId: uuid('duplicate_of_id'),
    forwardedTo: text('forwarded_to'),
    statusReason: text('status_reason'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    externalStatus: text('external_status'),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('russian', coalesce("text", '') || ' ' || coalesce("address", '') || ' ' || coalesce("number", ''))`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cases_tenant_number_uq').on(t.tenantId, t.number),
    uniqueIndex('cases_tenant_source_uq').on(t.tenantId, t.channel, t.sourceId),
    index('cases_tenant_received_idx').on(t.tenantId, t.receivedAt.desc(), t.id.desc()),
    index('cases_tenant_status_idx').on(t.tenantId, t.status, t.receivedAt.desc()),
    index('cases_tenant_recipient_idx').on(t.tenantId, t.recipientId, t.receivedAt.desc()),
    index('cases_tenant_topic_idx').on(t.tenantId, t.topicId, t.receivedAt.desc()),
    index('cases_tenant_settlement_idx').on(t.tenantId, t.settlementId, t.receivedAt.desc()),
    index('cases_executor_idx').on(t.executorId, t.answerDue),
    index('cases_open_due_idx').on(t.tenantId, t.answerDue).where(sql`status NOT IN ('answered','closed','forwarded','merged','rejected')`),
    index('cases_search_idx').using('gin', t.search),
    index('cases_duplicate_of_idx').on(t.duplicateOfId).where(sql`duplicate_of_id IS NOT NULL`),
    index('cases_tenant_topic_settlement_idx').on(t.tenantId, t.topicId, t.settlementId, t.receivedAt.desc()),
    // The analytics' day sums subtract the cases whose due instant is still ahead: unanswered fast-track
    // and open cases. INCLUDE columns (after received_at) as in the migration, for an index-only scan.
    index('cases_fast_pending_idx')
      .on(t.tenantId, t.receivedAt, t.fastTrackDue, t.topicId, t.settlementId, t.channel, t.regime, t.fastTrack, t.recipientId, t.subtopicId, t.localityId)
      .where(sql`fast_track AND answered_at IS NULL`),
    index('cases_open_pending_idx')
      .on(t.tenantId, t.receivedAt, t.status, t.pausedSince, t.answerDue, t.answeredAt, t.topicId, t.settlementId, t.channel, t.regime, t.fastTrack, t.recipientId, t.subtopicId, t.localityId)
      .where(sql`status NOT IN ('answered','closed','forwarded','merged','rejected')`),
    // Analytics: every tally reads only these columns, so a quarter is an index-only scan. Drizzle has no
    // INCLUDE: the migration declares the columns after received_at as INCLUDE (the schema diff reads both alike).
    index('cases_analytics_cover_idx').on(
      t.tenantId, t.receivedAt, t.id, t.channel, t.regime, t.status, t.topicId, t.settlementId, t.recipientId, t.answerDue, t.answeredAt,
      t.closedAt, t.pausedSince, t.rating, t.fastTrack, t.fastTrackDue, t.returnsCount, t.reopenCount, t.autoRouted, t.answerWorkSeconds, t.firstAnswerWorkSeconds,
    ),
  ],
);

/** The applicant's personal data, apart from the case; every read is logged (R-IN-7). */
export const caseApplicants = pgTable('case_applicants', {
  caseId: uuid('case_id').primaryKey().references(() => cases.id),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  fullName: text('full_name'),
  email: text('email'),
  phone: text('phone'),
  postalAddress: text('postal_address'),
  socialProfile: text('social_profile'),
  replyBy: text('reply_by'),
  consentAt: timestamp('consent_at', { withTimezone: true }),
});

/** Answers: interim and final, with the МЦУ review. */
export const caseAnswers = pgTable(
  'case_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(), // 'interim' | 'final'
    text: text('text').notNull(),
    completionDate: text('completion_date'),
    authorId: uuid('author_id').references(() => users.id),
    state: text('state').notNull(), // 'submitted' | 'approved' | 'returned' | 'sent'
    reviewCriteria: text('review_criteria').array(),
    reviewComment: text('review_comment'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_answers_case_idx').on(t.caseId)],
);

/** Files of a case or of an answer; the content lives in the database (one backup, transactional). */
export const caseFiles = pgTable(
  'case_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    answerId: uuid('answer_id').references(() => caseAnswers.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_files_case_idx').on(t.caseId)],
);

/** Related cases and duplicates (R-ST-4). */
export const caseLinks = pgTable(
  'case_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    relatedCaseId: uuid('related_case_id').notNull().references(() => cases.id),
    kind: text('kind').notNull(), // 'related' | 'duplicate'
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_links_uq').on(t.caseId, t.relatedCaseId), index('case_links_related_idx').on(t.relatedCaseId)],
);

/** Co-executors: other recipients that take part in the answer. */
export const caseCoExecutors = pgTable(
  'case_co_executors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    recipientId: uuid('recipient_id').notNull().references(() => recipients.id),
  },
  (t) => [uniqueIndex('case_co_executors_uq').on(t.caseId, t.recipientId)],
);

/** Internal notes of staff on a case (never shown to the applicant). */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    authorId: uuid('author_id').references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId)],
);

/** Deadline pauses: waiting for the applicant or another body; paused time does not count. */
export const casePauses = pgTable(
  'case_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }),
    reason: text('reason').notNull(),
  },
  (t) => [index('case_pauses_case_idx').on(t.caseId)],
);

/** Secret links for the applicant (follow the status, rate the answer); only the hash is kept. */
export const caseTokens = pgTable(
  'case_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_tokens_hash_uq').on(t.tokenHash)],
);

/** Append-only log of every read and export of applicants' personal data (152-ФЗ ст. 19). */
export const pdAccessLog = pgTable(
  'pd_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id'),
    caseId: uuid('case_id'),
    action: text('action').notNull(), // 'view' | 'export'
    purpose: text('purpose'),
    details: jsonb('details'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('pd_access_log_case_idx').on(t.caseId), index('pd_access_log_tenant_at_idx').on(t.tenantId, t.at)],
);

/** In-app notifications: reminders, escalations, returns, low ratings. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    caseId: uuid('case_id').references(() => cases.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt), uniqueIndex('notifications_dedup_uq').on(t.userId, t.caseId, t.kind)],
);

/** Saved register views: a name and the filter query string, personal or shared. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    query: text('query').notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_views_user_idx').on(t.userId)],
);
