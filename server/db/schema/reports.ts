import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './auth';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Аналитическая записка (R-RP-1): the content model computed from the data (aggregates only, no
 * personal data), the free-text parts staff edit, and the state. `weekly_code` (`2026-W47`) is set
 * for the Monday job's notes, so the job never makes two for one week.
 */
export const reportNotes = pgTable(
  'report_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    weeklyCode: text('weekly_code'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    status: text('status').notNull(), // 'draft' | 'issued'
    content: jsonb('content').notNull(),
    addressee: text('addressee').notNull().default(''),
    signer: text('signer').notNull().default(''),
    conclusions: text('conclusions').notNull().default(''),
    recommendations: text('recommendations').notNull().default(''),
    versions: integer('versions').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_notes_weekly_uq').on(t.tenantId, t.weeklyCode), index('report_notes_tenant_idx').on(t.tenantId, t.periodFrom)],
);

/** Every issued version of a note: the DOCX bytes as sent, who issued it and when. */
export const reportNoteVersions = pgTable(
  'report_note_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    noteId: uuid('note_id').notNull().references(() => reportNotes.id),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    content: bytea('content').notNull(),
    size: integer('size').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('report_note_versions_uq').on(t.noteId, t.version)],
);

/**
 * A report of indicator values to the ЦУР (Прил. 2 п. 2.4): quarterly (`2026-Q3`, due the 5th of
 * the next month) or annual (`2026`, due 20 December). Rows are the values at generation with the
 * comments staff edit; on «sent» the XLSX bytes are frozen.
 */
export const indicatorReports = pgTable(
  'indicator_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    periodCode: text('period_code').notNull(),
    kind: text('kind').notNull(), // 'quarter' | 'year'
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(), // 'draft' | 'sent'
    rows: jsonb('rows').notNull(),
    generatedBy: uuid('generated_by').references(() => users.id),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    fileName: text('file_name'),
    file: bytea('file'),
  },
  (t) => [uniqueIndex('indicator_reports_uq').on(t.tenantId, t.periodCode)],
);

/** A background export of a large list: progress, then the file (kept a few days). */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    list: text('list').notNull(),
    format: text('format').notNull(), // 'xlsx' | 'csv'
    params: jsonb('params').notNull(),
    withPd: boolean('with_pd').notNull().default(false),
    purpose: text('purpose'),
    status: text('status').notNull(), // 'queued' | 'running' | 'done' | 'failed'
    total: integer('total'),
    done: integer('done').notNull().default(0),
    fileName: text('file_name'),
    file: bytea('file'),
    error: text('error'),
    /** Times the job was claimed; a job whose worker died is re-queued until MAX_EXPORT_ATTEMPTS. */
    attempts: integer('attempts').notNull().default(0),
    /** Last sign of life of the worker running it (claim, every page of rows). */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('export_jobs_user_idx').on(t.userId, t.createdAt), index('export_jobs_status_idx').on(t.status)],
);
