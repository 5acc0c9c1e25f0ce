import { CASE_LIMITS } from '../../../../domain/cases/schemas';
import { cleanText, type Cell, type RawRow } from '../table/cells';
import { parseDateCell } from '../table/dates';
import type { ZoneCache } from '../table/zone-cache';
import { IMPORT_FIELD_KEYS, type ImportField, type ImportMapping, type ImportOptions } from './fields';
import { matchTopic, placeName, type ImportReference } from './reference';
import type { BatchDeadlineResult } from '../imports/batch-deadlines';

/** A row ready to become (or update) a case. */
export interface CaseCandidate {
  rowNumber: number;
  sourceId: string;
  receivedAt: Date;
  text: string;
  topicId: string | null;
  subtopicId: string | null;
  settlementId: string | null;
  localityId: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  regime: 'FZ59' | 'MESSAGE';
  fastTrack: boolean;
  fileDue: Date | null;
  externalStatus: string | null;
  rating: number | null;
  sourceUrl: string | null;
  applicant: { fullName: string | null; email: string | null; phone: string | null; socialProfile: string | null } | null;
  /** Computed with the new case's plan (imports/plan-new-cases). */
  deadlines?: BatchDeadlineResult;
}

export interface RowWarning {
  key: string;
  message: string;
}

export type MappedRow =
  | { ok: true; candidate: CaseCandidate; warnings: RowWarning[] }
  | { ok: false; rowNumber: number; reason: string; warnings: RowWarning[] };

const YES = /^(да|yes|true|1|\+|истина|y)$/i;
const NO = /^(нет|no|false|0|ложь|n)$/i;
const DAY_MS = 86_400_000;

/**
 * Turns a raw row into a case candidate by the mapping, or into Russian reasons for the
 * quarantine («строка 17: нет номера сообщения»). Unknown topic or place names are warnings: the
 * case goes in with the field empty.
 */
export class RowMapper {
  private readonly cols: Record<ImportField, number[]>;

  constructor(
    headers: string[],
    private readonly mapping: ImportMapping,
    private readonly options: ImportOptions,
    private readonly ref: ImportReference,
    private readonly zone: ZoneCache,
    private readonly now: Date,
  ) {
    const index = new Map(headers.map((h, i) => [h, i]));
    this.cols = Object.fromEntries(IMPORT_FIELD_KEYS.map((k) => [k, (mapping[k] ?? []).map((h) => index.get(h)).filter((i): i is number => i !== undefined)])) as Record<ImportField, number[]>;
  }

