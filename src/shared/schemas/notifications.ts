import { z } from 'zod';
import { uuidSchema } from './tenancy.js';

/** Kinds of in-app notification; the web app words each kind from its catalog. */
export const notificationKinds = ['checkin_reminder', 'participant_joined', 'appointment_reminder', 'alert_escalated', 'referral_follow_up', 'certification_expiry', 'cosign_returned', 'critical_incident', 'care_coordination', 'community_reply', 'community_mention'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  id: uuidSchema,
  kind: z.string(),
  /** Stored in the person's language when it was made, for channels without catalogs. */
  title: z.string(),
  body: z.string().nullable(),
  /** A path inside the app. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number().int(),
});

/** A local time of day, HH:MM on a 24-hour clock. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, for example 19:30');

export const checkInReminderSchema = z.object({
  enabled: z.boolean(),
  /** In the program's time zone; null until the participant has chosen one. */
  localTime: localTimeSchema.nullable(),
  timeZone: z.string(),
  lastSentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CheckInReminder = z.infer<typeof checkInReminderSchema>;

export const setCheckInReminderSchema = z.object({ enabled: z.boolean(), localTime: localTimeSchema });
