import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-client';

/** A 4xx will fail the same way again; anything else (503, a dropped connection) may not. */
const shouldRetry = (failures: number, error: Error) =>
  failures < 2 && !(error instanceof ApiRequestError && error.status < 500);

/**
 * One factory for the server (a fresh client per request, so users never share a cache) and the
 * browser (one per tab). The stale time keeps the client from refetching what the server just
 * prefetched and hydrated.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: shouldRetry },
    },
  });
}
