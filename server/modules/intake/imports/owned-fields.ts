import type { CaseCandidate } from '../mapping/map-row';

/** A case imported before, as the next chunk compares with it. */
export interface Existing {
  id: string;
  source_id: string;
  text: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  source_url: string | null;
  external_status: string | null;
  rating: number | null;
  answer_due_original: string | Date | null;
  received_at: string | Date;
  registered_at: string | Date | null;
  regime: string;
  topic_id: string | null;
  subtopic_id: string | null;
  fast_track: boolean;
}

/** The fields an import owns: a later file may change them; everything else belongs to the staff. */
export const OWNED = ['text', 'address', 'lat', 'lon', 'sourceUrl', 'externalStatus', 'rating', 'fileDue'] as const;
export type Owned = Pick<CaseCandidate, (typeof OWNED)[number]>;

export const ms = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());

/** The owned fields of the file row that differ from the current state (an empty cell never erases). */
export function changes(cur: Owned, next: Owned): Partial<Owned> {
  const out: Partial<Owned> = {};
  for (const k of OWNED) {
    const a = cur[k];
    const b = next[k];
    if (b === null) continue;
    const same = a instanceof Date || b instanceof Date ? ms(a as Date | null) === ms(b as Date) : a === b;
    if (!same) (out as Record<string, unknown>)[k] = b;
  }
  return out;
}

export const ownedOf = (e: Existing): Owned => ({
  text: e.text,
  address: e.address,
  lat: e.lat,
  lon: e.lon,
  sourceUrl: e.source_url,
  externalStatus: e.external_status,
  rating: e.rating,
  fileDue: e.answer_due_original === null ? null : new Date(e.answer_due_original),
});
