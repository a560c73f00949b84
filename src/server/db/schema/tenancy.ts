import { index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { programSettings } from '../../../shared/schemas/tenancy.js';

export const programSetting = pgEnum('program_setting', programSettings);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    setting: programSetting('setting').notNull(),
    timeZone: text('time_zone').notNull(),
    // Null means the organization-wide default from configuration (988 in the US).
    crisisLine: text('crisis_line'),
    // Lets people sign themselves up into this program; null turns self-sign-up off.
    inviteCode: text('invite_code').unique(),
    // A BAM Risk score at or above this raises an alert for the peer worker (Cacciola et al. give no cut-off; 12 is our default).
    bamRiskThreshold: smallint('bam_risk_threshold').notNull().default(12),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('programs_org_slug').on(t.organizationId, t.slug), index('programs_org').on(t.organizationId)],
);

