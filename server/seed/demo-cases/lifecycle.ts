import type { Rng } from '../../modules/cases/demo/prng';
import { isLowRating } from '../../../domain/cases/review';
import { FORWARD_TARGETS, REJECT_REASONS, finalAnswer, interimAnswer, reworkReason, type AnswerRow } from './answers';
import { ratingWeights, type DiligenceProfile } from './recipient-profiles';
import type { Routing } from './routing';
import { Timeline, initialState, type AuditRow, type CaseState } from './timeline';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface LifecycleInput {
  rng: Rng;
  now: number;
  history: boolean;
  number: string;
  subtopicCode: string;
  channel: string;
  regime: string;
  registeredAt: number;
  answerDue: Date | null;
  answerAtRiskFrom: Date | null;
  routing: Routing;
  executorId: string | null;
  profile: DiligenceProfile;
  /** Demo staff: who registers and reviews for this channel, the МЦУ head, the recipient's head. */
  actors: { register: string | null; review: string | null; head: string | null; recipientHead: string | null };
  /** A recent case on the same problem in the same place: this one may be merged into it. */
  duplicateOf: { id: string; number: string } | null;
  mergeChance: number;
  /** The 59-ФЗ extension (ст. 12 ч. 2): the new answer due for an extension by `days`. */
  extend: (days: number) => { answerDue: Date; answerAtRiskFrom: Date | null };
  /** Moves a staff action planned outside office hours to the next working morning. */
  office: (rng: Rng, at: number) => number;
}

export interface LifecycleResult {
  state: CaseState;
  events: AuditRow[];
  answers: AnswerRow[];
}

/** Share of answered cases the applicant rates, by channel. */
const RATED_SHARE: Readonly<Record<string, number>> = { pos: 0.6, incident: 0.25, web: 0.35, email: 0.25, phone: 0.35, letter: 0.15, reception: 0.2 };
const LOW_COMMENTS = ['Проблема не решена', 'Ответ формальный, ничего не сделано', 'Работы выполнены не полностью', 'Сроки опять перенесли', 'Никто не приезжал'];
const HIGH_COMMENTS = ['Спасибо, всё сделали', 'Спасибо за оперативность', 'Вопрос решён'];

const logNormal = (rng: Rng, median: number, sigma: number) => median * Math.exp(sigma * rng.normal());

/**
 * The life of one case from registration to `now`: routing, work, interim and final answers, the
 * МЦУ review with returns, the 59-ФЗ extension, the rating with reopening, closing — or an early
 * end (rejected, forwarded, merged). Times follow the recipient's diligence profile.
 */
