import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { roles, tenants, userRoles, users } from '../../db/schema';
import { isPermission, type Permission } from '../../../domain/auth/permissions';
import type { Actor } from '../../http/actor';

/** Builds the actor of a session: the union of the user's active roles in the session's tenant. */
export async function loadActor(db: Db, userId: string, tenantId: string, requestId: string): Promise<Actor | null> {
  const [user] = await db.select({ id: users.id, isActive: users.isActive }).from(users).where(eq(users.id, userId));
  if (!user?.isActive) return null;
  const [tenant] = await db.select({ kind: tenants.kind }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) return null;
  const assignments = await db.select().from(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.tenantId, tenantId)));
  const codes = [...new Set(assignments.map((a) => a.roleCode))];
  const roleRows = codes.length ? await db.select().from(roles).where(and(inArray(roles.code, codes), eq(roles.isActive, true))) : [];
  const permissions = new Set<Permission>();
  for (const r of roleRows) for (const p of r.permissions) if (isPermission(p)) permissions.add(p);
  const unscoped = assignments.some((a) => !a.recipientId && !a.blockId);
  return {
    userId,
    tenantId,
    tenantKind: tenant.kind as Actor['tenantKind'],
    requestId,
    permissions,
    roleCodes: roleRows.map((r) => r.code),
    recipientIds: unscoped ? [] : uniq(assignments.map((a) => a.recipientId)),
    blockIds: unscoped ? [] : uniq(assignments.map((a) => a.blockId)),
  };
}

function uniq(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
