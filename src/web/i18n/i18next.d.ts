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
      groups: typeof import('../features/groups/i18n/en.json');
      meetings: typeof import('../features/meetings/i18n/en.json');
      caseload: typeof import('../features/caseload/i18n/en.json');
      alerts: typeof import('../features/alerts/i18n/en.json');
      tasks: typeof import('../features/tasks/i18n/en.json');
      notes: typeof import('../features/notes/i18n/en.json');
      appointments: typeof import('../features/appointments/i18n/en.json');
      messaging: typeof import('../features/messaging/i18n/en.json');
      matching: typeof import('../features/matching/i18n/en.json');
      outcomes: typeof import('../features/outcomes/i18n/en.json');
      resources: typeof import('../features/resources/i18n/en.json');
      referrals: typeof import('../features/referrals/i18n/en.json');
      community: typeof import('../features/community/i18n/en.json');
      consents: typeof import('../features/consents/i18n/en.json');
      workforce: typeof import('../features/workforce/i18n/en.json');
      privacy: typeof import('../features/privacy/i18n/en.json');
    };
  }
}
