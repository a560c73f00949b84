import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  importHistorySchema,
  importReportSchema,
  resourceSearchResultSchema,
  resourceTipSchema,
  searchPlaceListSchema,
  searchPlaceSchema,
  serviceDetailSchema,
  type LocalResource,
  type ServiceDetail,
} from '../../../shared/schemas/resources.js';
import { api, withQuery } from '../../api/client.js';

export const serviceKey = (id: string) => ['resource', id] as const;
const serviceUrl = (id: string) => `/api/resources/services/${encodeURIComponent(id)}`;

/** The search as the URL holds it: every filter is a query parameter, so back and forward work. */
export type SearchParams = Record<string, string | undefined>;

export function useResourceSearch(params: SearchParams, size: number) {
  return useQuery({
    queryKey: ['resources', 'search', params, size],
    queryFn: () => api.get(withQuery('/api/resources/search', { ...params, size }), resourceSearchResultSchema),
    placeholderData: (previous) => previous,
  });
}

export function useService(id: string | null) {
  return useQuery({ queryKey: serviceKey(id ?? ''), queryFn: () => api.get(serviceUrl(id!), serviceDetailSchema), enabled: id !== null });
}

export function usePlaces() {
  return useQuery({ queryKey: ['resources', 'places'], queryFn: async () => (await api.get('/api/resources/places', searchPlaceListSchema)).places });
}

export function useImports(enabled: boolean) {
  return useQuery({ queryKey: ['resources', 'imports'], queryFn: async () => (await api.get('/api/resources/imports', importHistorySchema)).imports, enabled });
}

/** Writes answer with the service as it is now; the page shows it without another read. */
export function useResourceActions() {
  const queryClient = useQueryClient();
  const changed = (service: ServiceDetail) => {
    queryClient.setQueryData(serviceKey(service.id), service);
    void queryClient.invalidateQueries({ queryKey: ['resources', 'search'] });
    return service;
  };
  return {
    create: (input: LocalResource) => api.post('/api/resources/services', serviceDetailSchema, input).then(changed),
    update: (id: string, input: LocalResource) => api.put(serviceUrl(id), serviceDetailSchema, input).then(changed),
    verify: (id: string) => api.post(`${serviceUrl(id)}/verify`, serviceDetailSchema).then(changed),
    addTip: (id: string, body: string) =>
      api.post(`${serviceUrl(id)}/tips`, resourceTipSchema, { body }).then((tip) => {
        void queryClient.invalidateQueries({ queryKey: serviceKey(id) });
        return tip;
      }),
    importFiles: (files: Array<{ name: string; text: string }>, dryRun: boolean) =>
      api.post('/api/resources/import', importReportSchema, { files, dryRun }).then((report) => {
        void queryClient.invalidateQueries({ queryKey: ['resources'] });
        return report;
      }),
    addPlace: (input: { name: string; latitude: number; longitude: number }) =>
      api.post('/api/resources/places', searchPlaceSchema, input).then((place) => {
        void queryClient.invalidateQueries({ queryKey: ['resources', 'places'] });
        return place;
      }),
  };
}

export const newTipFormSchema = z.object({ body: z.string().trim().min(2).max(1000) });
