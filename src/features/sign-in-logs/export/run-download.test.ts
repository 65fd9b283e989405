/**
 * runDownload against a small paged Graph list served by MSW at the network layer (own handlers, so
 * each fault lands on an exact request). The fake tenant's own scenarios are exercised in
 * run-download.mock-graph.test.ts.
 */
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import Papa from 'papaparse'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { createGraphClient, type GraphClient, type GraphPage } from '../../../lib/graph/index.ts'
import { createCsvEncoder } from './encode-csv.ts'
import { createJsonEncoder } from './encode-json.ts'
import { cancelDownload, runDownload, type DownloadProgress } from './run-download.ts'
import { memorySink } from './sinks.ts'
import { makeSignIn } from './test-sign-in.ts'

const BASE = 'https://graph.microsoft.com'
const RECORDS: BetaSignIn[] = Array.from({ length: 230 }, (_, index) =>
  makeSignIn({
    id: `rec-${String(index).padStart(4, '0')}`,
    createdDateTime: new Date(Date.UTC(2026, 10, 20, 12) - index * 60_000).toISOString(),
    userDisplayName: index % 7 === 0 ? 'Hostile "=cmd|\' /C calc\'!A0", \r\n name' : `User ${index}`,
    appDisplayName: index % 3 === 0 ? 'Teams' : 'Outlook',
  }),
)

type Fault = 'throttle' | 'server' | 'drop' | 'unauthorized' | 'hang'
/** Faults by request number (1-based, counting every request including retries). */
let faults = new Map<number, Fault>()
let requestUrls: string[] = []

const server = setupServer(
  http.get(`${BASE}/beta/auditLogs/signIns`, async ({ request }) => {
    requestUrls.push(request.url)
    const fault = faults.get(requestUrls.length)
    if (fault === 'throttle') {
      return HttpResponse.json(
        { error: { code: 'UnknownError', message: 'This request is throttled.' } },
        { status: 429, headers: { 'Retry-After': '0' } },
      )
    }
    if (fault === 'server') {
      return HttpResponse.json(
        { error: { code: 'ServiceUnavailable', message: 'Try later' } },
        { status: 503 },
      )
    }
    if (fault === 'drop') return HttpResponse.error()
    if (fault === 'unauthorized') {
      return HttpResponse.json(
        {
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'Lifetime validation failed, the token is expired.',
          },
        },
        { status: 401 },
      )
    }
    if (fault === 'hang') {
      await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve()))
      return HttpResponse.error()
    }
    const url = new URL(request.url)
    const top = Number(url.searchParams.get('$top') ?? '1000')
    const offset = Number(url.searchParams.get('$skiptoken') ?? '0')
    const app = /appDisplayName eq '(\w+)'/.exec(url.searchParams.get('$filter') ?? '')?.[1]
    const matching = app ? RECORDS.filter((r) => r.appDisplayName === app) : RECORDS
    const value = matching.slice(offset, offset + top)
    const next = offset + top < matching.length ? new URL(url) : null
    next?.searchParams.set('$skiptoken', String(offset + top))
    return HttpResponse.json({ value, ...(next ? { '@odata.nextLink': next.toString() } : {}) })
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  faults = new Map()
  requestUrls = []
})
afterAll(() => server.close())

const client: GraphClient = createGraphClient({
  baseUrl: BASE,
  getAccessToken: async () => 'mock-tenant-token',
  retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
})
const request = { path: '/beta/auditLogs/signIns', params: { $top: '50' } }

function csvRequestIds(text: string): string[] {
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data
  return rows.slice(1).map((row) => row[1] ?? '')
}

/** The reference answer: the same query paged straight through the client. */
async function pagedIds(params: Record<string, string>, accept: (r: BetaSignIn) => boolean = () => true) {
  const ids: string[] = []
  for await (const page of client.iteratePages<BetaSignIn>(request.path, { params })) {
    ids.push(...page.value.filter(accept).map((r) => r.id))
  }
  requestUrls = []
  return ids
}

