/**
 * The page's requests to real Microsoft Graph go through the app's one request scheduler
 * (src/lib/scheduler/request-scheduler.ts): the budget of 5 requests per 10 s per app per tenant, Retry-After
 * for everyone, and the page's requests ahead of a background export's. This module keeps one scheduler per
 * app and tenant for the page's lifetime.
 */
import {
  createRequestScheduler,
  createScheduledFetch,
  type RequestPriority,
  type RequestScheduler,
  type RequestSchedulerOptions,
} from '../../lib/scheduler/request-scheduler.ts'

export { retryAfterMs } from '../../lib/scheduler/request-scheduler.ts'

export type RateLimiter = RequestScheduler
export type RateLimitOptions = RequestSchedulerOptions

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  return createRequestScheduler(options)
}

/** A `fetch` for createGraphClient's `fetch` option that passes every request through `limiter`. */
export function createRateLimitedFetch(
  limiter: RateLimiter,
  baseFetch: typeof fetch = (...args) => fetch(...args),
  priority: RequestPriority = 'foreground',
): typeof fetch {
  return createScheduledFetch(limiter, baseFetch, priority)
}

const limiters = new Map<string, RateLimiter>()

/**
 * One scheduler per app + tenant for the page's lifetime, so switching sources or changing settings does not
 * reset the count Graph keeps (graph-api.md §4.3: the limit is per app per tenant).
 */
export function rateLimiterFor(appId: string, tenantId: string): RateLimiter {
  const key = `${appId.toLowerCase()}|${tenantId.toLowerCase()}`
  let limiter = limiters.get(key)
  if (!limiter) {
    limiter = createRateLimiter()
    limiters.set(key, limiter)
  }
  return limiter
}
