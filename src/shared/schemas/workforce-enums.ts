/**
 * The fixed vocabularies of the workforce feature (supervision, wellbeing, training, co-sign and
 * billing), shared by the database schema and the API schemas.
 */

/** Which contact notes of a program need a supervisor's co-sign. */
export const cosignRules = ['none', 'first_90_days', 'billable', 'all'] as const;
/** How minutes become billing units: the CMS 8-minute rule, or whole 15-minute units only. */
export const unitRules = ['cms_8_minute', 'whole_units'] as const;
export const cosignStatuses = ['pending', 'approved', 'returned'] as const;
export const supervisionKinds = ['individual', 'group'] as const;
export const supervisionRecurrences = ['none', 'weekly', 'biweekly', 'monthly'] as const;
export const supervisionStatuses = ['scheduled', 'held', 'cancelled'] as const;
export const incidentKinds = ['overdose', 'death', 'violence', 'crisis', 'other'] as const;
export const trainingDomains = [
  'ethics_boundaries',
  'trauma_informed_care',
  'cultural_humility',
  'suicide_prevention',
  'naloxone_overdose',
  'motivational_interviewing',
  'documentation',
  'recovery_oriented_practice',
  'other',
] as const;

/** HCPCS H0038: self-help/peer services, per 15 minutes. */
export const DEFAULT_SERVICE_CODE = 'H0038';

/**
 * When the team view suggests a supervision check-in, unless a program sets its own: caseload at
 * more than this percent of capacity, this many urgent alerts or after-hours messages in a week
 * (after hours = outside the workday, on the program's clock).
 */
export const WORKLOAD_DEFAULTS = {
  caseloadSignalPercent: 100,
  urgentAlertsPerWeek: 3,
  afterHoursMessagesPerWeek: 5,
  workdayStartHour: 8,
  workdayEndHour: 20,
} as const;