export function simulateCase(inp: LifecycleInput): LifecycleResult {
  const { rng, profile, actors } = inp;
  const office = (at: number) => inp.office(rng, at);
  const state = initialState(inp.registeredAt, inp.answerDue, inp.answerAtRiskFrom);
  const tl = new Timeline(state, inp.now, inp.history, inp.registeredAt);
  const answers: AnswerRow[] = [];
  tl.step('register', inp.registeredAt, actors.register, { status: 'registered' }, { number: inp.number, channel: inp.channel, regime: inp.regime, registeredAt: new Date(inp.registeredAt), answerDue: inp.answerDue });

  // Early ends: a duplicate, spam, not the municipality's competence.
  const early = rng.next();
  if (inp.duplicateOf && rng.chance(inp.mergeChance)) {
    const at = tl.when(office(inp.registeredAt + rng.int(10, 24 * 60) * MIN));
    tl.step('merge', at, actors.review, { status: 'merged', duplicateOfId: inp.duplicateOf.id, closedAt: new Date(at) }, { duplicateOf: inp.duplicateOf.number });
    return { state, events: tl.events, answers };
  }
  if (early < 0.015) {
    const at = tl.when(office(inp.registeredAt + rng.int(1, 48) * HOUR));
    const reason = rng.pick(REJECT_REASONS);
    tl.step('reject', at, actors.review, { status: 'rejected', statusReason: reason, closedAt: new Date(at) }, { reason });
    return { state, events: tl.events, answers };
  }
  if (early < 0.015 + (inp.regime === 'FZ59' ? 0.05 : 0.012)) {
    const at = tl.when(office(inp.registeredAt + rng.int(2, inp.regime === 'FZ59' ? 6 * 24 : 72) * HOUR));
    const [forwardedTo, reason] = rng.pick(FORWARD_TARGETS);
    tl.step('forward', at, actors.review, { status: 'forwarded', forwardedTo, statusReason: reason, closedAt: new Date(at) }, { forwardedTo, reason });
    return { state, events: tl.events, answers };
  }

  // Routing and acceptance.
  const { routing } = inp;
  const assignAt = routing.autoRouted ? inp.registeredAt + rng.int(1, 10) * MIN : office(inp.registeredAt + rng.int(20, 20 * 60) * MIN);
  if (!tl.step('assign', assignAt, routing.autoRouted ? null : actors.review, { status: 'assigned', recipientId: routing.recipient.id, executorId: inp.executorId, routingReason: routing.reason, autoRouted: routing.autoRouted }, { recipientName: routing.recipient.name })) {
    return { state, events: tl.events, answers };
  }
  const worker = inp.executorId ?? actors.recipientHead;
  const acceptAt = office(tl.last + Math.max(10 * MIN, logNormal(rng, profile.acceptHours, 0.8) * HOUR));
  if (!tl.step('accept', acceptAt, worker, { status: 'in_work' })) return { state, events: tl.events, answers };

  // When the final answer is submitted: a share of the term, log-normal; the forgotten ones much later.
  const term = Math.max(DAY, (inp.answerDue?.getTime() ?? inp.registeredAt + 10 * DAY) - inp.registeredAt);
  const share = rng.chance(profile.forgottenShare) ? rng.float(2, 5) : logNormal(rng, profile.answerMedian, profile.answerSpread);
  let submitAt = office(Math.max(tl.last + HOUR, inp.registeredAt + share * term));

  if (inp.channel === 'incident' ? rng.chance(0.8) : share > 0.8 && rng.chance(0.4)) {
    const at = Math.min(tl.last + rng.float(0.5, 6) * HOUR, submitAt - HOUR);
    if (at > tl.last) {
      const t = tl.when(office(at));
      if (tl.step('give_interim', t, worker, { status: 'interim_answered', firstAnsweredAt: new Date(t) })) answers.push(interimAnswer(rng, t, worker));
    }
  }
  if (inp.regime === 'FZ59' && inp.answerDue && submitAt > inp.answerDue.getTime() - DAY && rng.chance(0.4)) {
    const at = office(inp.answerDue.getTime() - rng.int(1, 5) * DAY);
    if (at > tl.last + HOUR && at < submitAt) {
      const days = rng.pick([15, 20, 30, 30]);
      const reason = rng.pick(['Требуется выезд комиссии и обследование', 'Запрошены сведения в другом органе', 'Необходимо проведение экспертизы']);
      tl.step('extend', at, actors.review, { ...inp.extend(days), extensionDays: days, extensionReason: reason }, { days, reason, applicantNotified: true });
    }
  }

  // The final answer, the МЦУ review and returns for rework.
  const formal = rng.chance(profile.formalShare);
  let returns = rng.chance(profile.reworkShare + (formal ? 0.3 : 0)) ? (rng.chance(0.15) ? 2 : 1) : 0;
  for (;;) {
    const draftFormal = returns > 0 ? rng.chance(0.6) : formal;
    const draft = finalAnswer(rng, inp.subtopicCode, draftFormal, tl.when(submitAt), worker);
    if (!tl.step('submit_answer', submitAt, worker, { status: 'under_review' }, { answer: draft.text.slice(0, 200) })) return { state, events: tl.events, answers };
    draft.createdAt = new Date(tl.last);
    answers.push(draft);
    const reviewAt = office(tl.last + rng.float(1, 30) * HOUR);
    if (returns > 0) {
      const { criteria, comment } = reworkReason(rng, draftFormal);
      if (!tl.step('return_for_rework', reviewAt, actors.review, { status: 'returned', returnsCount: state.returnsCount + 1, statusReason: comment }, { criteria, comment })) {
        return { state, events: tl.events, answers };
      }
      Object.assign(draft, { state: 'returned', reviewCriteria: criteria, reviewComment: comment, reviewerId: actors.review, reviewedAt: new Date(tl.last) });
      returns -= 1;
      submitAt = office(tl.last + rng.float(0.5, 5) * DAY);
      continue;
    }
    const firstAnsweredAt = state.firstAnsweredAt;
    if (!tl.step('approve_answer', reviewAt, actors.review, { status: 'answered', answeredAt: new Date(tl.when(reviewAt)), firstAnsweredAt: firstAnsweredAt ?? new Date(tl.when(reviewAt)) })) {
      return { state, events: tl.events, answers };
    }
    Object.assign(draft, { state: 'approved', reviewerId: actors.review, reviewedAt: new Date(tl.last) });
    break;
  }

  // The applicant's rating: 4–5 closes the case, 1–3 reopens it for the МЦУ.
  const late = inp.answerDue !== null && tl.last > state.answerDue!.getTime();
  if (rng.chance(RATED_SHARE[inp.channel] ?? 0.3)) {
    const rating = rng.weighted([1, 2, 3, 4, 5], ratingWeights(profile, formal, late));
    const low = isLowRating(rating);
    const ratedAt = tl.when(tl.last + Math.exp(rng.float(Math.log(2), Math.log(120))) * HOUR);
    const comment = rng.chance(0.4) ? rng.pick(low ? LOW_COMMENTS : HIGH_COMMENTS) : null;
    const via = inp.channel === 'phone' ? 'staff' : 'link';
    const changes: Partial<CaseState> = low
      ? { status: 'reopened', rating, ratedAt: new Date(ratedAt), ratingComment: comment, closedAt: null, reopenCount: state.reopenCount + 1 }
      : { status: 'closed', rating, ratedAt: new Date(ratedAt), ratingComment: comment, closedAt: new Date(ratedAt) };
    if (!tl.step('rate', ratedAt, via === 'staff' ? actors.register : null, changes, { rating, via })) return { state, events: tl.events, answers };
    if (!low) return { state, events: tl.events, answers };
    reviewReopened(inp, tl, answers, worker);
    return { state, events: tl.events, answers };
  }
  // Not rated: the МЦУ closes the answered case when the rating period is over.
  if (rng.chance(0.85)) {
    const at = tl.when(tl.last + rng.float(10, 15) * DAY);
    tl.step('close', at, null, { status: 'closed', closedAt: new Date(at) });
  }
  return { state, events: tl.events, answers };
}

