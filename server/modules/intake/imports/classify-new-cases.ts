import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/tx';
import type { RegisterCaseInput } from '../../../../domain/cases/schemas';
import { decideIntake, type IntakeDecision } from '../../classify/classify-intake';
import type { TenantClassifier } from '../../classify/tenant-classifier';
import type { CaseCandidate } from '../mapping/map-row';
import { col, insertRowset } from './rowset';

/** What the classifier decided for a new imported case (the candidate itself is completed in place). */
export interface NewCaseDecision {
  suggestions: IntakeDecision['suggestions'];
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
    out.set(c, { suggestions: d.suggestions, route });
  }
  return out;
}

/** The suggestions made at intake, kept so a later change by staff is recorded as a correction (as rememberSuggestion). */
export async function rememberSuggestions(tx: Tx, tenantId: string, list: { caseId: string; d: NewCaseDecision }[]): Promise<void> {
  const rows = list
    .map(({ caseId, d }) => ({ caseId, topic: d.suggestions.topic[0], rec: d.suggestions.route }))
    .filter((r) => r.topic || r.rec);
  if (!rows.length) return;
  await tx.execute(
    insertRowset(
      'case_suggestions',
      [
        col('tenant_id', 'uuid', rows.map(() => tenantId)),
        col('case_id', 'uuid', rows.map((r) => r.caseId)),
        col('topic_label', 'text', rows.map((r) => (r.topic ? (r.topic.subtopicId ?? r.topic.topicId) : null))),
        col('topic_p', 'float8', rows.map((r) => r.topic?.p ?? null)),
        col('recipient_label', 'text', rows.map((r) => r.rec?.recipientId ?? null)),
        col('recipient_p', 'float8', rows.map((r) => r.rec?.p ?? null)),
        col('source', 'text', rows.map((r) => r.rec?.source ?? r.topic?.source ?? 'правило')),
      ],
      sql`ON CONFLICT (case_id) DO NOTHING`,
    ),
  );
}
