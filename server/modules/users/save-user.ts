import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { recipients, roles, topicBlocks, userRoles, users } from '../../db/schema';
import { assertOwnedRef, findOwned } from '../../db/owned';
import type { Actor } from '../../http/actor';
import type { UserInput } from '../../../domain/users/schemas';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password';

/** Creates or updates a user of the actor's tenant with their roles (one person, several roles). */
export async function saveUser(tx: Tx, actor: Actor, input: UserInput, id?: string) {
  if (!id && !input.password) throw new AppError('validation', 'Пароль: задайте пароль нового пользователя', { password: 'Обязательное поле' });
  await assertOwnedRef(tx, recipients, input.recipientId, actor.tenantId, 'recipientId', 'Подразделение');
  await assertRoles(tx, actor, input.roles);
  const values = {
    login: input.login.toLowerCase(),
    fullName: input.fullName,
    position: input.position ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    recipientId: input.recipientId ?? null,
    updatedAt: new Date(),
  };
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  let before: unknown = null;
  let userId: string;
  if (!id) {
    const [row] = await tx.insert(users).values({ ...values, tenantId: actor.tenantId, passwordHash: passwordHash! }).returning({ id: users.id });
    userId = row.id;
  } else {
    const old = await findOwned(tx, users, id, actor.tenantId, 'Пользователь');
    const oldRoles = await tx.select().from(userRoles).where(eq(userRoles.userId, id));
    before = { ...old, passwordHash: undefined, roles: oldRoles.map((r) => ({ roleCode: r.roleCode, recipientId: r.recipientId, blockId: r.blockId })) };
    await tx.update(users).set({ ...values, ...(passwordHash ? { passwordHash } : {}) }).where(eq(users.id, id));
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    userId = id;
  }
  if (input.roles.length) {
    await tx.insert(userRoles).values(input.roles.map((r) => ({ userId, roleCode: r.roleCode, tenantId: actor.tenantId, recipientId: r.recipientId ?? null, blockId: r.blockId ?? null })));
  }
  const after = { ...values, roles: input.roles, passwordChanged: Boolean(passwordHash) };
  await recordAudit(tx, actor, { action: id ? 'update' : 'create', entity: 'user', entityId: userId, before, after });
  return { id: userId, ...values, roles: input.roles };
}

async function assertRoles(tx: Tx, actor: Actor, assignments: UserInput['roles']) {
  const codes = [...new Set(assignments.map((a) => a.roleCode))];
  if (codes.length) {
    const found = await tx.select({ code: roles.code }).from(roles).where(and(inArray(roles.code, codes), eq(roles.isActive, true)));
    if (found.length !== codes.length) throw new AppError('validation', 'Роли: выберите роль из списка', { roles: 'Неизвестная роль' });
  }
  for (const a of assignments) {
    await assertOwnedRef(tx, recipients, a.recipientId, actor.tenantId, 'roles', 'Получатель роли');
    await assertOwnedRef(tx, topicBlocks, a.blockId, actor.tenantId, 'roles', 'Блок роли');
  }
}
