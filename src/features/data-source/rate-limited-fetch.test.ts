import {
  createRateLimitedFetch,
  createRateLimiter,
  rateLimiterFor,
  retryAfterMs,
} from './rate-limited-fetch.ts'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 10, 22, 12, 0, 0) })
})
afterEach(() => {
  vi.useRealTimers()
})

function recordingFetch(status = 200, headers: Record<string, string> = {}) {
  const startedAt: number[] = []
  const fetchFn: typeof fetch = async () => {
    startedAt.push(Date.now())
    return new Response('{}', { status, headers })
  }
  return { fetchFn, startedAt }
}

test('never starts more than 5 requests in any 10.5 s window, in order', async () => {
  const { fetchFn, startedAt } = recordingFetch()
  const limited = createRateLimitedFetch(createRateLimiter(), fetchFn)
  const t0 = Date.now()
  const all = Promise.all(
    Array.from({ length: 12 }, (_, i) => limited(`https://graph.microsoft.com/beta/x?i=${i}`)),
  )
  await vi.advanceTimersByTimeAsync(40_000)
  await all
  const offsets = startedAt.map((t) => t - t0)
  expect(offsets).toEqual([0, 0, 0, 0, 0, 10_500, 10_500, 10_500, 10_500, 10_500, 21_000, 21_000])
  for (let i = 5; i < offsets.length; i++)
    expect(offsets[i]! - offsets[i - 5]!).toBeGreaterThanOrEqual(10_500)
})

test('a request aborted while queued leaves the queue without using a slot', async () => {
  const { fetchFn, startedAt } = recordingFetch()
  const limiter = createRateLimiter({ maxRequests: 1, windowMs: 10_000 })
  const limited = createRateLimitedFetch(limiter, fetchFn)
  await limited('https://graph.microsoft.com/a')
  const controller = new AbortController()
  const cancelled = limited('https://graph.microsoft.com/b', { signal: controller.signal })
  const next = limited('https://graph.microsoft.com/c')
  expect(limiter.pending).toBe(2)
  controller.abort(new DOMException('The user left the tab', 'AbortError'))
  await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' })
  expect(limiter.pending).toBe(1)
  await vi.advanceTimersByTimeAsync(10_000)
  await next
  expect(startedAt).toHaveLength(2)
  await expect(
    limited('https://graph.microsoft.com/d', { signal: AbortSignal.abort() }),
  ).rejects.toMatchObject({ name: 'AbortError' })
})

test('a readable Retry-After on a 429 holds back every queued request', async () => {
  let calls = 0
  const startedAt: number[] = []
  const fetchFn: typeof fetch = async () => {
    startedAt.push(Date.now())
    calls++
    return calls === 1
      ? new Response('{}', { status: 429, headers: { 'Retry-After': '7' } })
      : new Response('{}')
  }
  const limited = createRateLimitedFetch(createRateLimiter(), fetchFn)
  const t0 = Date.now()
  const first = await limited('https://graph.microsoft.com/a')
  expect(first.status).toBe(429)
  const second = limited('https://graph.microsoft.com/b')
  await vi.advanceTimersByTimeAsync(6_999)
  expect(startedAt).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(1)
  await second
  expect(startedAt.map((t) => t - t0)).toEqual([0, 7_000])
})

test('delay listeners hear how long the queue waits', async () => {
  const limiter = createRateLimiter({ maxRequests: 1, windowMs: 10_000 })
  const waits: number[] = []
  const unsubscribe = limiter.onDelay((ms) => waits.push(ms))
  await limiter.acquire()
  vi.advanceTimersByTime(4_000)
  const second = limiter.acquire()
  expect(waits).toEqual([6_000])
  unsubscribe()
  await vi.advanceTimersByTimeAsync(6_000)
  await second
})

test('Retry-After: seconds, HTTP date, absent or junk', () => {
  const now = Date.now()
  expect(retryAfterMs(new Response(null, { headers: { 'Retry-After': '3' } }), now)).toBe(3000)
  expect(
    retryAfterMs(new Response(null, { headers: { 'Retry-After': new Date(now + 5000).toUTCString() } }), now),
  ).toBe(5000)
  expect(retryAfterMs(new Response(null), now)).toBeNull()
  expect(retryAfterMs(new Response(null, { headers: { 'Retry-After': 'soon' } }), now)).toBeNull()
})

test('one limiter per app and tenant', () => {
  expect(rateLimiterFor('App-1', 'Tenant-A')).toBe(rateLimiterFor('app-1', 'tenant-a'))
  expect(rateLimiterFor('app-1', 'tenant-a')).not.toBe(rateLimiterFor('app-1', 'tenant-b'))
})

describe('a huge Retry-After cannot stall or spin the queue', () => {
  test('retryAfterMs clamps to 120 s', () => {
    const now = Date.now()
    const header = (value: string) => new Response(null, { headers: { 'Retry-After': value } })
    expect(retryAfterMs(header('99999999999'), now)).toBe(120_000)
    expect(retryAfterMs(header(new Date(now + 86_400_000).toUTCString()), now)).toBe(120_000)
  })

  test('after 429 with Retry-After: 99999999999 the queue waits 120 s, arming its timer once, not every millisecond', async () => {
    const startedAt: number[] = []
    let calls = 0
    const fetchFn: typeof fetch = async () => {
      startedAt.push(Date.now())
      calls += 1
      return calls === 1
        ? new Response('{}', { status: 429, headers: { 'Retry-After': '99999999999' } })
        : new Response('{}')
    }
    const limiter = createRateLimiter()
    const delays: number[] = []
    limiter.onDelay((waitMs) => delays.push(waitMs))
    const limited = createRateLimitedFetch(limiter, fetchFn)
    const t0 = Date.now()
    await limited('https://graph.microsoft.com/beta/x')
    const next = limited('https://graph.microsoft.com/beta/x')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(delays).toEqual([120_000])
    expect(startedAt).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(119_000)
    await next
    expect(startedAt.map((t) => t - t0)).toEqual([0, 120_000])
    expect(delays).toHaveLength(1)
  })
})
