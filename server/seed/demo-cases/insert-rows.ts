import type { Database, Queryable } from '../../db/client';
import { auditEvents, caseAnswers, caseApplicants, cases } from '../../db/schema';

/**
 * Bulk insertion of generated rows. Three ways, measured by the generator's benchmark:
 * - `unnest`: one parameter per column (an array of all values), `INSERT … SELECT FROM unnest(…)`;
 *   any number of rows per statement, the least parsing work;
 * - `values`: a multi-row `VALUES (…), (…)`, split so no statement has more than PostgreSQL's
 *   65,535 bind parameters;
 * - `drizzle`: the ORM's `insert().values([...])`, split the same way.
 */
export type InsertMode = 'unnest' | 'unnest-cte' | 'values' | 'drizzle';

export const MAX_BIND_PARAMETERS = 65_535;

type Row = Record<string, unknown>;
interface Column {
  sql: string;
  type: string;
  key: string;
}

const col = (sql: string, type: string, key: string): Column => ({ sql, type, key });

export const CASE_COLUMNS: readonly Column[] = [
  col('id', 'uuid', 'id'), col('tenant_id', 'uuid', 'tenantId'), col('number', 'text', 'number'), col('regime', 'text', 'regime'),
  col('channel', 'text', 'channel'), col('source_id', 'text', 'sourceId'), col('received_at', 'timestamptz', 'receivedAt'),
  col('registered_at', 'timestamptz', 'registeredAt'), col('status', 'text', 'status'), col('text', 'text', 'text'),
  col('topic_id', 'uuid', 'topicId'), col('subtopic_id', 'uuid', 'subtopicId'), col('settlement_id', 'uuid', 'settlementId'),
  col('locality_id', 'uuid', 'localityId'), col('address', 'text', 'address'), col('lat', 'float8', 'lat'), col('lon', 'float8', 'lon'),
  col('recipient_id', 'uuid', 'recipientId'), col('executor_id', 'uuid', 'executorId'), col('priority', 'text', 'priority'),
  col('fast_track', 'bool', 'fastTrack'), col('routing_reason', 'text', 'routingReason'), col('auto_routed', 'bool', 'autoRouted'),
  col('registration_due', 'timestamptz', 'registrationDue'), col('forwarding_due', 'timestamptz', 'forwardingDue'),
  col('interim_due', 'timestamptz', 'interimDue'), col('answer_due', 'timestamptz', 'answerDue'),
  col('answer_at_risk_from', 'timestamptz', 'answerAtRiskFrom'), col('answer_due_original', 'timestamptz', 'answerDueOriginal'),
  col('fast_track_due', 'timestamptz', 'fastTrackDue'), col('extension_days', 'int4', 'extensionDays'), col('extension_reason', 'text', 'extensionReason'),
  col('first_answered_at', 'timestamptz', 'firstAnsweredAt'), col('answered_at', 'timestamptz', 'answeredAt'), col('closed_at', 'timestamptz', 'closedAt'),
  col('rating', 'int2', 'rating'), col('rated_at', 'timestamptz', 'ratedAt'), col('rating_comment', 'text', 'ratingComment'),
  col('returns_count', 'int4', 'returnsCount'), col('reopen_count', 'int4', 'reopenCount'), col('duplicate_of_id', 'uuid', 'duplicateOfId'),
  col('forwarded_to', 'text', 'forwardedTo'), col('status_reason', 'text', 'statusReason'), col('created_at', 'timestamptz', 'createdAt'),
  col('updated_at', 'timestamptz', 'updatedAt'), col('version', 'int4', 'version'),
];

export const APPLICANT_COLUMNS: readonly Column[] = [
  col('case_id', 'uuid', 'caseId'), col('tenant_id', 'uuid', 'tenantId'), col('full_name', 'text', 'fullName'), col('email', 'text', 'email'),
  col('phone', 'text', 'phone'), col('postal_address', 'text', 'postalAddress'), col('social_profile', 'text', 'socialProfile'),
  col('reply_by', 'text', 'replyBy'), col('consent_at', 'timestamptz', 'consentAt'),
];

export const ANSWER_COLUMNS: readonly Column[] = [
  col('id', 'uuid', 'id'), col('tenant_id', 'uuid', 'tenantId'), col('case_id', 'uuid', 'caseId'), col('kind', 'text', 'kind'), col('text', 'text', 'text'),
  col('completion_date', 'text', 'completionDate'), col('author_id', 'uuid', 'authorId'), col('state', 'text', 'state'),
  col('review_criteria', 'text[]', 'reviewCriteria'), col('review_comment', 'text', 'reviewComment'), col('reviewer_id', 'uuid', 'reviewerId'),
  col('reviewed_at', 'timestamptz', 'reviewedAt'), col('created_at', 'timestamptz', 'createdAt'),
];

