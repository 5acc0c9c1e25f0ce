import { col, type RowsetColumn } from './rowset';
import type { BatchContext } from './write-batch';

/** One audit row of an imported case. */
export interface CaseAudit {
  action: string;
  caseId: string;
  before: unknown;
  after: unknown;
}

/** The columns of `audit_events` for audit rows of a chunk's cases, written by the job's actor. */
export function auditColumns(ctx: BatchContext, list: CaseAudit[]): RowsetColumn[] {
  return [
    col('tenant_id', 'uuid', list.map(() => ctx.tenantId)),
    col('actor_user_id', 'uuid', list.map(() => ctx.actor.userId)),
    col('action', 'text', list.map((x) => x.action)),
    col('entity', 'text', list.map(() => 'case')),
    col('entity_id', 'text', list.map((x) => x.caseId)),
    col('before', 'jsonb', list.map((x) => x.before)),
    col('after', 'jsonb', list.map((x) => x.after)),
    col('request_id', 'text', list.map(() => ctx.actor.requestId)),
  ];
}
