import { z } from 'zod';
import { completeTokenSchema, okSchema, requestPasswordResetSchema, sessionSchema, signInSchema } from '../../shared/schemas/auth.js';
import { api } from './client.js';

// The server declares this answer inline in its route; it belongs in shared/schemas/auth.ts.
export const invitationSchema = z.object({ email: z.string(), displayName: z.string(), organizationName: z.string() });

export const signIn = (input: z.output<typeof signInSchema>) => api.post('/api/auth/sign-in', sessionSchema, input);

export const requestPasswordReset = (input: z.output<typeof requestPasswordResetSchema>) =>
  api.post('/api/auth/password-reset', okSchema, input);

export const completePasswordReset = (input: z.output<typeof completeTokenSchema>) =>
  api.post('/api/auth/password-reset/complete', okSchema, input);

export const describeInvitation = (token: string) => api.get(`/api/auth/invitations/${encodeURIComponent(token)}`, invitationSchema);

export const acceptInvitation = (input: z.output<typeof completeTokenSchema>) => api.post('/api/auth/invitations/accept', sessionSchema, input);
