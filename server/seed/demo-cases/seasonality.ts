/**
 * What residents write about, and when: the base share of each topic, the relative weight of each
 * sub-topic inside it, and a month profile (January … December) for the seasonal ones. The numbers
 * are a plausible demo model (the Saratov ЦУР's weekly mix — ЖКХ first, then health and roads —
 * and the obvious seasons), not statistics of a real district.
 */

/** Twelve month factors, January first; 1 = an average month. */
export type MonthProfile = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

const FLAT: MonthProfile = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
/** Heating season: complaints start in October and peak in the cold months. */
const HEATING: MonthProfile = [3.0, 2.6, 1.7, 0.6, 0.1, 0.05, 0.05, 0.08, 0.5, 2.4, 2.8, 3.0];
/** Water pipes freeze and burst in winter. */
const WINTER_WATER: MonthProfile = [1.9, 1.8, 1.4, 0.9, 0.7, 0.7, 0.8, 0.7, 0.7, 0.9, 1.5, 1.8];
const SNOW: MonthProfile = [3.6, 3.1, 1.0, 0.08, 0.01, 0.01, 0.01, 0.01, 0.01, 0.15, 1.2, 3.3];
/** Potholes appear when the snow melts. */
const POTHOLES: MonthProfile = [0.6, 0.7, 2.1, 3.1, 2.5, 1.3, 0.9, 0.8, 0.7, 0.8, 0.7, 0.6];
const SPRING_ROADS: MonthProfile = [0.5, 0.6, 1.8, 2.3, 1.8, 1.1, 0.9, 0.9, 0.9, 1.0, 0.8, 0.5];
const SUMMER: MonthProfile = [0.6, 0.6, 0.7, 0.9, 1.3, 1.8, 2.0, 1.8, 1.2, 0.8, 0.6, 0.6];
const GRASS: MonthProfile = [0.02, 0.02, 0.05, 0.3, 1.5, 3.0, 3.2, 2.6, 1.0, 0.2, 0.03, 0.02];
/** Smells, mosquitoes and insects. */
const SANITATION: MonthProfile = [0.4, 0.4, 0.5, 0.8, 1.4, 2.3, 2.5, 2.0, 1.0, 0.6, 0.4, 0.4];
const SCHOOL_START: MonthProfile = [0.9, 0.9, 0.8, 0.7, 0.6, 0.4, 0.5, 2.3, 2.5, 1.0, 0.9, 0.8];
const KINDERGARTEN: MonthProfile = [0.8, 0.8, 0.9, 1.0, 1.3, 1.2, 1.2, 1.8, 1.6, 0.9, 0.8, 0.7];
const DARK_EVENINGS: MonthProfile = [1.5, 1.3, 1.0, 0.7, 0.5, 0.4, 0.4, 0.5, 0.8, 1.3, 1.6, 1.6];
const STORMS: MonthProfile = [1.2, 1.1, 0.9, 0.8, 1.0, 1.4, 1.5, 1.3, 0.9, 0.9, 1.0, 1.2];
const GRASS_FIRES: MonthProfile = [0.4, 0.4, 1.5, 2.6, 1.6, 1.0, 1.2, 1.3, 1.0, 1.0, 0.5, 0.4];
const FLOODS: MonthProfile = [0.3, 0.5, 2.6, 3.0, 1.0, 0.5, 0.6, 0.5, 0.4, 0.5, 0.5, 0.3];
const BATHING: MonthProfile = [0.3, 0.3, 0.3, 0.5, 1.2, 2.5, 2.8, 2.0, 0.6, 0.3, 0.3, 0.3];
const FLU: MonthProfile = [1.4, 1.3, 1.1, 1.0, 0.9, 0.8, 0.8, 0.8, 0.9, 1.1, 1.3, 1.3];
const TREES: MonthProfile = [0.6, 0.6, 1.0, 1.4, 1.3, 1.3, 1.2, 1.0, 1.0, 1.2, 0.9, 0.6];
const OUTDOORS: MonthProfile = [0.5, 0.5, 0.6, 1.0, 1.5, 1.7, 1.7, 1.5, 1.0, 0.7, 0.5, 0.5];
const GAS_WINTER: MonthProfile = [1.5, 1.4, 1.1, 0.8, 0.7, 0.6, 0.6, 0.6, 0.8, 1.1, 1.3, 1.5];
const THAW_ROOFS: MonthProfile = [1.2, 1.4, 2.0, 1.6, 1.0, 0.8, 0.8, 0.7, 0.8, 1.0, 1.0, 1.1];
const HOLIDAYS: MonthProfile = [0.9, 0.8, 0.9, 1.0, 1.4, 1.2, 1.1, 0.9, 1.0, 1.0, 0.9, 1.3];

