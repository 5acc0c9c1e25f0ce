// Demo text templates: what residents write and what officials answer.
// All texts here were written for the demo by the project team (no real messages were copied).
//
// A template is a string with slots in braces. Slots every message template may use
// (filled by generate-text.ts from the place and the PRNG):
//   {locality}  name only: «Золотое»            {loc}      with type: «с. Золотое»
//   {inLoc}     «в с. Золотое» / «в Золотом» / «в селе Золотое» / «в г. Красноармейске»
//   {ourLoc}    «нашего села» / «нашего города»  {ourLocIn} «у нас в селе»
//   {street}    «ул. Садовая»                    {onStreet} «на ул. Садовая» / «на Садовой»
//   {poStreet}  «по ул. Садовая» / «по Садовой»  {house}    «12», «5а»
//   {addr}      «ул. Садовая, д. 5» / «Садовая 5»
//   {days}      «3 дня», «неделю», «две недели»  {since}    «с понедельника», «с начала месяца»
//   {ago}       «месяц назад», «ещё весной»
//   {times}     «несколько раз», «раз пять»      {hours}    «5 часов»
//   {relative}  «мама», «бабушка», «соседка»     {relativeTo} «маме», «бабушке»
//   {localityTag} «Красноармейск» (for a hashtag)
// Sub-topic templates may declare their own slots in `vars` (e.g. {object}).
// Answer templates use {term} (a completion date or period) and the sub-topic `vars`.
// A message that uses a street slot gets an address; one that does not has address = null.

import type { TemplateGroup } from './templates/types';
import { educationTemplates } from './templates/education';
import { healthTemplates } from './templates/health';
import { socialTemplates } from './templates/social';
import { transportTemplates } from './templates/transport';
import { roadsTemplates } from './templates/roads';
import { energyTemplates } from './templates/energy';
import { housingTemplates } from './templates/housing';
import { wasteTemplates } from './templates/waste';
import { improvementTemplates } from './templates/improvement';
import { safetyTemplates, cultureTemplates } from './templates/safety-culture';
import { otherTemplates } from './templates/other';

export type { SubtopicTemplates, TemplateGroup } from './templates/types';

/** Templates per sub-topic code (`<topic>.<sub>`), as in data/rubricator/topics.json. */
export const SUBTOPIC_TEMPLATES: TemplateGroup = {
  ...educationTemplates,
  ...healthTemplates,
  ...socialTemplates,
  ...transportTemplates,
  ...roadsTemplates,
  ...energyTemplates,
  ...housingTemplates,
  ...wasteTemplates,
  ...improvementTemplates,
  ...safetyTemplates,
  ...cultureTemplates,
  ...otherTemplates,
};

// ---------------------------------------------------------------------------------------------
// Shared fragments: the same words appear under every topic, so the corpus is not trivially
// separable by a bag-of-words classifier.

export const OPENINGS_POLITE: readonly string[] = [
  'Здравствуйте!',
  'Добрый день!',
  'Добрый день, уважаемая администрация!',
  'Уважаемый глава района!',
  'Уважаемая администрация!',
  'Здравствуйте, уважаемые сотрудники администрации.',
  'Обращаюсь к вам от имени жителей {ourLoc}.',
  'Прошу рассмотреть моё обращение.',
  'Здравствуйте, пишу вам как житель {loc}.',
];

export const OPENINGS_CASUAL: readonly string[] = [
  'Здравствуйте.',
  'Добрый вечер.',
  'Помогите пожалуйста!',
  'Администрация, ау!',
  'Снова пишу вам.',
  'Обращаемся не первый раз.',
  'Опять двадцать пять.',
  'Люди, подскажите куда писать.',
  'Доброе утро.',
];

