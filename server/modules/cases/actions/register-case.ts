import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import type { RegisterCaseInput } from '../../../../domain/cases/schemas';
import { createCase } from '../create-case';
import { loadTenantDeadlines } from '../deadlines/deadline-context';
import { notify, recipientUsers } from '../../notifications/notify';

/** Staff registration at reception, from a letter or a call (R-IN-4): registered now, assigned when a recipient is chosen. */
export async function registerCase(tx: Tx, actor: Actor, input: RegisterCaseInput, now: Date) {
  const deadlines = await loadTenantDeadlines(tx, actor.tenantId);
  const row = await createCase(tx, actor, input, { status: input.recipientId ? 'assigned' : 'registered', registeredAt: now, deadlines });
  if (row.recipientId) {
    await notify(tx, actor.tenantId, { userIds: await recipientUsers(tx, row.recipientId), caseId: row.id, kind: 'assigned', text: `Новое поручение № ${row.number}` });
  }
  return row;
}
