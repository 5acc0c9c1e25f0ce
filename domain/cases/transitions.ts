import type { Permission } from '../auth/permissions';
import type { CaseStatus } from './status';

/**
 * Every lifecycle action: from which statuses, to which status, and the permission it needs.
 * `scoped` actions are limited to the recipient the case is assigned to (an executor or the
 * recipient's head may act only on their own unit's cases). `to: null` keeps the status.
 */
export interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus | null;
  permission: Permission;
  scoped?: boolean;
  /** The action needs a reason or comment in Russian. */
  needsReason?: boolean;
}

export const TRANSITIONS = {
  register: { from: ['received'], to: 'registered', permission: 'cases.register' },
  assign: { from: ['registered', 'assigned', 'reopened', 'returned', 'in_work'], to: 'assigned', permission: 'cases.route' },
  decline: { from: ['assigned'], to: 'registered', permission: 'cases.work', scoped: true, needsReason: true },
  forward: { from: ['received', 'registered', 'assigned'], to: 'forwarded', permission: 'cases.route', needsReason: true },
  reject: { from: ['received', 'registered'], to: 'rejected', permission: 'cases.route', needsReason: true },
  merge: { from: ['received', 'registered', 'assigned'], to: 'merged', permission: 'cases.route' },
  accept: { from: ['assigned'], to: 'in_work', permission: 'cases.work', scoped: true },
  give_interim: { from: ['in_work', 'interim_answered', 'returned'], to: 'interim_answered', permission: 'cases.work', scoped: true },
  prepare_answer: { from: ['in_work', 'interim_answered', 'returned'], to: 'answer_prepared', permission: 'cases.work', scoped: true },
  submit_answer: { from: ['in_work', 'interim_answered', 'answer_prepared', 'returned'], to: 'under_review', permission: 'cases.work', scoped: true },
  return_to_executor: { from: ['answer_prepared'], to: 'in_work', permission: 'cases.work', scoped: true, needsReason: true },
  approve_answer: { from: ['under_review'], to: 'answered', permission: 'cases.review' },
  return_for_rework: { from: ['under_review'], to: 'returned', permission: 'cases.review', needsReason: true },
  rate: { from: ['answered', 'closed'], to: null, permission: 'cases.review' },
  reopen: { from: ['answered', 'closed'], to: 'reopened', permission: 'cases.review', needsReason: true },
  close: { from: ['answered', 'reopened'], to: 'closed', permission: 'cases.close' },
} as const satisfies Record<string, Transition>;

export type CaseAction = keyof typeof TRANSITIONS;
export const CASE_ACTIONS = Object.keys(TRANSITIONS) as CaseAction[];

export interface ActorForCase {
  permissions: ReadonlySet<Permission>;
  /** Empty: not limited to recipients. */
  recipientIds: readonly string[];
}

export interface CaseForAction {
  status: CaseStatus;
  recipientId: string | null;
}

export type Refusal = { ok: false; reason: 'status' | 'permission' | 'scope'; message: string };

/** Can this actor take this action on this case now? A Russian reason when not. */
export function checkTransition(action: CaseAction, c: CaseForAction, actor: ActorForCase): { ok: true; to: CaseStatus | null } | Refusal {
  const t: Transition = TRANSITIONS[action];
  if (!t.from.includes(c.status)) return { ok: false, reason: 'status', message: `Действие недоступно в текущем статусе обращения` };
  if (!actor.permissions.has(t.permission)) return { ok: false, reason: 'permission', message: 'Недостаточно прав для этого действия' };
  if (t.scoped && actor.recipientIds.length > 0 && (!c.recipientId || !actor.recipientIds.includes(c.recipientId))) {
    return { ok: false, reason: 'scope', message: 'Обращение направлено другому получателю' };
  }
  return { ok: true, to: t.to };
}

/** The actions this actor may take on the case now (for the card's buttons). */
export function availableActions(c: CaseForAction, actor: ActorForCase): CaseAction[] {
  return CASE_ACTIONS.filter((a) => checkTransition(a, c, actor).ok);
}
