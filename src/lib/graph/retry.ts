import { abortedError, type GraphError } from './errors.ts'

export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
}

/**
 * Defaults sized for Graph's report throttle of 5 requests per 10 s per app and tenant
 * (graph-api.md §4.3): six attempts wait about 1 + 2 + 4 + 8 + 16 s, enough to clear a window.
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 30_000 }

/**
 * How long to wait before the next attempt. A readable `Retry-After` wins (§4.3); browsers often cannot
 * read it (Graph did not expose it to CORS), so otherwise exponential backoff with "equal jitter":
 * half fixed, half random, so clients that failed together do not retry together yet never retry at once.
 */
export function retryDelayMs(
  error: GraphError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  if (error.retryAfterSeconds !== null) return error.retryAfterSeconds * 1000
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return exponential / 2 + random() * (exponential / 2)
}

/** Resolves after `ms`, or rejects with an `aborted` GraphError the moment `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError())
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortedError())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
