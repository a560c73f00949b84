import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  accountingSchema,
  clinicianViewSchema,
  consentListSchema,
  consentRecipientsSchema,
  consentSchema,
  legalRepresentativeResponseSchema,
  type Consent,
  type SetLegalRepresentative,
  type CreateConsent,
  type SignConsent,
} from '../../../shared/schemas/consents.js';
import { api } from '../../api/client.js';

const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}`;
export const accountingCsvUrl = (participantId: string) => `${base(participantId)}/disclosures.csv`;

export function useConsents(participantId: string) {
  return useQuery({ queryKey: ['consents', participantId], queryFn: () => api.get(`${base(participantId)}/consents`, consentListSchema) });
}

export function useConsent(participantId: string, consentId: string) {
  return useQuery({ queryKey: ['consents', participantId, consentId], queryFn: () => api.get(`${base(participantId)}/consents/${encodeURIComponent(consentId)}`, consentSchema) });
}

export function useConsentRecipients(participantId: string, enabled: boolean) {
  return useQuery({ queryKey: ['consent-recipients', participantId], queryFn: () => api.get(`${base(participantId)}/consent-recipients`, consentRecipientsSchema), enabled });
}

export function useAccounting(participantId: string) {
  return useQuery({ queryKey: ['disclosures', participantId], queryFn: () => api.get(`${base(participantId)}/disclosures`, accountingSchema) });
}

/** Every request asks again: a revoked consent must show at once, never from a cache. */
export function useClinicianView(participantId: string) {
  return useQuery({ queryKey: ['clinician-view', participantId], queryFn: () => api.get(`${base(participantId)}/clinician-view`, clinicianViewSchema), staleTime: 0, retry: false });
}

export function useConsentActions(participantId: string) {
  const queryClient = useQueryClient();
  const changed = (c: Consent) => {
    queryClient.setQueryData(['consents', participantId, c.id], c);
    void queryClient.invalidateQueries({ queryKey: ['consents', participantId] });
    void queryClient.invalidateQueries({ queryKey: ['disclosures', participantId] });
    return c;
  };
  return {
    prepare: (input: CreateConsent) => api.post(`${base(participantId)}/consents`, consentSchema, input).then(changed),
    sign: (consentId: string, input: SignConsent) => api.post(`${base(participantId)}/consents/${consentId}/sign`, consentSchema, input).then(changed),
    revoke: (consentId: string) => api.post(`${base(participantId)}/consents/${consentId}/revoke`, consentSchema).then(changed),
    careMessage: (body: string) => api.post(`${base(participantId)}/care-messages`, z.object({ sent: z.boolean() }), { body }),
  };
}

/** The legal representative recorded on the record (who may sign for the participant). */
export function useLegalRepresentative(participantId: string) {
  return useQuery({ queryKey: ['legal-representative', participantId], queryFn: () => api.get(`${base(participantId)}/legal-representative`, legalRepresentativeResponseSchema) });
}

export function useLegalRepresentativeActions(participantId: string) {
  const queryClient = useQueryClient();
  const changed = <T,>(value: T) => {
    queryClient.setQueryData(['legal-representative', participantId], value);
    return value;
  };
  return {
    record: (input: SetLegalRepresentative) => api.put(`${base(participantId)}/legal-representative`, legalRepresentativeResponseSchema, input).then(changed),
    end: () => api.post(`${base(participantId)}/legal-representative/end`, legalRepresentativeResponseSchema).then(changed),
  };
}
