import type { Tx } from '../db/tx';
import { channels, deadlineRules, localities, recipients, recipientTopics, settlements, tenants, topicBlocks, topics } from '../db/schema';
import { DEFAULT_CHANNELS, DEFAULT_RULES } from '../modules/cases/deadlines/deadline-rules';
import { readData, type RecipientData, type RubricatorData, type TerritoryData } from './reference-data';

/**
 * Creates a municipality tenant from the product's reference data: territory with its boundary,
 * the rubricator with topic blocks, and the recipients with their competence. Another
 * municipality is another set of data files, not code.
 */
export async function seedMunicipality(tx: Tx, files: { territory: string; boundary: string; recipients: string; rubricator: string }, parentId: string | null) {
  const territory = readData<TerritoryData>(files.territory);
  const boundary = readData<{ features: { geometry: unknown }[] }>(files.boundary).features[0]?.geometry ?? null;
  const t = territory.tenant;
  const [tenant] = await tx
    .insert(tenants)
    .values({ code: t.code, kind: 'municipality', parentId, name: t.name, fullName: t.fullName, oktmo: t.oktmo, timeZone: t.timeZone, population: t.population, populationYear: t.populationYear, boundary })
    .returning();
  const settlementIds = new Map<string, string>();
  for (const s of territory.settlements) {
    const [row] = await tx.insert(settlements).values({ ...s, tenantId: tenant.id }).returning({ id: settlements.id });
    settlementIds.set(s.code, row.id);
  }
  if (territory.localities.length) {
    await tx.insert(localities).values(
      territory.localities.map(({ settlementCode, ...l }) => ({ ...l, tenantId: tenant.id, settlementId: settlementCode ? settlementIds.get(settlementCode)! : null })),
    );
  }
  await tx.insert(channels).values(DEFAULT_CHANNELS.map((c) => ({ ...c, tenantId: tenant.id })));
  await tx.insert(deadlineRules).values(DEFAULT_RULES.map((r) => ({ ...r, tenantId: tenant.id })));
  const topicIds = await seedRubricator(tx, tenant.id, readData<RubricatorData>(files.rubricator));
  await seedRecipients(tx, tenant.id, readData<RecipientData[]>(files.recipients), settlementIds, topicIds);
  return tenant;
}

async function seedRubricator(tx: Tx, tenantId: string, data: RubricatorData): Promise<Map<string, string>> {
  const blockOf = new Map<string, string>();
  for (const b of data.blocks) {
    const [row] = await tx.insert(topicBlocks).values({ tenantId, code: b.code, name: b.name }).returning({ id: topicBlocks.id });
    for (const c of b.topicCodes) blockOf.set(c, row.id);
  }
  const ids = new Map<string, string>();
  let sort = 0;
  for (const t of data.topics) {
    const [row] = await tx
      .insert(topics)
      .values({ tenantId, code: t.code, name: t.name, priority: t.priority, blockId: blockOf.get(t.code) ?? null, sort: sort++ })
      .returning({ id: topics.id });
    ids.set(t.code, row.id);
    if (t.subtopics.length) {
      await tx.insert(topics).values(t.subtopics.map((s, i) => ({ tenantId, code: s.code, name: s.name, parentId: row.id, priority: t.priority, blockId: blockOf.get(t.code) ?? null, sort: i })));
    }
  }
  return ids;
}

async function seedRecipients(tx: Tx, tenantId: string, data: RecipientData[], settlementIds: Map<string, string>, topicIds: Map<string, string>) {
  const ids = new Map<string, string>();
  // Parents first: the file is a hierarchy, insert in dependency order.
  const pending = [...data];
  while (pending.length) {
    const i = pending.findIndex((r) => !r.parentCode || ids.has(r.parentCode));
    if (i < 0) throw new Error('Справочник получателей: цикл или неизвестный родитель');
    const [r] = pending.splice(i, 1);
    const [row] = await tx
      .insert(recipients)
      .values({
        tenantId,
        code: r.code,
        name: r.name,
        kind: r.kind,
        parentId: r.parentCode ? ids.get(r.parentCode)! : null,
        settlementId: r.settlementCode ? (settlementIds.get(r.settlementCode) ?? null) : null,
        confidence: r.confidence,
        source: r.source,
        note: r.note,
      })
      .returning({ id: recipients.id });
    ids.set(r.code, row.id);
    const links = r.topicCodes.map((c) => topicIds.get(c)).filter((x): x is string => Boolean(x));
    if (links.length) await tx.insert(recipientTopics).values(links.map((topicId) => ({ recipientId: row.id, topicId })));
  }
  return ids;
}
