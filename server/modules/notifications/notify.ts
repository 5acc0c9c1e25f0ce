import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { notifications, roles, userRoles, users } from '../../db/schema';

export interface Notice {
  userIds: string[];
  caseId: string | null;
  kind: string;
  text: string;
}

/**
 * In-app notifications, written in the caller's transaction. `kind` is unique per user and case:
 * a repeated reminder of the same kind is not written twice.
 */
export async function notify(tx: Tx, tenantId: string, n: Notice): Promise<void> {
  const ids = [...new Set(n.userIds)];
  if (!ids.length) return;
  await tx
    .insert(notifications)
    .values(ids.map((userId) => ({ tenantId, userId, caseId: n.caseId, kind: n.kind, text: n.text })))
    .onConflictDoNothing();
}

/** Active people of a recipient (its head and executors). */
export async function recipientUsers(tx: Tx, recipientId: string | null): Promise<string[]> {
  if (!recipientId) return [];
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.recipientId, recipientId), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

/** Heads of a recipient: users holding a role with `cases.route` scoped to it. */
export async function recipientHeads(tx: Tx, recipientId: string | null): Promise<string[]> {
  if (!recipientId) return [];
  const rows = await tx
    .select({ id: userRoles.userId })
    .from(userRoles)
    .innerJoin(roles, eq(roles.code, userRoles.roleCode))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.recipientId, recipientId), sql`'cases.route' = ANY(${roles.permissions})`, eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

/** МЦУ staff who review answers (unscoped holders of `cases.review`). */
export async function mcuReviewers(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: userRoles.userId })
    .from(userRoles)
    .innerJoin(roles, eq(roles.code, userRoles.roleCode))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.tenantId, tenantId), sql`'cases.review' = ANY(${roles.permissions})`, sql`${userRoles.recipientId} IS NULL`, sql`${userRoles.blockId} IS NULL`, eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

