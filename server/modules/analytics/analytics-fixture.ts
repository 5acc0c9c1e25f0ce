// A small fixed data set for the analytics tests: every figure is computed by hand in the tests.
// Region R with municipalities A (population 10 000) and B (5 000); times are local (UTC+4).
import type { Database } from '../../db/client';
import { cases, channels, localities, recipients, settlements, tenants, topicBlocks, topics, userRoles, users } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from '../../seed/demo-users';

export const TZ = 'Europe/Saratov';
/** Friday 20.11.2026, 11:00 in Саратов. */
export const NOW = '2026-11-20T07:00:00Z';
export const SECRET_TEXT = 'СЕКРЕТНЫЙ ТЕКСТ ОБРАЩЕНИЯ';
export const SECRET_ADDRESS = 'ул. Тайная';

export type CaseSeed = Partial<typeof cases.$inferInsert> & { receivedAt: Date };

let seq = 0;
/** Inserts one case row with chosen fields (the rest: a registered message from ПОС). */
export async function insertCase(database: Database, tenantId: string, c: CaseSeed) {
  seq += 1;
  const [row] = await database.db
    .insert(cases)
    .values({ tenantId, number: `T-${seq}`, regime: 'MESSAGE', channel: 'pos', status: 'registered', text: `${SECRET_TEXT} ${seq}`, ...c })
    .returning({ id: cases.id });
  return row.id;
}

/** A local wall time in Саратов (UTC+4 all year) as an instant. */
export const at = (local: string) => new Date(`${local}+04:00`);

async function user(database: Database, tenantId: string, login: string, role: string, scope: { blockId?: string } = {}) {
  const [u] = await database.db.insert(users).values({ tenantId, login, fullName: `Сотрудник ${login}`, passwordHash: await hashPassword(DEMO_PASSWORD) }).returning({ id: users.id });
  await database.db.insert(userRoles).values({ userId: u.id, roleCode: role, tenantId, blockId: scope.blockId ?? null });
}

async function tenant(database: Database, code: string, kind: 'region' | 'municipality', population: number | null, parentId: string | null) {
  const [t] = await database.db.insert(tenants).values({ code, kind, name: `Тенант ${code}`, timeZone: TZ, population, parentId }).returning({ id: tenants.id });
  return t.id;
}

export interface Fixture {
  regionId: string;
  A: string;
  B: string;
  S1: string;
  S2: string;
  S3: string;
  SB1: string;
  L1: string;
  L2: string;
  K2: string;
  T1: string;
  T1a: string;
  T1b: string;
  T2: string;
  T2a: string;
  R1: string;
  R2: string;
  R3: string;
}

/**
 * Reference data and people: A has settlements S1 (2 000 people), S2 (population unknown) and
 * S3 (1 000, no cases); topics T1 «roads» (sub-topics T1a, T1b) and T2 «housing» (T2a, block K2);
 * recipients R1–R3. B has «roads» and settlement SB1. Users: head.a, block.a (block K2),
 * curator.a, head.b, region.
 */
