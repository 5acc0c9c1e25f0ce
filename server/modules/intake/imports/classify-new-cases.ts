import type { RegisterCaseInput } from '../../../../domain/cases/schemas';
import { decideIntake, type IntakeDecision } from '../../classify/classify-intake';
import type { TenantClassifier } from '../../classify/tenant-classifier';
import type { CaseCandidate } from '../mapping/map-row';

/** What the classifier decided for a new imported case (the candidate itself is completed in place). */
export interface NewCaseDecision {
  /** What is kept of its suggestions (case_suggestions): the best topic and the route. */
  kept: { topic: IntakeDecision['suggestions']['topic'][number] | null; route: IntakeDecision['suggestions']['route'] };
  route: { status: 'assigned'; registeredAt: Date; recipientId: string; reason: string } | null;
}

/**
 * Puts the new cases of a chunk through the same intake decision as `createCase` (place from the
 * text, the topic when empty, auto-routing above the tenant's threshold): pure, in memory, with the
 * tenant's classifier loaded once per job. Only new cases: an update never re-routes a case.
 * A filled topic or a route recomputes the deadlines (the rule may depend on the topic; routing
 * registers the case).
 */
export function classifyNewCases(t: TenantClassifier, channel: string, status: 'received' | 'registered', topicPriority: (id: string) => boolean, list: CaseCandidate[]): Map<CaseCandidate, NewCaseDecision> {
  const out = new Map<CaseCandidate, NewCaseDecision>();
  for (const c of list) {
    const input: RegisterCaseInput = {
      regime: c.regime, channel, receivedAt: c.receivedAt.toISOString(), text: c.text,
      topicId: c.topicId, subtopicId: c.subtopicId, settlementId: c.settlementId, localityId: c.localityId,
      address: c.address, lat: c.lat, lon: c.lon, priority: 'normal', fastTrack: c.fastTrack, recipientId: null, sourceId: c.sourceId, applicant: {},
    } as RegisterCaseInput;
    const d = decideIntake(t, input, status, status === 'registered' ? c.receivedAt : null);
    const o = d.input;
    const topicFilled = !c.topicId && !c.subtopicId && Boolean(o.topicId || o.subtopicId);
    c.settlementId = o.settlementId ?? null;
    c.localityId = o.localityId ?? null;
    c.lat = o.lat ?? null;
    c.lon = o.lon ?? null;
    if (topicFilled) {
      c.topicId = o.topicId ?? null;
      c.subtopicId = o.subtopicId ?? null;
      if (c.subtopicId && !c.topicId) c.topicId = t.topics.get(c.subtopicId)?.parentId ?? null;
      c.fastTrack = c.fastTrack || topicPriority(c.subtopicId ?? c.topicId!);
    }
    const route = d.route && o.recipientId ? { status: 'assigned' as const, registeredAt: d.route.registeredAt ?? c.receivedAt, recipientId: o.recipientId, reason: d.route.routingReason } : null;
    if (topicFilled || route) c.deadlines = undefined;
    out.set(c, { kept: { topic: d.suggestions.topic[0] ?? null, route: d.suggestions.route }, route });
  }
  return out;
}
