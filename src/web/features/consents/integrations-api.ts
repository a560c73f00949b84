import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  integrationClientCreatedSchema,
  integrationClientListSchema,
  integrationClientSchema,
  type createIntegrationClientSchema,
} from '../../../shared/schemas/consents.js';
import { api } from '../../api/client.js';

const key = ['integration-clients'];

/** The organization's partner systems (org admin). */
export function useIntegrationClients() {
  return useQuery({ queryKey: key, queryFn: () => api.get('/api/integration-clients', integrationClientListSchema).then((r) => r.clients) });
}

export function useIntegrationClientActions() {
  const queryClient = useQueryClient();
  const refresh = <T,>(value: T) => {
    void queryClient.invalidateQueries({ queryKey: key });
    return value;
  };
  return {
    create: (input: z.input<typeof createIntegrationClientSchema>) => api.post('/api/integration-clients', integrationClientCreatedSchema, input).then(refresh),
    revoke: (id: string) => api.post(`/api/integration-clients/${encodeURIComponent(id)}/revoke`, integrationClientSchema).then(refresh),
  };
}
