import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { parsePeriod } from '../../../domain/analytics/period';
import { SIGNAL_KEY } from '../../../domain/analytics/schemas';
import { caseScope } from '../cases/case-scope';
import { receivedIn } from '../analytics/filters';
import { weeklySignals } from '../analytics/signals';
import { assertMunicipal, tenantToday } from './access';

const ddmm = (d: string) => d.slice(8, 10) + '.' + d.slice(5, 7);

/**
 * The draft of a problem from a growth signal `2026-W20:<topic>:<settlement>`: topic, territory,
 * a description with the figures of the signal, and the cell's cases of that week.
 */
export async function signalDraft(db: Db, actor: Actor, signalKey: string, now: Date) {
  assertMunicipal(actor);
  if (!SIGNAL_KEY.test(signalKey)) throw new AppError('validation', 'Сигнал: неверный ключ', { signal: 'Неверный ключ' });
  const [weekCode, topicId, settlementId] = signalKey.split(':');
  const week = parsePeriod(weekCode);
  const { timeZone } = await tenantToday(db, actor.tenantId, now);
  const [names] = await rows<{ topic: string | null; settlement: string | null }>(
    db,
    sql`SELECT (SELECT name FROM topics WHERE id = ${topicId} AND tenant_id = ${actor.tenantId}) AS topic, (SELECT name FROM settlements WHERE id = ${settlementId} AND tenant_id = ${actor.tenantId}) AS settlement`,
  );
  if (!names.topic || !names.settlement) throw new AppError('not_found', 'Сигнал не найден: тематика или поселение не из этого муниципалитета');
  const cases = await rows<{ id: string; number: string; received_at: string; excerpt: string }>(
    db,
    sql`SELECT c.id, c.number, c.received_at, left(c.text, 160) AS excerpt FROM cases c
        WHERE ${caseScope(actor)} AND c.topic_id = ${topicId} AND c.settlement_id = ${settlementId} AND ${receivedIn(week, timeZone)}
        ORDER BY c.received_at`,
  );
  const signals = await weeklySignals(db, actor, { week: weekCode }, now); // unfiltered: the figures the analytics screen showed
  const s = signals.items.find((i) => i.signalKey === signalKey);
  const figures = s
    ? `${s.observed} обращений при ожидаемых ${s.expected.toFixed(1).replace('.', ',')}`
    : `${cases.length} обращений`;
  return {
    signalKey,
    title: `${names.topic}: рост обращений — ${names.settlement}`,
    description: `Сигнал роста за неделю ${week.code.slice(-3)} (${ddmm(week.from)}–${ddmm(week.to)}.${week.to.slice(0, 4)}): ${figures}.`,
    topic: { id: topicId, name: names.topic },
    settlement: { id: settlementId, name: names.settlement },
    week: { code: week.code, from: week.from, to: week.to },
    found: Boolean(s),
    cases: cases.map((c) => ({ id: c.id, number: c.number, receivedAt: new Date(c.received_at).toISOString(), excerpt: c.excerpt })),
  };
}
