import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { participants } from './participants.js';
import { organizations } from './tenancy.js';

/** Columns most tables share. Every participant table carries its organization: nothing crosses organizations. */
export const organizationIdColumn = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);

export const participantIdColumn = () =>
  uuid('participant_id')
    .notNull()
    .references(() => participants.id);

export const createdAtColumn = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
