/**
 * What each scenario (mocks/scenarios.ts) does to an authenticated request: licence/role/permission 403s
 * (spec §4.2), the identity-reports token bucket (spec §4.3), intermittent 503/504/dropped connections, and
 * latency. Scenarios that change payloads rather than replace them act in mocks/graph/visibility.ts.
 */
import type { ScenarioState } from '../scenarios.ts'
import { errorResponse, GraphError, newGuid, type RequestContext } from './envelope.ts'

export interface FaultOptions {
  /** Spec §4.3: 5 requests per 10 s per app per tenant. */
  throttle: { capacity: number; windowMs: number }
  /** Share of requests that fail, and the PRNG seed that makes the sequence repeatable. */
  flaky: { failureRate: number; seed: number }
  slow: { minMs: number; maxMs: number }
}

export const DEFAULT_FAULT_OPTIONS: FaultOptions = {
  throttle: { capacity: 5, windowMs: 10_000 },
  flaky: { failureRate: 0.2, seed: 1 },
  slow: { minMs: 600, maxMs: 1500 },
}

export interface FaultInjector {
  /** A response that replaces the real one (an error, or a network error), or undefined to carry on. */
  apply(request: Request, principalKey: string, ctx: RequestContext): Promise<Response | undefined>
}

export const THROTTLED_MESSAGE_PREFIX =
  'This request is throttled. Please try again after the value (in seconds) specified in the Retry-After header.'

/** Spec §4.2 [obs] (docs-contrib#3196): a token without the AuditLog.Read.All scope/role. */
export const MISSING_PERMISSION_MESSAGE =
  'Calling principal does not have required MSGraph permissions AuditLog.Read.All'

export function createFaultInjector(
  scenarios: ScenarioState,
  options: FaultOptions,
  clock: () => number,
  sleep: (ms: number) => Promise<void>,
): FaultInjector {
  const throttle = createTokenBuckets(options.throttle, clock)
  const flaky = createFlakiness(options.flaky)
  const random = mulberry32(options.flaky.seed ^ 0x5f3759df)
  return {
    async apply(request, principalKey, ctx) {
      switch (scenarios.get()) {
        case 'none':
          return undefined
        case 'non-premium':
          return errorResponse(
            ctx,
            new GraphError(
              403,
              'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
              "Neither tenant is B2C or tenant doesn't have premium license",
            ),
          )
        case 'forbidden':
          return errorResponse(
            ctx,
            new GraphError(
              403,
              'Authentication_RequestFromUnsupportedUserRole',
              'User is not in the allowed roles',
            ),
          )
        case 'missing-permission':
          return errorResponse(
            ctx,
            new GraphError(
              403,
              // Spec §4.2: the message is [obs]; the code is [unverified] (third-party notes only).
              'Authentication_MSGraphPermissionMissing',
              MISSING_PERMISSION_MESSAGE,
            ),
          )
        case 'throttle': {
          const retryAfterSeconds = throttle.take(principalKey)
          if (retryAfterSeconds === 0) return undefined
          return errorResponse(
            ctx,
            new GraphError(429, 'UnknownError', `${THROTTLED_MESSAGE_PREFIX} CorrelationId: ${newGuid()}`, {
              'Retry-After': String(retryAfterSeconds),
            }),
          )
        }
        case 'flaky':
          return flaky.next(request.url, ctx)
        // Handled before faults (expired-token) or after them, in the payload (no-ca-access, p1-only).
        case 'expired-token':
        case 'no-ca-access':
        case 'p1-only':
          return undefined
        case 'slow': {
          const { minMs, maxMs } = options.slow
          await sleep(minMs + Math.floor(random() * (maxMs - minMs + 1)))
          return undefined
        }
      }
    },
  }
}

/** Principals tracked at once; any token text makes a principal, so an unbounded map is a memory leak. */
export const MAX_TRACKED_PRINCIPALS = 1000

/**
 * One token bucket per principal: `capacity` tokens, refilled continuously at capacity/windowMs. Returns 0 when
 * a token was taken, else the whole seconds until one is available again (the Retry-After value).
 * Buckets are kept in least-recently-used order: a bucket that has refilled completely is the same as no bucket,
 * so those are dropped from the old end on every call, and past `maxPrincipals` the least recently used goes.
 */
export function createTokenBuckets(
  config: FaultOptions['throttle'],
  clock: () => number,
  maxPrincipals = MAX_TRACKED_PRINCIPALS,
) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const refillPerMs = config.capacity / config.windowMs
  const refilled = (bucket: { tokens: number; at: number }, now: number) =>
    Math.min(config.capacity, bucket.tokens + Math.max(0, now - bucket.at) * refillPerMs)
  const evict = (now: number) => {
    for (const [key, bucket] of buckets) {
      if (buckets.size < maxPrincipals && refilled(bucket, now) < config.capacity) break
      buckets.delete(key)
    }
  }
  return {
    take(key: string): number {
      const now = clock()
      const known = buckets.get(key)
      const bucket = known ? { tokens: refilled(known, now), at: now } : { tokens: config.capacity, at: now }
      buckets.delete(key)
      evict(now)
      buckets.set(key, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return 0
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000))
    },
    /** Principals currently tracked (for tests). */
    get size() {
      return buckets.size
    },
  }
}

const MAX_REMEMBERED_URLS = 1000

/**
 * ~failureRate of requests fail, but never the same URL twice in a row, so a client that retries always makes
 * progress (and a test that walks pages with retries terminates).
 */
function createFlakiness(config: FaultOptions['flaky']) {
  const random = mulberry32(config.seed)
  const failedLastTime = new Set<string>()
  return {
    next(url: string, ctx: RequestContext): Response | undefined {
      if (failedLastTime.delete(url)) return undefined
      if (random() >= config.failureRate) return undefined
      failedLastTime.add(url)
      if (failedLastTime.size > MAX_REMEMBERED_URLS) {
        const oldest = failedLastTime.values().next()
        if (!oldest.done) failedLastTime.delete(oldest.value)
      }
      const kind = random()
      // Spec §4.2: overload/timeout bodies are e.g. `UnknownError` with an empty message.
      if (kind < 0.35)
        return errorResponse(ctx, new GraphError(503, 'UnknownError', '', { 'Retry-After': '1' }))
      if (kind < 0.55) return errorResponse(ctx, new GraphError(503, 'UnknownError', ''))
      if (kind < 0.8) return errorResponse(ctx, new GraphError(504, 'UnknownError', ''))
      // A dropped connection: MSW turns this into a fetch TypeError; the standalone server destroys the socket.
      return Response.error()
    },
  }
}

/** Small seeded PRNG (deterministic sequences across runs). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
