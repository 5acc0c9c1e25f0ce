import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { classifierModels, classifyRules, localities, recipients, recipientTopics, routingRules, settlements, topics } from '../../db/schema';
import { compileRules, type CompiledRules } from '../../../domain/classify/keyword-rules';
import type { TextClassifier } from '../../../domain/classify/model';
import { deserializeClassifier, type SerializedClassifier } from '../../../domain/classify/serialize';
import { readClassifySettings, type ClassifySettings } from './classify-settings';
import { starterRules } from './starter-topics';
import type { Gazetteer } from './territory-from-text';

export interface TopicInfo { id: string; parentId: string | null; name: string }
export interface RoutingRule { topicId: string; settlementId: string | null; recipientId: string; priority: number }

/** Everything the suggestions of one tenant need, loaded once and kept in memory. */
export interface TenantClassifier {
  topicModel: TextClassifier | null;
  recipientModel: TextClassifier | null;
  rules: CompiledRules;
  topics: Map<string, TopicInfo>;
  settlementNames: Map<string, string>;
  routing: RoutingRule[];
  /** Topic id → competent recipients with their settlement. */
  competence: Map<string, { recipientId: string; settlementId: string | null }[]>;
  gazetteer: Gazetteer;
  settings: ClassifySettings;
}

/** Reloaded at most this often when another process retrained or edited rules. */
const TTL_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<TenantClassifier> }>();

/** Drops the tenant's cached classifier (after a retrain or a change of rules or settings). */
export function invalidateTenantClassifier(tenantId: string): void {
  cache.delete(tenantId);
}

export function tenantClassifier(db: Db | Tx, tenantId: string): Promise<TenantClassifier> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = loadTenantClassifier(db, tenantId);
  cache.set(tenantId, { at: Date.now(), value });
  value.catch(() => cache.delete(tenantId));
  return value;
}

async function latestModel(db: Db | Tx, tenantId: string, target: string): Promise<TextClassifier | null> {
  const [row] = await db.select({ model: classifierModels.model }).from(classifierModels).where(and(eq(classifierModels.tenantId, tenantId), eq(classifierModels.target, target))).orderBy(desc(classifierModels.version)).limit(1);
  return row ? deserializeClassifier(row.model as SerializedClassifier) : null;
}

async function loadTenantClassifier(db: Db | Tx, tenantId: string): Promise<TenantClassifier> {
  const [topicModel, recipientModel, topicRows, ownRules, routing, comp, setRows, locRows, settings] = await Promise.all([
    latestModel(db, tenantId, 'topic'),
    latestModel(db, tenantId, 'recipient'),
    db.select({ id: topics.id, parentId: topics.parentId, name: topics.name, code: topics.code }).from(topics).where(and(eq(topics.tenantId, tenantId), eq(topics.isActive, true))),
    db.select().from(classifyRules).where(and(eq(classifyRules.tenantId, tenantId), eq(classifyRules.isActive, true))),
    db.select({ topicId: routingRules.topicId, settlementId: routingRules.settlementId, recipientId: routingRules.recipientId, priority: routingRules.priority }).from(routingRules).where(and(eq(routingRules.tenantId, tenantId), eq(routingRules.isActive, true))),
    db.select({ topicId: recipientTopics.topicId, recipientId: recipients.id, settlementId: recipients.settlementId }).from(recipientTopics).innerJoin(recipients, eq(recipients.id, recipientTopics.recipientId)).where(and(eq(recipients.tenantId, tenantId), eq(recipients.isActive, true))),
    db.select({ id: settlements.id, name: settlements.name, adminCentre: settlements.adminCentre }).from(settlements).where(and(eq(settlements.tenantId, tenantId), eq(settlements.isActive, true))),
    db.select({ id: localities.id, name: localities.name, settlementId: localities.settlementId, lat: localities.lat, lon: localities.lon }).from(localities).where(and(eq(localities.tenantId, tenantId), eq(localities.isActive, true))),
    readClassifySettings(db, tenantId),
  ]);
  const competence = new Map<string, { recipientId: string; settlementId: string | null }[]>();
  for (const c of comp) competence.set(c.topicId, [...(competence.get(c.topicId) ?? []), { recipientId: c.recipientId, settlementId: c.settlementId }]);
  const rules = [...starterRules(new Map(topicRows.map((t) => [t.code, t.id]))), ...ownRules.map((r) => ({ label: r.topicId, keywords: r.keywords, weight: r.weight }))];
  return {
    topicModel,
    recipientModel,
    rules: compileRules(rules),
    topics: new Map(topicRows.map((t) => [t.id, { id: t.id, parentId: t.parentId, name: t.name }])),
    settlementNames: new Map(setRows.map((s) => [s.id, s.name])),
    routing: routing.sort((a, b) => b.priority - a.priority),
    competence,
    gazetteer: { settlements: setRows, localities: locRows },
    settings,
  };
}
