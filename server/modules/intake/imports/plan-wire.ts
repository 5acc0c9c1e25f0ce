import type { CaseCandidate } from '../mapping/map-row';
import type { NewCaseDecision } from './classify-new-cases';
import type { NewCasesPlan } from './plan-new-cases';

/**
 * A plan as the mapping thread posts it beside its chunk: each new key's row as the fields that
 * differ from the key's first row of the chunk (place, topic, deadlines, merged changes), so the
 * texts are not copied between the threads twice.
 */
export interface PlanWire {
  keys: string[];
  /** Index in the chunk's good rows of each key's first row. */
  first: number[];
  patch: Partial<CaseCandidate>[];
  decisions: (NewCaseDecision | null)[];
  repeats: [key: string, updated: number, unchanged: number][];
}

export function toWire(plan: NewCasesPlan, good: CaseCandidate[]): PlanWire {
  const firstOf = new Map<string, number>();
  good.forEach((c, i) => firstOf.has(c.sourceId) || firstOf.set(c.sourceId, i));
  const w: PlanWire = { keys: [], first: [], patch: [], decisions: [], repeats: [...plan.repeats].map(([k, r]) => [k, r.updated, r.unchanged]) };
  for (const [key, c] of plan.fresh) {
    const i = firstOf.get(key)!;
    const base = good[i] as unknown as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(c)) if (v !== base[f]) patch[f] = v;
    w.keys.push(key);
    w.first.push(i);
    w.patch.push(patch as Partial<CaseCandidate>);
    w.decisions.push(plan.decisions.get(c) ?? null);
  }
  return w;
}

/** The plan again, its rows copies of the chunk's rows with their differences. */
export function fromWire(w: PlanWire, good: CaseCandidate[]): NewCasesPlan {
  const plan: NewCasesPlan = { fresh: new Map(), decisions: new Map(), repeats: new Map(w.repeats.map(([k, updated, unchanged]) => [k, { updated, unchanged }])) };
  w.keys.forEach((key, j) => {
    const c = { ...good[w.first[j]], ...w.patch[j] };
    plan.fresh.set(key, c);
    const d = w.decisions[j];
    if (d) plan.decisions.set(c, d);
  });
  return plan;
}
