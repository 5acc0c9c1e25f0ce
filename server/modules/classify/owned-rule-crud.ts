import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import { actorOf } from '../../http/auth-plugin';
import { recordAudit } from '../audit/record-audit';
import { invalidateTenantClassifier } from './tenant-classifier';

/** A tenant's own configuration row that the classifier reads (keyword rules, routing rules). */
type OwnedTable = PgTable & { id: PgColumn; tenantId: PgColumn; updatedAt: PgColumn };

export interface OwnedRuleSpec<T extends OwnedTable, I extends z.ZodObject> {
  table: T;
  /** `audit_events.entity`. */
  entity: string;
  /** Russian name of one row, for «… : запись не найдена». */
  label: string;
  input: I;
  /** The row's references must belong to the same tenant (Russian message naming the field). */
  checkRefs: (tx: Tx, tenantId: string, input: z.infer<I>) => Promise<void>;
}

type Row<T extends OwnedTable> = T['$inferSelect'];

/** Insert, audit and drop the tenant's cached classifier, in the caller's transaction. */
export async function createOwnedRule<T extends OwnedTable, I extends z.ZodObject>(tx: Tx, a: Actor, spec: OwnedRuleSpec<T, I>, input: z.infer<I>): Promise<Row<T>> {
  await spec.checkRefs(tx, a.tenantId, input);
  const [row] = (await tx.insert(spec.table as PgTable).values({ ...input, tenantId: a.tenantId } as never).returning()) as Row<T>[];
  await recordAudit(tx, a, { action: 'create', entity: spec.entity, entityId: (row as { id: string }).id, after: row });
  invalidateTenantClassifier(a.tenantId);
  return row;
}

export async function updateOwnedRule<T extends OwnedTable, I extends z.ZodObject>(tx: Tx, a: Actor, spec: OwnedRuleSpec<T, I>, id: string, input: z.infer<I>): Promise<Row<T>> {
  const before = await findOwned(tx, spec.table, id, a.tenantId, spec.label);
  await spec.checkRefs(tx, a.tenantId, input);
  const [row] = (await tx
    .update(spec.table as PgTable)
    .set({ ...input, updatedAt: new Date() } as never)
    .where(and(eq(spec.table.id, id), eq(spec.table.tenantId, a.tenantId)) as SQL)
    .returning()) as Row<T>[];
  await recordAudit(tx, a, { action: 'update', entity: spec.entity, entityId: id, before, after: row });
  invalidateTenantClassifier(a.tenantId);
  return row;
}

export async function deleteOwnedRule<T extends OwnedTable, I extends z.ZodObject>(tx: Tx, a: Actor, spec: OwnedRuleSpec<T, I>, id: string): Promise<{ ok: true }> {
  const before = await findOwned(tx, spec.table, id, a.tenantId, spec.label);
  await tx.delete(spec.table as PgTable).where(and(eq(spec.table.id, id), eq(spec.table.tenantId, a.tenantId)) as SQL);
  await recordAudit(tx, a, { action: 'delete', entity: spec.entity, entityId: id, before });
  invalidateTenantClassifier(a.tenantId);
  return { ok: true };
}

const idParam = z.object({ id: z.uuid({ error: 'Неверный идентификатор' }) });

interface RouteOptions {
  /** `/api/routing-rules`: POST here, PUT and DELETE at `${base}/:id`. */
  base: string;
  tags: string[];
  summaries: { create: string; update: string; delete: string };
  preHandler: (req: FastifyRequest) => Promise<void>;
}

/** POST, PUT /:id and DELETE /:id of one kind of owned rule, each in one transaction. */
export function ownedRuleRoutes<T extends OwnedTable, I extends z.ZodObject>(app: FastifyInstance, db: Db, spec: OwnedRuleSpec<T, I>, o: RouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { policy: 'authenticated' as const };
  const { preHandler } = o;
  r.post(o.base, { config, preHandler, schema: { tags: o.tags, summary: o.summaries.create, body: spec.input } }, async (req) =>
    db.transaction((tx) => createOwnedRule(tx, actorOf(req), spec, req.body as z.infer<I>)),
  );
  r.put(`${o.base}/:id`, { config, preHandler, schema: { tags: o.tags, summary: o.summaries.update, params: idParam, body: spec.input } }, async (req) =>
    db.transaction((tx) => updateOwnedRule(tx, actorOf(req), spec, req.params.id, req.body as z.infer<I>)),
  );
  r.delete(`${o.base}/:id`, { config, preHandler, schema: { tags: o.tags, summary: o.summaries.delete, params: idParam } }, async (req) =>
    db.transaction((tx) => deleteOwnedRule(tx, actorOf(req), spec, req.params.id)),
  );
}
