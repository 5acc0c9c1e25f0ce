import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { roles, tenants, users } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { landingFor } from '../../../domain/auth/roles';

/** The signed-in user as the web app needs it: who, where, what they may do, where they land. */
export async function describeMe(db: Db, actor: Actor) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId!));
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, actor.tenantId));
  return {
    user: { id: user.id, login: user.login, fullName: user.fullName, position: user.position, recipientId: user.recipientId },
    tenant: { id: tenant.id, code: tenant.code, kind: tenant.kind, name: tenant.name, timeZone: tenant.timeZone },
    roles: actor.roleCodes,
    roleNames: actor.roleCodes.length ? (await db.select({ code: roles.code, name: roles.name }).from(roles).where(inArray(roles.code, actor.roleCodes))).map((r) => r.name) : [],
    permissions: [...actor.permissions],
    scope: { recipientIds: actor.recipientIds, blockIds: actor.blockIds },
    landing: landingFor(actor.roleCodes),
  };
}
