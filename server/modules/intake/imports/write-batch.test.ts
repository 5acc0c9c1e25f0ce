import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDatabase, targets } from '../../../test/databases';
import type { Database } from '../../../db/client';
import { auditEvents, cases } from '../../../db/schema';
import { systemActor } from '../../../http/actor';
import { loadTenantDeadlines } from '../../cases/deadlines/deadline-context';
import { tenantClassifier } from '../../classify/tenant-classifier';
import type { CaseCandidate } from '../mapping/map-row';
import { BatchDeadlines } from './batch-deadlines';
import { planNewCases } from './plan-new-cases';
import { prepareNewCases } from './prepare-new-cases';
import { writeBatch, type BatchContext } from './write-batch';

/** The shortcuts of a chunk's write (a plan and statement rows made ahead) stay exact when their assumption fails. */
describe.each(targets())('writing a chunk on %s', (target) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let ctx: BatchContext;
  let tenantId: string;

  beforeAll(async () => {
    let ids;
    ({ database, dispose, ids } = await freshDatabase(target, { demo: true }));
    tenantId = ids.municipalityId;
    const { db } = database;
    ctx = {
      tenantId, channel: 'email', jobId: crypto.randomUUID(), actor: { ...systemActor(tenantId), requestId: 'test' }, status: 'received',
      deadlines: new BatchDeadlines(await loadTenantDeadlines(db, tenantId)), now: new Date('2026-04-30T07:00:00Z'),
      classifier: await tenantClassifier(db, tenantId), topicPriority: () => false,
    };
  }, 400_000);
  afterAll(async () => {
    await dispose?.();
  });

  let row = 1;
  const candidate = (sourceId: string, text: string): CaseCandidate => ({
    rowNumber: ++row, sourceId, receivedAt: new Date('2026-04-28T09:00:00Z'), text, topicId: null, subtopicId: null, settlementId: null, localityId: null,
    address: null, lat: null, lon: null, regime: 'MESSAGE', fastTrack: false, fileDue: null, externalStatus: null, rating: null, sourceUrl: null, applicant: null,
  });
  const byKey = async (sourceId: string) => database.db.select().from(cases).where(and(eq(cases.tenantId, tenantId), eq(cases.channel, 'email'), eq(cases.sourceId, sourceId)));

  it('plans the new cases again when the plan made ahead took a known key for a new one', async () => {
    await database.db.transaction((tx) => writeBatch(tx, ctx, [candidate('P-1', 'Яма на дороге')], [], {}));
    const good = [candidate('P-1', 'Яма на дороге у школы'), candidate('P-2', 'Не горит фонарь'), candidate('P-2', 'Не горит фонарь во дворе')];
    // Made as if P-1 were new (it was written meanwhile): the transaction must not use it.
    const stale = await planNewCases(ctx, good, () => true);
    const out = await database.db.transaction((tx) => writeBatch(tx, ctx, good, [], {}, stale));
    expect({ inserted: out.inserted, updated: out.updated, unchanged: out.unchanged }).toEqual({ inserted: 1, updated: 2, unchanged: 0 });
    const [p1] = await byKey('P-1');
    const [p2] = await byKey('P-2');
    expect((await byKey('P-1')).length).toBe(1);
    expect(p1.text).toBe('Яма на дороге у школы');
    expect(p2.text).toBe('Не горит фонарь во дворе');
    expect(p2.answerDue).not.toBeNull();
  });

  it('uses the plan made ahead when its keys are the new ones', async () => {
    const good = [candidate('Q-1', 'Сломана скамейка')];
    const plan = await planNewCases(ctx, good, () => true);
    plan.fresh.get('Q-1')!.text = 'из плана';
    const out = await database.db.transaction((tx) => writeBatch(tx, ctx, good, [], {}, plan));
    expect(out.inserted).toBe(1);
    expect((await byKey('Q-1'))[0].text).toBe('из плана');
  });

  it('keeps the part of a plan made ahead for every key that covers the keys found new', async () => {
    await database.db.transaction((tx) => writeBatch(tx, ctx, [candidate('R-1', 'Сломан забор')], [], {}));
    const good = [candidate('R-1', 'Сломан забор у школы'), candidate('R-2', 'Нет света в подъезде'), candidate('R-3', 'Яма во дворе')];
    // Planned ahead for all three keys (as the mapping thread does): R-1 turns out known.
    const plan = await planNewCases(ctx, good, () => true);
    plan.fresh.get('R-2')!.text = 'из плана';
    const out = await database.db.transaction((tx) => writeBatch(tx, ctx, good, [], {}, plan));
    expect({ inserted: out.inserted, updated: out.updated, unchanged: out.unchanged }).toEqual({ inserted: 2, updated: 1, unchanged: 0 });
    expect((await byKey('R-1')).map((c) => c.text)).toEqual(['Сломан забор у школы']);
    expect((await byKey('R-2'))[0].text).toBe('из плана');
    expect((await byKey('R-3'))[0].answerDue).not.toBeNull();
  });

  it('inserts rows prepared ahead with numbers reserved in the transaction, also in their audit rows', async () => {
    const good = [candidate('S-1', 'Не убран снег'), candidate('S-2', 'Гололёд на тротуаре')];
    const plan = await planNewCases(ctx, good, () => true);
    const prepared = await prepareNewCases(ctx, plan);
    const out = await database.db.transaction((tx) => writeBatch(tx, ctx, good, [], {}, plan, prepared));
    expect(out.inserted).toBe(2);
    const [s1] = await byKey('S-1');
    const [s2] = await byKey('S-2');
    // The ids made ahead went in; the numbers are consecutive, in row order.
    expect([s1.id, s2.id]).toEqual(prepared.list.map((r) => r.id));
    const seq = (n: string) => Number(n.split('-')[1]);
    expect(s1.number).toMatch(/^2026-\d{6}$/);
    expect(seq(s2.number)).toBe(seq(s1.number) + 1);
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entity, 'case'), eq(auditEvents.entityId, s2.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'receive', after: expect.objectContaining({ number: s2.number, sourceId: 'S-2', status: 'received' }) });
  });

  it('leaves a key taken by another writer between the lookup and the insert to that writer', async () => {
    // Another writer's case with the key T-1 appears right before the chunk's rows go in.
    await database.exec(`
      CREATE FUNCTION test_take_key() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF pg_trigger_depth() = 1 THEN
          INSERT INTO cases (id, tenant_id, number, regime, channel, source_id, received_at, status, text)
          VALUES (gen_random_uuid(), '${tenantId}', 'ЧУЖОЙ-1', 'MESSAGE', 'email', 'T-1', now(), 'received', 'чужое обращение')
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER test_take_key BEFORE INSERT ON cases FOR EACH STATEMENT EXECUTE FUNCTION test_take_key();`);
    try {
      const good = [candidate('T-1', 'Мусор у подъезда'), candidate('T-2', 'Мусор во дворе')];
      const out = await database.db.transaction((tx) => writeBatch(tx, ctx, good, [], {}));
      expect({ inserted: out.inserted, unchanged: out.unchanged }).toEqual({ inserted: 1, unchanged: 1 });
      const t1 = await byKey('T-1');
      expect(t1.map((c) => c.number)).toEqual(['ЧУЖОЙ-1']);
      expect((await byKey('T-2')).length).toBe(1);
      expect(out.caseIds.get(good[0].rowNumber)).toBeUndefined();
    } finally {
      await database.exec('DROP TRIGGER test_take_key ON cases; DROP FUNCTION test_take_key()');
    }
  });
});
