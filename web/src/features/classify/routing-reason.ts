import type { CaseCard } from '../cases/case-types';

const MANUAL = 'назначен вручную';
const AT_REGISTRATION = 'назначен при регистрации';

/**
 * The current routing's reason in plain words: «правило: ЖКХ × Каменское», «модель, 0,93»,
 * «вручную: Иванова И. И.» (who assigned it is taken from the card's history).
 */
export function routingReasonText(card: Pick<CaseCard, 'routingReason' | 'timeline'>, words: { manual: (name: string | null) => string; registration: (name: string | null) => string }): string | null {
  const reason = card.routingReason;
  if (!reason) return null;
  const model = /^модель, (\d)\.(\d+)$/.exec(reason);
  if (model) return `модель, ${model[1]},${model[2]}`;
  if (reason === MANUAL || reason === AT_REGISTRATION) {
    // The timeline is newest first: the latest manual assignment, or the registration.
    const event = card.timeline.find((e) => (reason === MANUAL ? e.after?.routingReason === MANUAL : e.action === 'register'));
    return reason === MANUAL ? words.manual(event?.actor ?? null) : words.registration(event?.actor ?? null);
  }
  return reason;
}

/** 0.934 → «0,93». */
export const confidence = (p: number) => p.toFixed(2).replace('.', ',');
