import { z } from 'zod';

export const programSettings = [
  'community',
  'treatment',
  'reentry',
  'corrections',
  'sober_living',
  'outreach',
  'recovery_community_center',
] as const;
export const programSettingSchema = z.enum(programSettings);

export const roles = ['participant', 'peer_worker', 'supervisor', 'clinician', 'moderator', 'org_admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const locales = ['en', 'es'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const uuidSchema = z.uuid();

export const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');

/** An IANA time zone that this runtime knows. */
export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as America/Chicago');

/** A number someone can tap to call or text: digits with the usual separators, at least two digits. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^(?=(?:\D*\d){2})[+(]?\d[\d ()\-.]*$/, 'use a phone number such as 988 or +1 (555) 010-0199');

export const programSchema = z.object({
  id: uuidSchema,
  slug: slugSchema,
  name: z.string(),
  setting: programSettingSchema,
  timeZone: z.string(),
  crisisLine: z.string(),
});
export type Program = z.infer<typeof programSchema>;

export const organizationSchema = z.object({
  id: uuidSchema,
  slug: slugSchema,
  name: z.string(),
});

export const membershipSchema = z.object({
  role: roleSchema,
  programId: uuidSchema.nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const createProgramSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(2).max(120),
  setting: programSettingSchema,
  timeZone: timeZoneSchema,
  crisisLine: phoneNumberSchema.optional(),
});

export const updateProgramSchema = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    /** null goes back to the organization's default line (988 unless configured). */
    crisisLine: phoneNumberSchema.nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.crisisLine !== undefined, { path: ['name'], message: 'send name, crisisLine, or both' });
export type UpdateProgram = z.output<typeof updateProgramSchema>;

export const orgUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  memberships: z.array(membershipSchema),
  status: z.enum(['active', 'invited', 'disabled']),
});
export type OrgUser = z.infer<typeof orgUserSchema>;

export const inviteUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    displayName: z.string().trim().min(1).max(120),
    role: roleSchema,
    programId: uuidSchema.optional(),
    /** For a participant whose record already exists (for example enrolled in prison, without a login). */
    participantId: uuidSchema.optional(),
  })
  .refine((v) => v.role === 'org_admin' || v.programId !== undefined, {
    path: ['programId'],
    message: 'choose the program this role belongs to',
  });
export type InviteUser = z.infer<typeof inviteUserSchema>;

/** A staff member's one new role: organization-wide for org_admin, else in one program. */
export const changeRoleSchema = z
  .object({ role: roleSchema.exclude(['participant']), programId: uuidSchema.optional() })
  .refine((v) => v.role === 'org_admin' || v.programId !== undefined, { path: ['programId'], message: 'choose the program this role belongs to' });
export type ChangeRole = z.infer<typeof changeRoleSchema>;
