import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { classifierModels } from '../../db/schema';
import { trainClassifier, type Example } from '../../../domain/classify/model';
import { serializeClassifier } from '../../../domain/classify/serialize';
import { DEFAULT_SUGGESTER, withCorrections } from '../../../domain/classify/suggest';
import { evaluate } from '../../../domain/classify/metrics';
import { confirmedCases, correctionsFor, examplesFor, type Target } from './training-data';
import { invalidateTenantClassifier } from './tenant-classifier';

export const MIN_EXAMPLES = DEFAULT_SUGGESTER.minExamples;
export const TARGETS: Target[] = ['topic', 'recipient'];

export interface TrainResult { target: Target; trained: boolean; nExamples: number; version?: number; ms: number; metrics?: { accuracy: number; macroF1: number; top3: number; nTest: number } }

/**
 * Trains both models of the tenant on its confirmed cases with the corrections (which weigh more),
 * scores them on every tenth case (held out), stores a new version and drops the cached one.
 * Fewer than MIN_EXAMPLES examples: nothing is stored and the keyword rules stay in charge.
 */
export async function retrainTenant(db: Db, tenantId: string, now: Date): Promise<TrainResult[]> {
  const rows = await confirmedCases(db, tenantId);
  const out: TrainResult[] = [];
  for (const target of TARGETS) out.push(await trainOne(db, tenantId, target, examplesFor(target, rows), now));
  invalidateTenantClassifier(tenantId);
  return out;
}

async function trainOne(db: Db, tenantId: string, target: Target, history: Example[], now: Date): Promise<TrainResult> {
  const started = performance.now();
  const examples = withCorrections(history, await correctionsFor(db, tenantId, target));
  if (examples.length < MIN_EXAMPLES || new Set(examples.map((e) => e.label)).size < 2) return { target, trained: false, nExamples: examples.length, ms: 0 };
  const test = examples.filter((e, i) => i % 10 === 9 && e.weight === undefined);
  const train = examples.filter((e, i) => !(i % 10 === 9 && e.weight === undefined));
  const clf = trainClassifier(train, target === 'recipient' ? { features: { extraWeight: 0.5 } } : undefined);
  const scores = evaluate(test.map((e) => e.label), test.map((e) => clf.predict(e.text, e.extras, 3).map((s) => s.label)));
  const metrics = { accuracy: scores.accuracy, macroF1: scores.macroF1, top3: scores.top3, nTest: test.length };
  const version = await db.transaction(async (tx) => {
    const [last] = await tx.select({ version: classifierModels.version }).from(classifierModels).where(and(eq(classifierModels.tenantId, tenantId), eq(classifierModels.target, target))).orderBy(desc(classifierModels.version)).limit(1);
    const v = (last?.version ?? 0) + 1;
    await tx.insert(classifierModels).values({ tenantId, target, version: v, trainedAt: now, nExamples: train.length, metrics, model: serializeClassifier(clf) });
    await tx.delete(classifierModels).where(and(eq(classifierModels.tenantId, tenantId), eq(classifierModels.target, target), lt(classifierModels.version, v - 2)));
    return v;
  });
  return { target, trained: true, nExamples: train.length, version, ms: Math.round(performance.now() - started), metrics };
}
