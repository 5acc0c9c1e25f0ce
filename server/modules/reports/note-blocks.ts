import { reportsCatalogue } from '../../../web/src/i18n/ru.reports';
import type { BreakdownLine, NoteContent } from './note-content';

/**
 * The note as a list of blocks: the one model the DOCX renderer and the browser preview both draw,
 * so what staff read before issuing is what the document says.
 */
export type NoteBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; align: ('left' | 'right')[]; widths: number[]; rows: string[][] }
  | { kind: 'image'; chart: 'trend' | 'heatmap'; caption: string }
  | { kind: 'freeText'; field: 'conclusions' | 'recommendations'; text: string };

export interface NoteTexts {
  addressee: string;
  signer: string;
  conclusions: string;
  recommendations: string;
}

export interface NoteDocument {
  addressee: string;
  fromWhom: string;
  date: string;
  title: string;
  subject: string;
  blocks: NoteBlock[];
  signature: { position: string; name: string };
}

const N = reportsCatalogue.reportNote;

export const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
export const fmtInt = (n: number) => new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 }).format(n);
export const fmtNum = (n: number | null, digits = 1) => (n === null ? '—' : new Intl.NumberFormat('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n));
export const fmtShare = (v: number | null) => (v === null ? '—' : `${fmtNum(v * 100)} %`);

/** «+3 (+12,5 %)», «−2 (−40,0 %)», «без изменений», or the count alone when there is no base. */
export function change(cur: number, prev: number): string {
  const d = cur - prev;
  if (d === 0) return N.noChange;
  const sign = d > 0 ? '+' : '−';
  const abs = `${sign}${fmtInt(Math.abs(d))}`;
  return prev > 0 ? `${abs} (${sign}${fmtNum((Math.abs(d) / prev) * 100)} %)` : abs;
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => vars[k] ?? '');
}

function breakdownTable(list: BreakdownLine[], total: number): NoteBlock {
  const c = N.cols;
  return {
    kind: 'table',
    columns: [c.name, c.count, c.share, c.prev, c.change],
    align: ['left', 'right', 'right', 'right', 'right'],
    widths: [38, 17, 11, 13, 21], // «Количество» fits one line in 12 pt bold
    rows: list.map((x) => [x.name ?? N.notSet, fmtInt(x.count), fmtShare(total ? x.count / total : null), fmtInt(x.prev), change(x.count, x.prev)]),
  };
}

/** The whole note: header block, the eleven sections, the free-text parts, the signature. */
export function composeNote(c: NoteContent, t: NoteTexts, localToday: string): NoteDocument {
  const p = c.period;
  const blocks: NoteBlock[] = [];
  const S = N.sections;
  const tot = c.totals;
  blocks.push({ kind: 'heading', text: S.totals });
  blocks.push({
    kind: 'paragraph',
    text: fill(p.weekCode ? N.totals : N.totalsCustom, { n: fmtInt(tot.n), prev: fmtInt(tot.prev), prevChange: change(tot.n, tot.prev), yoy: fmtInt(tot.yoy), yoyChange: change(tot.n, tot.yoy) }),
  });
  blocks.push({ kind: 'paragraph', text: fill(N.timeliness, { inTime: fmtShare(c.timeliness.inTimeShare), days: fmtNum(c.timeliness.avgAnswerDays), late: c.timeliness.late === null ? '—' : fmtInt(c.timeliness.late) }) });
  blocks.push({ kind: 'heading', text: S.channels }, breakdownTable(c.byChannel, tot.n));
  blocks.push({ kind: 'heading', text: S.blocks }, breakdownTable(c.byBlock, tot.n));
  blocks.push({ kind: 'heading', text: S.settlements }, breakdownTable(c.bySettlement, tot.n));
  blocks.push({ kind: 'heading', text: S.charts }, { kind: 'image', chart: 'trend', caption: N.trendCaption });
  if (c.heatmap.rows.length) blocks.push({ kind: 'image', chart: 'heatmap', caption: N.heatCaption });
  blocks.push({ kind: 'heading', text: S.overdue });
  blocks.push({ kind: 'paragraph', text: c.overdue.total ? fill(N.overdueTotal, { n: fmtInt(c.overdue.total) }) : N.overdueNone });
  if (c.overdue.byRecipient.length)
    blocks.push({ kind: 'table', columns: [N.cols.name, N.cols.count], align: ['left', 'right'], widths: [80, 20], rows: c.overdue.byRecipient.map((r) => [r.name ?? N.notSet, fmtInt(r.count)]) });
  blocks.push({ kind: 'heading', text: S.quality });
  blocks.push({ kind: 'paragraph', text: fill(N.fastTrack, { share: fmtShare(c.fastTrack.share), n: fmtInt(c.fastTrack.n) }) });
  const s = c.satisfaction;
  blocks.push({ kind: 'paragraph', text: fill(N.satisfaction, { avg: fmtNum(s.avg, 2), n: fmtInt(s.n), share: fmtShare(s.share45), low: fmtInt(s.low) }) });
  blocks.push({ kind: 'heading', text: S.signals });
  if (c.signals.length)
    blocks.push({ kind: 'list', items: c.signals.map((x) => fill(N.signal, { topic: x.topic ?? N.notSet, settlement: x.settlement ?? N.notSet, observed: fmtInt(x.observed), expected: fmtNum(x.expected) })) });
  else blocks.push({ kind: 'paragraph', text: N.signalsNone });
  const pr = c.problems;
  blocks.push({ kind: 'heading', text: S.problems });
  blocks.push({
    kind: 'paragraph',
    text: fill(N.problemsLine, { open: fmtInt(pr.open), created: fmtInt(pr.createdInPeriod), resolved: fmtInt(pr.resolvedInPeriod), total: fmtInt(pr.measures.total), done: fmtInt(pr.measures.done), overdue: fmtInt(pr.measures.overdue), next: fmtInt(pr.measures.dueNextWeek) }),
  });
  if (pr.overdueMeasures.length) {
    blocks.push({ kind: 'paragraph', text: N.problemsOverdue });
    blocks.push({ kind: 'list', items: pr.overdueMeasures.map((m) => `${m.title} (${m.roadmap}; ${m.responsible}; ${ruDate(m.dueOn)})`) });
  }
  blocks.push({ kind: 'heading', text: S.conclusions }, { kind: 'freeText', field: 'conclusions', text: t.conclusions });
  blocks.push({ kind: 'heading', text: S.recommendations }, { kind: 'freeText', field: 'recommendations', text: t.recommendations });
  const [position, ...rest] = (t.signer || N.signature).split(/\s{2,}|\t|\n/);
  return {
    addressee: t.addressee || N.to,
    fromWhom: `${N.fromWhom}\n${c.tenant.fullName ?? c.tenant.name}`,
    date: ruDate(localToday),
    title: N.title.toUpperCase(),
    subject: fill(N.subject, { from: ruDate(p.from), to: ruDate(p.to) }),
    blocks,
    signature: { position, name: rest.join(' ') },
  };
}
