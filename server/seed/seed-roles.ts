import type { Db } from '../db/client';
import { roles } from '../db/schema';
import { BUILT_IN_ROLES } from '../../domain/auth/roles';

/** Adds the built-in roles that are missing (an administrator's edits to them are kept). */
export async function seedRoles(db: Db): Promise<void> {
  await db
    .insert(roles)
    .values(BUILT_IN_ROLES.map((r) => ({ code: r.code, name: r.name, description: r.description, permissions: r.permissions, builtIn: true })))
    .onConflictDoNothing({ target: roles.code });
}
