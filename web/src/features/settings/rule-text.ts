import i18n from '../../i18n';
import { formatNumber, pluralForm } from '../../lib/format';
import type { DeadlineKind, DeadlineRuleRow, DeadlineUnit } from './settings.api';
import { DEADLINE_KINDS } from './schemas';

/** «30 календарных дней», «1 рабочий день», «9 рабочих часов», «1,5 рабочего часа». */
export function amountText(amount: number, unit: DeadlineUnit): string {
  const forms = i18n.t(`deadlineRules.unitForms.${unit}`, { returnObjects: true });
  return `${formatNumber(amount, 2)} ${pluralForm(amount, forms)}`;
}

/** «под угрозой за 2 рабочих дня», or «без отметки «под угрозой»» for 0. */
export function atRiskText(r: Pick<DeadlineRuleRow, 'atRiskAmount' | 'atRiskUnit'>): string {
  return r.atRiskAmount > 0 ? i18n.t('deadlineRules.atRisk', { amount: amountText(r.atRiskAmount, r.atRiskUnit) }) : i18n.t('deadlineRules.noAtRisk');
}

export const kindLabel = (kind: DeadlineKind): string => i18n.t(`deadlineRules.kind.${kind}`);

/**
 * How specific a rule is, in the order the server picks them (pickRule): the regime's general
 * rule 0, a channel 1, a topic 2, a topic and a channel 3.
 */
export const specificity = (r: Pick<DeadlineRuleRow, 'channel' | 'topicId'>): number => (r.topicId ? 2 : 0) + (r.channel ? 1 : 0);

const REGIME_ORDER = ['FZ59', 'MESSAGE'];

/** The natural order of the list: regime, the kind in the life of a case, then general before specific. */
export function compareRules(a: DeadlineRuleRow, b: DeadlineRuleRow, name: (r: DeadlineRuleRow) => string): number {
  return (
    REGIME_ORDER.indexOf(a.regime) - REGIME_ORDER.indexOf(b.regime) ||
    DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) ||
    specificity(a) - specificity(b) ||
    name(a).localeCompare(name(b), 'ru')
  );
}
