import { randomUUID } from 'node:crypto';
import { generateCaseText } from '../../modules/cases/demo/generate-text';
import type { Rng } from '../../modules/cases/demo/prng';
import { makeApplicant } from './applicants';
import { DeadlineCalculator } from './case-deadlines';
import { registrationDelay, sourceIdOf, regimeOf } from './channel-mix';
import type { Batch } from './insert-rows';
import { simulateCase } from './lifecycle';
import { OfficeHours } from './office-hours';
import type { ChosenPlace } from './places';
import { profileOf } from './recipient-profiles';
import type { DemoReference, RefSubtopic } from './reference';
import { RecipientRouter } from './routing';
import { SUBTOPIC_MODELS } from './seasonality';
import type { Burst } from './volume-model';

/** What the volume model decided about a case before it is written: when, what, where, how. */
export interface CaseSeed {
  receivedAt: number;
  subtopic: RefSubtopic;
  place: ChosenPlace;
  channel: string;
  burst: Burst | null;
}

/** A duplicate is merged into a case on the same problem in the same place within this window. */
const MERGE_WINDOW = 10 * 86_400_000;

/** Turns a seed into the rows of a case: the case, its applicant, answers and timeline. */
export class CaseFactory {
  private readonly router: RecipientRouter;
  private readonly deadlines: DeadlineCalculator;
  private readonly office: OfficeHours;
  private readonly recent = new Map<string, { id: string; number: string; at: number }>();

  constructor(
    private readonly ref: DemoReference,
    private readonly now: number,
    private readonly history: boolean,
  ) {
    this.router = new RecipientRouter(ref);
    this.deadlines = new DeadlineCalculator(ref.deadlines);
    this.office = new OfficeHours(ref.timeZone, ref.deadlines.ctx.calendar, now);
  }

  build(rng: Rng, seed: CaseSeed, number: string, year: number, seq: number, out: Batch): void {
    const { ref } = this;
    const tenantId = ref.tenantId;
    const id = randomUUID();
    const { subtopic, place, channel } = seed;
    const regime = regimeOf(rng, channel, seed.receivedAt);
    const receivedAt = new Date(seed.receivedAt);
    let registered = seed.receivedAt + registrationDelay(rng, channel);
    // The operator registers letters, e-mails and web forms in office hours; ПОС and ИМ items are imported at once.
    if (channel !== 'pos' && channel !== 'incident') registered = this.office.next(rng, registered);
    if (registered > this.now) registered = seed.receivedAt + Math.floor((this.now - seed.receivedAt) / 2);
    const registeredAt = new Date(registered);
    const fastTrack = subtopic.priority;
    const ruleKey = { regime, channel, topicId: subtopic.id, parentTopicId: subtopic.topicId };
    const due = this.deadlines.compute({ ...ruleKey, fastTrack }, receivedAt, registeredAt);

    const { text, address } = generateCaseText(rng, subtopic.code, place.place);
    const withPoint = rng.chance(channel === 'pos' || channel === 'web' ? 0.9 : 0.4);
    const model = SUBTOPIC_MODELS[subtopic.code];
    const priority = seed.burst || (model?.urgent && rng.chance(0.6)) ? 'high' : subtopic.code === 'other.gratitude' ? 'low' : 'normal';

    const routing = this.router.route(rng, subtopic, place.settlement);
    const executors = routing.recipient.executorIds;
    const executorId = executors.length ? executors[rng.int(0, executors.length - 1)] : null;
    const staff = ref.staff;
    const register = (channel === 'pos' ? staff.get('pos_coordinator') : channel === 'incident' ? staff.get('incident_coordinator') : staff.get('operator')) ?? null;
    const review = (channel === 'pos' ? staff.get('pos_coordinator') : channel === 'incident' ? staff.get('incident_coordinator') : staff.get('head')) ?? null;

    const key = `${subtopic.id}|${place.settlement.id}`;
    const previous = this.recent.get(key);
    const duplicateOf = previous && seed.receivedAt - previous.at < MERGE_WINDOW ? previous : null;

    const life = simulateCase({
      rng,
      now: this.now,
      history: this.history,
      number,
      subtopicCode: subtopic.code,
      channel,
      regime,
      registeredAt: registered,
      answerDue: due.answerDue,
      answerAtRiskFrom: due.answerAtRiskFrom,
      routing,
      executorId,
      profile: profileOf(routing.recipient.code),
      actors: { register, review, head: staff.get('head') ?? null, recipientHead: routing.recipient.headIds[0] ?? null },
      duplicateOf,
      mergeChance: seed.burst ? 0.3 : 0.04,
      extend: (days) => this.deadlines.extend(ruleKey, registeredAt, due.answerDue!, days),
      office: (r, at) => this.office.next(r, at),
    });
    const s = life.state;
    if (s.status !== 'merged') this.recent.set(key, { id, number, at: seed.receivedAt });

    out.cases.push({
      id, tenantId, number, regime, channel, sourceId: sourceIdOf(channel, year, seq), receivedAt, registeredAt, status: s.status, text,
      topicId: subtopic.topicId, subtopicId: subtopic.id, settlementId: place.settlement.id, localityId: place.locality?.id ?? null,
      address, lat: withPoint ? place.lat : null, lon: withPoint ? place.lon : null,
      recipientId: s.recipientId, executorId: s.executorId, priority, fastTrack, routingReason: s.routingReason, autoRouted: s.autoRouted,
      registrationDue: due.registrationDue, forwardingDue: due.forwardingDue, interimDue: due.interimDue,
      answerDue: s.answerDue, answerAtRiskFrom: s.answerAtRiskFrom, answerDueOriginal: due.answerDue, fastTrackDue: due.fastTrackDue,
      extensionDays: s.extensionDays, extensionReason: s.extensionReason,
      firstAnsweredAt: s.firstAnsweredAt, answeredAt: s.answeredAt, closedAt: s.closedAt,
      rating: s.rating, ratedAt: s.ratedAt, ratingComment: s.ratingComment, returnsCount: s.returnsCount, reopenCount: s.reopenCount,
      duplicateOfId: s.duplicateOfId, forwardedTo: s.forwardedTo, statusReason: s.statusReason,
      createdAt: registeredAt, updatedAt: s.updatedAt, version: s.version,
    });
    const applicant = makeApplicant(rng, channel, regime, place, receivedAt);
    if (applicant && (applicant.fullName || applicant.email || applicant.phone || applicant.postalAddress || applicant.socialProfile)) {
      out.applicants.push({ caseId: id, tenantId, ...applicant });
    }
    for (const a of life.answers) out.answers.push({ id: randomUUID(), tenantId, caseId: id, ...a });
    for (const e of life.events) out.audit.push({ tenantId, actorUserId: e.actorUserId, action: e.action, entity: 'case', entityId: id, before: e.before, after: e.after, at: e.at });
  }
}
