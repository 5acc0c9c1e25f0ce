import type { Catalogue } from './ru';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** English (partial): missing keys fall back to Russian. */
const en: DeepPartial<Catalogue> = {
  app: { name: 'MCU', fullName: 'Municipal control centre' },
  common: { save: 'Save', cancel: 'Cancel', close: 'Close', add: 'Add', inactive: 'disabled' },
  auth: { title: 'Sign in', login: 'Login', password: 'Password', submit: 'Sign in', logout: 'Sign out' },
  nav: {
    overview: 'Overview',
    inbox: 'My assignments',
    cases: 'Register',
    analytics: 'Map and analytics',
    rating: 'Rating',
    problems: 'Problems and roadmaps',
    reports: 'Reports',
    engagement: 'Engagement',
    region: 'Region',
    directory: 'Reference data',
    admin: 'Administration',
  },
  table: { search: 'Quick search', shown: 'Showing {{shown}} of {{total}}' },
};

export default en;
