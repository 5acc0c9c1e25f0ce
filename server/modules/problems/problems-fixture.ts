// Reference ids of the demo municipality (Красноармейский район) that the problems tests use.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rows } from '../../db/rows';

export interface DemoRefs {
  tenantId: string;
  regionId: string;
  timeZone: string;
  blockId: string;
  topicId: string;
  topicName: string;
  otherTopicId: string;
  settlementId: string;
  settlementName: string;
  otherSettlementId: string;
  recipientId: string;
  execId: string;
  execName: string;
  headId: string;
}

/** The first two topics of the «zhkh» block and the first two settlements, plus two people. */
export async function demoRefs(database: Database): Promise<DemoRefs> {
  const db = database.db;
  const [t] = await rows<{ id: string; parent_id: string; time_zone: string }>(db, sql`SELECT id, parent_id, time_zone FROM tenants WHERE kind = 'municipality' ORDER BY code LIMIT 1`);
  const topics = await rows<{ id: string; name: string; block_id: string }>(
    db,
    sql`SELECT t.id, t.name, t.block_id FROM topics t JOIN topic_blocks b ON b.id = t.block_id WHERE t.tenant_id = ${t.id} AND b.code = 'zhkh' AND t.parent_id IS NULL ORDER BY t.sort, t.code LIMIT 2`,
  );
  const settlements = await rows<{ id: string; name: string }>(db, sql`SELECT id, name FROM settlements WHERE tenant_id = ${t.id} ORDER BY code LIMIT 2`);
  const [recipient] = await rows<{ id: string }>(db, sql`SELECT id FROM recipients WHERE tenant_id = ${t.id} ORDER BY code LIMIT 1`);
  const people = await rows<{ id: string; login: string; full_name: string }>(db, sql`SELECT id, login, full_name FROM users WHERE login IN ('exec.kamenskoe', 'head')`);
  const exec = people.find((p) => p.login === 'exec.kamenskoe')!;
  return {
    tenantId: t.id,
    regionId: t.parent_id,
    timeZone: t.time_zone,
    blockId: topics[0].block_id,
    topicId: topics[0].id,
    topicName: topics[0].name,
    otherTopicId: topics[1].id,
    settlementId: settlements[0].id,
    settlementName: settlements[0].name,
    otherSettlementId: settlements[1].id,
    recipientId: recipient.id,
    execId: exec.id,
    execName: exec.full_name,
    headId: people.find((p) => p.login === 'head')!.id,
  };
}
