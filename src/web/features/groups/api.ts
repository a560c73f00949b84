import { useQuery, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../shared/schemas/auth.js';
import {
  groupCalendarLinkSchema,
  groupListSchema,
  groupSchema,
  groupSessionListSchema,
  groupSessionSchema,
  participantAttendanceSchema,
  rosterSchema,
  walkInCandidatesSchema,
  type AttendanceMarks,
  type CreateGroup,
  type Group,
  type Roster,
  type UpdateGroup,
  type UpdateSession,
  type WalkIn,
} from '../../../shared/schemas/groups.js';
import type { RsvpResponse } from '../../../shared/groups/vocabulary.js';
import { api, withQuery } from '../../api/client.js';

const enc = encodeURIComponent;
const groupUrl = (id: string) => `/api/groups/${enc(id)}`;
const sessionUrl = (id: string, date: string) => `${groupUrl(id)}/sessions/${enc(date)}`;

export const groupsKey = ['groups'] as const;

export function useGroups() {
  return useQuery({ queryKey: groupsKey, queryFn: () => api.get('/api/groups', groupListSchema).then((r) => r.groups) });
}

export function useGroup(id: string | null) {
  return useQuery({ queryKey: ['groups', id], queryFn: () => api.get(groupUrl(id!), groupSchema), enabled: id !== null });
}

export function useSessions(id: string, range: { from?: string; to?: string } = {}) {
  return useQuery({ queryKey: ['groups', id, 'sessions', range.from ?? '', range.to ?? ''], queryFn: () => api.get(withQuery(`${groupUrl(id)}/sessions`, range), groupSessionListSchema) });
}

export function useRoster(id: string, date: string) {
  return useQuery({ queryKey: ['groups', id, 'roster', date], queryFn: () => api.get(`${sessionUrl(id, date)}/attendance`, rosterSchema) });
}

export function useWalkInSearch(id: string, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['groups', id, 'walk-in-search', query],
    queryFn: () => api.get(withQuery(`${groupUrl(id)}/walk-in-search`, { q: query }), walkInCandidatesSchema),
    enabled: query.length >= 2,
  });
}

export function useParticipantAttendance(participantId: string | null) {
  return useQuery({
    queryKey: ['attendance', participantId],
    queryFn: () => api.get(`/api/participants/${enc(participantId!)}/attendance`, participantAttendanceSchema),
    enabled: participantId !== null,
  });
}

/** Every write answers the changed thing; the group's cached views are refreshed after it. */
export function useGroupActions() {
  const queryClient = useQueryClient();
  const refresh = <T>(value: T) => {
    void queryClient.invalidateQueries({ queryKey: groupsKey });
    return value;
  };
  const rosterChanged = (id: string, date: string) => (roster: Roster) => {
    queryClient.setQueryData(['groups', id, 'roster', date], roster);
    return refresh(roster);
  };
  return {
    create: (input: CreateGroup) => api.post('/api/groups', groupSchema, input).then(refresh),
    update: (id: string, input: UpdateGroup) => api.patch(groupUrl(id), groupSchema, input).then(refresh),
    join: (group: Group, participantId: string) => api.post(`${groupUrl(group.id)}/enrolments`, groupSchema, { participantId }).then(refresh),
    leave: (group: Group, participantId: string) => api.post(`${groupUrl(group.id)}/enrolments/${enc(participantId)}/withdraw`, groupSchema).then(refresh),
    updateSession: (id: string, date: string, input: UpdateSession) => api.patch(sessionUrl(id, date), groupSessionSchema, input).then(refresh),
    rsvp: (id: string, date: string, response: RsvpResponse) => api.put(`${sessionUrl(id, date)}/rsvp`, groupSessionSchema, { response }).then(refresh),
    mark: (id: string, date: string, marks: AttendanceMarks['marks']) => api.put(`${sessionUrl(id, date)}/attendance`, rosterSchema, { marks }).then(rosterChanged(id, date)),
    walkIn: (id: string, date: string, input: WalkIn) => api.post(`${sessionUrl(id, date)}/walk-ins`, rosterSchema, input).then(rosterChanged(id, date)),
    calendarLink: (id: string) => api.post(`${groupUrl(id)}/calendar-link`, groupCalendarLinkSchema),
    revokeCalendarLink: (id: string) => api.post(`${groupUrl(id)}/calendar-link/revoke`, okSchema),
  };
}
