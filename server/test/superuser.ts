import type { Database } from '../db/client';
import { roles, userRoles, users } from '../db/schema';
import { PERMISSIONS } from '../../domain/auth/permissions';
import { hashPassword } from '../modules/auth/password';
import { DEMO_PASSWORD } from '../seed/demo-users';

/** A test-only user holding every permission in the municipality, to reach every endpoint. */
export async function createSuperuser(database: Database, tenantId: string, login = 'test.super'): Promise<string> {
  await database.db.insert(roles).values({ code: 'test_all', name: 'Все права (тест)', permissions: [...PERMISSIONS] }).onConflictDoNothing();
  const [u] = await database.db.insert(users).values({ tenantId, login, fullName: 'Тестовый Пользователь', passwordHash: await hashPassword(DEMO_PASSWORD) }).returning({ id: users.id });
  await database.db.insert(userRoles).values({ userId: u.id, roleCode: 'test_all', tenantId });
  return login;
}
