import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/tx';
import type { Actor } from '../../http/actor';
import { caseSuggestions, classifyCorrections } from '../../db/schema';

export async function suggestionOf(tx: Tx, caseId: string) {
  const [s] = await tx.select().from(caseSuggestions).where(eq(caseSuggestions.caseId, caseId));
  return s ?? null;
}

/** A correction row: the next training gives the chosen label more weight for this text. */
export async function recordCorrection(tx: Tx, actor: Actor, caseId: string, field: 'topic' | 'recipient', suggested: string | null, chosen: string): Promise<void> {
  if (suggested === chosen) return;
  await tx.insert(classifyCorrections).values({ tenantId: actor.tenantId, caseId, field, suggested, chosen, userId: actor.userId });
}

/**
 * After an assignment: when the recipient had been suggested or routed automatically and staff
 * chose another one, that is a correction of the recipient model.
 */
export async function recordRecipientCorrection(tx: Tx, actor: Actor, caseId: string, chosen: string, previous: { recipientId: string | null; autoRouted: boolean }): Promise<void> {
  const s = await suggestionOf(tx, caseId);
  const suggested = previous.autoRouted ? previous.recipientId : s?.recipientLabel ?? null;
  if (suggested) await recordCorrection(tx, actor, caseId, 'recipient', suggested, chosen);
}
