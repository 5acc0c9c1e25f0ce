import type { CaseCandidate } from '../mapping/map-row';
import { classifyNewCases, type NewCaseDecision } from './classify-new-cases';
import { changes } from './owned-fields';
import type { BatchContext } from './write-batch';

/** Rows classified or given deadlines between two pauses (a few milliseconds of work). */
const SLICE = 100;

/** What planning needs of a batch: no database, so a worker thread can have it too. */
export type PlanContext = Pick<BatchContext, 'channel' | 'status' | 'deadlines' | 'classifier' | 'topicPriority'>;

/** The new cases of a chunk, ready to number and insert. */
export interface NewCasesPlan {
  /**
   * Per key taken as new: its first row (a copy) with the later rows of the key merged in, in file
   * order. Each key is planned from its own rows only, so the plan holds for any subset of its keys.
   */
  fresh: Map<string, CaseCandidate>;
  decisions: Map<CaseCandidate, NewCaseDecision>;
  /** Per key with later rows: how many of them changed it / did not. */
  repeats: Map<string, { updated: number; unchanged: number }>;
}

/**
 * Everything about the new cases of a chunk that needs no database: the merge of repeated keys,
 * the intake decision (place, topic, route) and the deadlines. Pure, so it can run before the
 * chunk's transaction — in the thread that maps the file, for every key, or while the previous
 * chunk is written, for the keys expected to be new; the transaction uses it if it covers the keys
 * found new (otherwise it plans again). The candidates themselves are not changed. `pause` is
 * awaited between slices of the work, so a chunk being written meanwhile on this thread gets its
 * next statement sent without waiting for the whole plan.
 */
export async function planNewCases(ctx: PlanContext, good: CaseCandidate[], isNew: (sourceId: string) => boolean, pause?: () => Promise<void>): Promise<NewCasesPlan> {
  const fresh = new Map<string, CaseCandidate>();
  const repeats = new Map<string, { updated: number; unchanged: number }>();
  for (const c of good) {
    if (!isNew(c.sourceId)) continue;
    const cur = fresh.get(c.sourceId);
    if (!cur) {
      fresh.set(c.sourceId, { ...c });
      continue;
    }
    const diff = changes(cur, c);
    const r = repeats.get(c.sourceId) ?? { updated: 0, unchanged: 0 };
    repeats.set(c.sourceId, r);
    if (Object.keys(diff).length === 0) {
      r.unchanged++;
      continue;
    }
    r.updated++;
    Object.assign(cur, diff);
    // A later row that moves the deadline from the file: the terms are computed below again.
    if ('fileDue' in diff) cur.deadlines = undefined;
  }
  const list = [...fresh.values()];
  const decisions = new Map<CaseCandidate, NewCaseDecision>();
  if (ctx.classifier) {
    for (let i = 0; i < list.length; i += SLICE) {
      if (pause && i > 0) await pause();
      for (const [c, d] of classifyNewCases(ctx.classifier, ctx.channel, ctx.status, ctx.topicPriority, list.slice(i, i + SLICE))) decisions.set(c, d);
    }
  }
  const registered = ctx.status === 'registered';
  for (const [i, c] of list.entries()) {
    if (pause && i > 0 && i % SLICE === 0) await pause();
    if (c.deadlines) continue;
    const registeredAt = decisions.get(c)?.route?.registeredAt ?? (registered ? c.receivedAt : null);
    c.deadlines = ctx.deadlines.compute({ regime: c.regime, channel: ctx.channel, topicId: c.subtopicId ?? c.topicId, parentTopicId: c.topicId, fastTrack: c.fastTrack }, c.receivedAt, registeredAt, c.fileDue);
  }
  return { fresh, decisions, repeats };
}

/** The part of a plan made before the transaction for the keys found new inside it, if it covers them all. */
export function planFor(plan: NewCasesPlan | undefined, newKeys: Set<string>): NewCasesPlan | undefined {
  if (!plan) return undefined;
  for (const k of newKeys) if (!plan.fresh.has(k)) return undefined;
  if (plan.fresh.size === newKeys.size) return plan;
  const part: NewCasesPlan = { fresh: new Map(), decisions: new Map(), repeats: new Map() };
  for (const k of newKeys) {
    const c = plan.fresh.get(k)!;
    part.fresh.set(k, c);
    const d = plan.decisions.get(c);
    if (d) part.decisions.set(c, d);
    const r = plan.repeats.get(k);
    if (r) part.repeats.set(k, r);
  }
  return part;
}