export const AUDIT_COLUMNS: readonly Column[] = [
  col('tenant_id', 'uuid', 'tenantId'), col('actor_user_id', 'uuid', 'actorUserId'), col('action', 'text', 'action'), col('entity', 'text', 'entity'),
  col('entity_id', 'text', 'entityId'), col('before', 'jsonb', 'before'), col('after', 'jsonb', 'after'), col('at', 'timestamptz', 'at'),
];

export interface Batch {
  cases: Row[];
  applicants: Row[];
  answers: Row[];
  audit: Row[];
}

const TABLES = [
  ['cases', CASE_COLUMNS, 'cases'],
  ['case_applicants', APPLICANT_COLUMNS, 'applicants'],
  ['case_answers', ANSWER_COLUMNS, 'answers'],
  ['audit_events', AUDIT_COLUMNS, 'audit'],
] as const;

/**
 * Writes one batch in its own transaction. `unnest` sends the whole batch as one statement (the
 * four inserts as data-modifying CTEs: one round trip, atomic by itself); the other modes run
 * one statement per table and chunk inside BEGIN … COMMIT.
 */
export async function insertBatch(database: Database, conn: Queryable, batch: Batch, mode: InsertMode): Promise<void> {
  if (mode === 'unnest-cte') {
    const params: unknown[] = [];
    const parts = TABLES.filter(([, , key]) => batch[key].length > 0).map(([table, columns, key]) => unnestInsert(table, columns, batch[key], params));
    const last = parts.pop()!;
    await conn.query(parts.length ? `WITH ${parts.map((p, i) => `t${i} AS (${p})`).join(', ')} ${last}` : last, params);
    return;
  }
  if (mode === 'drizzle') {
    await database.db.transaction(async (tx) => {
      const drizzleTables = { cases, applicants: caseApplicants, answers: caseAnswers, audit: auditEvents } as const;
      for (const [, columns, key] of TABLES) {
        const rows = batch[key];
        const per = Math.floor(MAX_BIND_PARAMETERS / columns.length);
        for (let i = 0; i < rows.length; i += per) await tx.insert(drizzleTables[key]).values(rows.slice(i, i + per) as never);
      }
    });
    return;
  }
  await conn.exec('BEGIN');
  try {
    for (const [table, columns, key] of TABLES) {
      if (batch[key].length === 0) continue;
      if (mode === 'unnest') {
        const params: unknown[] = [];
        await conn.query(unnestInsert(table, columns, batch[key], params), params);
      } else await insertValues(conn, table, columns, batch[key]);
    }
    await conn.exec('COMMIT');
  } catch (e) {
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

function sqlValue(type: string, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (type === 'jsonb') return JSON.stringify(v);
  return v;
}

async function insertValues(conn: Queryable, table: string, columns: readonly Column[], rows: Row[]) {
  const per = Math.floor(MAX_BIND_PARAMETERS / columns.length);
  const names = columns.map((c) => `"${c.sql}"`).join(', ');
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const r of chunk) {
      const slots: string[] = [];
      for (const c of columns) {
        params.push(sqlValue(c.type, r[c.key]));
        slots.push(`$${params.length}::${c.type}`);
      }
      tuples.push(`(${slots.join(', ')})`);
    }
    await conn.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** PostgreSQL array literal of a text[] value (one element per criterion). */
function textArrayLiteral(v: unknown): string | null {
  if (!Array.isArray(v)) return null;
  return `{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** `INSERT … SELECT FROM unnest(…)` with one array parameter per column, appended to `params`. */
function unnestInsert(table: string, columns: readonly Column[], rows: Row[], params: unknown[]): string {
  const base = params.length;
  for (const c of columns) params.push(rows.map((r) => (c.type === 'text[]' ? textArrayLiteral(r[c.key]) : sqlValue(c.type, r[c.key]))));
  // A text[] column travels as its text literal (unnest cannot carry ragged arrays) and is cast back.
  const args = columns.map((c, i) => `$${base + i + 1}::${c.type === 'text[]' ? 'text' : c.type}[]`).join(', ');
  const alias = columns.map((_, i) => `c${i}`).join(', ');
  const select = columns.map((c, i) => (c.type === 'text[]' ? `c${i}::text[]` : `c${i}`)).join(', ');
  const names = columns.map((c) => `"${c.sql}"`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${args}) AS u(${alias})`;
}