export interface SubtopicModel {
  /** Relative weight inside its topic in an average month. */
  weight: number;
  season?: MonthProfile;
  /** Mostly a rural matter: the town gets a fifth of its population share. */
  rural?: boolean;
  /** Urgent by nature: the case gets priority «high». */
  urgent?: boolean;
}

/** Share of each topic in all cases (sums to 100). */
export const TOPIC_SHARES: Readonly<Record<string, number>> = {
  housing: 20, roads: 14, improvement: 12, health: 11, waste: 8, energy: 7, social: 7,
  education: 6, transport: 5, other: 4.5, safety: 3, culture: 2.5,
};

export const SUBTOPIC_MODELS: Readonly<Record<string, SubtopicModel>> = {
  'housing.heating': { weight: 5, season: HEATING, urgent: true },
  'housing.cold_water': { weight: 4, season: WINTER_WATER, urgent: true },
  'housing.water_quality': { weight: 2, season: SUMMER },
  'housing.hot_water': { weight: 1.5, season: WINTER_WATER },
  'housing.sewerage': { weight: 2, season: SUMMER },
  'housing.mkd_maintenance': { weight: 2.5 },
  'housing.roof': { weight: 1.5, season: THAW_ROOFS },
  'housing.capital_repair': { weight: 1.5 },
  'housing.management': { weight: 1.5 },
  'housing.bills': { weight: 2, season: HEATING.map((v) => 0.6 + v * 0.25) as unknown as MonthProfile },
  'housing.emergency_housing': { weight: 0.6 },

  'roads.potholes': { weight: 5, season: POTHOLES },
  'roads.snow': { weight: 3.5, season: SNOW, urgent: true },
  'roads.lighting': { weight: 2.5, season: DARK_EVENINGS },
  'roads.sidewalks': { weight: 1.5, season: SPRING_ROADS },
  'roads.signs': { weight: 0.8 },
  'roads.grading': { weight: 1.5, season: SPRING_ROADS, rural: true },
  'roads.repair': { weight: 2, season: SPRING_ROADS },
  'roads.drainage': { weight: 1, season: FLOODS },
  'roads.crossings': { weight: 0.8, season: SCHOOL_START },
  'roads.bridges': { weight: 0.4, rural: true },

  'improvement.yards': { weight: 2.5, season: OUTDOORS },
  'improvement.playgrounds': { weight: 1.5, season: OUTDOORS },
  'improvement.parks': { weight: 1, season: OUTDOORS },
  'improvement.trees': { weight: 1.5, season: TREES },
  'improvement.mowing': { weight: 2, season: GRASS },
  'improvement.stray_animals': { weight: 2 },
  'improvement.cemeteries': { weight: 0.8, season: HOLIDAYS },
  'improvement.sanitation': { weight: 1.5, season: SANITATION },

  'health.appointment': { weight: 3, season: FLU },
  'health.specialists': { weight: 2.5 },
  'health.fap': { weight: 1.5, rural: true },
  'health.ambulance': { weight: 1, season: FLU, urgent: true },
  'health.medicines': { weight: 2 },
  'health.facilities': { weight: 0.8 },
  'health.quality': { weight: 1.5 },
  'health.referrals': { weight: 1 },

  'waste.collection': { weight: 4, season: SUMMER },
  'waste.container_sites': { weight: 2, season: SUMMER },
  'waste.dumps': { weight: 1.5, season: SUMMER },
  'waste.bulky': { weight: 0.8, season: OUTDOORS },
  'waste.billing': { weight: 1.2 },
  'waste.private_sector': { weight: 1.2, season: SUMMER, rural: true },
  'waste.burning': { weight: 0.6, season: GRASS_FIRES },

  'energy.outages': { weight: 4, season: STORMS, urgent: true },
  'energy.voltage': { weight: 1.5, season: SUMMER },
  'energy.power_lines': { weight: 1, season: STORMS },
  'energy.gas_supply': { weight: 1.5, season: GAS_WINTER },
  'energy.gasification': { weight: 1, rural: true },
  'energy.grid_connection': { weight: 0.6 },
  'energy.metering': { weight: 0.6 },

  'social.benefits': { weight: 2 },
  'social.families': { weight: 1.5 },
  'social.disabled': { weight: 1 },
  'social.elderly': { weight: 1.2, season: FLU },
  'social.svo': { weight: 1.5 },
  'social.utility_compensation': { weight: 1, season: HEATING.map((v) => 0.7 + v * 0.2) as unknown as MonthProfile },
  'social.housing_queue': { weight: 0.8 },
  'social.guardianship': { weight: 0.4 },

  'education.kindergarten': { weight: 2, season: KINDERGARTEN },
  'education.school_buildings': { weight: 1.2, season: SCHOOL_START },
  'education.school_bus': { weight: 1.2, season: SCHOOL_START, rural: true },
  'education.meals': { weight: 1, season: SCHOOL_START },
  'education.teachers': { weight: 0.8, season: SCHOOL_START },
  'education.extracurricular': { weight: 0.6, season: SCHOOL_START },
  'education.safety': { weight: 0.5, season: SCHOOL_START },
  'education.fees': { weight: 0.5, season: SCHOOL_START },

  'transport.schedule': { weight: 1.5 },
  'transport.intercity': { weight: 1 },
  'transport.rural_routes': { weight: 1.5, rural: true },
  'transport.fares': { weight: 0.6 },
  'transport.vehicles': { weight: 0.6 },
  'transport.drivers': { weight: 0.6 },
  'transport.stops': { weight: 0.8 },

  'other.land': { weight: 1.5, season: OUTDOORS },
  'other.administration': { weight: 1.2 },
  'other.telecom': { weight: 1.2 },
  'other.trade': { weight: 0.6 },
  'other.livestock': { weight: 0.6, season: SUMMER, rural: true },
  'other.gratitude': { weight: 0.8, season: HOLIDAYS },
  'other.misc': { weight: 1 },

  'safety.public_order': { weight: 1.5, season: SUMMER },
  'safety.fire': { weight: 1, season: GRASS_FIRES },
  'safety.abandoned': { weight: 0.8 },
  'safety.floods': { weight: 0.6, season: FLOODS },
  'safety.alcohol': { weight: 0.5 },
  'safety.water_bodies': { weight: 0.4, season: BATHING },

  'culture.clubs': { weight: 1.2, season: HOLIDAYS },
  'culture.libraries': { weight: 0.5 },
  'culture.sport': { weight: 1, season: OUTDOORS },
  'culture.events': { weight: 0.8, season: HOLIDAYS },
  'culture.youth': { weight: 0.6, season: SUMMER },
  'culture.monuments': { weight: 0.5, season: HOLIDAYS },
};

export function seasonOf(subtopicCode: string): MonthProfile {
  return SUBTOPIC_MODELS[subtopicCode]?.season ?? FLAT;
}

/** Day-of-week factor, Monday first: people write less at the weekend. */
export const WEEKDAY_FACTORS: readonly number[] = [1.18, 1.1, 1.05, 1.0, 0.95, 0.62, 0.55];
/** A public holiday or a transferred day off reads like a Sunday. */
export const HOLIDAY_FACTOR = 0.55;
/** The slow upward trend: +22 % per year (more people learn about ПОС and the МЦУ). */
export const YEARLY_GROWTH = 0.22;
