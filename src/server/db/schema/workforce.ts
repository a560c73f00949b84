import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  cosignRules,
  cosignStatuses,
  DEFAULT_SERVICE_CODE,
  incidentKinds,
  supervisionKinds,
  supervisionRecurrences,
  supervisionStatuses,
  trainingDomains,
  unitRules,
  WORKLOAD_DEFAULTS,
} from '../../../shared/schemas/workforce-enums.js';
import { users } from './accounts.js';
import { createdAtColumn, organizationIdColumn } from './columns.js';
import { participants } from './participants.js';
import { programs } from './tenancy.js';
import { contactNotes } from './workspace.js';

export const cosignRule = pgEnum('cosign_rule', cosignRules);
export const unitRule = pgEnum('unit_rule', unitRules);
export const cosignStatus = pgEnum('cosign_status', cosignStatuses);
export const supervisionKind = pgEnum('supervision_kind', supervisionKinds);
export const supervisionRecurrence = pgEnum('supervision_recurrence', supervisionRecurrences);
export const supervisionStatus = pgEnum('supervision_status', supervisionStatuses);
export const incidentKind = pgEnum('incident_kind', incidentKinds);
export const trainingDomain = pgEnum('training_domain', trainingDomains);

const orgId = organizationIdColumn;
const createdAt = createdAtColumn;
const userRef = (name: string) => uuid(name).references(() => users.id);

/** Per program: which notes need a co-sign, the service code billed, how minutes become units, the onboarding checklist. */
export const programWorkforceSettings = pgTable('program_workforce_settings', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id),
  organizationId: orgId(),
  cosignRule: cosignRule('cosign_rule').notNull().default('none'),
  serviceCode: text('service_code').notNull().default(DEFAULT_SERVICE_CODE),
  unitRule: unitRule('unit_rule').notNull().default('cms_8_minute'),
  onboardingChecklist: text('onboarding_checklist').array().notNull().default(sql`'{}'::text[]`),
  // Check-in prompts for the supervisor (never judgements shown to others), per program.
  caseloadSignalPercent: smallint('caseload_signal_percent').notNull().default(WORKLOAD_DEFAULTS.caseloadSignalPercent),
  urgentAlertsPerWeek: smallint('urgent_alerts_per_week').notNull().default(WORKLOAD_DEFAULTS.urgentAlertsPerWeek),
  afterHoursMessagesPerWeek: smallint('after_hours_messages_per_week').notNull().default(WORKLOAD_DEFAULTS.afterHoursMessagesPerWeek),
  workdayStartHour: smallint('workday_start_hour').notNull().default(WORKLOAD_DEFAULTS.workdayStartHour),
  workdayEndHour: smallint('workday_end_hour').notNull().default(WORKLOAD_DEFAULTS.workdayEndHour),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every co-sign request and decision on a note, oldest first: the newest row is the note's state.
 * A request names the note version it is for; an edit after a decision asks again.
 */
export const noteCosigns = pgTable(
  'note_cosigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => contactNotes.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    noteVersion: integer('note_version').notNull(),
    status: cosignStatus('status').notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: userRef('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [index('note_cosigns_note').on(t.noteId, t.requestedAt), index('note_cosigns_program_status').on(t.programId, t.status)],
);

/**
 * A supervision session (individual or group), and once held, its structured note. A recurring
 * session, once held or cancelled, schedules the next one, which names the one it follows.
 */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    followsId: uuid('follows_id').references((): AnyPgColumn => supervisionSessions.id).unique(),
    organizationId: orgId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    supervisorId: userRef('supervisor_id').notNull(),
    kind: supervisionKind('kind').notNull(),
    recurrence: supervisionRecurrence('recurrence').notNull().default('none'),
    status: supervisionStatus('status').notNull().default('scheduled'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull().default(60),
    casesDiscussed: text('cases_discussed'),
    boundaries: text('boundaries'),
    disclosure: text('disclosure'),
    skills: text('skills'),
    selfCare: text('self_care'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supervision_sessions_program').on(t.programId, t.scheduledAt)],
);

export const supervisionAttendees = pgTable(
  'supervision_attendees',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id),
    workerId: userRef('worker_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.workerId] }), index('supervision_attendees_worker').on(t.workerId)],
);

/** Agreed actions from a supervision session, each with an owner and a due date. */
export const supervisionActions = pgTable(
  'supervision_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => supervisionSessions.id),
    workerId: userRef('worker_id').notNull(),
    text: text('text').notNull(),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('supervision_actions_worker').on(t.workerId)],
);

/** A wellbeing self-check (ProQOL 5). The worker's own: shared with their supervisor only when they choose. */
export const wellbeingChecks = pgTable(
  'wellbeing_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    userId: userRef('user_id').notNull(),
    instrumentId: text('instrument_id').notNull(),
    scoringVersion: text('scoring_version').notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    shared: boolean('shared').notNull().default(false),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('wellbeing_checks_user').on(t.userId, t.takenAt)],
);

/** A critical incident the worker lived through; the supervisor is told at once and a debrief follows. */
export const criticalIncidents = pgTable(
  'critical_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    workerId: userRef('worker_id').notNull(),
    participantId: uuid('participant_id').references(() => participants.id),
    kind: incidentKind('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    description: text('description'),
    debriefAt: timestamp('debrief_at', { withTimezone: true }),
    debriefDoneAt: timestamp('debrief_done_at', { withTimezone: true }),
    timeOff: text('time_off'),
    createdAt: createdAt(),
  },
  (t) => [index('critical_incidents_worker').on(t.workerId, t.occurredAt), index('critical_incidents_program').on(t.programId)],
);

export const trainingRecords = pgTable(
  'training_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    userId: userRef('user_id').notNull(),
    course: text('course').notNull(),
    provider: text('provider'),
    hours: real('hours').notNull(),
    domain: trainingDomain('domain').notNull(),
    completedOn: date('completed_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('training_records_user').on(t.userId, t.completedOn)],
);

/** A credential with its expiry; the reminder job stamps each reminder once. */
export const certifications = pgTable(
  'certifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    userId: userRef('user_id').notNull(),
    name: text('name').notNull(),
    number: text('number'),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    ceHoursRequired: smallint('ce_hours_required').notNull().default(0),
    reminded90At: timestamp('reminded_90_at', { withTimezone: true }),
    reminded30At: timestamp('reminded_30_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('certifications_user').on(t.userId), index('certifications_expiry').on(t.expiresOn)],
);

/** Onboarding checklist items a worker has done, per program (the items are the program's). */
export const onboardingProgress = pgTable(
  'onboarding_progress',
  {
    organizationId: orgId(),
    userId: userRef('user_id').notNull(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    item: text('item').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.programId, t.item] })],
);

