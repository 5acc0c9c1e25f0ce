import type { Permission } from '../../domain/auth/permissions';

/** Who is acting: the user behind the session, in one tenant, with the union of their roles. */
export interface Actor {
  userId: string | null;
  tenantId: string;
  tenantKind: 'region' | 'municipality';
  requestId: string;
  permissions: ReadonlySet<Permission>;
  roleCodes: string[];
  /** Recipients the user's scoped roles are limited to (empty: not limited). */
  recipientIds: string[];
  /** Topic blocks the user's scoped roles are limited to (empty: not limited). */
  blockIds: string[];
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** The system itself (demo seeding, jobs). */
export function systemActor(tenantId: string, tenantKind: Actor['tenantKind'] = 'municipality'): Actor {
  return { userId: null, tenantId, tenantKind, requestId: 'system', permissions: new Set(), roleCodes: [], recipientIds: [], blockIds: [] };
}

/**
 * The applicant acting through their secret link: no user account, allowed only what the link
 * grants (rating the answer, which the transition table guards with `cases.review`).
 */
export function applicantActor(tenantId: string, requestId: string): Actor {
  return { ...systemActor(tenantId), requestId, permissions: new Set(['cases.review']) };
}
