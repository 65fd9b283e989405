import { QueryClient } from '@tanstack/react-query'

/**
 * The Graph client already retries 429/5xx/network drops with Retry-After and backoff
 * (lib/graph/client.ts), so React Query must not retry on top of it. Sign-in logs arrive with
 * minutes of delay (§1 [D 11]): refetching on focus would only burn the throttle budget.
 */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5 * 60_000 },
    },
  })
}
