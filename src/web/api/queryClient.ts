import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';
import { sessionKey } from './session.js';

/**
 * Queries that fail because the session ended (idle timeout, signed out elsewhere) make the app
 * ask again who is signed in, which sends the person to sign in and back.
 */
export function createQueryClient(): QueryClient {
  const sessionMayHaveEnded = (err: unknown) =>
    err instanceof ApiError && (err.code === 'auth.required' || err.code === 'auth.csrf_failed');
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (sessionMayHaveEnded(err) && query.queryKey[0] !== sessionKey[0]) void client.invalidateQueries({ queryKey: sessionKey });
      },
    }),
    mutationCache: new MutationCache({
      onError: (err) => {
        if (sessionMayHaveEnded(err)) void client.invalidateQueries({ queryKey: sessionKey });
      },
    }),
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again.
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        // Each read of participant data is audited: refetch when needed, not on every focus.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
  return client;
}
