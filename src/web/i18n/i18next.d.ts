import 'i18next';
import type en from './en.json';

// Keys passed to t() are checked against the English catalog at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en;
      checkins: typeof import('../features/checkins/i18n/en.json');
      goals: typeof import('../features/goals/i18n/en.json');
      coping: typeof import('../features/coping/i18n/en.json');
      journal: typeof import('../features/journal/i18n/en.json');
      'safety-plan': typeof import('../features/safety-plan/i18n/en.json');
      measures: typeof import('../features/measures/i18n/en.json');
      profile: typeof import('../features/profile/i18n/en.json');
      milestones: typeof import('../features/milestones/i18n/en.json');
      notifications: typeof import('../features/notifications/i18n/en.json');
    };
  }
}
