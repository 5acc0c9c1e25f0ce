import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { cachedStemmer } from '../../../domain/text/stem-ru';
import { isStopword } from '../../../domain/text/stopwords-ru';
import { isNumeric, tokenize } from '../../../domain/text/tokenize';
import { AppError } from '../../errors';
import { caseScope } from '../cases/case-scope';
import { findStreet } from './territory-from-text';

const stem = cachedStemmer();
const WINDOW_DAYS = 14;
const CANDIDATES = 1000;
const LIMIT = 10;
const MIN_SCORE = 0.25;

interface Row { id: string; number: string; text: string; channel: string; status: string; received_at: string | Date; settlement_id: string | null; locality_id: string | null; address: string | null }
export interface RelatedSuggestion { id: string; number: string; channel: string; status: string; receivedAt: string; score: number; textScore: number; samePlace: 'street' | 'locality' | 'settlement' | null; excerpt: string }

const bag = (text: string) => {
  const m = new Map<string, number>();
  for (const t of tokenize(text)) if (t.length > 2 && !isStopword(t) && !isNumeric(t)) { const s = stem(t); m.set(s, (m.get(s) ?? 0) + 1); }
  return m;
};
function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0, na = 0, nb = 0;
  for (const [k, v] of a) { na += v * v; const w = b.get(k); if (w) dot += v * w; }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Cases of the tenant that may be about the same problem (R-ST-4): received within ±14 days on
 * any channel, with a close text (cosine of stem bags) and a bonus for the same street, locality
 * or settlement. Computed on read; never touches intake.
 */
export async function relatedSuggestions(db: Db, actor: Actor, caseId: string): Promise<RelatedSuggestion[]> {
  const scope = caseScope(actor);
  const one = await db.execute(sql`SELECT c.id, c.number, c.text, c.channel, c.status, c.received_at, c.settlement_id, c.locality_id, c.address FROM cases c WHERE c.id = ${caseId} AND ${scope}`);
  const [me] = (one as unknown as { rows: Row[] }).rows;
  if (!me) throw new AppError('not_found', 'Обращение не найдено');
  const at = new Date(me.received_at).getTime();
  const res = await db.execute(sql`
    SELECT c.id, c.number, c.text, c.channel, c.status, c.received_at, c.settlement_id, c.locality_id, c.address FROM cases c
    WHERE ${scope} AND c.id <> ${caseId} AND c.duplicate_of_id IS DISTINCT FROM ${caseId}
      AND c.received_at BETWEEN ${new Date(at - WINDOW_DAYS * 864e5).toISOString()} AND ${new Date(at + WINDOW_DAYS * 864e5).toISOString()}
      AND (${me.settlement_id}::uuid IS NULL OR c.settlement_id IS NULL OR c.settlement_id = ${me.settlement_id})
    ORDER BY abs(extract(epoch FROM c.received_at - ${new Date(at).toISOString()}::timestamptz)) LIMIT ${CANDIDATES}`);
  const mine = bag(me.text);
  const myStreet = findStreet(`${me.address ?? ''} ${me.text}`);
  return (res as unknown as { rows: Row[] }).rows.map((r) => {
    const textScore = cosine(mine, bag(r.text));
    const street = myStreet && findStreet(`${r.address ?? ''} ${r.text}`) === myStreet;
    const samePlace = street ? 'street' : me.locality_id && r.locality_id === me.locality_id ? 'locality' : me.settlement_id && r.settlement_id === me.settlement_id ? 'settlement' : null;
    const bonus = samePlace === 'street' ? 0.2 : samePlace === 'locality' ? 0.1 : samePlace === 'settlement' ? 0.05 : 0;
    return { id: r.id, number: r.number, channel: r.channel, status: r.status, receivedAt: new Date(r.received_at).toISOString(), score: Math.round((textScore + bonus) * 1000) / 1000, textScore: Math.round(textScore * 1000) / 1000, samePlace, excerpt: r.text.slice(0, 200) } satisfies RelatedSuggestion;
  }).filter((r) => r.textScore >= MIN_SCORE).sort((a, b) => b.score - a.score).slice(0, LIMIT);
}
