import { z } from 'zod';
import { emailSchema, newPasswordSchema, sessionSchema } from './auth.js';
import { localeSchema, uuidSchema } from './tenancy.js';

// No 0/O or 1/I/L: the code is read off a flyer or said aloud in a group.
export const inviteCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 10;

/** As stored: upper case, no separators. */
export function normalizeInviteCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** As shown: two groups of five, easier to read aloud. */
export function displayInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What someone types; spacing, dashes and case do not matter. */
export const inviteCodeInputSchema = z.string().trim().min(4).max(40);

export const signUpSchema = z.object({
  inviteCode: inviteCodeInputSchema,
  email: emailSchema,
  password: newPasswordSchema,
  preferredName: z.string().trim().min(1).max(120),
  locale: localeSchema.optional(),
});
export type SignUp = z.infer<typeof signUpSchema>;

/**
 * A new account answers with its session (200). An email that already has an account answers
 * 202 with only this, whatever the reason: the owner gets a mail, the screen learns nothing.
 */
export const checkEmailSchema = z.object({ checkEmail: z.literal(true) });
export const signUpResultSchema = z.union([sessionSchema, checkEmailSchema]);

/** What a valid code is for, so the person sees where they are joining. */
export const joinInfoSchema = z.object({ programName: z.string(), organizationName: z.string() });

export const inviteCodeSchema = z.object({
  programId: uuidSchema,
  /** Null when self-sign-up is off for the program. */
  inviteCode: z.string().nullable(),
  joinUrl: z.string().nullable(),
});
export type InviteCode = z.infer<typeof inviteCodeSchema>;

/** On: a fresh code (the old one stops working). Off: nobody can sign themselves up. */
export const setInviteCodeSchema = z.object({ enabled: z.boolean() });