export async function buildFixture(database: Database): Promise<Fixture> {
  const { db } = database;
  const regionId = await tenant(database, 'test-region', 'region', null, null);
  const A = await tenant(database, 'test-a', 'municipality', 10000, regionId);
  const B = await tenant(database, 'test-b', 'municipality', 5000, regionId);
  const settlement = async (tenantId: string, code: string, population: number | null) =>
    (await db.insert(settlements).values({ tenantId, code, name: `Поселение ${code}`, kind: 'rural', population }).returning({ id: settlements.id }))[0].id;
  const S1 = await settlement(A, 's1', 2000);
  const S2 = await settlement(A, 's2', null);
  const S3 = await settlement(A, 's3', 1000);
  const SB1 = await settlement(B, 'sb1', 3000);
  const locality = async (settlementId: string, code: string, lat: number | null, lon: number | null) =>
    (await db.insert(localities).values({ tenantId: A, settlementId, code, name: `Пункт ${code}`, type: 'село', lat, lon }).returning({ id: localities.id }))[0].id;
  const L1 = await locality(S1, 'l1', 51.0, 45.7);
  const L2 = await locality(S2, 'l2', null, null);
  const block = async (tenantId: string, code: string) => (await db.insert(topicBlocks).values({ tenantId, code, name: `Блок ${code}` }).returning({ id: topicBlocks.id }))[0].id;
  const K1 = await block(A, 'k1');
  const K2 = await block(A, 'k2');
  const topic = async (tenantId: string, code: string, blockId: string | null, parentId: string | null, sort: number) =>
    (await db.insert(topics).values({ tenantId, code, name: `Тематика ${code}`, blockId, parentId, sort }).returning({ id: topics.id }))[0].id;
  const T1 = await topic(A, 'roads', K1, null, 1);
  const T1a = await topic(A, 'roads.pits', K1, T1, 1);
  const T1b = await topic(A, 'roads.snow', K1, T1, 2);
  const T2 = await topic(A, 'housing', K2, null, 2);
  const T2a = await topic(A, 'housing.heating', K2, T2, 1);
  const TB = await topic(B, 'roads', null, null, 1);
  await topic(B, 'roads.pits', null, TB, 1);
  const recipient = async (code: string) => (await db.insert(recipients).values({ tenantId: A, code, name: `Получатель ${code}`, kind: 'department' }).returning({ id: recipients.id }))[0].id;
  const [R1, R2, R3] = [await recipient('r1'), await recipient('r2'), await recipient('r3')];
  for (const t of [A, B]) {
    await db.insert(channels).values([
      { tenantId: t, code: 'pos', name: 'ПОС', defaultRegime: 'MESSAGE' },
      { tenantId: t, code: 'incident', name: 'Инцидент Менеджмент', defaultRegime: 'MESSAGE' },
      { tenantId: t, code: 'letter', name: 'Письмо', defaultRegime: 'FZ59' },
    ]);
  }
  await user(database, A, 'head.a', 'head');
  await user(database, A, 'block.a', 'block_lead', { blockId: K2 });
  await user(database, A, 'curator.a', 'curator');
  await user(database, B, 'head.b', 'head');
  await user(database, regionId, 'region', 'region_observer');
  const f: Fixture = { regionId, A, B, S1, S2, S3, SB1, L1, L2, K2, T1, T1a, T1b, T2, T2a, R1, R2, R3 };
  await periodCases(database, f, TB);
  await signalHistory(database, f);
  await ratingCases(database, f);
  return f;
}

/**
 * The cases of November 2026 (the heat map's period 01.11–14.11), of the previous period
 * (18.10–31.10), of a year earlier, and of B. See the tests for the hand-computed figures.
 */
