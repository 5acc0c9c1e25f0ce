import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { classifierModels } from '../../db/schema';
import type { Example } from '../../../domain/classify/model';
import { DEFAULT_SUGGESTER, withCorrections } from '../../../domain/classify/suggest';
import { AppError } from '../../errors';
import { confirmedCases, correctionsFor, examplesFor, type Target } from './training-data';
import { invalidateTenantClassifier } from './tenant-classifier';
import { trainInWorker } from './train-in-worker';
import type { TrainMetrics } from './train-job';

export const MIN_EXAMPLES = DEFAULT_SUGGESTER.minExamples;
export const TARGETS: Target[] = ['topic', 'recipient'];

export interface TrainResult { target: Target; trained: boolean; nExamples: number; version?: number; ms: number; metrics?: TrainMetrics }
export interface RetrainState { since: string; by: string | null }
export interface RetrainStatus { running: RetrainState | null; lastError: { at: string; message: string } | null }

/** Retrainings running in this process, by tenant: one at a time per tenant. */
const running = new Map<string, RetrainState & { done: Promise<TrainResult[]> }>();
const lastErrors = new Map<string, { at: string; message: string }>();

export function retrainStatus(tenantId: string): RetrainStatus {
  const r = running.get(tenantId);
  return { running: r ? { since: r.since, by: r.by } : null, lastError: lastErrors.get(tenantId) ?? null };
}

/**
 * Starts retraining the tenant's models and returns at once; the training itself runs in a
 * worker thread. A second start while one runs is refused with a conflict.
 */
export function startRetrain(db: Db, tenantId: string, now: Date, by: string | null = null): Promise<TrainResult[]> {
  const current = running.get(tenantId);
  if (current) throw new AppError('conflict', `Переобучение уже идёт с ${new Date(current.since).toLocaleTimeString('ru-RU', { timeZone: 'UTC' })} UTC: дождитесь окончания`);
  const done = runRetrain(db, tenantId, now).then(
    (r) => { lastErrors.delete(tenantId); return r; },
    (err: unknown) => { lastErrors.set(tenantId, { at: new Date().toISOString(), message: err instanceof Error ? err.message : String(err) }); throw err; },
  ).finally(() => running.delete(tenantId));
  running.set(tenantId, { since: new Date().toISOString(), by, done });
  return done;
}

/** Retrains and waits for the result (the nightly job and the tests). */
export function retrainTenant(db: Db, tenantId: string, now: Date, by: string | null = null): Promise<TrainResult[]> {
  return startRetrain(db, tenantId, now, by);
}

/**
 * Trains both models of the tenant on its confirmed cases with the corrections (which weigh more),
 * scores them on the newest tenth of the history (held out), stores a new version and drops the
 * cached one. Fewer than MIN_EXAMPLES examples: nothing is stored and the keyword rules stay in charge.
 */
async function runRetrain(db: Db, tenantId: string, now: Date): Promise<TrainResult[]> {
  const rows = await confirmedCases(db, tenantId);
  const out: TrainResult[] = [];
  for (const target of TARGETS) out.push(await trainOne(db, tenantId, target, examplesFor(target, rows), now));
  invalidateTenantClassifier(tenantId);
  return out;
}

async function trainOne(db: Db, tenantId: string, target: Target, history: Example[], now: Date): Promise<TrainResult> {
  const examples = withCorrections(history, await correctionsFor(db, tenantId, target));
  if (examples.length < MIN_EXAMPLES || new Set(examples.map((e) => e.label)).size < 2) return { target, trained: false, nExamples: examples.length, ms: 0 };
  const out = await trainInWorker({
    history: examples.filter((e) => e.weight === undefined),
    corrections: examples.filter((e) => e.weight !== undefined),
    options: target === 'recipient' ? { features: { extraWeight: 0.5 } } : undefined,
  });
  const metrics = out.metrics ?? undefined;
  const version = await db.transaction(async (tx) => {
    const [last] = await tx.select({ version: classifierModels.version }).from(classifierModels).where(and(eq(classifierModels.tenantId, tenantId), eq(classifierModels.target, target))).orderBy(desc(classifierModels.version)).limit(1);
    const v = (last?.version ?? 0) + 1;
    await tx.insert(classifierModels).values({ tenantId, target, version: v, trainedAt: now, nExamples: out.nTrain, metrics: metrics ?? {}, model: out.model });
    await tx.delete(classifierModels).where(and(eq(classifierModels.tenantId, tenantId), eq(classifierModels.target, target), lt(classifierModels.version, v - 2)));
    return v;
  });
  return { target, trained: true, nExamples: out.nTrain, version, ms: out.ms, metrics };
}
