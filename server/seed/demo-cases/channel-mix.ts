import type { Rng } from '../../modules/cases/demo/prng';
import { WeightedTable } from './volume-model';

/**
 * Where cases come from: ПОС about 45 %, «Инцидент Менеджмент» about 25 %, the rest letters,
 * reception, phone, e-mail and the МЦУ's web form. Letters and reception happen on working days.
 */
export const CHANNEL_SHARES: Readonly<Record<string, number>> = {
  pos: 45, incident: 25, letter: 7, phone: 7, reception: 4, email: 6, web: 6,
};
const OFFICE_CHANNELS = new Set(['letter', 'reception', 'phone']);

/** Since 30.03.2025 (547-ФЗ) a plain e-mail is no longer a 59-ФЗ channel. */
const EMAIL_FZ59_UNTIL = Date.parse('2025-03-30T00:00:00+04:00');

/** Local hour profiles (0 … 23) by channel. */
const ONLINE_HOURS = [0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.5, 1.2, 2.2, 3.0, 3.2, 3.0, 2.6, 2.8, 2.9, 2.7, 2.5, 2.4, 2.6, 2.9, 3.0, 2.6, 1.8, 0.9];
const SOCIAL_HOURS = [0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 1.8, 2.2, 2.3, 2.2, 2.3, 2.3, 2.2, 2.2, 2.3, 2.6, 3.0, 3.3, 3.5, 3.4, 2.8, 1.6];
const OFFICE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 3, 1, 2.5, 2.5, 2.5, 2, 1, 0, 0, 0, 0, 0, 0];
const RECEPTION_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0];
const HOURS_INDEX = Array.from({ length: 24 }, (_, h) => h);

export class ChannelChooser {
  private readonly working: WeightedTable<string>;
  private readonly dayOff: WeightedTable<string>;
  private readonly hours: Record<string, WeightedTable<number>>;

  constructor(available: ReadonlySet<string>) {
    const codes = Object.keys(CHANNEL_SHARES).filter((c) => available.has(c));
    if (codes.length === 0) throw new Error('Демо-обращения: у муниципалитета нет ни одного из каналов ПОС, ИМ, письмо, приём, телефон, почта, сайт');
    this.working = new WeightedTable(codes, codes.map((c) => CHANNEL_SHARES[c]));
    const off = codes.map((c) => (OFFICE_CHANNELS.has(c) ? 0 : CHANNEL_SHARES[c]));
    this.dayOff = off.some((w) => w > 0) ? new WeightedTable(codes, off) : this.working;
    this.hours = {
      online: new WeightedTable(HOURS_INDEX, ONLINE_HOURS),
      social: new WeightedTable(HOURS_INDEX, SOCIAL_HOURS),
      office: new WeightedTable(HOURS_INDEX, OFFICE_HOURS),
      reception: new WeightedTable(HOURS_INDEX, RECEPTION_HOURS),
    };
  }

  pick(rng: Rng, workingDay: boolean): string {
    return (workingDay ? this.working : this.dayOff).pick(rng);
  }

  /** A local time of day (ms from local midnight) typical of the channel. */
  timeOfDay(rng: Rng, channel: string, workingDay: boolean): number {
    const profile = channel === 'incident' ? 'social' : channel === 'reception' ? 'reception' : OFFICE_CHANNELS.has(channel) && workingDay ? 'office' : 'online';
    const hour = this.hours[profile].pick(rng);
    return hour * 3_600_000 + Math.floor(rng.next() * 3_600_000);
  }
}

/** 59-ФЗ for letters and reception, for a part of e-mails (before 547-ФЗ) and of the web form. */
export function regimeOf(rng: Rng, channel: string, receivedAt: number): 'FZ59' | 'MESSAGE' {
  if (channel === 'letter' || channel === 'reception') return 'FZ59';
  if (channel === 'email') return receivedAt < EMAIL_FZ59_UNTIL && rng.chance(0.5) ? 'FZ59' : 'MESSAGE';
  if (channel === 'web') return rng.chance(0.3) ? 'FZ59' : 'MESSAGE';
  return 'MESSAGE';
}

/** How long after receipt the case is registered (ms): letters take a day or two, online minutes. */
export function registrationDelay(rng: Rng, channel: string): number {
  const min = 60_000;
  switch (channel) {
    case 'reception':
    case 'phone':
      return rng.int(2, 15) * min;
    case 'letter':
      return rng.weighted([rng.int(20, 240), rng.int(18 * 60, 30 * 60), rng.int(40 * 60, 60 * 60)], [5, 4, 1]) * min;
    case 'incident':
      return Math.round(Math.exp(rng.float(Math.log(5), Math.log(240)))) * min;
    default:
      return Math.round(Math.exp(rng.float(Math.log(10), Math.log(20 * 60)))) * min;
  }
}

/** The external id of a ПОС or ИМ item (unique with the case number). */
export function sourceIdOf(channel: string, year: number, seq: number): string | null {
  if (channel === 'pos') return String(year * 10_000_000 + seq + 300_000_000_000);
  if (channel === 'incident') return `im-${year}-${String(seq).padStart(7, '0')}`;
  return null;
}
