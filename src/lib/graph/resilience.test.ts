// @vitest-environment node
/**
 * Issue #7 fault injection: paging through the fake tenant with client.iteratePages while the network
 * misbehaves — 429 (Retry-After), 502/503/504, connections refused, and bodies cut off mid-stream — must still
 * give every record exactly once and in the same order as an unfaulted walk (graph-api.md §2.4, §4.2, §4.3).
 * Faults come from an MSW handler placed in front of the fake (it answers or falls through), on a seeded
 * schedule chosen by fast-check, plus one walk under the fake's own `flaky` scenario.
 */
import * as fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { createMockGraphServer } from '../../../mocks/node.ts'
import { createGraphClient, type GraphRequestEvent } from './client.ts'

const GRAPH = 'https://graph.microsoft.com'
const NOW = new Date('2026-11-20T12:00:00Z')
const LIST = '/beta/auditLogs/signIns'
/** The non-interactive list of the small tenant over 15 days: ~1,500 sign-ins, 8 pages of 200. */
const PARAMS = {
  $filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser') and createdDateTime ge 2026-11-05T12:00:00Z",
  $top: '200',
}
/** A retry budget above the longest run of faults the schedule can produce on one page. */
const MAX_FAULTS_IN_A_ROW = 4

const { server, scenarios } = createMockGraphServer({ seed: 5, now: NOW, size: 'small' })
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  scenarios.set('none')
})
afterAll(() => server.close())

function graphClient(onRequest?: (event: GraphRequestEvent) => void) {
  return createGraphClient({
    baseUrl: GRAPH,
    getAccessToken: async () => 'resilience-token',
    // Tiny backoff so the test spends its time paging, not sleeping; Retry-After still wins when present.
    retry: { maxAttempts: MAX_FAULTS_IN_A_ROW + 2, baseDelayMs: 1, maxDelayMs: 4 },
    onRequest,
  })
}

async function walkIds(onRequest?: (event: GraphRequestEvent) => void): Promise<string[]> {
  const ids: string[] = []
  for await (const page of graphClient(onRequest).iteratePages<{ id: string }>(LIST, { params: PARAMS })) {
    for (const record of page.value) ids.push(record.id)
  }
  return ids
}

type Fault = 'throttle' | 'bad-gateway' | 'unavailable' | 'timeout' | 'refused' | 'cut-body'
const faultKinds: readonly Fault[] = [
  'throttle',
  'bad-gateway',
  'unavailable',
  'timeout',
  'refused',
  'cut-body',
]

function faultResponse(fault: Fault): Response {
  const envelope = (status: number, code: string, headers: Record<string, string> = {}) =>
    HttpResponse.json(
      { error: { code, message: '', innerError: { date: '2026-11-20T12:00:00', 'request-id': 'fault' } } },
      { status, headers },
    )
  switch (fault) {
    case 'throttle':
      return envelope(429, 'UnknownError', { 'Retry-After': '0' })
    case 'bad-gateway':
      return envelope(502, 'UnknownError')
    case 'unavailable':
      return envelope(503, 'UnknownError')
    case 'timeout':
      return envelope(504, 'UnknownError')
    case 'refused':
      return HttpResponse.error()
    case 'cut-body': {
      // Headers and the start of a page arrive, then the connection drops.
      const start = new TextEncoder().encode('{"@odata.context":"x","value":[{"id":"')
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(start)
          controller.error(new TypeError('socket hang up'))
        },
      })
      return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
  }
}

/** Fault schedule: request n (0-based, retries included) gets `schedule[n % length]`, at most N in a row. */
function injectFaults(schedule: readonly (Fault | null)[]) {
  let requestCount = 0
  let faultsInARow = 0
  const injected: Fault[] = []
  server.use(
    http.get(`${GRAPH}${LIST}`, () => {
      const fault = schedule[requestCount++ % schedule.length] ?? null
      if (fault === null || faultsInARow >= MAX_FAULTS_IN_A_ROW) {
        faultsInARow = 0
        return undefined // fall through to the fake
      }
      faultsInARow += 1
      injected.push(fault)
      return faultResponse(fault)
    }),
  )
  return injected
}

describe('iteratePages under injected faults', () => {
  let reference: string[] = []
  let unfaultedRequests = 0
  beforeAll(async () => {
    reference = await walkIds(() => (unfaultedRequests += 1))
  })

  it('the unfaulted walk is long enough and has no duplicates', () => {
    expect(reference.length).toBeGreaterThan(1000)
    expect(new Set(reference).size).toBe(reference.length)
  })

  it('random 429/5xx/dropped-connection schedules give every record once, in order', async () => {
    let totalInjected = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.constantFrom(...faultKinds), { freq: 2, nil: null }), {
          minLength: 3,
          maxLength: 12,
        }),
        async (schedule) => {
          server.resetHandlers()
          const injected = injectFaults(schedule)
          const events: GraphRequestEvent[] = []
          const ids = await walkIds((event) => events.push(event))
          expect(ids).toEqual(reference)
          // Each injected fault cost exactly one retry of the same page: nothing skipped, nothing re-walked.
          expect(events.length).toBe(unfaultedRequests + injected.length)
          totalInjected += injected.length
        },
      ),
      { numRuns: 10 },
    )
    // Faults landed on later pages too (nextLinks), not only on the first request.
    expect(totalInjected).toBeGreaterThan(20)
  })

  it("the fake's own flaky scenario (seeded 503/504/drops) gives the same records", async () => {
    scenarios.set('flaky')
    const events: GraphRequestEvent[] = []
    const ids = await walkIds((event) => events.push(event))
    expect(ids).toEqual(reference)
    // The scenario really failed some requests, and each failure cost one retry.
    const failed = events.filter((event) => event.status !== 200).length
    expect(failed).toBeGreaterThan(0)
    expect(events.length).toBe(unfaultedRequests + failed)
  })
})
