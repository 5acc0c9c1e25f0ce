import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rows } from '../../db/rows';
import { computeEffect, effectSpan, EFFECT_RULE, type Effect } from '../../../domain/problems/effect';
import { dayText, instants, localDay } from '../analytics/filters';
import type { RegisterLink } from '../analytics/filters';

/** What an effect counts: cases of a topic (or of a whole block) on a settlement (or everywhere). */
export interface EffectSubject {
  topicId: string | null;
  blockId: string | null;
  settlementId: string | null;
}

export type EffectView = Effect & {
  rule: typeof EFFECT_RULE;
  links: { before: RegisterLink; after: RegisterLink; lastYearBefore: RegisterLink; lastYearAfter: RegisterLink };
};

function subjectConditions(s: EffectSubject): SQL[] {
  const out: SQL[] = [];
  if (s.topicId) out.push(sql`c.topic_id = ${s.topicId}`);
  else if (s.blockId) out.push(sql`c.topic_id IN (SELECT id FROM topics WHERE block_id = ${s.blockId})`);
  if (s.settlementId) out.push(sql`c.settlement_id = ${s.settlementId}`);
  return out;
}

/**
 * Cases per local day on the subject over both years' windows, then domain/problems/effect.ts.
 * `scope` is the actor's register scope, so every number is the register's count for its link.
 */
export async function effectOf(db: Db, scope: SQL, timeZone: string, subject: EffectSubject, at: string, today: string, windowDays: number = EFFECT_RULE.windowDays): Promise<EffectView> {
  const span = effectSpan(at, today, windowDays);
  const daily =
    span.to < span.from
      ? []
      : await rows<{ day: string; n: number }>(db, (() => {
          const { start, end } = instants(span, timeZone);
          const conds = sql.join([scope, ...subjectConditions(subject), sql`c.received_at >= ${start} AND c.received_at < ${end}`], sql` AND `);
          return sql`SELECT ${dayText(localDay(timeZone))} AS day, count(*)::int AS n FROM cases c WHERE ${conds} GROUP BY ${localDay(timeZone)}`;
        })());
  const e = computeEffect({ at, today, daily, windowDays });
  const base: RegisterLink = {
    ...(subject.topicId ? { topicId: subject.topicId } : subject.blockId ? { blockId: subject.blockId } : {}),
    ...(subject.settlementId ? { settlementId: subject.settlementId } : {}),
  };
  const link = (w: { from: string; to: string }): RegisterLink => ({ ...base, from: w.from, to: w.to });
  return {
    ...e,
    rule: EFFECT_RULE,
    links: { before: link(e.before), after: link(e.after), lastYearBefore: link(e.lastYear.before), lastYearAfter: link(e.lastYear.after) },
  };
}
