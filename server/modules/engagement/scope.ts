import type { Actor } from '../../http/actor';
import { AppError } from '../../errors';

/** Official pages, conflicts and notices belong to a municipality (МЦУ), not to the ЦУР. */
export function requireMunicipality(actor: Actor): void {
  if (actor.tenantKind !== 'municipality') throw new AppError('forbidden', 'Этот раздел ведёт МЦУ муниципалитета: для ЦУР доступны задания и рекомендации');
}

export function requireRegion(actor: Actor): void {
  if (actor.tenantKind !== 'region') throw new AppError('forbidden', 'Задания и рекомендации муниципалитетам даёт ЦУР');
}

/** Days between two calendar dates «ГГГГ-ММ-ДД» (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
