import { z } from 'zod';
import { completeTokenSchema, invitationInfoSchema, okSchema, requestPasswordResetSchema, sessionSchema, signInSchema } from '../../shared/schemas/auth.js';
import { api } from './client.js';

export { invitationInfoSchema as invitationSchema } from '../../shared/schemas/auth.js';

export const signIn = (input: z.output<typeof signInSchema>) => api.post('/api/auth/sign-in', sessionSchema, input);

export const requestPasswordReset = (input: z.output<typeof requestPasswordResetSchema>) =>
  api.post('/api/auth/password-reset', okSchema, input);

export const completePasswordReset = (input: z.output<typeof completeTokenSchema>) =>
  api.post('/api/auth/password-reset/complete', okSchema, input);

export const describeInvitation = (token: string) => api.get(`/api/auth/invitations/${encodeURIComponent(token)}`, invitationInfoSchema);

export const acceptInvitation = (input: z.output<typeof completeTokenSchema>) => api.post('/api/auth/invitations/accept', sessionSchema, input);
