import { suggestByKeywords } from '../../../domain/classify/keyword-rules';
import type { Suggestion } from '../../../domain/classify/model';
import type { TenantClassifier } from './tenant-classifier';
import { recipientExtras } from './training-data';

export type SuggestionSource = 'модель' | 'правило';
export interface TopicSuggestion { topicId: string; subtopicId: string | null; name: string; p: number; source: SuggestionSource }
export interface RecipientSuggestion { recipientId: string; p: number; source: SuggestionSource; reason: string }
export interface CaseSuggestions {
  topic: TopicSuggestion[];
  recipient: RecipientSuggestion[];
  /** The recipient to route to and whether its confidence reaches the tenant's threshold. */
  route: (RecipientSuggestion & { auto: boolean }) | null;
}
export interface CaseFacts { text: string; topicId?: string | null; subtopicId?: string | null; settlementId?: string | null }

const TOP = 3;
const COMPETENCE = 'правило: компетенция ';
const round = (p: number) => Math.round(p * 1000) / 1000;

/** Top-3 topics (sub-topic label → its topic), by the tenant's model or, without one, its keyword rules. */
export function suggestTopics(t: TenantClassifier, text: string): TopicSuggestion[] {
  const source: SuggestionSource = t.topicModel ? 'модель' : 'правило';
  const raw: Suggestion[] = t.topicModel ? t.topicModel.predict(text, undefined, TOP + 2) : suggestByKeywords(text, t.rules);
  return raw.flatMap((s) => {
    const info = t.topics.get(s.label);
    if (!info) return [];
    return [{ topicId: info.parentId ?? info.id, subtopicId: info.parentId ? info.id : null, name: info.name, p: round(s.p), source }];
  }).slice(0, TOP);
}

/** The routing rule for a (sub-)topic and settlement: a sub-topic beats its topic, a settlement beats «any». */
function ruleFor(t: TenantClassifier, topicIds: string[], settlementId: string | null) {
  let best: { rule: TenantClassifier['routing'][number]; score: number } | null = null;
  for (const r of t.routing) {
    const ti = topicIds.indexOf(r.topicId);
    if (ti < 0 || (r.settlementId && r.settlementId !== settlementId)) continue;
    const score = r.priority * 4 + (ti === 0 ? 2 : 0) + (r.settlementId ? 1 : 0);
    if (!best || score > best.score) best = { rule: r, score };
  }
  return best?.rule ?? null;
}

function byRules(t: TenantClassifier, topicIds: string[], settlementId: string | null, p: number): RecipientSuggestion[] {
  const settlement = settlementId ? t.settlementNames.get(settlementId) : undefined;
  const rule = ruleFor(t, topicIds, settlementId);
  if (rule) {
    const topicName = t.topics.get(rule.topicId)?.name ?? '';
    return [{ recipientId: rule.recipientId, p: round(p), source: 'правило', reason: `правило: ${topicName} × ${rule.settlementId ? settlement : 'любое поселение'}` }];
  }
  for (const id of topicIds) {
    const all = t.competence.get(id) ?? [];
    const local = all.filter((c) => c.settlementId && c.settlementId === settlementId);
    const list = local.length ? local : all.filter((c) => !c.settlementId).length ? all.filter((c) => !c.settlementId) : all;
    if (list.length) return list.slice(0, TOP).map((c) => ({ recipientId: c.recipientId, p: round(p / list.length), source: 'правило', reason: `${COMPETENCE}«${t.topics.get(id)?.name ?? ''}»` }));
  }
  return [];
}

/** Top-3 recipients and the route, in the tenant's order (routing rules first, or the model first). */
export function suggestCase(t: TenantClassifier, c: CaseFacts): CaseSuggestions {
  const topic = suggestTopics(t, c.text);
  const given = c.subtopicId ?? c.topicId ?? null;
  const top = topic[0];
  const topicLabel = given ?? (top ? top.subtopicId ?? top.topicId : null);
  const topicP = given ? 1 : top?.p ?? 0;
  const topicIds = topicLabel ? [topicLabel, t.topics.get(topicLabel)?.parentId].filter((x): x is string => !!x) : [];
  const settlementId = c.settlementId ?? null;
  const rules = byRules(t, topicIds, settlementId, topicP);
  const model: RecipientSuggestion[] = t.recipientModel
    ? t.recipientModel.predict(c.text, recipientExtras(settlementId ? t.settlementNames.get(settlementId) : null, topicLabel), TOP).map((s) => ({ recipientId: s.label, p: round(s.p), source: 'модель', reason: `модель, ${s.p.toFixed(2)}` }))
    : [];
  const threshold = t.settings.autoRouteThreshold;
  const modelSure = model[0] && model[0].p >= threshold;
  const competence = rules.filter((r) => r.reason.startsWith(COMPETENCE));
  const explicit = rules.filter((r) => !r.reason.startsWith(COMPETENCE));
  const ordered = t.settings.routeOrder === 'model_first' && modelSure ? [...model, ...explicit, ...competence] : [...explicit, ...model, ...competence];
  const recipient = dedupe(ordered).slice(0, TOP);
  const best = recipient[0];
  // Competence alone only suggests: an automatic route needs the model or an explicit rule.
  return { topic, recipient, route: best ? { ...best, auto: best.p >= threshold && !best.reason.startsWith(COMPETENCE) } : null };
}

function dedupe(list: RecipientSuggestion[]): RecipientSuggestion[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.recipientId) ? false : (seen.add(s.recipientId), true)));
}
