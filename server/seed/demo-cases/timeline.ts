/**
 * The state of a generated case as its history unfolds, and the audit rows of that history. A
 * step at or before `now` changes the state and, with history on, records the audit row with
 * only the changed fields in `before`/`after` (the shape applyTransition writes). A step after
 * `now` stops the history: the case stays in the status it has reached.
 */
export interface CaseState {
  status: string;
  recipientId: string | null;
  executorId: string | null;
  routingReason: string | null;
  autoRouted: boolean;
  answerDue: Date | null;
  answerAtRiskFrom: Date | null;
  extensionDays: number | null;
  extensionReason: string | null;
  firstAnsweredAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  ratedAt: Date | null;
  ratingComment: string | null;
  returnsCount: number;
  reopenCount: number;
  duplicateOfId: string | null;
  forwardedTo: string | null;
  statusReason: string | null;
  updatedAt: Date;
  version: number;
}

export interface AuditRow {
  action: string;
  at: Date;
  actorUserId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

const MIN_GAP = 60_000;

export class Timeline {
  readonly events: AuditRow[] = [];
  stopped = false;
  /** The time of the last step taken. */
  last: number;

  constructor(
    readonly state: CaseState,
    private readonly now: number,
    private readonly history: boolean,
    start: number,
  ) {
    this.last = start - MIN_GAP;
  }

  /** The instant a step planned at `at` really happens: never before the previous step. */
  when(at: number): number {
    return Math.max(Math.round(at), this.last + MIN_GAP);
  }

  /**
   * Takes the step if its time has come. `changes` are case fields; `details` go into the audit
   * row only (reason, criteria, rating source…). Returns false once the history has stopped.
   */
  step(action: string, at: number, actorUserId: string | null, changes: Partial<CaseState>, details?: Record<string, unknown>): boolean {
    const t = this.when(at);
    if (this.stopped || t > this.now) {
      this.stopped = true;
      return false;
    }
    if (this.history) {
      const state = this.state as unknown as Record<string, unknown>;
      const before: Record<string, unknown> = {};
      for (const k of Object.keys(changes)) before[k] = state[k];
      this.events.push({ action, at: new Date(t), actorUserId, before: action === 'register' ? null : before, after: { ...changes, ...details } });
    }
    Object.assign(this.state, changes);
    this.state.updatedAt = new Date(t);
    this.state.version += 1;
    this.last = t;
    return true;
  }
}

export function initialState(registeredAt: number, answerDue: Date | null, answerAtRiskFrom: Date | null): CaseState {
  return {
    status: 'received',
    recipientId: null,
    executorId: null,
    routingReason: null,
    autoRouted: false,
    answerDue,
    answerAtRiskFrom,
    extensionDays: null,
    extensionReason: null,
    firstAnsweredAt: null,
    answeredAt: null,
    closedAt: null,
    rating: null,
    ratedAt: null,
    ratingComment: null,
    returnsCount: 0,
    reopenCount: 0,
    duplicateOfId: null,
    forwardedTo: null,
    statusReason: null,
    updatedAt: new Date(registeredAt),
    version: 0,
  };
}
