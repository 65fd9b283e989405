import type { GraphRequestEvent } from '../graph/client.ts'
import { REQUEST_LOG_LIMIT, createRequestLog } from './request-log.tsx'

function event(n: number, overrides: Partial<GraphRequestEvent> = {}): GraphRequestEvent {
  return {
    method: 'GET',
    url: `https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=${n}`,
    requestHeaders: { 'client-request-id': `id-${n}`, Prefer: 'include-unknown-enum-members' },
    status: 200,
    durationMs: 12,
    requestId: `req-${n}`,
    clientRequestId: `id-${n}`,
    attempt: 1,
    recordCount: 50,
    retryAfterSeconds: null,
    waitedBefore: null,
    ...overrides,
  }
}

test('keeps the newest 500 requests, newest first, and counts every one since the page loaded', () => {
  const log = createRequestLog({ clock: () => 1_000 })
  for (let n = 1; n <= 812; n++) log.record(event(n))
  const { entries, total } = log.get()
  expect(REQUEST_LOG_LIMIT).toBe(500)
  expect(total).toBe(812)
  expect(entries).toHaveLength(500)
  expect(entries[0]).toMatchObject({ sequence: 812, requestId: 'req-812', at: 1_000 })
  expect(entries[499]).toMatchObject({ sequence: 313, requestId: 'req-313' })
})

test('tells subscribers of each request, with a new snapshot each time, and stops after unsubscribing', () => {
  const log = createRequestLog({ limit: 3 })
  const seen: number[] = []
  const unsubscribe = log.subscribe(() => seen.push(log.get().total))
  const before = log.get()
  log.record(event(1))
  expect(log.get()).not.toBe(before)
  log.record(event(2))
  unsubscribe()
  log.record(event(3))
  expect(seen).toEqual([1, 2])
})

test('never stores an Authorization header, whatever the caller passes', () => {
  const log = createRequestLog()
  log.record(
    event(1, { requestHeaders: { AUTHORIZATION: 'Bearer abc.def.ghi', Accept: 'application/json' } }),
  )
  expect(log.get().entries[0]!.requestHeaders).toEqual({ Accept: 'application/json' })
  expect(JSON.stringify(log.get())).not.toContain('abc.def.ghi')
})
