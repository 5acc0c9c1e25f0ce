import { describe, expect, it } from 'vitest';
import { availableActions, checkTransition, TRANSITIONS, type CaseAction } from './transitions';
import { CASE_STATUSES } from './status';
import { BUILT_IN_ROLES } from '../auth/roles';
import type { Permission } from '../auth/permissions';

const role = (code: string, recipientIds: string[] = []) => ({
  permissions: new Set<Permission>(BUILT_IN_ROLES.find((r) => r.code === code)!.permissions),
  recipientIds,
});

describe('case lifecycle', () => {
  it('every transition starts from and leads to known statuses', () => {
    for (const t of Object.values(TRANSITIONS)) {
      for (const s of t.from) expect(CASE_STATUSES).toContain(s);
      if (t.to) expect(CASE_STATUSES).toContain(t.to);
    }
  });

  it('no open status is a dead end: from each one some role can move the case on', () => {
    const everyone = { permissions: new Set<Permission>(BUILT_IN_ROLES.flatMap((r) => r.permissions)), recipientIds: [] };
    for (const s of ['received', 'registered', 'assigned', 'in_work', 'interim_answered', 'answer_prepared', 'under_review', 'returned', 'reopened', 'answered'] as const) {
      expect(availableActions({ status: s, recipientId: 'r1' }, everyone).length, s).toBeGreaterThan(0);
    }
  });

  it.each<[string, CaseAction, string, boolean]>([
    ['operator', 'register', 'received', true],
    ['operator', 'approve_answer', 'under_review', false],
    ['head', 'approve_answer', 'under_review', true],
    ['head', 'approve_answer', 'in_work', false],
    ['executor', 'accept', 'assigned', true],
    ['executor', 'assign', 'registered', false],
    ['region_observer', 'register', 'received', false],
    ['pos_coordinator', 'return_for_rework', 'under_review', true],
    ['curator', 'close', 'answered', false],
  ])('%s may %s a case in %s: %s', (roleCode, action, status, allowed) => {
    const r = checkTransition(action, { status: status as never, recipientId: 'r1' }, role(roleCode));
    expect(r.ok).toBe(allowed);
  });

  it('limits an executor to the cases of their own recipient', () => {
    expect(checkTransition('accept', { status: 'assigned', recipientId: 'mine' }, role('executor', ['mine'])).ok).toBe(true);
    const other = checkTransition('accept', { status: 'assigned', recipientId: 'other' }, role('executor', ['mine']));
    expect(other).toMatchObject({ ok: false, reason: 'scope', message: 'Обращение направлено другому получателю' });
  });

  it('explains a refusal by status in Russian', () => {
    expect(checkTransition('approve_answer', { status: 'registered', recipientId: null }, role('head'))).toMatchObject({ ok: false, reason: 'status', message: expect.stringMatching(/недоступно/) });
  });
});
