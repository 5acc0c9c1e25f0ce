import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { rows } from '../../db/rows';
import { AppError } from '../../errors';
import { cachedStemmer } from '../../../domain/text/stem-ru';
import { isStopword } from '../../../domain/text/stopwords-ru';
import { isNumeric, tokenize } from '../../../domain/text/tokenize';
import { caseScope } from '../cases/case-scope';
import { assertMunicipal } from './access';

const stem = cachedStemmer();
/** New cases are looked for among those received in the last 30 days. */
export const SUGGEST_DAYS = 30;
const CANDIDATES = 500;
const LIMIT = 20;

const bag = (text: string, into = new Map<string, number>()) => {
  for (const t of tokenize(text)) if (t.length > 2 && !isStopword(t) && !isNumeric(t)) { const s = stem(t); into.set(s, (into.get(s) ?? 0) + 1); }
  return into;
};
function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0, na = 0, nb = 0;
  for (const [k, v] of a) { na += v * v; const w = b.get(k); if (w) dot += v * w; }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Cases that look like an open problem: the same topic and settlement, received in the last 30
 * days, not yet linked; ranked by how close their text is (stem bags, as the related-cases
 * finder) to the problem's description and its linked cases, then by date.
 */
export async function suggestCases(db: Db, actor: Actor, problemId: string, now: Date) {
  assertMunicipal(actor);
  const [p] = await rows<{ title: string; description: string; topic_id: string | null; settlement_id: string | null; status: string }>(
    db,
    sql`SELECT title, description, topic_id, settlement_id, status FROM problems WHERE id = ${problemId} AND tenant_id = ${actor.tenantId}`,
  );
  if (!p) throw new AppError('not_found', 'Проблема не найдена');
  if (!p.topic_id && !p.settlement_id) return { items: [], days: SUGGEST_DAYS, reason: 'no_subject' as const };
  if (p.status !== 'open' && p.status !== 'in_progress') return { items: [], days: SUGGEST_DAYS, reason: 'closed' as const };
  const scope = caseScope(actor);
  const texts = await rows<{ text: string }>(db, sql`SELECT c.text FROM problem_cases pc JOIN cases c ON c.id = pc.case_id WHERE pc.problem_id = ${problemId} ORDER BY c.received_at DESC LIMIT 200`);
  const profile = bag(`${p.title} ${p.description}`);
  for (const t of texts) bag(t.text, profile);
  const since = new Date(now.getTime() - SUGGEST_DAYS * 864e5);
  const found = await rows<{ id: string; number: string; text: string; status: string; received_at: string; address: string | null }>(
    db,
    sql`SELECT c.id, c.number, c.text, c.status, c.received_at, c.address FROM cases c
        WHERE ${scope} ${p.topic_id ? sql`AND c.topic_id = ${p.topic_id}` : sql``} ${p.settlement_id ? sql`AND c.settlement_id = ${p.settlement_id}` : sql``}
          AND c.received_at >= ${since} AND c.received_at <= ${now}
          AND NOT EXISTS (SELECT 1 FROM problem_cases pc WHERE pc.problem_id = ${problemId} AND pc.case_id = c.id)
        ORDER BY c.received_at DESC LIMIT ${CANDIDATES}`,
  );
  const items = found
    .map((c) => ({ id: c.id, number: c.number, status: c.status, receivedAt: new Date(c.received_at).toISOString(), address: c.address, excerpt: c.text.slice(0, 200), textScore: Math.round(cosine(profile, bag(c.text)) * 1000) / 1000 }))
    .sort((a, b) => b.textScore - a.textScore || b.receivedAt.localeCompare(a.receivedAt))
    .slice(0, LIMIT);
  return { items, days: SUGGEST_DAYS, reason: null };
}
