/**
 * The one request scheduler for Microsoft Graph's reporting budget: 5 requests per 10 s per app per tenant,
 * shared by every reporting call (graph-api.md §4.3). The grid, the summaries, the details and a background
 * export all ask it for a slot, so together they stay under the budget instead of collecting 429s.
 *
 * - Sliding window, not a refilling token bucket: a bucket of 5 refilling 1 per 2 s lets 5 through at t=0 and
 *   4 more by t=8 s, 9 in one 10 s window. The scheduler keeps the start times of the last `maxRequests`
 *   requests and lets the next start only when the oldest is `windowMs` old. The default window has 0.5 s of
 *   slack for the network delay between our clock and the moment Graph counts a request.
 * - Retry-After is everybody's: after a 429 no request of this app and tenant starts before it has passed.
 *   Without a readable Retry-After (CORS may hide it, §4.3) everyone waits a whole window.
 * - Priority: what the user is looking at (`foreground`) always leaves the queue before the export
 *   (`background`). While the page was active recently, background work also leaves `foregroundReserve` slots
 *   of each window free, so a click never waits behind a full window of export pages; with the page idle the
 *   export gets the whole budget.
 * - `budget: 'after-throttle'` (the mock tenant) lets everything through until the server first throttles,
 *   then keeps to the budget like real Graph: the fake's `throttle` scenario behaves as real Graph does while
 *   the other scenarios stay fast.
 *
 * Time comes from an injected clock with its own timers, so tests run on simulated time.
 */
import { MAX_RETRY_AFTER_SECONDS } from '../graph/errors.ts'

const MAX_PAUSE_MS = MAX_RETRY_AFTER_SECONDS * 1000

export type RequestPriority = 'foreground' | 'background'

export interface SchedulerClock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface RequestSchedulerOptions {
  maxRequests?: number
  windowMs?: number
  /** 'always' (real Graph) or 'after-throttle' (enforced from the first 429 on). */
  budget?: 'always' | 'after-throttle'
  /** Slots per window background work leaves free while foreground requests were recent. */
  foregroundReserve?: number
  /** How long after its last request the page counts as active for the reserve. */
  foregroundActiveMs?: number
  clock?: SchedulerClock
}

export interface SchedulerStats {
  started: number
  startedByPriority: Record<RequestPriority, number>
  throttled: number
}

export interface RequestScheduler {
  /** Resolves when the caller may start its request; rejects with the signal's reason if aborted while queued. */
  acquire(signal?: AbortSignal | null, priority?: RequestPriority): Promise<void>
  /** No request may start before `untilMs` (the clock's epoch ms). */
  pauseUntil(untilMs: number): void
  /** The server answered 429; `retryAfterMs` when its Retry-After could be read. */
  throttled(retryAfterMs: number | null): void
  /** Requests queued right now. */
  readonly pending: number
  readonly stats: SchedulerStats
  /** The most requests per window and the window: the budget's ceiling for progress displays. */
  readonly budget: { maxRequests: number; windowMs: number }
  /** Told whenever the queue has to wait, with the wait in ms; returns unsubscribe. */
  onDelay(listener: (waitMs: number) => void): () => void
}

interface Waiter {
  priority: RequestPriority
  resolve: () => void
  reject: (reason: unknown) => void
  signal: AbortSignal | null
  onAbort: () => void
}

export function createRequestScheduler(options: RequestSchedulerOptions = {}): RequestScheduler {
  const maxRequests = options.maxRequests ?? 5
  const windowMs = options.windowMs ?? 10_500
  const clock = options.clock ?? systemClock
  const reserve = Math.min(options.foregroundReserve ?? 1, maxRequests - 1)
  const foregroundActiveMs = options.foregroundActiveMs ?? 15_000
  let enforcing = (options.budget ?? 'always') === 'always'
  const starts: number[] = []
  const queues: Record<RequestPriority, Waiter[]> = { foreground: [], background: [] }
  let pausedUntil = 0
  let lastForeground = Number.NEGATIVE_INFINITY
  let timer: { handle: unknown } | null = null
  const delayListeners = new Set<(waitMs: number) => void>()
  const stats: SchedulerStats = {
    started: 0,
    startedByPriority: { foreground: 0, background: 0 },
    throttled: 0,
  }

  function waitFor(priority: RequestPriority, now: number): number {
    while (starts.length > 0 && now - starts[0]! >= windowMs) starts.shift()
    const pause = Math.max(0, pausedUntil - now)
    if (!enforcing) return pause
    const reserved = priority === 'background' && now - lastForeground < foregroundActiveMs ? reserve : 0
    const allowed = maxRequests - reserved
    if (starts.length < allowed) return pause
    // The slot frees when the (length - allowed + 1)-th oldest start leaves the window.
    const freeing = starts[starts.length - allowed]!
    return Math.max(pause, freeing + windowMs - now)
  }

  function schedule(wait: number): void {
    timer = { handle: clock.setTimeout(pump, wait) }
    for (const listener of delayListeners) listener(wait)
  }

  function pump(): void {
    timer = null
    for (;;) {
      const now = clock.now()
      const priority: RequestPriority | null =
        queues.foreground.length > 0 ? 'foreground' : queues.background.length > 0 ? 'background' : null
      if (priority === null) return
      const wait = waitFor(priority, now)
      if (wait > 0) {
        schedule(wait)
        return
      }
      const waiter = queues[priority].shift()!
      waiter.signal?.removeEventListener('abort', waiter.onAbort)
      starts.push(now)
      stats.started += 1
      stats.startedByPriority[priority] += 1
      waiter.resolve()
    }
  }

  // Clamped: a huge Retry-After would otherwise overflow setTimeout (which then fires after 1 ms), and the queue
  // would re-arm its timer every millisecond for as long as the pause lasts.
  function pauseUntil(untilMs: number): void {
    pausedUntil = Math.max(pausedUntil, Math.min(untilMs, clock.now() + MAX_PAUSE_MS))
    repump()
  }

  function repump(): void {
    if (timer !== null) {
      clock.clearTimeout(timer.handle)
      timer = null
    }
    pump()
  }

  return {
    get pending() {
      return queues.foreground.length + queues.background.length
    },
    stats,
    budget: { maxRequests, windowMs },
    onDelay(listener) {
      delayListeners.add(listener)
      return () => delayListeners.delete(listener)
    },
    acquire(signal, priority = 'foreground') {
      if (signal?.aborted) return Promise.reject(signal.reason)
      if (priority === 'foreground') lastForeground = clock.now()
      return new Promise<void>((resolve, reject) => {
        const queue = queues[priority]
        const waiter: Waiter = {
          priority,
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
        // A foreground arrival may start before a background request the timer was waiting for.
        repump()
      })
    },
    pauseUntil,
    throttled(waitMs) {
      stats.throttled += 1
      enforcing = true
      pauseUntil(clock.now() + (waitMs ?? windowMs))
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

/**
 * A `fetch` for createGraphClient's `fetch` option: every request waits for a slot of `priority`, and a 429
 * pauses everyone sharing the scheduler.
 */
export function createScheduledFetch(
  scheduler: RequestScheduler,
  baseFetch: typeof fetch = (...args) => fetch(...args),
  priority: RequestPriority = 'foreground',
  clock: Pick<SchedulerClock, 'now'> = systemClock,
): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null)
    await scheduler.acquire(signal, priority)
    const response = await baseFetch(input, init)
    if (response.status === 429) scheduler.throttled(retryAfterMs(response, clock.now()))
    return response
  }
}
