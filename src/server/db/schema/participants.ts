import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { participantStatuses } from '../../../shared/schemas/participants.js';
import { users } from './accounts.js';
import { organizations, programs } from './tenancy.js';

export const participantStatus = pgEnum('participant_status', participantStatuses);

/** A person in recovery enrolled in a program. May exist without a login (people in prison often have none). */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    userId: uuid('user_id').references(() => users.id),
    preferredName: text('preferred_name').notNull(),
    pronouns: text('pronouns'),
    status: participantStatus('status').notNull().default('active'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participants_user').on(t.userId),
    index('participants_org_program').on(t.organizationId, t.programId),
  ],
);

/** Which peer worker walks alongside which participant. Ended rows stay: the history is kept. */
export const peerAssignments = pgTable(
  'peer_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    peerWorkerId: uuid('peer_worker_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('peer_assignments_participant').on(t.participantId),
    index('peer_assignments_peer_active').on(t.peerWorkerId, t.endedAt),
  ],
);
