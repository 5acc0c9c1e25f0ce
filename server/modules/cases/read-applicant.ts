import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import type { Actor } from '../../http/actor';
import { caseApplicants, pdAccessLog } from '../../db/schema';
import { AppError } from '../../errors';
import { assertCaseVisible } from './case-scope';

/**
 * The applicant's personal data in clear, for a role that needs it (pd.read) and a case it may
 * see; the read and its purpose are logged in the same transaction (152-ФЗ ст. 19).
 */
export async function readApplicant(tx: Tx, actor: Actor, caseId: string, purpose: string) {
  if (!actor.permissions.has('pd.read')) throw new AppError('forbidden', 'Нет права на просмотр персональных данных');
  await assertCaseVisible(tx, actor, caseId);
  const [a] = await tx.select().from(caseApplicants).where(eq(caseApplicants.caseId, caseId));
  await tx.insert(pdAccessLog).values({ tenantId: actor.tenantId, userId: actor.userId, caseId, action: 'view', purpose });
  return a ? { fullName: a.fullName, email: a.email, phone: a.phone, postalAddress: a.postalAddress, socialProfile: a.socialProfile, replyBy: a.replyBy } : null;
}
