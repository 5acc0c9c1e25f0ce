import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rows } from '../../db/rows';
import { pdDestructionActs, tenants } from '../../db/schema';
import { systemActor } from '../../http/actor';
import { CLASS_TEXT, cutoff, type PdClass } from '../../../domain/retention/rules';
import { TERMINAL_STATUSES } from '../../../domain/cases/status';
import { recordAudit } from '../audit/record-audit';
import { readRetentionPolicy } from './retention-policy';
import { actDocx, logXlsx, type ActContent, type LogEntry } from './act-documents';
import { destroyCaseMaterials } from './destroy-case-materials';
import { destroyImportFiles } from './destroy-import-files';

export const SYSTEM_NAME = 'Информационная система «МЦУ» (муниципальный центр управления)';
export const METHOD = 'удаление (обнуление) записей в базе данных информационной системы без возможности восстановления средствами системы';

/**
 * Destroys the personal data whose retention has expired in one tenant, in one transaction with
 * the act (приказ Роскомнадзора № 179) and its log export: applicants of cases finished (closed,
 * rejected, forwarded, merged) before the cutoff (fields set to NULL), the materials of such cases
 * (texts replaced by a marker naming the act, files deleted, audit snapshots stripped:
 * `destroy-case-materials.ts`), raw quarantine rows (values cleared), the uploaded files and previews
 * of imports finished before the quarantine cutoff (`destroy-import-files.ts`), access-log entries (deleted;
 * the database lets only this transaction delete, and only entries older than 3 years).
 * Nothing expired: no act. Idempotent: destroyed data does not match again.
 */
export async function destroyExpiredPd(database: Database, tenantId: string, now: Date): Promise<{ actId: string | null; counts: Record<PdClass, number> }> {
  const policy = await readRetentionPolicy(database.db, tenantId);
  const counts: Record<PdClass, number> = { applicant: 0, materials: 0, quarantine: 0, import_files: 0, access_log: 0 };
  if (!policy.enabled) return { actId: null, counts };
  return database.db.transaction(async (tx) => {
    const entries: LogEntry[] = [];
    const year = now.getUTCFullYear();
    const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM pd_destruction_acts WHERE tenant_id = ${tenantId} AND number LIKE ${`${year}-%`}`);
    const number = `${year}-${String(n + 1).padStart(3, '0')}`;
    const applicants = await rows<{ case_id: string; number: string; closed_at: string }>(tx, sql`
      UPDATE case_applicants a SET full_name = NULL, email = NULL, phone = NULL, postal_address = NULL, social_profile = NULL
      FROM cases c
      WHERE a.case_id = c.id AND a.tenant_id = ${tenantId} AND c.status = ANY(${`{${TERMINAL_STATUSES.join(',')}}`}::text[]) AND c.closed_at < ${cutoff(now, policy.applicantMonths).toISOString()}::timestamptz
        AND coalesce(a.full_name, a.email, a.phone, a.postal_address, a.social_profile) IS NOT NULL
      RETURNING a.case_id, c.number, c.closed_at`);
    for (const r of applicants) entries.push({ pdClass: 'applicant', subject: `заявитель обращения № ${r.number}`, record: r.case_id, since: new Date(r.closed_at) });
    const materials = await destroyCaseMaterials(tx, tenantId, cutoff(now, policy.materialsMonths), number, now);
    entries.push(...materials);
    const quarantine = await rows<{ id: string; job_id: string; row_number: number; created_at: string }>(tx, sql`
      UPDATE import_quarantine SET values = '{}'::jsonb, updated_at = ${now.toISOString()}::timestamptz
      WHERE tenant_id = ${tenantId} AND created_at < ${cutoff(now, policy.quarantineMonths).toISOString()}::timestamptz AND values <> '{}'::jsonb
      RETURNING id, job_id, row_number, created_at`);
    for (const r of quarantine) entries.push({ pdClass: 'quarantine', subject: `строка ${r.row_number} импорта ${r.job_id}`, record: r.id, since: new Date(r.created_at) });
    const files = await destroyImportFiles(tx, tenantId, cutoff(now, policy.quarantineMonths));
    entries.push(...files);
    await tx.execute(sql`SELECT set_config('mcu.pd_retention', 'on', true)`);
    const log = await rows<{ id: string; number: string | null; at: string }>(tx, sql`
      DELETE FROM pd_access_log l WHERE l.tenant_id = ${tenantId} AND l.at < ${cutoff(now, Math.max(36, policy.accessLogMonths)).toISOString()}::timestamptz
      RETURNING l.id, (SELECT c.number FROM cases c WHERE c.id = l.case_id) AS number, l.at`);
    await tx.execute(sql`SELECT set_config('mcu.pd_retention', 'off', true)`);
    for (const r of log) entries.push({ pdClass: 'access_log', subject: r.number ? `заявитель обращения № ${r.number}` : 'запись журнала без обращения', record: String(r.id), since: new Date(r.at) });
    counts.applicant = applicants.length;
    counts.materials = materials.length;
    counts.quarantine = quarantine.length;
    counts.import_files = files.length;
    counts.access_log = log.length;
    if (!entries.length) return { actId: null, counts };

    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
    const classes = (Object.keys(counts) as PdClass[]).filter((c) => counts[c] > 0);
    const content: ActContent = {
      number,
      operator: tenant.fullName ?? tenant.name,
      operatorAddress: policy.operatorAddress,
      system: SYSTEM_NAME,
      subjects: classes.map((c) => CLASS_TEXT[c].subjects),
      categories: classes.flatMap((c) => CLASS_TEXT[c].categories),
      counts,
      total: entries.length,
      method: METHOD,
      reasons: classes.map((c) => CLASS_TEXT[c].reason),
      destroyedAt: now.toISOString(),
      responsible: policy.responsible || 'не назначены (укажите в «Администрирование → Хранение ПД»)',
    };
    const [act] = await tx
      .insert(pdDestructionActs)
      .values({ tenantId, number, destroyedAt: now, content, total: entries.length, actDocx: await actDocx(content), logXlsx: await logXlsx(content, entries) })
      .returning({ id: pdDestructionActs.id });
    await recordAudit(tx, { ...systemActor(tenantId), requestId: 'job:pd-retention' }, { action: 'pd_destroy', entity: 'pd_destruction_act', entityId: act.id, after: { number, counts } });
    return { actId: act.id, counts };
  });
}

/** Used by the admin screen's list; acts hold no personal data. */
export async function listActs(database: Database, tenantId: string) {
  return database.db
    .select({ id: pdDestructionActs.id, number: pdDestructionActs.number, destroyedAt: pdDestructionActs.destroyedAt, total: pdDestructionActs.total, content: pdDestructionActs.content })
    .from(pdDestructionActs)
    .where(and(eq(pdDestructionActs.tenantId, tenantId)))
    .orderBy(sql`${pdDestructionActs.destroyedAt} DESC`);
}
