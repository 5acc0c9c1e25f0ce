// 59-ФЗ ст. 12 ч. 2: in exceptional cases the term is extended once by up to 30 days.
import { addDaysIso, localParts, zonedTimeToUtc } from '../time/zoned';

export interface ExtendDueOptions {
  /** Upper bound of one extension in calendar days; 30 under 59-ФЗ. */
  maxDays?: number;
  /**
   * Zone to add days in local civil time (keeps the local wall time across DST changes).
   * Without it days are added as 24-hour steps, exact for zones without DST such as Europe/Saratov.
   */
  timeZone?: string;
}

export class DueExtensionError extends Error {
  readonly code = 'DUE_EXTENSION_INVALID';
  constructor(readonly days: number, readonly maxDays: number) {
    super(`Срок можно продлить на целое число календарных дней от 1 до ${maxDays}; указано: ${days}`);
    this.name = 'DueExtensionError';
  }
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** New due instant `days` calendar days after `currentDue`. Whether the case was already extended
 * (59-ФЗ allows it once) is the caller's check. */
export function extendDue(currentDue: Date, days: number, options: ExtendDueOptions = {}): Date {
  const maxDays = options.maxDays ?? 30;
  if (!Number.isInteger(days) || days < 1 || days > maxDays) throw new DueExtensionError(days, maxDays);
  if (!options.timeZone) return new Date(currentDue.getTime() + days * DAY_MS);
  const p = localParts(currentDue, options.timeZone);
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.millisecond, 3)}`;
  return zonedTimeToUtc(addDaysIso(p.date, days), time, options.timeZone);
}
