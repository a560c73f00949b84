import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  referralListSchema,
  referralSchema,
  type ChangeReferralStatus,
  type CreateReferral,
  type Referral,
  type ReportVisit,
  type UpdateReferral,
} from '../../../shared/schemas/referrals.js';
import { api, withQuery } from '../../api/client.js';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/referrals`;
const one = (participantId: string, referralId: string) => `${base(participantId)}/${encodeURIComponent(referralId)}`;
export const referralKey = (referralId: string) => ['referral', referralId] as const;

export function useParticipantReferrals(participantId: string | null) {
  return useQuery({ queryKey: ['referrals', 'participant', participantId], queryFn: () => api.get(base(participantId!), referralListSchema), enabled: participantId !== null });
}

export function useVisibleReferrals(status: 'open' | 'finished' | 'all') {
  return useQuery({ queryKey: ['referrals', 'visible', status], queryFn: () => api.get(withQuery('/api/referrals', { status }), referralListSchema) });
}

export function useReferral(participantId: string, referralId: string) {
  return useQuery({ queryKey: referralKey(referralId), queryFn: () => api.get(one(participantId, referralId), referralSchema) });
}

/** Every write answers with the referral as it is now; lists and the task list refresh after it. */
export function useReferralActions() {
  const queryClient = useQueryClient();
  const changed = (r: Referral) => {
    queryClient.setQueryData(referralKey(r.id), r);
    void queryClient.invalidateQueries({ queryKey: ['referrals'] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['audit', r.participantId] });
    return r;
  };
  return {
    create: (participantId: string, input: CreateReferral) => api.post(base(participantId), referralSchema, input).then(changed),
    update: (r: Pick<Referral, 'id' | 'participantId'>, input: UpdateReferral) => api.patch(one(r.participantId, r.id), referralSchema, input).then(changed),
    changeStatus: (r: Pick<Referral, 'id' | 'participantId'>, input: ChangeReferralStatus) => api.post(`${one(r.participantId, r.id)}/status`, referralSchema, input).then(changed),
    reportVisit: (r: Pick<Referral, 'id' | 'participantId'>, input: ReportVisit) => api.post(`${one(r.participantId, r.id)}/visit`, referralSchema, input).then(changed),
  };
}
