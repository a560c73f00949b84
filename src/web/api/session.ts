import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { okSchema, sessionSchema, type SessionInfo, type SessionUser } from '../../shared/schemas/auth.js';
import type { Locale } from '../../shared/schemas/tenancy.js';
import { applyLocale, takeSignedOutChoice } from '../i18n/locale.js';
import { api, rememberCsrfToken } from './client.js';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionInfo> {
  const session = await api.get('/api/auth/session', sessionSchema);
  rememberCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, refetchOnWindowFocus: true });
}

/** The signed-in user and crisis line. Only for components rendered behind RequireSession. */
export function useSignedIn(): { user: SessionUser; crisisLine: string } {
  const { data } = useSession();
  if (!data?.user) throw new Error('useSignedIn used outside a signed-in page');
  return { user: data.user, crisisLine: data.crisisLine };
}

/** Forgets every cached record except the session: data of one person never shows to the next. */
export function forgetRecords(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
}

const saveLocale = (locale: Locale) => api.patch('/api/me', sessionSchema, { locale });

/**
 * Takes in a session answered by sign-in, invitation or profile change. A language picked while
 * signed out is saved to the account; otherwise the account's language applies.
 */
export async function adoptSession(queryClient: QueryClient, session: SessionInfo): Promise<SessionInfo> {
  const previous = queryClient.getQueryData<SessionInfo>(sessionKey);
  if (previous?.user?.id !== session.user?.id) forgetRecords(queryClient);
  rememberCsrfToken(session.csrfToken);
  let adopted = session;
  const choice = takeSignedOutChoice();
  if (session.user && choice && choice !== session.user.locale) {
    adopted = await saveLocale(choice).catch(() => session);
    rememberCsrfToken(adopted.csrfToken);
  }
  if (adopted.user) applyLocale(adopted.user.locale);
  queryClient.setQueryData(sessionKey, adopted);
  return adopted;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/sign-out', okSchema),
    // Signed out here even when the server had already ended the session. The session changes in
    // one step (never "unknown"), so signed-in pages unmount cleanly before the records are forgotten.
    onSettled: async () => {
      rememberCsrfToken(null);
      const previous = queryClient.getQueryData<SessionInfo>(sessionKey);
      const signedOut = await fetchSession().catch(() => ({ user: null, csrfToken: null, crisisLine: previous?.crisisLine ?? '' }));
      queryClient.setQueryData(sessionKey, signedOut);
      forgetRecords(queryClient);
    },
  });
}

/** Switches the language now, and saves it to the account. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => {
      applyLocale(locale);
      return saveLocale(locale);
    },
    onSuccess: (session) => {
      rememberCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}
