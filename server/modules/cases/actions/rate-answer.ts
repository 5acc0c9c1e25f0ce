import type { Tx } from '../../../db/tx';
import type { Actor } from '../../../http/actor';
import { isLowRating } from '../../../../domain/cases/review';
import { applyTransition } from '../apply-transition';
import { notify, mcuReviewers, recipientHeads } from '../../notifications/notify';

/**
 * The applicant's rating 1–5 (through their secret link, or recorded by staff from a call). A
 * rating of 1–3 reopens review by the МЦУ (R-RT-5); 4–5 closes the case.
 */
export async function rateAnswer(tx: Tx, actor: Actor, caseId: string, rating: number, comment: string | null | undefined, now: Date, via: 'link' | 'staff') {
  const low = isLowRating(rating);
  const row = await applyTransition(
    tx,
    actor,
    caseId,
    'rate',
    (c) => ({
      rating,
      ratingComment: comment ?? null,
      ratedAt: now,
      status: low ? 'reopened' : 'closed',
      closedAt: low ? null : (c.closedAt ?? now),
      reopenCount: low ? c.reopenCount + 1 : c.reopenCount,
    }),
    { rating, via },
  );
  if (low) {
    const to = [...(await mcuReviewers(tx, actor.tenantId)), ...(await recipientHeads(tx, row.recipientId))];
    await notify(tx, actor.tenantId, { userIds: to, caseId, kind: `low_rating:${row.reopenCount}`, text: `№ ${row.number}: заявитель оценил ответ на ${rating} — обращение возобновлено` });
  }
  return row;
}
