import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { systemActor } from '../../http/actor';
import { hashPassword, verifyPassword } from './password';
import { insertSession, type SessionPolicy } from './sessions.repo';
import { newToken, tokenId } from './session-token';

export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const;
const GENERIC = 'Неверный логин или пароль';
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword('not-a-real-password'));

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
  tenantId: string;
}

/**
 * Checks the password (argon2id), counts failures and locks the account for a while after too
 * many, and opens a new session (a new id on every login: no session fixation).
 */
export async function login(
  db: Db,
  input: { login: string; password: string; ip?: string; userAgent?: string; requestId: string },
  now: Date,
  policy: SessionPolicy,
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.login, input.login.toLowerCase()));
  if (!user || !user.isActive) {
    await verifyPassword(await dummyHash(), input.password); // same time as a wrong password
    throw new AppError('unauthenticated', GENERIC);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('locked', 'Слишком много неудачных попыток входа. Повторите позже.');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= LOCKOUT.maxFailures ? new Date(now.getTime() + LOCKOUT.minutes * 60_000) : null;
    await db.update(users).set({ failedLogins: lock ? 0 : failures, lockedUntil: lock }).where(eq(users.id, user.id));
    throw new AppError('unauthenticated', GENERIC);
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await insertSession(tx, {
      id: tokenId(token),
      userId: user.id,
      tenantId: user.tenantId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, { ...systemActor(user.tenantId), userId: user.id, requestId: input.requestId }, { action: 'login', entity: 'user', entityId: user.id });
  });
  return { token, csrfToken, userId: user.id, tenantId: user.tenantId };
}
