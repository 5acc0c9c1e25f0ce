import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

/** A live session: not past its absolute expiry and used within the idle window. */
export async function findLiveSession(db: Db, id: string, now: Date, policy: SessionPolicy) {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince)));
  return row ?? null;
}

export async function touchSession(db: Db, id: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db, now: Date, policy: SessionPolicy) {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)));
}
