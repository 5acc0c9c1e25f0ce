import type { CaseCandidate } from '../mapping/map-row';
import { classifyNewCases, type NewCaseDecision } from './classify-new-cases';
import { changes } from './owned-fields';
import type { BatchContext } from './write-batch';

/** Rows classified or given deadlines between two pauses (a few milliseconds of work). */
const SLICE = 100;

/** The new cases of a chunk, ready to number and insert. */
export interface NewCasesPlan {
  /** The source ids taken as new: the plan holds only while exactly these keys are new. */
  keys: Set<string>;
  /** The first row of each new key (a copy) with the later rows of the key merged in, in file order. */
  fresh: Map<string, CaseCandidate>;
  decisions: Map<CaseCandidate, NewCaseDecision>;
  /** Later rows of a new key that changed it / did not. */
  updated: number;
  unchanged: number;
}

/**
 * Everything about the new cases of a chunk that needs no database: the merge of repeated keys,
 * the intake decision (place, topic, route) and the deadlines. Pure, so it can run before the
 * chunk's transaction (while the previous chunk is written) for the keys expected to be new; the
 * transaction uses it only if the new keys are those (otherwise it plans again). The candidates
 * themselves are not changed. Ahead of the transaction, `pause` is awaited between slices of the
 * classification, so the chunk being written meanwhile gets its next statement sent without waiting
 * for the whole plan (the database then never idles on this thread's work).
 */
export async function planNewCases(ctx: BatchContext, good: CaseCandidate[], isNew: (sourceId: string) => boolean, pause?: () => Promise<void>): Promise<NewCasesPlan> {
  const fresh = new Map<string, CaseCandidate>();
  let updated = 0;
  let unchanged = 0;
  for (const c of good) {
    if (!isNew(c.sourceId)) continue;
    const cur = fresh.get(c.sourceId);
    if (!cur) {
      fresh.set(c.sourceId, { ...c });
      continue;
    }
    const diff = changes(cur, c);
    if (Object.keys(diff).length === 0) {
      unchanged++;
      continue;
    }
    updated++;
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
  return { keys: new Set(fresh.keys()), fresh, decisions, updated, unchanged };
}

/** Whether a plan made before the transaction holds for the keys found new inside it. */
export function planHolds(plan: NewCasesPlan | undefined, newKeys: Set<string>): plan is NewCasesPlan {
  if (!plan || plan.keys.size !== newKeys.size) return false;
  for (const k of newKeys) if (!plan.keys.has(k)) return false;
  return true;
}
