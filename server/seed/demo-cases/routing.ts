import type { Rng } from '../../modules/cases/demo/prng';
import { districtAdministration, type DemoReference, type RefRecipient, type RefSettlement, type RefSubtopic } from './reference';

/** Why the case went to its recipient (shown on the card). */
export const RULE_REASON = 'правило: тематика × поселение';
export const MANUAL_REASON = 'назначен вручную';

/**
 * Sub-topics a settlement administration answers for in its own territory: improvement, local
 * roads, yards and water in the small settlements, fires and floods, cattle.
 */
const SETTLEMENT_SUBTOPICS = new Set([
  'roads.potholes', 'roads.snow', 'roads.lighting', 'roads.sidewalks', 'roads.signs', 'roads.grading', 'roads.drainage', 'roads.crossings',
  'housing.cold_water', 'housing.water_quality', 'housing.sewerage', 'housing.heating', 'housing.mkd_maintenance',
  'safety.fire', 'safety.floods', 'safety.abandoned', 'safety.water_bodies',
  'culture.clubs', 'other.livestock', 'other.land',
]);
const SETTLEMENT_TOPICS = new Set(['improvement']);

/**
 * Competent organisations by sub-topic, as recipient codes of the directory (first found wins;
 * a second code is an alternative for a share of cases). Missing codes fall back to the topic's
 * competent recipients and then to the district administration — another municipality's
 * directory works without code changes.
 */
const COMPETENT: Readonly<Record<string, readonly [string, number][]>> = {
  'health.*': [['krasnoarmeysk-district-hospital', 0.85], ['saratov-min-health', 0.15]],
  'health.medicines': [['saratov-min-health', 0.6], ['krasnoarmeysk-district-hospital', 0.4]],
  'health.referrals': [['saratov-min-health', 0.5], ['krasnoarmeysk-district-hospital', 0.5]],
  'health.quality': [['krasnoarmeysk-district-hospital', 0.8], ['krasnoarmeysky-mup-dental', 0.2]],
  'energy.*': [['rosseti-volga-saratov', 1]],
  'energy.gas_supply': [['gazprom-gr-saratov', 1]],
  'energy.gasification': [['gazprom-gr-saratov', 0.7], ['saratov-min-industry-energy', 0.3]],
  'energy.metering': [['gazprom-gr-saratov', 0.5], ['rosseti-volga-saratov', 0.5]],
  'waste.*': [['citymatic-saratov', 1]],
  'waste.dumps': [['saratov-min-nature', 0.6], ['citymatic-saratov', 0.4]],
  'waste.burning': [['saratov-min-nature', 1]],
  'social.*': [['saratov-min-social', 1]],
  'housing.*': [['krasnoarmeysky-admin', 1]],
  'housing.capital_repair': [['saratov-min-construction-housing', 1]],
  'housing.emergency_housing': [['saratov-min-construction-housing', 0.6], ['krasnoarmeysky-admin', 0.4]],
  'roads.repair': [['saratov-road-directorate', 0.8], ['saratov-min-transport', 0.2]],
  'roads.bridges': [['saratov-road-directorate', 1]],
  'transport.intercity': [['saratov-min-transport', 1]],
  'transport.fares': [['saratov-min-transport', 1]],
};

/** A share of settlement-level cases is sent to the district instead (the settlement lacks funds or staff). */
const DISTRICT_SHARE_OF_SETTLEMENT_CASES = 0.1;

export interface Routing {
  recipient: RefRecipient;
  reason: string;
  autoRouted: boolean;
}

export class RecipientRouter {
  private readonly byCode: Map<string, RefRecipient>;
  private readonly bySettlement = new Map<string, RefRecipient>();
  private readonly byTopic = new Map<string, RefRecipient[]>();
  private readonly district: RefRecipient;

  constructor(ref: DemoReference) {
    this.byCode = new Map(ref.recipients.map((r) => [r.code, r]));
    for (const r of ref.recipients) {
      if (r.kind === 'settlement_admin' && r.settlementId && !this.bySettlement.has(r.settlementId)) this.bySettlement.set(r.settlementId, r);
      for (const t of r.topicCodes) this.byTopic.set(t, [...(this.byTopic.get(t) ?? []), r]);
    }
    this.district = districtAdministration(ref);
  }

  route(rng: Rng, subtopic: RefSubtopic, settlement: RefSettlement): Routing {
    const manual = rng.chance(0.12);
    const reason = manual ? MANUAL_REASON : RULE_REASON;
    const autoRouted = !manual && rng.chance(0.7);
    return { recipient: this.pickRecipient(rng, subtopic, settlement), reason, autoRouted };
  }

  private pickRecipient(rng: Rng, subtopic: RefSubtopic, settlement: RefSettlement): RefRecipient {
    if (SETTLEMENT_SUBTOPICS.has(subtopic.code) || SETTLEMENT_TOPICS.has(subtopic.topicCode)) {
      const own = this.bySettlement.get(settlement.id);
      if (own && !rng.chance(DISTRICT_SHARE_OF_SETTLEMENT_CASES)) return own;
      return this.district;
    }
    const options = COMPETENT[subtopic.code] ?? COMPETENT[`${subtopic.topicCode}.*`];
    if (options) {
      const found = options.filter(([code]) => this.byCode.has(code));
      if (found.length) return this.byCode.get(rng.weighted(found.map(([c]) => c), found.map(([, w]) => w)))!;
    }
    const competent = this.byTopic.get(subtopic.topicCode);
    if (competent?.length) return rng.pick(competent);
    return this.district;
  }
}
