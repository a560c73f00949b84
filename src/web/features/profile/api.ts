import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  participantProfileSchema,
  statusChangeResultSchema,
  type ChangeStatus,
  type UpdateParticipantProfile,
} from '../../../shared/schemas/profile.js';
import { inviteCodeSchema, joinInfoSchema, signUpResultSchema, type SignUp } from '../../../shared/schemas/sign-up.js';
import { api } from '../../api/client.js';
import { participantKey, participantsKey } from '../../api/participants.js';
import { sessionKey } from '../../api/session.js';
import { milestonesKey } from '../milestones/api.js';

const profileKey = (participantId: string) => ['profile', participantId] as const;
const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;

export function useProfile(participantId: string) {
  return useQuery({ queryKey: profileKey(participantId), queryFn: () => api.get(`${base(participantId)}/profile`, participantProfileSchema) });
}

/** Everything that shows part of the record refreshes after a change to it. */
function useRecordChanged() {
  const queryClient = useQueryClient();
  return (participantId: string) => {
    for (const queryKey of [participantsKey, participantKey(participantId), milestonesKey(participantId), ['audit', participantId], sessionKey]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}

export function useUpdateProfile(participantId: string) {
  const queryClient = useQueryClient();
  const changed = useRecordChanged();
  return (input: UpdateParticipantProfile) =>
    api.patch(`${base(participantId)}/profile`, participantProfileSchema, input).then((profile) => {
      queryClient.setQueryData(profileKey(participantId), profile);
      changed(participantId);
      return profile;
    });
}

export function useChangeStatus(participantId: string) {
  const queryClient = useQueryClient();
  const changed = useRecordChanged();
  return (input: ChangeStatus) =>
    api.put(`${base(participantId)}/status`, statusChangeResultSchema, input).then((result) => {
      void queryClient.invalidateQueries({ queryKey: profileKey(participantId) });
      changed(participantId);
      return result;
    });
}

const inviteCodeKey = (programId: string) => ['admin', 'invite-code', programId] as const;
const inviteCodePath = (programId: string) => `/api/admin/programs/${encodeURIComponent(programId)}/invite-code`;

export function useInviteCode(programId: string) {
  return useQuery({ queryKey: inviteCodeKey(programId), queryFn: () => api.get(inviteCodePath(programId), inviteCodeSchema) });
}

export function useSetInviteCode(programId: string) {
  const queryClient = useQueryClient();
  return (enabled: boolean) =>
    api.put(inviteCodePath(programId), inviteCodeSchema, { enabled }).then((code) => {
      queryClient.setQueryData(inviteCodeKey(programId), code);
      return code;
    });
}

export const describeInviteCode = (code: string) => api.get(`/api/auth/sign-up/${encodeURIComponent(code)}`, joinInfoSchema);

export const signUp = (input: SignUp) => api.post('/api/auth/sign-up', signUpResultSchema, input);
