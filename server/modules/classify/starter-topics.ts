import { STARTER_TOPIC_RULES } from '../../../domain/classify/starter-rules';
import type { KeywordRule } from '../../../domain/classify/keyword-rules';

/** The starter rules' labels as codes of the shipped rubricator (data/rubricator/topics.json). */
const STARTER_CODES: Record<string, string> = {
  roads: 'roads.potholes', snow: 'roads.snow', waste: 'waste.collection', lighting: 'roads.lighting',
  housing: 'housing.mkd_maintenance', heating: 'housing.heating', water: 'housing.cold_water', greenery: 'improvement.trees',
  playgrounds: 'improvement.playgrounds', transport: 'transport.stops', advertising: 'other.misc', animals: 'improvement.stray_animals', trade: 'other.trade',
};

/** Starter rules relabelled with the tenant's topic ids (codes the tenant lacks are dropped). */
export function starterRules(topicIdByCode: Map<string, string>): KeywordRule[] {
  return STARTER_TOPIC_RULES.flatMap((r) => {
    const code = STARTER_CODES[r.label];
    const id = topicIdByCode.get(code) ?? topicIdByCode.get(code.split('.')[0]);
    return id ? [{ ...r, label: id }] : [];
  });
}