async function periodCases(database: Database, f: Fixture, TB: string) {
  const A = (c: CaseSeed) => insertCase(database, f.A, c);
  const common = { topicId: f.T1, settlementId: f.S1 };
  // c1: answered in time (3 days), rating 5, fast track in time, auto-routed, a point near L1
  await A({ ...common, receivedAt: at('2026-11-02T10:00'), subtopicId: f.T1a, localityId: f.L1, lat: 51.001, lon: 45.701, address: `Пункт l1, ${SECRET_ADDRESS}, д. 7`, status: 'closed', answerDue: at('2026-11-10T18:00'), answeredAt: at('2026-11-05T10:00'), firstAnsweredAt: at('2026-11-05T10:00'), rating: 5, recipientId: f.R1, autoRouted: true, fastTrack: true, fastTrackDue: at('2026-12-02T23:59') });
  // c2: open, past due since 12.11: overdue now; fast track not yet due
  await A({ ...common, receivedAt: at('2026-11-03T09:00'), subtopicId: f.T1a, localityId: f.L1, lat: 51.002, lon: 45.702, status: 'in_work', answerDue: at('2026-11-12T18:00'), recipientId: f.R1, autoRouted: true, fastTrack: true, fastTrackDue: at('2026-12-03T23:59') });
  // c3: the last minutes of 14.11 local; a 59-ФЗ letter answered late, returned once, rating 2
  await A({ ...common, receivedAt: at('2026-11-14T23:30'), channel: 'letter', regime: 'FZ59', status: 'answered', answerDue: at('2026-11-16T18:00'), answeredAt: at('2026-11-17T12:00'), firstAnsweredAt: at('2026-11-17T12:00'), rating: 2, returnsCount: 1, recipientId: f.R2 });
  // c4: «Инцидент Менеджмент», received in the lunch break; 8 working hours to the answer, 2 to the first reply; reopened once
  await A({ topicId: f.T1, subtopicId: f.T1b, settlementId: f.S2, localityId: f.L2, lat: 51.2, lon: 45.9, receivedAt: at('2026-11-05T12:00'), channel: 'incident', status: 'closed', answerDue: at('2026-11-15T18:00'), answeredAt: at('2026-11-06T12:00'), firstAnsweredAt: at('2026-11-05T15:00'), rating: 4, reopenCount: 1, recipientId: f.R2, autoRouted: true });
  // c5: the first minutes of 01.11 local (31.10 in UTC); no deadline
  await A({ topicId: f.T2, subtopicId: f.T2a, settlementId: f.S1, receivedAt: at('2026-11-01T00:30') });
  // c6: incident: 4 working hours to the answer, 1 to the first reply
  await A({ topicId: f.T2, subtopicId: f.T2a, settlementId: f.S1, localityId: f.L1, lat: 51.003, lon: 45.703, receivedAt: at('2026-11-10T15:00'), channel: 'incident', status: 'answered', answerDue: at('2026-11-11T18:00'), answeredAt: at('2026-11-11T10:00'), firstAnsweredAt: at('2026-11-10T16:00'), recipientId: f.R3 });
  // c7: no settlement; c8: no topic
  await A({ topicId: f.T2, receivedAt: at('2026-11-08T10:00'), status: 'rejected' });
  await A({ settlementId: f.S2, receivedAt: at('2026-11-09T10:00'), channel: 'letter', status: 'received' });
  // c9: 31.10 23:30 local (previous period); c10: 15.11 00:10 local (after the period)
  await A({ ...common, receivedAt: at('2026-10-31T23:30'), status: 'closed', answerDue: at('2026-11-09T18:00'), answeredAt: at('2026-11-03T23:30'), firstAnsweredAt: at('2026-11-03T23:30'), rating: 4, recipientId: f.R1, autoRouted: true, fastTrack: true, fastTrackDue: at('2026-11-30T23:59') });
  await A({ ...common, receivedAt: at('2026-11-15T00:10'), answerDue: at('2026-11-25T18:00') });
  // c11, c12: the previous period
  await A({ ...common, receivedAt: at('2026-10-20T10:00'), status: 'closed', answerDue: at('2026-10-29T18:00'), answeredAt: at('2026-10-31T10:00'), firstAnsweredAt: at('2026-10-31T10:00'), rating: 1, recipientId: f.R1, fastTrack: true, fastTrackDue: at('2026-11-19T23:59') });
  await A({ topicId: f.T2, settlementId: f.S1, receivedAt: at('2026-10-25T10:00'), channel: 'letter', regime: 'FZ59', status: 'in_work', answerDue: at('2026-11-24T18:00'), recipientId: f.R3, autoRouted: true, fastTrack: true, fastTrackDue: at('2026-11-24T23:59') });
  // c13, c14: a year earlier
  await A({ ...common, receivedAt: at('2025-11-03T10:00'), status: 'closed' });
  await A({ topicId: f.T1, settlementId: f.S2, receivedAt: at('2025-11-10T10:00'), status: 'closed' });
  // B: b1 answered in time (rating 5), b2 registered
  await insertCase(database, f.B, { topicId: TB, settlementId: f.SB1, receivedAt: at('2026-11-04T10:00'), status: 'closed', answerDue: at('2026-11-12T18:00'), answeredAt: at('2026-11-06T10:00'), firstAnsweredAt: at('2026-11-06T10:00'), rating: 5 });
  await insertCase(database, f.B, { topicId: TB, settlementId: f.SB1, receivedAt: at('2026-11-10T10:00'), channel: 'letter' });
}

/** Monday of ISO week `week` of `year` plus `day` days, at 10:00 local. */
function inWeek(year: number, week: number, day = 0): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (week - 1) * 7 * 86400000 + day * 86400000);
  return at(`${monday.toISOString().slice(0, 10)}T10:00`);
}

