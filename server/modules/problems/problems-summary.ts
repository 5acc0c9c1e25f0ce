import type { Db } from '../../db/client';

/** The state of problems and roadmaps for a period, as the weekly note shows it (issue 8 reads it). */
export interface ProblemsSummary {
  /** Problems open at the end of the period. */
  open: number;
  createdInPeriod: number;
  resolvedInPeriod: number;
  problems: { id: string; title: string; status: string; territory: string | null; topic: string | null; casesInPeriod: number; casesTotal: number }[];
  measures: { total: number; done: number; overdue: number; dueNextWeek: number };
  overdueMeasures: { title: string; roadmap: string; responsible: string; dueOn: string }[];
}

/**
 * Owned by «Проблемы и дорожные карты» (issue 7), which replaces this with the real query.
 * Until then: nothing to report.
 */
export async function summariseProblems(_db: Db, _tenantId: string, _from: Date, _to: Date): Promise<ProblemsSummary> {
  return { open: 0, createdInPeriod: 0, resolvedInPeriod: 0, problems: [], measures: { total: 0, done: 0, overdue: 0, dueNextWeek: 0 }, overdueMeasures: [] };
}
