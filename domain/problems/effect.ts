import { addDaysIso, diffDaysIso, type IsoDate } from '../time/zoned';
import { shiftYears } from '../analytics/period';

/**
 * Did complaints go down? The cases on a topic and territory in equal windows before and after a
 * date (the measure done, the problem resolved), against the same two windows a year earlier,
 * which say how the season alone moves the count.
 */
export const EFFECT_RULE = {
  /** The default length of each window. */
  windowDays: 91,
  /** Fewer days after the date: too early to tell. */
  minAfterDays: 14,
  /** Fewer cases before and after together: too few to tell. */
  minCases: 5,
  /** A change within ±20 % of the expected count is «без заметных изменений». */
  tolerance: 0.2,
} as const;

export type EffectVerdict = 'down' | 'up' | 'flat' | 'too_early' | 'too_few';

export interface DailyCount {
  day: IsoDate;
  n: number;
}

export interface EffectInput {
  /** The date the effect is measured from (its day counts as «after»). */
  at: IsoDate;
  /** Today (tenant-local): the «after» window ends yesterday at the latest. */
  today: IsoDate;
  /** Cases per local day on the topic and territory, covering both years' windows. */
  daily: DailyCount[];
  windowDays?: number;
}

export interface Window {
  from: IsoDate;
  to: IsoDate;
  count: number;
}

export interface Effect {
  at: IsoDate;
  /** Days in each window (equal before and after; 0 when the date is today or later). */
  days: number;
  before: Window;
  after: Window;
  lastYear: { before: Window; after: Window; ratio: number | null };
  /** The «before» count moved as the season moved it a year earlier. */
  expectedAfter: number;
  change: number;
  changePct: number | null;
  verdict: EffectVerdict;
  /** Weeks relative to the date (offset −1 is the week before it), with the same weeks a year earlier. */
  weeks: { offset: number; from: IsoDate; count: number; lastYear: number }[];
}

/** Cases in [from, to], both ends included; an empty window (to < from) sums to 0. */
function sum(byDay: Map<IsoDate, number>, from: IsoDate, to: IsoDate): number {
  let s = 0;
  for (let d = from; d <= to; d = addDaysIso(d, 1)) s += byDay.get(d) ?? 0;
  return s;
}

/** The windows and the verdict; pure, so it is checked on hand-made data with a fixed «today». */
export function computeEffect(input: EffectInput): Effect {
  const windowDays = input.windowDays ?? EFFECT_RULE.windowDays;
  const byDay = new Map<IsoDate, number>();
  for (const d of input.daily) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.n);
  const yesterday = addDaysIso(input.today, -1);
  const lastAfter = addDaysIso(input.at, windowDays - 1) < yesterday ? addDaysIso(input.at, windowDays - 1) : yesterday;
  const days = Math.max(0, diffDaysIso(input.at, lastAfter) + 1);
  const win = (from: IsoDate, to: IsoDate): Window => ({ from, to, count: days ? sum(byDay, from, to) : 0 });
  const before = win(addDaysIso(input.at, -days), addDaysIso(input.at, -1));
  const after = win(input.at, addDaysIso(input.at, days - 1));
  const atLy = shiftYears(input.at, -1);
  const beforeLy = win(addDaysIso(atLy, -days), addDaysIso(atLy, -1));
  const afterLy = win(atLy, addDaysIso(atLy, days - 1));
  const ratio = beforeLy.count > 0 && beforeLy.count + afterLy.count >= EFFECT_RULE.minCases ? afterLy.count / beforeLy.count : null;
  const expectedAfter = before.count * (ratio ?? 1);
  const change = after.count - before.count;
  const verdict: EffectVerdict =
    days < EFFECT_RULE.minAfterDays
      ? 'too_early'
      : before.count + after.count < EFFECT_RULE.minCases
        ? 'too_few'
        : after.count < before.count && after.count <= expectedAfter * (1 - EFFECT_RULE.tolerance)
          ? 'down'
          : after.count > before.count && after.count >= expectedAfter * (1 + EFFECT_RULE.tolerance)
            ? 'up'
            : 'flat';
  const weeks: Effect['weeks'] = [];
  const nWeeks = Math.ceil(days / 7);
  for (let k = -nWeeks; k < nWeeks; k++) {
    const from = addDaysIso(input.at, 7 * k);
    const clipFrom = from < before.from ? before.from : from;
    const to = addDaysIso(from, 6) > after.to ? after.to : addDaysIso(from, 6);
    const shift = diffDaysIso(input.at, atLy);
    weeks.push({ offset: k, from, count: sum(byDay, clipFrom, to), lastYear: sum(byDay, addDaysIso(clipFrom, shift), addDaysIso(to, shift)) });
  }
  return {
    at: input.at,
    days,
    before,
    after,
    lastYear: { before: beforeLy, after: afterLy, ratio },
    expectedAfter,
    change,
    changePct: before.count > 0 ? change / before.count : null,
    verdict,
    weeks,
  };
}

/** The whole range of days the effect reads (both years), for the query. */
export function effectSpan(at: IsoDate, today: IsoDate, windowDays: number = EFFECT_RULE.windowDays): { from: IsoDate; to: IsoDate } {
  const e = computeEffect({ at, today, daily: [], windowDays });
  return { from: e.lastYear.before.from, to: e.after.to };
}