export const ADDONS_NEUTRAL: readonly string[] = [
  'Обращаемся не первый раз.',
  'Уже {days} ничего не делается.',
  'Звонили в администрацию {times}, обещают и ничего.',
  'На звонки никто не отвечает.',
  'Обещали сделать {ago}.',
  'Здесь каждый день ходят дети и пожилые люди.',
  'В прошлом году уже писали, получили отписку.',
  'Фото прилагаю.',
  'Прошлой зимой было то же самое.',
  'Это продолжается {since}.',
  'Пенсионерам очень тяжело.',
  'Звонили в ЕДДС, сказали обращаться в администрацию.',
  'Куда только не обращались.',
  'Ситуация повторяется каждый год.',
  'Соседи подтвердят.',
  'Просьба не перенаправлять обращение, а решить вопрос.',
];

export const ADDONS_ANGRY: readonly string[] = [
  'Обращаемся не первый раз, а толку ноль!',
  'Никому ничего не надо!',
  'Платим исправно, а толку нет.',
  'Живём как в прошлом веке.',
  'Сколько можно ждать?',
  'Уже {days} одни обещания!',
  'Отписки ваши уже надоели.',
  'Вы вообще у нас бываете?',
  'Стыдно должно быть!',
];

export const CLOSINGS_POLITE: readonly string[] = [
  'Прошу принять меры и дать письменный ответ.',
  'Просим разобраться в ситуации.',
  'Заранее благодарю.',
  'Надеемся на вашу помощь.',
  'Прошу сообщить, в какие сроки будет решён вопрос.',
  'С уважением, жители {loc}.',
  'Спасибо.',
  'Прошу ответить по существу.',
];

export const CLOSINGS_ANGRY: readonly string[] = [
  'Примите меры!',
  'Сколько это будет продолжаться?!',
  'Будем писать в прокуратуру!',
  'Если не решите, напишем губернатору.',
  'Доколе?!',
  'Безобразие!',
  'Разберитесь уже наконец!',
  'Позор!',
];

export const SOCIAL_PREFIXES: readonly string[] = [
  'Народ, ',
  'Админ, передайте пожалуйста в администрацию: ',
  'Подписчики, ',
  'Уважаемый госпаблик, ',
  'Вопрос к администрации: ',
];

export const SOCIAL_SUFFIXES: readonly string[] = [
  ' Репост пожалуйста!',
  ' Кто-нибудь знает, когда это закончится?',
  ' У кого такая же проблема, пишите в комментах.',
  ' #{localityTag}',
  ' Поддержите, чтобы увидели.',
  ' Ответьте хоть кто-нибудь.',
];

// ---------------------------------------------------------------------------------------------
// Answers.

export const ANSWER_PREAMBLES: readonly string[] = [
  'Уважаемый заявитель! ',
  'Администрация муниципального района рассмотрела Ваше обращение. ',
  'Ваше обращение рассмотрено. ',
  'На Ваше обращение сообщаем следующее. ',
  'Добрый день! ',
  '',
];

export const ANSWER_CLOSINGS: readonly string[] = [
  ' Контроль за исполнением возложен на профильного заместителя главы администрации.',
  ' Благодарим за активную гражданскую позицию.',
  ' По итогам выполнения работ Вам будет направлена информация с фотоматериалами.',
  ' Приносим извинения за доставленные неудобства.',
  '',
  '',
];

/** Formal replies («отписки»): no measure, no date. Used to demo answer quality control. */
export const FORMAL_ANSWERS: readonly string[] = [
  'Ваше обращение рассмотрено, информация принята к сведению.',
  'Ваше обращение рассмотрено. Информация принята к сведению и будет учтена в дальнейшей работе.',
  'Сообщаем, что Ваше обращение направлено в адрес ответственной организации для рассмотрения.',
  'Вопрос, изложенный в обращении, находится на контроле администрации.',
  'Работы будут проведены при наличии финансирования.',
  'Разъясняем, что данный вопрос не относится к компетенции администрации.',
  'Ваше обращение рассмотрено. Вопрос будет рассмотрен в порядке очерёдности.',
  'Информация, указанная в обращении, принята к сведению. Ситуация находится на контроле.',
  'Доводим до Вашего сведения, что решение вопроса возможно в рамках действующего законодательства.',
  'Ваше обращение рассмотрено, нарушений не выявлено.',
];
