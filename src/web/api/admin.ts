import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { orgUserSchema, programSchema, uuidSchema, type createProgramSchema, type InviteUser, type UpdateProgram } from '../../shared/schemas/tenancy.js';
import { api } from './client.js';
import { participantsKey } from './participants.js';
import { sessionKey } from './session.js';

const programsKey = ['admin', 'programs'] as const;
const usersKey = ['admin', 'users'] as const;

export function usePrograms() {
  return useQuery({
    queryKey: programsKey,
    queryFn: async () => (await api.get('/api/admin/programs', z.object({ programs: z.array(programSchema) }))).programs,
  });
}

export function useOrgUsers(enabled = true) {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => (await api.get('/api/admin/users', z.object({ users: z.array(orgUserSchema) }))).users,
    enabled,
  });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return async (input: z.output<typeof createProgramSchema>) => {
    const program = await api.post('/api/admin/programs', programSchema, input);
    // The session lists an admin's programs too.
    await Promise.all([queryClient.invalidateQueries({ queryKey: programsKey }), queryClient.invalidateQueries({ queryKey: sessionKey })]);
    return program;
  };
}

/** Renames a program or sets its crisis line; participants' sessions carry the line, so they refresh too. */
export function useUpdateProgram(programId: string) {
  const queryClient = useQueryClient();
  return async (input: UpdateProgram) => {
    const program = await api.patch(`/api/admin/programs/${encodeURIComponent(programId)}`, programSchema, input);
    await Promise.all([queryClient.invalidateQueries({ queryKey: programsKey }), queryClient.invalidateQueries({ queryKey: sessionKey })]);
    return program;
  };
}

export function useInvite() {
  const queryClient = useQueryClient();
  return async (input: InviteUser) => {
    const result = await api.post('/api/admin/invitations', z.object({ userId: uuidSchema }), input);
    // A participant invitation may enrol a new participant record.
    await Promise.all([queryClient.invalidateQueries({ queryKey: usersKey }), queryClient.invalidateQueries({ queryKey: participantsKey })]);
    return result;
  };
}
