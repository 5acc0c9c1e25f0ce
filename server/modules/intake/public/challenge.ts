import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Tx } from '../../../db/tx';
import { challengeUses, intakeSecrets } from '../../../db/schema';
import { AppError } from '../../../errors';

/** Time to answer the question of the public form. */
export const CHALLENGE_TTL_MS = 20 * 60_000;
const secrets = new WeakMap<object, Buffer>();

/** The HMAC key: made once per installation and kept in the database, so every app process shares it. */
async function secret(db: Db): Promise<Buffer> {
  const cached = secrets.get(db);
  if (cached) return cached;
  await db.insert(intakeSecrets).values({ name: 'challenge', value: randomBytes(32).toString('base64') }).onConflictDoNothing();
  const [row] = await db.select().from(intakeSecrets).where(eq(intakeSecrets.name, 'challenge'));
  const key = Buffer.from(row.value, 'base64');
  secrets.set(db, key);
  return key;
}

const sign = (key: Buffer, payload: string, answer: string) => createHmac('sha256', key).update(`${payload}.${answer}`).digest('base64url');

/**
 * A simple arithmetic question instead of an external captcha. The answer is not stored anywhere:
 * the token carries a nonce and the expiry, signed together with the right answer.
 */
export async function issueChallenge(db: Db, now: Date) {
  const a = randomInt(2, 10);
  const b = randomInt(2, 10);
  const op = randomInt(0, 3);
  const [question, answer] = op === 0 ? [`${a} + ${b}`, a + b] : op === 1 ? [`${a + b} − ${b}`, a] : [`${a} × ${b}`, a * b];
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  const payload = Buffer.from(JSON.stringify({ n: randomBytes(12).toString('base64url'), e: expiresAt.getTime() })).toString('base64url');
  return { token: `${payload}.${sign(await secret(db), payload, String(answer))}`, question: `Сколько будет ${question}?`, expiresAt };
}

const wrong = (message: string) => new AppError('validation', message, { challengeAnswer: message });

/** Checks the answer and spends the challenge in the caller's transaction (a solved one works once). */
export async function spendChallenge(db: Db, tx: Tx, token: string, answer: string, now: Date): Promise<void> {
  const [payload, sig] = token.split('.');
  let data: { n?: unknown; e?: unknown };
  try {
    data = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  } catch {
    throw wrong('Проверочный вопрос: получите новый вопрос');
  }
  if (typeof data.n !== 'string' || typeof data.e !== 'number' || !sig) throw wrong('Проверочный вопрос: получите новый вопрос');
  if (now.getTime() > data.e) throw wrong('Время ответа на проверочный вопрос истекло: получите новый вопрос');
  const given = answer.trim().replace(/^\+/, '');
  const expected = Buffer.from(sign(await secret(db), payload, /^-?\d{1,4}$/.test(given) ? String(Number(given)) : given));
  const actual = Buffer.from(sig);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw wrong('Неверный ответ на проверочный вопрос');
  await tx.delete(challengeUses).where(lt(challengeUses.expiresAt, now));
  const used = await tx.insert(challengeUses).values({ nonce: data.n, expiresAt: new Date(data.e) }).onConflictDoNothing().returning({ id: challengeUses.id });
  if (!used.length) throw wrong('Этот проверочный вопрос уже использован: получите новый вопрос');
}
