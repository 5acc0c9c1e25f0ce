import { generateAnswerText } from '../../modules/cases/demo/generate-text';
import type { Rng } from '../../modules/cases/demo/prng';
import type { ReworkCriterion } from '../../../domain/cases/review';

/** One row of case_answers as the generator builds it. */
export interface AnswerRow {
  kind: 'interim' | 'final';
  text: string;
  completionDate: string | null;
  authorId: string | null;
  state: 'submitted' | 'approved' | 'returned' | 'sent';
  reviewCriteria: ReworkCriterion[] | null;
  reviewComment: string | null;
  reviewerId: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

const DAY = 86_400_000;

/** A final answer: substantive (a measure and a date or period) or a formal reply. */
export function finalAnswer(rng: Rng, subtopicCode: string, formal: boolean, at: number, authorId: string | null): AnswerRow {
  const dated = !formal && rng.chance(0.6);
  const completionDate = dated ? new Date(at + rng.int(3, 40) * DAY).toISOString().slice(0, 10) : null;
  const text = generateAnswerText(rng, subtopicCode, { formal, dueDate: completionDate ?? undefined });
  return { kind: 'final', text, completionDate, authorId, state: 'submitted', reviewCriteria: null, reviewComment: null, reviewerId: null, reviewedAt: null, createdAt: new Date(at) };
}

const INTERIM_TEXTS = [
  'Ваше обращение принято в работу. Специалист выехал на место для обследования, о результатах сообщим дополнительно.',
  'Обращение получено и направлено ответственному исполнителю. Проводится проверка изложенных фактов.',
  'Информация принята. Для решения вопроса запрошены сведения у обслуживающей организации, ответ будет дан после их получения.',
  'Благодарим за сообщение. Вопрос взят на контроль, работы запланированы, о сроках сообщим дополнительно.',
  'Ваше сообщение зарегистрировано и передано в работу. Промежуточный ответ: проводится обследование, окончательный ответ будет направлен в установленный срок.',
];

export function interimAnswer(rng: Rng, at: number, authorId: string | null): AnswerRow {
  return { kind: 'interim', text: rng.pick(INTERIM_TEXTS), completionDate: null, authorId, state: 'sent', reviewCriteria: null, reviewComment: null, reviewerId: null, reviewedAt: null, createdAt: new Date(at) };
}

const REWORK_COMMENTS: Readonly<Record<ReworkCriterion, readonly string[]>> = {
  formal: ['Ответ формальный: не сказано, что сделано по существу обращения', 'Отписка: заявитель не получил ответа на свой вопрос'],
  no_date: ['Не указан срок выполнения работ', 'Укажите конкретную дату устранения'],
  no_evidence: ['Нет подтверждения выполнения: приложите фото или акт', 'Приложите фотографию после выполнения работ'],
  law_unexplained: ['Ссылка на нормативный акт без разъяснения, что это значит для заявителя'],
  contradiction: ['Ответ противоречит сам себе: сначала «выполнено», затем «запланировано»'],
  other: ['Ответ не относится к существу обращения, уточните адрес'],
};

/** Why the МЦУ sent the answer back (criteria of domain.md) and the comment for the executor. */
export function reworkReason(rng: Rng, formal: boolean): { criteria: ReworkCriterion[]; comment: string } {
  const main: ReworkCriterion = formal ? 'formal' : rng.weighted<ReworkCriterion>(['no_date', 'no_evidence', 'law_unexplained', 'contradiction', 'other'], [4, 4, 1, 1, 1]);
  const criteria: ReworkCriterion[] = [main];
  if (formal && rng.chance(0.4)) criteria.push('no_date');
  return { criteria, comment: rng.pick(REWORK_COMMENTS[main]) };
}

/** Why a case was rejected or forwarded, and where. */
export const REJECT_REASONS = ['Нет сути обращения', 'Нецензурные выражения, обращение оставлено без ответа', 'Спам, реклама', 'Повторное обращение без новых доводов'];
export const FORWARD_TARGETS: readonly [string, string][] = [
  ['Государственная жилищная инспекция Саратовской области', 'Вопрос деятельности управляющей компании — компетенция ГЖИ'],
  ['ОМВД России по Красноармейскому району', 'Вопрос охраны общественного порядка — компетенция полиции'],
  ['Прокуратура Красноармейского района', 'Обжалование действий должностных лиц'],
  ['Отделение Социального фонда России по Саратовской области', 'Вопрос пенсионного обеспечения — компетенция СФР'],
  ['Управление Роспотребнадзора по Саратовской области', 'Вопрос защиты прав потребителей'],
];
