import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { recipients } from './directory';
import { users } from './auth';
import { caseAnswers } from './cases';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** An official page (госпаблик) of a body, organisation or institution of the municipality (R-CM-1). */
export const engagementPages = pgTable(
  'engagement_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    network: text('network').notNull(), // 'vk' | 'ok' | 'tg'
    url: text('url').notNull(),
    name: text('name').notNull(),
    ownerRecipientId: uuid('owner_recipient_id').notNull().references(() => recipients.id),
    responsible: text('responsible'),
    confirmed: boolean('confirmed').notNull().default(false),
    widget: boolean('widget').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('engagement_pages_tenant_url_uq').on(t.tenantId, t.url), index('engagement_pages_owner_idx').on(t.ownerRecipientId)],
);

/** An institution the МЦУ has decided needs no official page of its own (with the reason); not counted as a gap. */
export const engagementPageExemptions = pgTable(
  'engagement_page_exemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    recipientId: uuid('recipient_id').notNull().references(() => recipients.id),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('engagement_page_exemptions_uq').on(t.tenantId, t.recipientId)],
);

/** Activity of a page in a month, imported from the platform's spreadsheet or entered; one row per page × period. */
export const engagementPageActivity = pgTable(
  'engagement_page_activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    pageId: uuid('page_id').notNull().references(() => engagementPages.id),
    period: text('period').notNull(), // 'YYYY-MM'
    publications: integer('publications').notNull(),
    reach: integer('reach').notNull(),
    engagement: integer('engagement').notNull(),
    comments: integer('comments').notNull(),
    commentsAnswered: integer('comments_answered').notNull(),
    lastPostOn: date('last_post_on'),
    source: text('source').notNull(), // 'manual' | 'import'
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('engagement_page_activity_uq').on(t.pageId, t.period)],
);

/** The МЦУ's settings of the section: the norm of silence of a page, days. */
export const engagementSettings = pgTable('engagement_settings', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id).unique(),
  silenceDays: integer('silence_days').notNull().default(7),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A flagged answer someone has looked at (R-AN-5): the flag stays, the list hides it by default. */
export const engagementConflictReviews = pgTable(
  'engagement_conflict_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    answerId: uuid('answer_id').notNull().references(() => caseAnswers.id),
    note: text('note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('engagement_conflict_reviews_uq').on(t.tenantId, t.answerId)],
);

/** Informational material for residents of some settlements (R-CM-2, п. 1.2 ж), text per channel. */
export const engagementNotices = pgTable(
  'engagement_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    title: text('title').notNull(),
    audience: text('audience'),
    settlementIds: uuid('settlement_ids').array().notNull(),
    postText: text('post_text').notNull(),
    publicText: text('public_text').notNull(),
    smsText: text('sms_text'),
    publishAt: timestamp('publish_at', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('engagement_notices_tenant_valid_idx').on(t.tenantId, t.validUntil)],
);

/** Where a notice was published: one row per notice × channel, with the link. */
export const engagementPublications = pgTable(
  'engagement_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    noticeId: uuid('notice_id').notNull().references(() => engagementNotices.id),
    channel: text('channel').notNull(), // 'page_post' | 'public_page' | 'sms'
    link: text('link'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('engagement_publications_uq').on(t.noticeId, t.channel)],
);

/** A task of the ЦУР (Прил. 2): `tenant_id` is the region that set it. */
export const engagementTasks = pgTable('engagement_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  kind: text('kind').notNull(), // 'info_project' | 'materials' | 'other'
  title: text('title').notNull(),
  description: text('description'),
  dueOn: date('due_on').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The task as one municipality sees it: `tenant_id` is the municipality; its status and report. */
export const engagementAssignments = pgTable(
  'engagement_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    taskId: uuid('task_id').notNull().references(() => engagementTasks.id),
    status: text('status').notNull().default('new'),
    reportText: text('report_text'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    regionComment: text('region_comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('engagement_assignments_uq').on(t.taskId, t.tenantId),
    index('engagement_assignments_open_idx').on(t.tenantId).where(sql`status IN ('new','accepted','returned')`),
  ],
);

/** The ЦУР's recommendations archive: `tenant_id` is the region; for one municipality or all. */
export const engagementRecommendations = pgTable('engagement_recommendations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
  municipalityId: uuid('municipality_id').references(() => tenants.id),
  title: text('title').notNull(),
  body: text('body'),
  issuedOn: date('issued_on').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Files of reports and recommendations; content in the database, type sniffed from content. */
export const engagementFiles = pgTable(
  'engagement_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    ownerKind: text('owner_kind').notNull(), // 'report' | 'recommendation'
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('engagement_files_owner_idx').on(t.ownerKind, t.ownerId)],
);