/** A reopened case: the МЦУ either sends it back to the recipient for a new answer or confirms and closes it. */
function reviewReopened(inp: LifecycleInput, tl: Timeline, answers: AnswerRow[], worker: string | null) {
  const { rng, actors, routing } = inp;
  const office = (at: number) => inp.office(rng, at);
  const decideAt = office(tl.last + rng.float(2, 12) * DAY);
  if (!rng.chance(0.45)) {
    const at = tl.when(decideAt);
    tl.step('close', at, actors.head, { status: 'closed', closedAt: new Date(at) });
    return;
  }
  if (!tl.step('assign', decideAt, actors.review, { status: 'assigned', recipientId: routing.recipient.id, executorId: inp.executorId }, { recipientName: routing.recipient.name, comment: 'Повторная проверка после низкой оценки' })) return;
  if (!tl.step('accept', office(tl.last + rng.float(1, 24) * HOUR), worker, { status: 'in_work' })) return;
  const draft = finalAnswer(rng, inp.subtopicCode, false, tl.when(office(tl.last + rng.float(1, 7) * DAY)), worker);
  if (!tl.step('submit_answer', draft.createdAt.getTime(), worker, { status: 'under_review' }, { answer: draft.text.slice(0, 200) })) return;
  answers.push(draft);
  const approveAt = tl.when(office(tl.last + rng.float(1, 24) * HOUR));
  if (!tl.step('approve_answer', approveAt, actors.review, { status: 'answered', answeredAt: new Date(approveAt) })) return;
  Object.assign(draft, { state: 'approved', reviewerId: actors.review, reviewedAt: new Date(approveAt) });
  const closeAt = tl.when(tl.last + rng.float(5, 12) * DAY);
  tl.step('close', closeAt, null, { status: 'closed', closedAt: new Date(closeAt) });
}
