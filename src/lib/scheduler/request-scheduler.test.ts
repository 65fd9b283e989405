import { createRequestScheduler, createScheduledFetch, type RequestPriority } from './request-scheduler.ts'
import { createSimulatedClock } from './testing/simulated-clock.ts'

function harness(options: Parameters<typeof createRequestScheduler>[0] = {}) {
  const clock = createSimulatedClock(1_000_000)
  const scheduler = createRequestScheduler({ clock, ...options })
  const started: { name: string; at: number }[] = []
  const request = (name: string, priority: RequestPriority = 'foreground', signal?: AbortSignal) =>
    scheduler.acquire(signal, priority).then(() => void started.push({ name, at: clock.now() - 1_000_000 }))
  return { clock, scheduler, started, request }
}

test('keeps to the budget: never more than 5 starts in any 10.5 s window, in order', async () => {
  const { clock, started, request } = harness()
  const all = Promise.all(Array.from({ length: 23 }, (_, i) => request(`r${i}`, 'background')))
  await clock.runAll()
  await all
  expect(started.map((s) => s.name)).toEqual(Array.from({ length: 23 }, (_, i) => `r${i}`))
  const at = started.map((s) => s.at)
  expect(at.slice(0, 11)).toEqual([0, 0, 0, 0, 0, 10_500, 10_500, 10_500, 10_500, 10_500, 21_000])
  for (let i = 5; i < at.length; i++) expect(at[i]! - at[i - 5]!).toBeGreaterThanOrEqual(10_500)
})

test('foreground jumps the queue ahead of queued background work', async () => {
  const { clock, started, request } = harness({ maxRequests: 1, windowMs: 1000 })
  const background = Promise.all([
    request('b1', 'background'),
    request('b2', 'background'),
    request('b3', 'background'),
  ])
  await clock.advance(10)
  const foreground = request('f1', 'foreground')
  await clock.runAll()
  await Promise.all([background, foreground])
  expect(started.map((s) => s.name)).toEqual(['b1', 'f1', 'b2', 'b3'])
})

test('while the page is active the export leaves a slot of every window to it; idle, the export gets all', async () => {
  const { clock, started, request, scheduler } = harness({ foregroundActiveMs: 15_000 })
  const exports = Array.from({ length: 10 }, (_, i) => request(`b${i}`, 'background'))
  await clock.advance(0)
  // No foreground yet: the export takes the whole window.
  expect(started.map((s) => s.name)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4'])
  const f0 = request('f0', 'foreground')
  await clock.advance(10_500)
  await f0
  // f0 waited for the next window and went first; the export then took 3 slots, leaving one for the page.
  const second = started.filter((s) => s.at === 10_500).map((s) => s.name)
  expect(second).toEqual(['f0', 'b5', 'b6', 'b7'])
  // A click now starts at once, in the reserved slot.
  const click = request('f1', 'foreground')
  await clock.advance(0)
  await click
  expect(started.at(-1)).toEqual({ name: 'f1', at: 10_500 })
  await clock.runAll()
  await Promise.all(exports)
  expect(scheduler.stats.startedByPriority).toEqual({ foreground: 2, background: 10 })
})

test('a 429 pauses everyone for its Retry-After; an unreadable one for a whole window', async () => {
  const { clock, scheduler, started, request } = harness({ maxRequests: 100, windowMs: 10_000 })
  scheduler.throttled(3_000)
  const first = request('a', 'background')
  await clock.advance(2_999)
  expect(started).toEqual([])
  await clock.advance(1)
  await first
  expect(started).toEqual([{ name: 'a', at: 3_000 }])
  scheduler.throttled(null)
  const second = request('b', 'foreground')
  await clock.advance(9_999)
  expect(started).toHaveLength(1)
  await clock.advance(1)
  await second
  expect(started.at(-1)).toEqual({ name: 'b', at: 13_000 })
})

test("'after-throttle' lets everything through until the first 429, then keeps to the budget", async () => {
  const { clock, scheduler, started, request } = harness({ budget: 'after-throttle' })
  await Promise.all(Array.from({ length: 8 }, (_, i) => request(`free${i}`)))
  expect(started.every((s) => s.at === 0)).toBe(true)
  scheduler.throttled(0)
  const limited = Promise.all(Array.from({ length: 6 }, (_, i) => request(`kept${i}`)))
  await clock.runAll()
  await limited
  // The 8 starts at 0 still count: the next window opens at 10.5 s, and only 5 fit in it.
  expect(started.slice(8).map((s) => s.at)).toEqual([10_500, 10_500, 10_500, 10_500, 10_500, 21_000])
})

test('an aborted waiter leaves the queue without using a slot', async () => {
  const { clock, scheduler, started, request } = harness({ maxRequests: 1, windowMs: 1000 })
  await request('a')
  const controller = new AbortController()
  const cancelled = request('b', 'background', controller.signal)
  const next = request('c', 'background')
  expect(scheduler.pending).toBe(2)
  controller.abort(new DOMException('gone', 'AbortError'))
  await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' })
  await clock.advance(1000)
  await next
  expect(started.map((s) => s.name)).toEqual(['a', 'c'])
})

test('the scheduled fetch reports a 429 and its Retry-After to the scheduler', async () => {
  const clock = createSimulatedClock(0)
  const scheduler = createRequestScheduler({ clock, maxRequests: 100 })
  const fetchFn: typeof fetch = async () =>
    new Response('{}', { status: 429, headers: { 'Retry-After': '7' } })
  const scheduled = createScheduledFetch(scheduler, fetchFn, 'background', clock)
  expect((await scheduled('https://graph.microsoft.com/beta/auditLogs/signIns')).status).toBe(429)
  expect(scheduler.stats.throttled).toBe(1)
  let startedAt: number | null = null
  const after = scheduler.acquire(null, 'foreground').then(() => (startedAt = clock.now()))
  await clock.runAll()
  await after
  expect(startedAt).toBe(7_000)
})
