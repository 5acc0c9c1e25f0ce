import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { channels, localities, recipients, recipientTopics, settlements, topics, userRoles, users } from '../../db/schema';
import { loadTenantDeadlines, type TenantDeadlines } from '../../modules/cases/deadlines/deadline-context';
import { hasDemoTemplates } from '../../modules/cases/demo/generate-text';

/** One sub-topic the generator can write about (it has demo text templates). */
export interface RefSubtopic {
  id: string;
  code: string;
  topicId: string;
  topicCode: string;
  priority: boolean;
}

export interface RefLocality {
  id: string;
  name: string;
  type: string;
  postcode: string | null;
  population: number | null;
  lat: number | null;
  lon: number | null;
}

export interface RefSettlement {
  id: string;
  code: string;
  name: string;
  kind: string;
  population: number;
  adminCentre: string | null;
  localities: RefLocality[];
}

export interface RefRecipient {
  id: string;
  code: string;
  name: string;
  kind: string;
  settlementId: string | null;
  parentId: string | null;
  topicCodes: string[];
  /** Users with the executor role at this recipient («Мои поручения»). */
  executorIds: string[];
  /** Users with the recipient_head role at this recipient. */
  headIds: string[];
}

/** Everything of the tenant the generator refers to, loaded once. */
export interface DemoReference {
  tenantId: string;
  timeZone: string;
  subtopics: RefSubtopic[];
  settlements: RefSettlement[];
  recipients: RefRecipient[];
  channelCodes: Set<string>;
  /** Demo staff by role code (first user of the role), for the actors of the timeline. */
  staff: Map<string, string>;
  deadlines: TenantDeadlines;
}

export async function loadDemoReference(db: Db, tenantId: string): Promise<DemoReference> {
  const deadlines = await loadTenantDeadlines(db, tenantId);
  const topicRows = await db.select().from(topics).where(and(eq(topics.tenantId, tenantId), eq(topics.isActive, true)));
  const topicById = new Map(topicRows.map((t) => [t.id, t]));
  const subtopics: RefSubtopic[] = [];
  for (const t of topicRows) {
    if (!t.parentId || !hasDemoTemplates(t.code)) continue;
    const parent = topicById.get(t.parentId);
    if (!parent) continue;
    subtopics.push({ id: t.id, code: t.code, topicId: parent.id, topicCode: parent.code, priority: parent.priority || t.priority });
  }
  subtopics.sort((a, b) => (a.code < b.code ? -1 : 1));
  if (subtopics.length === 0) throw new Error('Демо-обращения: в рубрикаторе нет подтематик с шаблонами текстов');

  const settlementRows = await db.select().from(settlements).where(and(eq(settlements.tenantId, tenantId), eq(settlements.isActive, true)));
  const localityRows = await db.select().from(localities).where(and(eq(localities.tenantId, tenantId), eq(localities.isActive, true)));
  const refSettlements: RefSettlement[] = settlementRows
    .filter((s) => (s.population ?? 0) > 0)
    .map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      kind: s.kind,
      population: s.population ?? 0,
      adminCentre: s.adminCentre,
      localities: localityRows
        .filter((l) => l.settlementId === s.id)
        .map((l) => ({ id: l.id, name: l.name, type: l.type, postcode: l.postcode, population: l.population, lat: l.lat, lon: l.lon }))
        .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || (a.name < b.name ? -1 : 1)),
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  if (refSettlements.length === 0) throw new Error('Демо-обращения: у муниципалитета нет поселений с известной численностью');

  const recipientRows = await db.select().from(recipients).where(and(eq(recipients.tenantId, tenantId), eq(recipients.isActive, true)));
  const ids = recipientRows.map((r) => r.id);
  const competence = ids.length
    ? await db.select({ recipientId: recipientTopics.recipientId, code: topics.code }).from(recipientTopics).innerJoin(topics, eq(topics.id, recipientTopics.topicId)).where(inArray(recipientTopics.recipientId, ids))
    : [];
  const roleRows = await db
    .select({ userId: users.id, login: users.login, role: userRoles.roleCode, recipientId: userRoles.recipientId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.tenantId, tenantId), eq(users.isActive, true)))
    .orderBy(users.login);
  const refRecipients: RefRecipient[] = recipientRows
    .map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      settlementId: r.settlementId,
      parentId: r.parentId,
      topicCodes: competence.filter((c) => c.recipientId === r.id).map((c) => c.code).sort(),
      executorIds: roleRows.filter((u) => u.role === 'executor' && u.recipientId === r.id).map((u) => u.userId),
      headIds: roleRows.filter((u) => u.role === 'recipient_head' && u.recipientId === r.id).map((u) => u.userId),
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  if (refRecipients.length === 0) throw new Error('Демо-обращения: в справочнике нет ответственных получателей');

  const staff = new Map<string, string>();
  for (const u of roleRows) if (!u.recipientId && !staff.has(u.role)) staff.set(u.role, u.userId);

  const channelRows = await db.select({ code: channels.code }).from(channels).where(and(eq(channels.tenantId, tenantId), eq(channels.isActive, true)));
  return {
    tenantId,
    timeZone: deadlines.ctx.timeZone,
    subtopics,
    settlements: refSettlements,
    recipients: refRecipients,
    channelCodes: new Set(channelRows.map((c) => c.code)),
    staff,
    deadlines,
  };
}

/** The district administration: a top-level department without a settlement (the fallback recipient). */
export function districtAdministration(ref: DemoReference): RefRecipient {
  return (
    ref.recipients.find((r) => r.kind === 'department' && !r.parentId && !r.settlementId) ??
    ref.recipients.find((r) => !r.settlementId) ??
    ref.recipients[0]
  );
}
