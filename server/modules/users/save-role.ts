import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { roles } from '../../db/schema';
import type { Actor } from '../../http/actor';
import { isPermission } from '../../../domain/auth/permissions';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';

export interface RoleInput {
  code: string;
  name: string;
  description?: string | null;
  permissions: string[];
}

/** Adds a role of the municipality's own (п. 2.3 of the decree) or edits one; built-in codes stay. */
export async function saveRole(tx: Tx, actor: Actor, input: RoleInput, existingCode?: string) {
  const bad = input.permissions.filter((p) => !isPermission(p));
  if (bad.length) throw new AppError('validation', `Права: неизвестные коды ${bad.join(', ')}`, { permissions: 'Неизвестное право' });
  const values = { name: input.name, description: input.description ?? null, permissions: [...new Set(input.permissions)] };
  if (!existingCode) {
    const [row] = await tx.insert(roles).values({ ...values, code: input.code, builtIn: false }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'role', entityId: row.code, after: row });
    return row;
  }
  const [before] = await tx.select().from(roles).where(eq(roles.code, existingCode));
  if (!before) throw new AppError('not_found', 'Роль не найдена');
  const [row] = await tx.update(roles).set(values).where(eq(roles.code, existingCode)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'role', entityId: existingCode, before, after: row });
  return row;
}