describe('runDownload', () => {
  it('writes every record of every page once, in API order (CSV)', async () => {
    const expected = await pagedIds(request.params)
    const sink = memorySink()
    const progress: DownloadProgress[] = []
    const result = await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink,
      onProgress: (p) => progress.push(p),
    })
    expect(result).toMatchObject({ outcome: 'completed', recordsWritten: 230, pagesFetched: 5 })
    expect(sink.state).toBe('closed')
    expect(csvRequestIds(sink.text())).toEqual(expected)
    expect(expected).toHaveLength(230)
    expect(result.bytesWritten).toBe(sink.bytes().byteLength)
    // Progress per page, counts only grow, total unknown (Graph cannot count sign-ins).
    const counts = progress.map((p) => p.recordsWritten)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(progress.at(-1)).toMatchObject({ phase: 'done', recordsWritten: 230, expectedTotal: null })
  })

  it('leaves out records of the wrong shape, writes the rest, and says which and why', async () => {
    server.use(
      http.get(`${BASE}/beta/auditLogs/signIns`, () =>
        HttpResponse.json(
          {
            value: [
              RECORDS[0],
              { ...RECORDS[1], status: null },
              { ...RECORDS[2], userDisplayName: 42 },
              RECORDS[3],
            ],
          },
          { headers: { 'request-id': 'req-bad-page' } },
        ),
      ),
    )
    const sink = memorySink()
    const progress: DownloadProgress[] = []
    const result = await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink,
      onProgress: (p) => progress.push(p),
    })
    expect(result).toMatchObject({ outcome: 'completed', recordsWritten: 2, recordsLeftOut: 2 })
    expect(csvRequestIds(sink.text())).toEqual([RECORDS[0]!.id, RECORDS[3]!.id])
    expect(result.leftOut.map((record) => [record.recordId, record.requestId, record.problems])).toEqual([
      [RECORDS[1]!.id, 'req-bad-page', ['status should be an object, not null']],
      [RECORDS[2]!.id, 'req-bad-page', ['userDisplayName should be text, not the number 42']],
    ])
    expect(progress.at(-1)).toMatchObject({ phase: 'done', recordsLeftOut: 2 })
  })

  it('JSON: one array of the Graph objects, same ids and order', async () => {
    const sink = memorySink()
    await runDownload({ client, request, encoder: createJsonEncoder(), sink })
    const parsed = JSON.parse(sink.text()) as BetaSignIn[]
    expect(parsed).toEqual(RECORDS)
  })

  it('applies server-side params and the client-side predicate exactly like paging the query', async () => {
    const params = { $top: '40', $filter: "appDisplayName eq 'Teams'" }
    const accept = (r: BetaSignIn) => r.userDisplayName?.includes('1') ?? false
    const expected = await pagedIds(params, accept)
    const sink = memorySink()
    const result = await runDownload({
      client,
      request: { ...request, params },
      accept,
      encoder: createCsvEncoder('user'),
      sink,
    })
    expect(csvRequestIds(sink.text())).toEqual(expected)
    expect(result.recordsWritten).toBe(expected.length)
    expect(expected.length).toBeGreaterThan(5)
  })

  it('stops at the limit with the newest records and says the file is truncated', async () => {
    const sink = memorySink()
    const result = await runDownload({ client, request, encoder: createCsvEncoder('user'), sink, limit: 120 })
    expect(result).toMatchObject({ outcome: 'truncated', recordsWritten: 120 })
    expect(csvRequestIds(sink.text())).toEqual(RECORDS.slice(0, 120).map((r) => r.id))
    expect(requestUrls).toHaveLength(3)
  })

  it('a limit equal to the total is not truncation', async () => {
    const result = await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink: memorySink(),
      limit: 230,
    })
    expect(result.outcome).toBe('completed')
  })

  it('429, 503 and a dropped connection are retried on the same page: same file, waits reported', async () => {
    const clean = memorySink()
    await runDownload({ client, request, encoder: createCsvEncoder('user'), sink: clean })
    requestUrls = []
    faults = new Map([
      [2, 'throttle'],
      [4, 'server'],
      [5, 'drop'],
      [8, 'throttle'],
    ])
    const sink = memorySink()
    const waits: string[] = []
    const result = await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink,
      onProgress: (p) => p.wait && waits.push(`${p.phase}:${p.wait.reason}`),
    })
    expect(result.outcome).toBe('completed')
    expect(sink.text()).toBe(clean.text())
    expect(waits).toEqual(['waiting:throttled', 'waiting:server', 'waiting:network', 'waiting:throttled'])
    // Each retry asked for the same page again.
    expect(requestUrls[1]).toBe(requestUrls[2])
    expect(requestUrls[3]).toBe(requestUrls[4])
  })

  it('an expired token pauses on the failing page; Resume continues there without duplicates', async () => {
    faults = new Map([[3, 'unauthorized']])
    const sink = memorySink()
    const phases: string[] = []
    let askedToSignIn = 0
    const result = await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink,
      onProgress: (p) => phases.at(-1) !== p.phase && phases.push(p.phase),
      onInterrupted: async (error) => {
        expect(error.kind).toBe('unauthorized')
        askedToSignIn += 1
        return true
      },
    })
    expect(askedToSignIn).toBe(1)
    expect(phases).toEqual(['running', 'paused', 'running', 'done'])
    expect(result).toMatchObject({ outcome: 'completed', recordsWritten: 230 })
    expect(csvRequestIds(sink.text())).toEqual(RECORDS.map((r) => r.id))
    expect(requestUrls[3]).toBe(requestUrls[2])
  })

  it('retries exhausted also pause (Resume = same page); declining fails and leaves no file', async () => {
    faults = new Map([
      [2, 'server'],
      [3, 'server'],
      [4, 'server'],
    ])
    const sink = memorySink()
    const result = await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink,
      onInterrupted: async () => false,
    })
    expect(result.outcome).toBe('failed')
    expect(result.error).toMatchObject({ kind: 'server' })
    expect(sink.state).toBe('aborted')
  })

  it('a 401 without a resume handler fails and discards the file', async () => {
    faults = new Map([[2, 'unauthorized']])
    const sink = memorySink()
    const result = await runDownload({ client, request, encoder: createJsonEncoder(), sink })
    expect(result).toMatchObject({ outcome: 'failed', error: { kind: 'unauthorized' } })
    expect(sink.state).toBe('aborted')
  })

  it('Cancel aborts the request in flight at once and leaves no file', async () => {
    faults = new Map([[3, 'hang']])
    const controller = new AbortController()
    const sink = memorySink()
    const done = runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink,
      signal: controller.signal,
    })
    await vi.waitFor(() => expect(requestUrls).toHaveLength(3))
    const started = performance.now()
    cancelDownload(controller, { keepPartial: false })
    const result = await done
    expect(performance.now() - started).toBeLessThan(500)
    expect(result).toMatchObject({ outcome: 'cancelled', keptPartial: false, recordsWritten: 100 })
    expect(sink.state).toBe('aborted')
    expect(requestUrls).toHaveLength(3)
  })

  it('"Keep partial file" closes a valid file with the records written so far', async () => {
    faults = new Map([[3, 'hang']])
    const controller = new AbortController()
    const sink = memorySink()
    const done = runDownload({
      client,
      request,
      encoder: createJsonEncoder(),
      sink,
      signal: controller.signal,
    })
    await vi.waitFor(() => expect(requestUrls).toHaveLength(3))
    cancelDownload(controller, { keepPartial: true })
    const result = await done
    expect(result).toMatchObject({ outcome: 'cancelled', keptPartial: true })
    expect(sink.state).toBe('closed')
    expect((JSON.parse(sink.text()) as BetaSignIn[]).map((r) => r.id)).toEqual(
      RECORDS.slice(0, 100).map((r) => r.id),
    )
  })

  it('Cancel while paused for sign-in stops without another request', async () => {
    faults = new Map([[2, 'unauthorized']])
    const controller = new AbortController()
    const sink = memorySink()
    const result = await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink,
      signal: controller.signal,
      onInterrupted: () => {
        cancelDownload(controller, { keepPartial: false })
        return new Promise<boolean>(() => undefined)
      },
    })
    expect(result.outcome).toBe('cancelled')
    expect(sink.state).toBe('aborted')
    expect(requestUrls).toHaveLength(2)
  })

  it('reports speed and an upper-bound time left while the total is unknown', async () => {
    let now = 0
    const progress: DownloadProgress[] = []
    await runDownload({
      client,
      request,
      encoder: createCsvEncoder('user'),
      sink: memorySink(),
      limit: 1000,
      clock: () => (now += 100),
      onProgress: (p) => progress.push(p),
    })
    const mid = progress.find((p) => p.recordsWritten === 100)!
    expect(mid.recordsPerSecond).toBeGreaterThan(0)
    expect(mid.secondsLeftIsUpperBound).toBe(true)
    expect(mid.secondsLeft).toBeCloseTo(900 / mid.recordsPerSecond!, 5)
  })
})

