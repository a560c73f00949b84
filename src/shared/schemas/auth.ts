import { z } from 'zod';
import { localeSchema, membershipSchema, organizationSchema, programSchema, uuidSchema } from './tenancy.js';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** Length over complexity rules (NIST SP 800-63B); common passwords are refused by the server too. */
export const newPasswordSchema = z.string().min(10, 'use at least 10 characters').max(200);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const sessionUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  organization: organizationSchema,
  memberships: z.array(membershipSchema),
  programs: z.array(programSchema),
  participantId: uuidSchema.nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  crisisLine: z.string(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const requestPasswordResetSchema = z.object({ email: emailSchema });
export const completeTokenSchema = z.object({
  token: z.string().min(20).max(200),
  password: newPasswordSchema,
});
export const updateProfileSchema = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
});
export const invitationInfoSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  organizationName: z.string(),
  invitedBy: z.string().nullable(),
});

export const okSchema = z.object({ ok: z.literal(true) });
