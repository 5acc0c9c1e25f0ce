import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './auth';
import { cases } from './cases';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A saved column mapping of a source (ПОС, «Инцидент Менеджмент», a partner's spreadsheet): which
 * header of the file feeds which case field, reused for the next file of the same source.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    channel: text('channel').notNull(),
    preset: text('preset'),
    mapping: jsonb('mapping').notNull(),
    options: jsonb('options').notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_tenant_name_uq').on(t.tenantId, t.name)],
);

/**
 * One uploaded spreadsheet and its import: the preview, the mapping used, and the progress. The
 * worker commits each chunk of rows together with `checkpoint_row` and the counters, so a job that
 * stopped half-way resumes after the last committed row.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    createdBy: uuid('created_by').references(() => users.id),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(), // 'csv' | 'xlsx'
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    sheetName: text('sheet_name'),
    headerRow: integer('header_row').notNull(),
    headers: jsonb('headers').notNull(),
    preview: jsonb('preview').notNull(),
    suggestion: jsonb('suggestion'),
    channel: text('channel'),
    mappingId: uuid('mapping_id').references(() => importMappings.id),
    mapping: jsonb('mapping'),
    options: jsonb('options'),
    status: text('status').notNull().default('uploaded'), // uploaded | queued | running | done | failed
    totalRows: integer('total_rows'),
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    quarantined: integer('quarantined').notNull().default(0),
    /** The earliest and latest receipt among the rows written: the register link of the result (channel + period). */
    receivedFrom: timestamp('received_from', { withTimezone: true }),
    receivedTo: timestamp('received_to', { withTimezone: true }),
    warnings: jsonb('warnings').notNull().default({}),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    lockedBy: text('locked_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('import_jobs_tenant_created_idx').on(t.tenantId, t.createdAt.desc()), index('import_jobs_status_idx').on(t.status, t.heartbeatAt)],
);

/** The uploaded file itself, in parts of 1 MB, so the worker streams it without holding it whole. */
export const importFileParts = pgTable(
  'import_file_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id').notNull().references(() => importJobs.id),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [uniqueIndex('import_file_parts_uq').on(t.jobId, t.seq)],
);

/**
 * Rows that could not be imported: the row number in the file, the raw values by header and a
 * Russian reason. Staff fix the values and retry; a row that goes in keeps its case id.
 */
export const importQuarantine = pgTable(
  'import_quarantine',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    jobId: uuid('job_id').notNull().references(() => importJobs.id),
    rowNumber: integer('row_number').notNull(),
    values: jsonb('values').notNull(),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('open'), // open | imported | discarded
    caseId: uuid('case_id').references(() => cases.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_quarantine_row_uq').on(t.jobId, t.rowNumber), index('import_quarantine_state_idx').on(t.jobId, t.state, t.rowNumber)],
);

/** A key of an external system (Open311 client) in a tenant; only the SHA-256 of the key is kept. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    prefix: text('prefix').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash), index('api_keys_tenant_idx').on(t.tenantId)],
);

/** Server secrets of the intake module (the HMAC key of the public form's challenge), made on first use. */
export const intakeSecrets = pgTable('intake_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Challenges of the public form already answered: a solved challenge is accepted once. */
export const challengeUses = pgTable(
  'challenge_uses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('challenge_uses_nonce_uq').on(t.nonce), index('challenge_uses_expires_idx').on(t.expiresAt)],
);
