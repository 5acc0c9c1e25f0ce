import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'mcu_sid';

/** A random token for the cookie; the database keeps only its SHA-256. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
