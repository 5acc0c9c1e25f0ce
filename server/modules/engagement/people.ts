import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { roles, userRoles, users } from '../../db/schema';
import type { Permission } from '../../../domain/auth/permissions';

/** Active users holding a permission in any of the tenants (for in-app notices). */
export async function holdersOf(tx: Tx, tenantIds: string[], permission: Permission): Promise<{ userId: string; tenantId: string }[]> {
  if (!tenantIds.length) return [];
  const found = await tx
    .selectDistinct({ userId: userRoles.userId, tenantId: userRoles.tenantId })
    .from(userRoles)
    .innerJoin(roles, eq(roles.code, userRoles.roleCode))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.tenantId, tenantIds), sql`${permission} = ANY(${roles.permissions})`, eq(roles.isActive, true), eq(users.isActive, true)));
  return found;
}
