import type { Permission } from './permissions';

/** The decree's roles (R-OR-1), built in; a municipality may add roles of its own as data. */
export interface BuiltInRole {
  code: string;
  name: string;
  description: string;
  permissions: Permission[];
  /** The screen this role lands on after login (screens.md). */
  landing: string;
}

const STAFF_READ: Permission[] = ['directory.read', 'cases.read', 'analytics.read', 'reports.read'];

export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    code: 'admin',
    name: 'Администратор',
    description: 'Ведёт справочники, пользователей, роли, правила сроков и каналы.',
    permissions: ['directory.read', 'directory.manage', 'users.manage', 'audit.read', 'settings.manage', 'imports.manage', 'cases.read'],
    landing: '/directory',
  },
  {
    code: 'head',
    name: 'Руководитель МЦУ',
    description: 'Руководит МЦУ: распределение, контроль сроков и качества ответов, отчёты.',
    permissions: [...STAFF_READ, 'cases.register', 'cases.route', 'cases.review', 'cases.close', 'pd.read', 'reports.manage', 'problems.manage', 'imports.manage', 'audit.read', 'engagement.manage'],
    landing: '/overview',
  },
  {
    code: 'curator',
    name: 'Куратор МЦУ',
    description: 'Заместитель главы, курирующий МЦУ: видит сводку, утверждает дорожные карты.',
    permissions: [...STAFF_READ, 'roadmaps.approve'],
    landing: '/overview',
  },
  {
    code: 'glava',
    name: 'Глава муниципального образования',
    description: 'Читает сводку и еженедельную аналитическую записку.',
    permissions: [...STAFF_READ],
    landing: '/overview',
  },
  {
    code: 'block_lead',
    name: 'Руководитель отраслевого блока',
    description: 'Отвечает за тематики своего блока: тепловая карта, проблемы, дорожные карты.',
    permissions: [...STAFF_READ, 'cases.route', 'cases.review', 'problems.manage'],
    landing: '/analytics',
  },
  {
    code: 'incident_coordinator',
    name: 'Ответственный за «Инцидент Менеджмент»',
    description: 'Обрабатывает сообщения из социальных сетей: импорт, распределение, контроль ответов.',
    permissions: [...STAFF_READ, 'cases.register', 'cases.route', 'cases.review', 'cases.close', 'pd.read', 'imports.manage'],
    landing: '/cases?channel=incident',
  },
  {
    code: 'pos_coordinator',
    name: 'Ответственный за ПОС',
    description: 'Обрабатывает сообщения Платформы обратной связи: импорт, распределение, контроль ответов.',
    permissions: [...STAFF_READ, 'cases.register', 'cases.route', 'cases.review', 'cases.close', 'pd.read', 'imports.manage', 'engagement.manage'],
    landing: '/cases?channel=pos',
  },
  {
    code: 'operator',
    name: 'Специалист МЦУ',
    description: 'Регистрирует обращения на приёме, по почте и по телефону.',
    permissions: [...STAFF_READ, 'cases.register', 'cases.route', 'pd.read'],
    landing: '/cases',
  },
  {
    code: 'recipient_head',
    name: 'Руководитель ответственного получателя',
    description: 'Распределяет поручения подразделения между исполнителями и следит за сроками.',
    permissions: ['directory.read', 'cases.read_own', 'cases.route', 'cases.work', 'pd.read'],
    landing: '/inbox?scope=unit',
  },
  {
    code: 'executor',
    name: 'Исполнитель',
    description: 'Работает с поручениями своего подразделения и готовит ответы.',
    permissions: ['directory.read', 'cases.read_own', 'cases.work', 'pd.read'],
    landing: '/inbox',
  },
  {
    code: 'region_observer',
    name: 'Сотрудник ЦУР',
    description: 'Видит сводные показатели и рейтинг муниципалитетов региона без персональных данных.',
    permissions: ['directory.read', 'region.read', 'analytics.read', 'reports.read', 'region.manage'],
    landing: '/region',
  },
];

export function landingFor(roleCodes: string[]): string {
  for (const role of BUILT_IN_ROLES) if (roleCodes.includes(role.code)) return role.landing;
  return '/cases';
}