/**
 * Growth detection's history (spring, far from the other periods), all closed without a due date:
 * T1×S1 steady at 6 a week in weeks 12–20 of 2026 and 5 a week in weeks 12–21 of 2025;
 * T2×S2 one a week in weeks 12–19 of 2026, 2/3/1 in weeks 19/20/21 of 2025, and a burst of 8 in
 * week 20 of 2026 (6 «housing.heating», 4 on «ул. Школьная», 5 from ПОС, 3 from social networks).
 */
async function signalHistory(database: Database, f: Fixture) {
  const put = (receivedAt: Date, extra: CaseSeed | object = {}) => insertCase(database, f.A, { status: 'closed', receivedAt, ...extra });
  const t1s1 = { topicId: f.T1, settlementId: f.S1 };
  const t2s2 = { topicId: f.T2, settlementId: f.S2, channel: 'letter' };
  for (let w = 12; w <= 20; w++) for (let i = 0; i < 6; i++) await put(inWeek(2026, w, i % 5), t1s1);
  for (let w = 12; w <= 21; w++) for (let i = 0; i < 5; i++) await put(inWeek(2025, w, i), t1s1);
  for (let w = 12; w <= 19; w++) await put(inWeek(2026, w, 2), t2s2);
  for (const [w, n] of [[19, 2], [20, 3], [21, 1]]) for (let i = 0; i < n; i++) await put(inWeek(2025, w, i), t2s2);
  for (let i = 0; i < 8; i++) {
    await put(inWeek(2026, 20, i % 7), {
      topicId: f.T2,
      settlementId: f.S2,
      localityId: f.L2,
      subtopicId: i < 6 ? f.T2a : null,
      channel: i < 5 ? 'pos' : 'incident',
      address: i < 4 ? `Пункт l2, ул. Школьная, д. ${i + 1}` : `Пункт l2, ул. Садовая ${i}-я, д. 1`,
    });
  }
}

/**
 * The rating's cases. June 2026 (the period): R1 12 answered (10 in time, 1 returned, ratings
 * 5 5 4 4 3 1); R2 3 answered in time (one rating 5); R3 8 answered (4 in time, 2 returned,
 * ratings 2 3 4 5) and 2 forwarded. 20–29 May 2026 (the previous period): R1 10 answered (5 in
 * time), R3 10 answered in time; no ratings.
 */
async function ratingCases(database: Database, f: Fixture) {
  const answered = (recipientId: string, day: string, inTime: boolean, extra: CaseSeed | object = {}) =>
    insertCase(database, f.A, {
      receivedAt: at(`${day}T10:00`),
      topicId: f.T1,
      settlementId: f.S3,
      recipientId,
      status: 'closed',
      answerDue: at(`${day}T18:00`),
      answeredAt: at(`${day}T${inTime ? '12' : '20'}:00`),
      firstAnsweredAt: at(`${day}T${inTime ? '12' : '20'}:00`),
      ...extra,
    });
  const r1Ratings = [5, 5, 4, 4, 3, 1];
  for (let i = 0; i < 12; i++) await answered(f.R1, `2026-06-${String(i + 1).padStart(2, '0')}`, i < 10, { rating: r1Ratings[i] ?? null, returnsCount: i === 11 ? 1 : 0 });
  for (let i = 0; i < 3; i++) await answered(f.R2, `2026-06-1${i + 5}`, true, { rating: i === 0 ? 5 : null });
  const r3Ratings = [2, 3, 4, 5];
  for (let i = 0; i < 8; i++) await answered(f.R3, `2026-06-2${i}`, i < 4, { rating: r3Ratings[i] ?? null, returnsCount: i >= 6 ? 1 : 0 });
  for (let i = 0; i < 2; i++) await insertCase(database, f.A, { receivedAt: at(`2026-06-2${8 + i}T10:00`), recipientId: f.R3, status: 'forwarded' });
  for (let i = 0; i < 10; i++) await answered(f.R1, `2026-05-2${i}`, i < 5);
  for (let i = 0; i < 10; i++) await answered(f.R3, `2026-05-2${i}`, true);
}

/** The register's URL query of a registerQuery object (arrays as repeated keys). */
export function toSearch(q: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, String(x));
  return p.toString();
}
