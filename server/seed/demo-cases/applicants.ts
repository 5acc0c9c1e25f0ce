import type { Rng } from '../../modules/cases/demo/prng';
import { GENERIC_STREETS } from '../../modules/cases/demo/generate-text';
import { postalAddress, type ChosenPlace } from './places';

/**
 * Fictional applicants: a name made of common first names, patronymics and surnames, a random
 * phone, an e-mail at the reserved example.* domains. Never a real person's data.
 */
const MALE_NAMES = ['Александр', 'Алексей', 'Андрей', 'Анатолий', 'Валерий', 'Василий', 'Виктор', 'Владимир', 'Геннадий', 'Денис', 'Дмитрий', 'Евгений', 'Иван', 'Игорь', 'Константин', 'Максим', 'Михаил', 'Николай', 'Олег', 'Павел', 'Пётр', 'Роман', 'Сергей', 'Юрий', 'Артём', 'Кирилл'];
const FEMALE_NAMES = ['Анна', 'Валентина', 'Галина', 'Дарья', 'Екатерина', 'Елена', 'Ирина', 'Людмила', 'Марина', 'Мария', 'Надежда', 'Наталья', 'Нина', 'Оксана', 'Ольга', 'Светлана', 'Татьяна', 'Юлия', 'Любовь', 'Вера', 'Анастасия', 'Ксения', 'Алёна', 'Тамара'];
/** Father's name → [male, female] patronymic. */
const PATRONYMICS: readonly [string, string][] = [
  ['Александрович', 'Александровна'], ['Алексеевич', 'Алексеевна'], ['Андреевич', 'Андреевна'], ['Викторович', 'Викторовна'],
  ['Владимирович', 'Владимировна'], ['Васильевич', 'Васильевна'], ['Геннадьевич', 'Геннадьевна'], ['Дмитриевич', 'Дмитриевна'],
  ['Евгеньевич', 'Евгеньевна'], ['Иванович', 'Ивановна'], ['Игоревич', 'Игоревна'], ['Михайлович', 'Михайловна'],
  ['Николаевич', 'Николаевна'], ['Олегович', 'Олеговна'], ['Павлович', 'Павловна'], ['Петрович', 'Петровна'],
  ['Сергеевич', 'Сергеевна'], ['Юрьевич', 'Юрьевна'], ['Анатольевич', 'Анатольевна'], ['Валерьевич', 'Валерьевна'],
];
/** Surnames in the masculine form; the feminine is derived (-ов → -ова, -ин → -ина, -ий → -ая). */
const SURNAMES = [
  'Иванов', 'Петров', 'Смирнов', 'Кузьмин', 'Попов', 'Васильев', 'Морозов', 'Новиков', 'Фёдоров', 'Волков', 'Алексеев', 'Лебедев',
  'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
  'Романов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белоусов', 'Медведев', 'Антонов', 'Тарасов', 'Жуков', 'Баранов', 'Филиппов',
  'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров', 'Матвеев', 'Назаров', 'Калинин', 'Ильин', 'Гаврилов',
  'Ершов', 'Никитин', 'Карпов', 'Щербаков', 'Малышев', 'Дьяконов', 'Шубин', 'Гусельников', 'Рыбаков', 'Суханов', 'Тихонов', 'Фомин',
  'Шилов', 'Мельников', 'Крылов', 'Маслов', 'Исаев', 'Третьяков', 'Куликов', 'Горбунов', 'Лапин', 'Блинов', 'Кудрявцев', 'Прохоров',
  'Вольский', 'Савицкий', 'Гладкий', 'Шмидт', 'Циммерман', 'Бауэр', 'Гейнц', 'Мартыненко', 'Ткаченко', 'Бондаренко', 'Дубовой', 'Зинченко',
];

function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return surname + 'а';
  if (/ский$|цкий$/.test(surname)) return surname.slice(0, -2) + 'ая';
  if (/ой$/.test(surname)) return surname.slice(0, -2) + 'ая';
  if (/ий$/.test(surname)) return surname.slice(0, -2) + 'ая';
  return surname; // -енко, -ко, German surnames: the same for both
}

const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
function translit(s: string): string {
  return [...s.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('');
}

const MAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];
const MOBILE_CODES = ['903', '905', '906', '908', '909', '917', '920', '927', '937', '951', '953', '961', '962', '964', '987'];

export interface ApplicantRow {
  fullName: string | null;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  socialProfile: string | null;
  replyBy: 'email' | 'post' | 'phone' | 'none' | null;
  consentAt: Date | null;
}

/** Share of cases with the applicant's name by channel; a 59-ФЗ appeal always has a name and address. */
const NAMED_SHARE: Readonly<Record<string, number>> = { pos: 0.85, incident: 0.35, phone: 0.6, email: 0.8, web: 0.8 };

export function makeApplicant(rng: Rng, channel: string, regime: string, place: ChosenPlace, receivedAt: Date): ApplicantRow | null {
  const fz59 = regime === 'FZ59';
  const named = fz59 || rng.chance(NAMED_SHARE[channel] ?? 0.7);
  const female = rng.chance(0.58);
  const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const surnameBase = rng.pick(SURNAMES);
  const surname = female ? feminine(surnameBase) : surnameBase;
  const patronymic = rng.pick(PATRONYMICS)[female ? 1 : 0];
  const fullName = named ? `${surname} ${first} ${patronymic}` : null;
  const phone = `+7${rng.pick(MOBILE_CODES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  const email = `${translit(surname)}.${translit(first).slice(0, 1)}${rng.int(1, 99)}@${rng.pick(MAIL_DOMAINS)}`;
  const handle = `${translit(first)}_${translit(surname).slice(0, 4)}${rng.int(10, 999)}`;

  switch (channel) {
    case 'letter':
    case 'reception': {
      const address = postalAddress(rng, place, `ул. ${rng.pick(GENERIC_STREETS)}`);
      return { fullName, email: null, phone: rng.chance(0.5) ? phone : null, postalAddress: address, socialProfile: null, replyBy: 'post', consentAt: null };
    }
    case 'phone':
      return { fullName, email: null, phone, postalAddress: fz59 ? postalAddress(rng, place, `ул. ${rng.pick(GENERIC_STREETS)}`) : null, socialProfile: null, replyBy: 'phone', consentAt: null };
    case 'incident':
      return { fullName, email: null, phone: null, postalAddress: null, socialProfile: `https://vk.example/${handle}`, replyBy: 'none', consentAt: null };
    case 'pos':
      return { fullName, email: named && rng.chance(0.5) ? email : null, phone: named && rng.chance(0.6) ? phone : null, postalAddress: null, socialProfile: null, replyBy: named ? 'email' : 'none', consentAt: receivedAt };
    default: {
      const address = fz59 ? postalAddress(rng, place, `ул. ${rng.pick(GENERIC_STREETS)}`) : null;
      return { fullName, email, phone: rng.chance(0.4) ? phone : null, postalAddress: address, socialProfile: null, replyBy: fz59 ? 'post' : 'email', consentAt: receivedAt };
    }
  }
}
