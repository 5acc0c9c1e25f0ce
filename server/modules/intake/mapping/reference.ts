import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { localities, settlements, topics } from '../../../db/schema';

export interface TopicRef {
  id: string;
  parentId: string | null;
  priority: boolean;
}

/** The tenant's directory as the importer matches names against it. */
export interface ImportReference {
  topics: Map<string, TopicRef[]>;
  subtopics: Map<string, TopicRef[]>;
  settlements: Map<string, string>;
  localities: Map<string, { id: string; settlementId: string | null }[]>;
}

/** A name for comparison: case, ё, quotes and punctuation do not matter. */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'„“”`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const PLACE_PREFIX = /^(город|г|село|с|рабочий поселок|рп|р п|поселок|пос|п|деревня|д|хутор|х|станица|ст|муниципальное образование|мо|сельское поселение|городское поселение)\s+/;
const PLACE_SUFFIX = /\s+(муниципальное образование|мо|сельское поселение|городское поселение|г о|городской округ)$/;

/** A place name without its type: «г. Красноармейск» and «город Красноармейск» both read «красноармейск». */
export function placeName(s: string): string {
  let n = normalizeName(s);
  for (let i = 0; i < 2; i++) n = n.replace(PLACE_PREFIX, '').replace(PLACE_SUFFIX, '');
  return n.trim();
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadReference(db: Db, tenantId: string): Promise<ImportReference> {
  const [t, s, l] = await Promise.all([
    db.select({ id: topics.id, parentId: topics.parentId, name: topics.name, priority: topics.priority }).from(topics).where(and(eq(topics.tenantId, tenantId), eq(topics.isActive, true))),
    db.select({ id: settlements.id, name: settlements.name, officialName: settlements.officialName }).from(settlements).where(eq(settlements.tenantId, tenantId)),
    db.select({ id: localities.id, name: localities.name, settlementId: localities.settlementId }).from(localities).where(eq(localities.tenantId, tenantId)),
  ]);
  const ref: ImportReference = { topics: new Map(), subtopics: new Map(), settlements: new Map(), localities: new Map() };
  for (const x of t) push(x.parentId ? ref.subtopics : ref.topics, normalizeName(x.name), { id: x.id, parentId: x.parentId, priority: x.priority });
  for (const x of s) {
    for (const name of [x.name, x.officialName]) if (name) ref.settlements.set(placeName(name), x.id);
  }
  for (const x of l) push(ref.localities, placeName(x.name), { id: x.id, settlementId: x.settlementId });
  return ref;
}

export interface TopicMatch {
  topic: TopicRef | null;
  subtopic: TopicRef | null;
  unknownTopic: string | null;
  unknownSubtopic: string | null;
}

/**
 * Topic and sub-topic by name. A topic cell that names a sub-topic counts as that sub-topic; a
 * sub-topic is looked for under the matched topic first. Unknown names are reported, never created.
 */
export function matchTopic(ref: ImportReference, topicName: string, subtopicName: string): TopicMatch {
  const m: TopicMatch = { topic: null, subtopic: null, unknownTopic: null, unknownSubtopic: null };
  if (topicName) {
    const n = normalizeName(topicName);
    m.topic = ref.topics.get(n)?.[0] ?? null;
    if (!m.topic) {
      const sub = ref.subtopics.get(n)?.[0];
      if (sub) m.subtopic = sub;
      else m.unknownTopic = topicName;
    }
  }
  if (subtopicName && !m.subtopic) {
    const list = ref.subtopics.get(normalizeName(subtopicName)) ?? [];
    const sub = list.find((s) => s.parentId === m.topic?.id) ?? (m.topic ? undefined : list[0]);
    if (sub) m.subtopic = sub;
    else m.unknownSubtopic = subtopicName;
  }
  return m;
}
