import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { roles, userRoles, users } from '../../db/schema';

/** Users of a tenant with their role assignments; never the password hash. */
export async function listUsers(db: Db, tenantId: string) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      fullName: users.fullName,
      position: users.position,
      email: users.email,
      phone: users.phone,
      recipientId: users.recipientId,
      isActive: users.isActive,
      lastLoginAt: users.lastLoginAt,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.tenantId, tenantId))
    .orderBy(asc(users.fullName));
  const ids = rows.map((u) => u.id);
  const assignments = ids.length ? await db.select().from(userRoles).where(inArray(userRoles.userId, ids)) : [];
  return rows.map((u) => ({
    ...u,
    roles: assignments.filter((a) => a.userId === u.id).map((a) => ({ roleCode: a.roleCode, recipientId: a.recipientId, blockId: a.blockId })),
  }));
}

export async function listRoles(db: Db) {
  return db.select().from(roles).orderBy(asc(roles.name));
}
