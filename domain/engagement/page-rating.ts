/**
 * The rating of official pages: an explainable composite of four parts, each 0–100, with the
 * weights shown to the user. Missing activity data scores 0 for the activity parts, not hidden.
 */
export interface PageFacts {
  confirmed: boolean;
  widget: boolean;
  /** Publications in the last period with data. */
  publications: number | null;
  /** Comments answered / comments, in the last period with data. */
  comments: number | null;
  commentsAnswered: number | null;
  /** Days since the last publication (null: unknown). */
  silentDays: number | null;
  /** The МЦУ's norm of silence, days. */
  silenceNormDays: number;
}

export interface PageScore {
  score: number;
  parts: { code: 'status' | 'regularity' | 'answers' | 'activity'; weight: number; value: number }[];
}

export const RATING_WEIGHTS = { status: 0.3, regularity: 0.3, answers: 0.25, activity: 0.15 } as const;
/** Publications per month that count as fully active (the decree asks for regular posting). */
export const ACTIVE_PUBLICATIONS = 20;

export function pageScore(f: PageFacts): PageScore {
  const status = (f.confirmed ? 60 : 0) + (f.widget ? 40 : 0);
  const regularity = f.silentDays === null ? 0 : f.silentDays <= f.silenceNormDays ? 100 : Math.max(0, Math.round(100 - ((f.silentDays - f.silenceNormDays) / f.silenceNormDays) * 100));
  const answers = f.comments === null ? 0 : f.comments === 0 ? 100 : Math.round((Math.min(f.commentsAnswered ?? 0, f.comments) / f.comments) * 100);
  const activity = f.publications === null ? 0 : Math.round(Math.min(1, f.publications / ACTIVE_PUBLICATIONS) * 100);
  const parts: PageScore['parts'] = [
    { code: 'status', weight: RATING_WEIGHTS.status, value: status },
    { code: 'regularity', weight: RATING_WEIGHTS.regularity, value: regularity },
    { code: 'answers', weight: RATING_WEIGHTS.answers, value: answers },
    { code: 'activity', weight: RATING_WEIGHTS.activity, value: activity },
  ];
  return { score: Math.round(parts.reduce((s, p) => s + p.weight * p.value, 0)), parts };
}
