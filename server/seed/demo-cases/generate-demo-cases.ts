import type { Database, Queryable } from '../../db/client';
import { createRng, hashString, type Rng } from '../../modules/cases/demo/prng';
import { formatCaseNumber, reserveCaseNumbers } from '../../modules/cases/next-case-number';
import { CaseFactory, type CaseSeed } from './build-case';
import { ChannelChooser } from './channel-mix';
import { insertBatch, type Batch, type InsertMode } from './insert-rows';
import { PlaceChooser } from './places';
import { loadDemoReference, type RefSubtopic } from './reference';
import { WeightedTable, monthlySubtopicWeights, planDays, type DayPlan } from './volume-model';

const YIELD_EVERY = 200;

/** The demo size `npm start` loads; `--cases 1000000` is for benchmarks. */
export const DEFAULT_DEMO_CASES = 20_000;

export interface GenerateDemoOptions {
  tenantId: string;
  count: number;
  /** The pinned clock: history runs from 2024-01-01 up to this instant (not later than 2027-10-31). */
  now: Date;
  seed?: number;
  /** Write the audit rows of each case's timeline (default true). */
  history?: boolean;
  onProgress?: (done: number) => void;
  /** Cases per transaction (default 2,000). */
  batchSize?: number;
  /** How rows are inserted (default: the fastest measured — `unnest-cte` on PostgreSQL, `unnest` on PGlite; see insert-rows.ts). */
  insertMode?: InsertMode;
}

/**
 * Generates `count` realistic cases of the demo district, deterministically: the same seed, count
 * and `now` give the same cases (only the uuids differ). Streams in batches, each batch in its own
 * transaction, so memory stays flat at a million cases. Case numbers are reserved per year up
 * front, one call per year.
 */
export async function generateDemoCases(database: Database, opts: GenerateDemoOptions): Promise<{ cases: number; ms: number }> {
  const started = Date.now();
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new Error('Демо-обращения: число обращений должно быть целым ≥ 0');
  if (opts.count === 0) return { cases: 0, ms: 0 };
  const seed = opts.seed ?? 1;
  const batchSize = Math.max(1, opts.batchSize ?? 2000);
  const mode = opts.insertMode ?? (database.kind === 'postgres' ? 'unnest-cte' : 'unnest');
  const now = opts.now.getTime();

  const ref = await loadDemoReference(database.db, opts.tenantId);
  const days = planDays(ref, opts.count, opts.now, ref.deadlines.ctx.calendar);
  const perYear = new Map<number, number>();
  for (const d of days) perYear.set(yearOf(d), (perYear.get(yearOf(d)) ?? 0) + d.count);
  const nextSeq = new Map<number, number>();
  await database.db.transaction(async (tx) => {
    for (const [year, n] of perYear) if (n > 0) nextSeq.set(year, await reserveCaseNumbers(tx, opts.tenantId, year, n));
  });

  const topicTables = monthlySubtopicWeights(ref.subtopics).map((ws) => new WeightedTable(ref.subtopics, ws));
  const places = new PlaceChooser(ref);
  const channels = new ChannelChooser(ref.channelCodes);
  const factory = new CaseFactory(ref, now, opts.history ?? true);

  // While one batch is being written (PostgreSQL works in its own process), the next one is built:
  // at most two batches are in memory.
  let done = 0;
  let pending: Promise<unknown> | null = null;
  const flush = async (conn: Queryable, batch: Batch) => {
    const error = await pending;
    if (error) throw error;
    const size = batch.cases.length;
    pending = insertBatch(database, conn, batch, mode).then(
      () => {
        done += size;
        opts.onProgress?.(done);
        return null;
      },
      (e: unknown) => e ?? new Error('insert failed'),
    );
  };
  await database.session(async (conn: Queryable) => {
    let batch = emptyBatch();
    for (const day of days) {
      if (day.count === 0) continue;
      const rng = createRng(hashString(`${seed}|${day.date}`));
      const year = yearOf(day);
      for (const s of daySeeds(rng, day, topicTables[day.month - 1], places, channels)) {
        const seq = nextSeq.get(year)!;
        nextSeq.set(year, seq + 1);
        factory.build(rng, s, formatCaseNumber(year, seq), year, seq, batch);
        // Let the driver send and receive while we compute.
        if (batch.cases.length % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r));
        if (batch.cases.length >= batchSize) {
          await flush(conn, batch);
          batch = emptyBatch();
        }
      }
    }
    if (batch.cases.length) await flush(conn, batch);
    const error = await pending;
    if (error) throw error;
  });
  return { cases: done, ms: Date.now() - started };
}

function yearOf(d: DayPlan): number {
  return Number(d.date.slice(0, 4));
}

function emptyBatch(): Batch {
  return { cases: [], applicants: [], answers: [], audit: [] };
}

/** The cases of one day in order of receipt: a burst's or the season's sub-topic, place, channel, time. */
function daySeeds(rng: Rng, day: DayPlan, topics: WeightedTable<RefSubtopic>, places: PlaceChooser, channels: ChannelChooser): CaseSeed[] {
  const seeds: CaseSeed[] = [];
  for (let i = 0; i < day.count; i++) {
    let burst = null;
    let r = rng.next();
    for (const b of day.burstShares) {
      if (r < b.share) {
        burst = b.burst;
        break;
      }
      r -= b.share;
    }
    const subtopic = burst ? burst.subtopic : topics.pick(rng);
    const place = burst ? places.inSettlement(rng, burst.settlement) : places.pick(rng, subtopic);
    const channel = channels.pick(rng, day.working);
    let at = day.start + channels.timeOfDay(rng, channel, day.working);
    for (let tries = 0; at >= day.end && tries < 10; tries++) at = day.start + channels.timeOfDay(rng, channel, day.working);
    if (at >= day.end) at = day.start + Math.floor(rng.next() * (day.end - day.start));
    seeds.push({ receivedAt: at, subtopic, place, channel, burst });
  }
  return seeds.map((s, i) => ({ s, i })).sort((a, b) => a.s.receivedAt - b.s.receivedAt || a.i - b.i).map((x) => x.s);
}