describe('runDownload stops a paging loop', () => {
  /** A client whose pages come from `pageAt(n)`, for at most 50 pages (so a missing guard ends the test too). */
  function loopingClient(pageAt: (n: number) => GraphPage<BetaSignIn>): Pick<GraphClient, 'iteratePages'> {
    return {
      async *iteratePages<T>() {
        for (let n = 0; n < 50; n++) yield pageAt(n) as GraphPage<T>
      },
    }
  }

  test.each([
    [
      'a repeated nextLink',
      (n: number) => ({ value: [makeSignIn({ id: `r${n}` })], nextLink: `${BASE}/same`, requestId: null }),
      /same next-page link twice/,
    ],
    [
      '10 empty pages in a row',
      (n: number) => ({ value: [], nextLink: `${BASE}/p${n}`, requestId: null }),
      /10 empty pages in a row/,
    ],
  ])('%s fails the download with a clear error', async (_, pageAt, message) => {
    const sink = memorySink()
    const result = await runDownload({
      client: loopingClient(pageAt),
      request,
      encoder: createJsonEncoder(),
      sink,
      onInterrupted: async () => true,
    })
    expect(result.outcome).toBe('failed')
    expect(result.error?.message).toMatch(message)
    expect(result.pagesFetched).toBeLessThanOrEqual(10)
  })
})