  map(row: RawRow): MappedRow {
    const reasons: string[] = [];
    const warnings: RowWarning[] = [];
    const cell = (f: ImportField): Cell => {
      const i = this.cols[f][0];
      return i === undefined ? null : (row.cells[i] ?? null);
    };
    const text = (f: ImportField) => cleanText(cell(f));
    const all = (f: ImportField) => this.cols[f].map((i) => cleanText(row.cells[i] ?? null)).filter(Boolean);

    const sourceId = text('sourceId');
    if (!sourceId) reasons.push('нет номера сообщения');
    else if (sourceId.length > 200) reasons.push('номер сообщения длиннее 200 символов');

    const before = reasons.length;
    const receivedAt = this.date(cell('receivedAt'), null, 'start', reasons);
    if (receivedAt === null && reasons.length === before) reasons.push('нет даты поступления');
    if (receivedAt && receivedAt.getTime() > this.now.getTime() + DAY_MS) reasons.push(`дата поступления «${cleanText(cell('receivedAt'))}» ещё не наступила`);
    const fileDue = this.date(cell('dueDate'), 'срок ответа', 'end', reasons);

    const topics = matchTopic(this.ref, text('topic'), text('subtopic'));
    if (topics.unknownTopic) warnings.push({ key: `topic:${topics.unknownTopic}`, message: `Тематика «${topics.unknownTopic}» не найдена в рубрикаторе: оставлена пустой` });
    if (topics.unknownSubtopic) warnings.push({ key: `subtopic:${topics.unknownSubtopic}`, message: `Подтематика «${topics.unknownSubtopic}» не найдена в рубрикаторе: оставлена пустой` });
    const topic = topics.subtopic ?? topics.topic;

    let body = all('text').join('\n');
    if (!this.cols.text.length) body = fallbackText(sourceId, [text('topic'), text('subtopic')]);
    else if (!body) reasons.push('нет текста сообщения');
    if (body.length > CASE_LIMITS.text) reasons.push(`текст длиннее ${CASE_LIMITS.text} символов`);

    const { settlementId, localityId } = this.place(text('settlement'), text('locality'), warnings);
    const lat = this.coordinate(cell('lat'), 'широта', 90, reasons);
    const lon = this.coordinate(cell('lon'), 'долгота', 180, reasons);
    if ((lat === null) !== (lon === null)) reasons.push('указана только одна из координат');
    const rating = this.rating(text('rating'), reasons);
    const flags = all('regime');
    const fast = text('fastTrack');

    if (reasons.length || !receivedAt) return { ok: false, rowNumber: row.rowNumber, reason: `строка ${row.rowNumber}: ${reasons.join('; ') || 'нет даты поступления'}`, warnings };
    const applicant = {
      fullName: text('applicantName').slice(0, 300) || null,
      email: text('applicantEmail').slice(0, 300) || null,
      phone: text('applicantPhone').slice(0, 64) || null,
      socialProfile: text('applicantProfile').slice(0, 500) || null,
    };
    return {
      ok: true,
      warnings,
      candidate: {
        rowNumber: row.rowNumber,
        sourceId,
        receivedAt,
        text: body,
        topicId: topic ? (topic.parentId ?? topic.id) : null,
        subtopicId: topic?.parentId ? topic.id : null,
        settlementId,
        localityId,
        address: all('address').join(', ').slice(0, 500) || null,
        lat,
        lon,
        regime: flags.some((f) => f.includes('59') || YES.test(f)) ? 'FZ59' : this.options.defaultRegime,
        fastTrack: fast && (YES.test(fast) || NO.test(fast)) ? YES.test(fast) : Boolean(topic?.priority),
        fileDue,
        externalStatus: text('externalStatus').slice(0, 300) || null,
        rating,
        sourceUrl: text('sourceUrl').slice(0, 1000) || null,
        applicant: Object.values(applicant).some(Boolean) ? applicant : null,
      },
    };
  }

  private date(c: Cell, label: string | null, dateOnlyAs: 'start' | 'end', reasons: string[]): Date | null {
    const r = parseDateCell(c);
    if (!r.ok) {
      reasons.push(label ? `${label}: ${r.reason}` : r.reason);
      return null;
    }
    return r.value ? this.zone.wallToInstant(r.value, dateOnlyAs) : null;
  }

  private coordinate(c: Cell, label: string, max: number, reasons: string[]): number | null {
    const s = cleanText(c).replace(',', '.');
    if (!s) return null;
    const v = Number(s);
    if (!Number.isFinite(v)) reasons.push(`${label} «${s}» — не число`);
    else if (Math.abs(v) > max) reasons.push(`${label} «${s}» вне диапазона −${max}…${max}`);
    else return v;
    return null;
  }

  private rating(s: string, reasons: string[]): number | null {
    if (!s) return null;
    const v = Number(s.replace(',', '.'));
    if (Number.isInteger(v) && v >= 1 && v <= 5) return v;
    reasons.push(`оценка «${s}» — ожидается число от 1 до 5`);
    return null;
  }

  private place(settlement: string, locality: string, warnings: RowWarning[]) {
    let settlementId: string | null = null;
    let localityId: string | null = null;
    if (locality) {
      const l = this.ref.localities.get(placeName(locality))?.[0];
      if (l) [localityId, settlementId] = [l.id, l.settlementId];
      else warnings.push({ key: `locality:${locality}`, message: `Населённый пункт «${locality}» не найден в справочнике территории` });
    }
    if (settlement && !settlementId) {
      settlementId = this.ref.settlements.get(placeName(settlement)) ?? null;
      if (!settlementId) warnings.push({ key: `settlement:${settlement}`, message: `Поселение «${settlement}» не найдено в справочнике территории` });
    }
    return { settlementId, localityId };
  }
}

/** The ПОС export carries no message text: the case text names the source number and its rubrics. */
function fallbackText(sourceId: string, rubrics: string[]): string {
  const r = rubrics.filter(Boolean);
  return `Сообщение № ${sourceId || 'без номера'}${r.length ? `: ${r.join(' / ')}` : ''} (текста сообщения в выгрузке источника нет)`;
}
