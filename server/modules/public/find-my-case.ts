import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import { caseTokens } from '../../db/schema';
import { AppError } from '../../errors';
import { parseContact, type FindMyCaseInput } from '../../../domain/cases/find-my-case';
import { newToken, tokenId } from '../auth/session-token';

/** One message for a wrong number and a wrong contact: the answer tells nothing about which. */
export const NOT_FOUND_MESSAGE = 'Обращение не найдено. Проверьте номер и телефон или электронную почту, указанные при обращении.';

/**
 * The resident's case by its number and the phone or e-mail they gave with it; a match gets a
 * fresh secret link to the status page (the old links stay valid: only their hashes are kept).
 * Nothing of the applicant's data leaves the server.
 */
export async function findMyCase(tx: Tx, tenantId: string, input: Pick<FindMyCaseInput, 'number' | 'contact'>): Promise<{ token: string }> {
  const contact = parseContact(input.contact);
  if (!contact) throw new AppError('not_found', NOT_FOUND_MESSAGE);
  const email = 'email' in contact ? contact.email : null;
  const phone = 'phone' in contact ? contact.phone : null;
  const res = await tx.execute(sql`
    SELECT c.id FROM cases c JOIN case_applicants a ON a.case_id = c.id
    WHERE c.tenant_id = ${tenantId} AND c.number = ${input.number}
      AND ((${email}::text IS NOT NULL AND lower(btrim(a.email)) = ${email}::text)
        OR (${phone}::text IS NOT NULL AND right(regexp_replace(coalesce(a.phone, ''), '[^0-9]', '', 'g'), 10) = ${phone}::text))`);
  const [row] = (res as unknown as { rows: { id: string }[] }).rows;
  if (!row) throw new AppError('not_found', NOT_FOUND_MESSAGE);
  const token = newToken();
  await tx.insert(caseTokens).values({ caseId: row.id, tokenHash: tokenId(token) });
  return { token };
}
