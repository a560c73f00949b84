/**
 * Vocabularies of a participant's recovery journey, shared by the database enums, the API
 * schemas and the web app. Words shown to people come from the message catalogs, keyed by these.
 */
export const recoveryPathways = [
  'twelve_step',
  'smart_recovery',
  'mat_opioid',
  'mat_alcohol',
  'faith_based',
  'recovery_dharma',
  'secular',
  'harm_reduction',
  'other',
] as const;

export const participantSettings = ['community', 'in_treatment', 'incarcerated', 'recently_released', 'sober_living'] as const;

export const substances = [
  'alcohol',
  'opioids',
  'stimulants',
  'cannabis',
  'sedatives',
  'tobacco',
  'gambling',
  'other',
] as const;

export const reportedUse = ['yes', 'no', 'prefer_not_to_say'] as const;

/** Triggers in plain words; free text covers the rest. */
export const triggers = [
  'stress',
  'loneliness',
  'boredom',
  'conflict',
  'people_who_use',
  'places',
  'pain',
  'money_worries',
  'celebration',
  'tiredness',
  'hunger',
  'anger',
  'sadness',
  'anniversary',
] as const;

export const goalDomains = [
  'recovery',
  'health',
  'housing',
  'employment',
  'education',
  'relationships',
  'legal',
  'finances',
  'community',
] as const;

export const goalStatuses = ['suggested', 'active', 'completed', 'set_aside'] as const;

export const alertKinds = [
  'suicidality',
  'reported_use',
  'bam_risk',
  'craving_high',
  'craving_rising',
  'missed_checkins',
  'no_contact',
  'crisis_language',
  'craving_help',
] as const;
export const alertSeverities = ['urgent', 'high', 'normal'] as const;
export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;

/** Lived experience a peer worker chooses to share, and a participant may look for in a match. */
export const livedExperiences = [
  'alcohol',
  'opioids',
  'stimulants',
  'cannabis',
  'polysubstance',
  'twelve_step',
  'smart_recovery',
  'mat',
  'faith_based',
  'harm_reduction',
  'justice_involvement',
  'incarceration',
  'mental_health',
  'lgbtq',
  'veteran',
  'parent',
  'homelessness',
  'trauma',
] as const;

export const genders = ['woman', 'man', 'non_binary', 'self_described', 'prefer_not_to_say'] as const;

export const contactTypes = ['in_person', 'phone', 'video', 'text', 'group', 'outreach', 'prison_visit'] as const;
export const contactActivities = ['emotional_support', 'mentoring', 'resource_connection', 'advocacy', 'crisis_support', 'skill_building'] as const;
export const appointmentModes = ['in_person', 'phone', 'video'] as const;
export const appointmentStatuses = ['scheduled', 'cancelled', 'completed', 'missed'] as const;
export const taskSources = ['note', 'alert', 'appointment', 'manual'] as const;
