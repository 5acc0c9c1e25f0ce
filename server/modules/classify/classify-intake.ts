import type { Db } from '../../db/client';
import type { Tx } from '../../db/tx';
import { caseSuggestions } from '../../db/schema';
import type { RegisterCaseInput } from '../../../domain/cases/schemas';
import type { CaseStatus } from '../../../domain/cases/status';
import { suggestCase, type CaseSuggestions } from './suggest-case';
import { tenantClassifier, type TenantClassifier } from './tenant-classifier';
import { findPlace } from './territory-from-text';

/** What intake decided for a new case: the completed input and, when routed, the routing. */
export interface IntakeDecision {
  input: RegisterCaseInput;
  suggestions: CaseSuggestions;
  route: { status: CaseStatus; registeredAt: Date | null; routingReason: string; autoRouted: true } | null;
}

/** The least confidence with which an empty topic is filled from a suggestion. */
const FILL_TOPIC_FROM = 0.5;
const ROUTABLE: CaseStatus[] = ['received', 'registered'];

/**
 * Completes a new case from its text (pure over the tenant's loaded classifier, so an import can
 * call it for a whole batch): settlement and locality (and coordinates) from the text when empty,
 * the topic when empty, and the recipient when none was given and the route is sure enough.
 */
export function decideIntake(t: TenantClassifier, input: RegisterCaseInput, status: CaseStatus, registeredAt: Date | null): IntakeDecision {
  const out = { ...input };
  if (!out.settlementId && !out.localityId) {
    const place = findPlace(t.gazetteer, out.text, out.address);
    if (place.settlementId) out.settlementId = place.settlementId;
    if (place.localityId) out.localityId = place.localityId;
    if (out.lat == null && out.lon == null && place.lat != null && place.lon != null) { out.lat = place.lat; out.lon = place.lon; }
  }
  const suggestions = suggestCase(t, out);
  const top = suggestions.topic[0];
  if (!out.topicId && !out.subtopicId && top && top.p >= FILL_TOPIC_FROM) {
    out.topicId = top.topicId;
    out.subtopicId = top.subtopicId;
  }
  const r = suggestions.route;
  if (out.recipientId || !r?.auto || !ROUTABLE.includes(status)) return { input: out, suggestions, route: null };
  out.recipientId = r.recipientId;
  return { input: out, suggestions, route: { status: 'assigned', registeredAt: registeredAt ?? new Date(input.receivedAt), routingReason: r.reason, autoRouted: true } };
}

/** decideIntake for one case, with the tenant's cached classifier. */
export async function classifyIntake(tx: Db | Tx, tenantId: string, input: RegisterCaseInput, status: CaseStatus, registeredAt: Date | null): Promise<IntakeDecision> {
  return decideIntake(await tenantClassifier(tx, tenantId), input, status, registeredAt);
}

/** decideIntake for a batch of an import: one load of the classifier for all rows. */
export async function classifyIntakeBatch(db: Db | Tx, tenantId: string, rows: { input: RegisterCaseInput; status: CaseStatus; registeredAt: Date | null }[]): Promise<IntakeDecision[]> {
  const t = await tenantClassifier(db, tenantId);
  return rows.map((r) => decideIntake(t, r.input, r.status, r.registeredAt));
}

/** Keeps what was suggested at intake, so a later change by staff is recorded as a correction. */
export async function rememberSuggestion(tx: Tx, tenantId: string, caseId: string, d: IntakeDecision): Promise<void> {
  const topic = d.suggestions.topic[0];
  const rec = d.suggestions.route;
  if (!topic && !rec) return;
  await tx.insert(caseSuggestions).values({
    tenantId, caseId,
    topicLabel: topic ? topic.subtopicId ?? topic.topicId : null, topicP: topic?.p ?? null,
    recipientLabel: rec?.recipientId ?? null, recipientP: rec?.p ?? null,
    source: rec?.source ?? topic?.source ?? 'правило',
  }).onConflictDoNothing();
}
