/**
 * A client-side limiter for real Microsoft Graph: "Identity and access reports" allow 5 requests per 10 s
 * per app per tenant (graph-api.md §4.3). We stay under it instead of collecting 429s.
 *
 * Why a sliding window and not a refilling token bucket: a bucket of 5 that refills 1 token per 2 s lets
 * 5 requests through at t=0 and 4 more by t=8 s — 9 in one 10 s window. Graph counts per window, so the
 * limiter keeps the start times of the last `maxRequests` requests and lets the next one start only when the
 * oldest is `windowMs` old. `windowMs` defaults to 11 s: 1 s of slack for network jitter between our clock
 * and the moment Graph counts the request.
 *
 * After a 429 whose Retry-After we can read, every queued request waits it out too (one app, one tenant,
 * one counter at Graph). The client itself also honours Retry-After for the retried request.
 * Aborting a queued request (React Query cancels what the user no longer looks at) removes it from the queue
 * without using a slot.
 * A pause is clamped to MAX_RETRY_AFTER_SECONDS: a huge Retry-After would otherwise overflow setTimeout (which
 * then fires after 1 ms), and the queue would re-arm its timer every millisecond for as long as the pause lasts.
 */
import { MAX_RETRY_AFTER_SECONDS } from '../../lib/graph/index.ts'

const MAX_PAUSE_MS = MAX_RETRY_AFTER_SECONDS * 1000

export interface RateLimitOptions {
  maxRequests?: number
  windowMs?: number
}

export interface RateLimiter {
  /** resolves when the caller may start a request; rejects with the signal's reason if aborted while queued */
  acquire(signal?: AbortSignal | null): Promise<void>
  /** no request may start before `untilMs` (epoch ms) */
  pauseUntil(untilMs: number): void
  /** requests queued right now */
  readonly pending: number
  /** told whenever the queue has to wait, with the wait in ms (for "waiting to stay under Graph's limit"); returns unsubscribe */
  onDelay(listener: (waitMs: number) => void): () => void
}

interface Waiter {
  resolve: () => void
  reject: (reason: unknown) => void
  signal: AbortSignal | null
  onAbort: () => void
}

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const maxRequests = options.maxRequests ?? 5
  const windowMs = options.windowMs ?? 11_000
  const starts: number[] = []
  const queue: Waiter[] = []
  let pausedUntil = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  const delayListeners = new Set<(waitMs: number) => void>()

  function delayFor(now: number): number {
    while (starts.length > 0 && now - (starts[0] ?? 0) >= windowMs) starts.shift()
    const windowWait = starts.length < maxRequests ? 0 : (starts[0] ?? now) + windowMs - now
    return Math.max(windowWait, pausedUntil - now, 0)
  }

  function pump(): void {
    timer = null
    while (queue.length > 0) {
      const now = Date.now()
      const wait = delayFor(now)
      if (wait > 0) {
        for (const listener of delayListeners) listener(wait)
        timer = setTimeout(pump, wait)
        return
      }
      const waiter = queue.shift()
      if (!waiter) return
      waiter.signal?.removeEventListener('abort', waiter.onAbort)
      starts.push(now)
      waiter.resolve()
    }
  }

  return {
    get pending() {
      return queue.length
    },
    onDelay(listener) {
      delayListeners.add(listener)
      return () => delayListeners.delete(listener)
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason)
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal: signal ?? null,
          onAbort: () => {
            const index = queue.indexOf(waiter)
            if (index >= 0) queue.splice(index, 1)
            reject(signal?.reason)
          },
        }
        signal?.addEventListener('abort', waiter.onAbort, { once: true })
        queue.push(waiter)
        if (timer === null) pump()
      })
    },
    pauseUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, Math.min(untilMs, Date.now() + MAX_PAUSE_MS))
      if (timer !== null) {
        clearTimeout(timer)
        timer = null
      }
      if (queue.length > 0) pump()
    },
  }
}

/**
 * Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3), clamped to MAX_RETRY_AFTER_SECONDS; null when absent
 * or unreadable (CORS may hide it, §4.3).
 */
export function retryAfterMs(response: Response, now: number): number | null {
  const header = response.headers.get('Retry-After')
  if (header === null) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(MAX_PAUSE_MS, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.min(MAX_PAUSE_MS, Math.max(0, date - now))
}

/** A `fetch` for createGraphClient's `fetch` option that passes every request through `limiter`. */
export function createRateLimitedFetch(
  limiter: RateLimiter,
  baseFetch: typeof fetch = (...args) => fetch(...args),
): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null)
    await limiter.acquire(signal)
    const response = await baseFetch(input, init)
    if (response.status === 429) {
      const wait = retryAfterMs(response, Date.now())
      if (wait !== null) limiter.pauseUntil(Date.now() + wait)
    }
    return response
  }
}

const limiters = new Map<string, RateLimiter>()

/**
 * One limiter per app + tenant for the page's lifetime, so switching sources or changing settings does not
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
