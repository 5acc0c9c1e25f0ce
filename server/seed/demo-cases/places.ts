import type { DemoPlace } from '../../modules/cases/demo/generate-text';
import type { Rng } from '../../modules/cases/demo/prng';
import type { DemoReference, RefLocality, RefSettlement, RefSubtopic } from './reference';
import { SUBTOPIC_MODELS } from './seasonality';
import { WeightedTable } from './volume-model';

/** Where a case is about: a settlement, a locality inside it when known, and the text's place. */
export interface ChosenPlace {
  settlement: RefSettlement;
  locality: RefLocality | null;
  place: DemoPlace;
  /** Coordinates of the locality with a little jitter (a house in the village), or null when unknown. */
  lat: number | null;
  lon: number | null;
}

/** A rural matter (grading of dirt roads, ФАП, cattle): the town gets a fifth of its population share. */
const RURAL_TOWN_FACTOR = 0.2;

interface SettlementSlot {
  settlement: RefSettlement;
  /** Localities with their population weights; `null` stands for «the rest of the settlement». */
  localities: WeightedTable<RefLocality | null>;
  place: DemoPlace;
}

/** Chooses settlements by population and localities inside them; precomputed tables. */
export class PlaceChooser {
  private readonly general: WeightedTable<SettlementSlot>;
  private readonly rural: WeightedTable<SettlementSlot>;
  private readonly bySettlement = new Map<string, SettlementSlot>();

  constructor(ref: DemoReference) {
    const slots = ref.settlements.map((s) => {
      const known = s.localities.reduce((sum, l) => sum + (l.population ?? 0), 0);
      const items: (RefLocality | null)[] = [...s.localities];
      const weights = s.localities.map((l) => l.population ?? Math.max(50, s.population * 0.05));
      const rest = s.population - known;
      if (rest > 0 || items.length === 0) {
        items.push(null);
        weights.push(Math.max(rest, 1));
      }
      const slot: SettlementSlot = { settlement: s, localities: new WeightedTable(items, weights), place: settlementPlace(s) };
      this.bySettlement.set(s.id, slot);
      return slot;
    });
    const isTown = (s: RefSettlement) => s.kind === 'urban' && s.population === Math.max(...ref.settlements.map((x) => x.population));
    this.general = new WeightedTable(slots, slots.map((x) => x.settlement.population));
    this.rural = new WeightedTable(slots, slots.map((x) => x.settlement.population * (isTown(x.settlement) ? RURAL_TOWN_FACTOR : 1)));
  }

  pick(rng: Rng, subtopic: RefSubtopic): ChosenPlace {
    const slot = (SUBTOPIC_MODELS[subtopic.code]?.rural ? this.rural : this.general).pick(rng);
    return this.inSettlement(rng, slot.settlement);
  }

  /** A place inside a given settlement (for bursts). */
  inSettlement(rng: Rng, settlement: RefSettlement): ChosenPlace {
    const slot = this.bySettlement.get(settlement.id)!;
    const locality = slot.localities.pick(rng);
    const place = locality ? { localityName: locality.name, localityType: locality.type } : slot.place;
    const town = /город/i.test(locality?.type ?? '');
    const spread = town ? 0.018 : 0.006;
    const lat = locality?.lat != null ? round6(locality.lat + (rng.next() - 0.5) * spread) : null;
    const lon = locality?.lon != null ? round6(locality.lon + (rng.next() - 0.5) * spread * 1.5) : null;
    return { settlement, locality, place, lat, lon };
  }
}

/** The text's place for a case in a settlement without a chosen locality: its admin centre or its name. */
function settlementPlace(s: RefSettlement): DemoPlace {
  const centre = s.adminCentre?.trim();
  if (centre) {
    const m = /^(г\.|рп|р\.п\.|с\.|д\.|п\.|х\.)\s*(.+)$/.exec(centre);
    if (m) return { localityName: m[2], localityType: m[1] };
    return { localityName: centre, localityType: '' };
  }
  const main = s.localities[0];
  if (main) return { localityName: main.name, localityType: main.type };
  return { localityName: s.name.replace(/^(город|село|посёлок)\s+/i, ''), localityType: /^город/i.test(s.name) ? 'город' : '' };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const GENERIC_POSTCODE = '412800';

/** A postal address for a 59-ФЗ letter: index, region, locality, street, house, flat. */
export function postalAddress(rng: Rng, p: ChosenPlace, street: string): string {
  const index = p.locality?.postcode ?? GENERIC_POSTCODE;
  const loc = p.place.localityType ? `${abbr(p.place.localityType)} ${p.place.localityName}` : p.place.localityName;
  const town = /город/i.test(p.place.localityType) || p.place.localityType === 'г.';
  const flat = town && rng.chance(0.6) ? `, кв. ${rng.int(1, 90)}` : '';
  return `${index}, Саратовская обл., Красноармейский р-н, ${loc}, ${street}, д. ${rng.int(1, town ? 140 : 60)}${flat}`;
}

function abbr(type: string): string {
  if (/город/i.test(type)) return 'г.';
  if (/рабоч|пгт/i.test(type)) return 'рп';
  if (/сел/i.test(type)) return 'с.';
  if (/деревн/i.test(type)) return 'д.';
  if (/пос[её]л/i.test(type)) return 'п.';
  return type;
}
