/**
 * Issue #7 item 6: against real Graph's limit. The fake's `throttle` scenario (spec §4.3: 5 requests per
 * 10 s per app and tenant, a token bucket that starts full) answers 429 + Retry-After; the app's client and
 * download path (createGraphClient + runDownload, pages of 1000) must keep close to the most the limit
 * allows: the fastest time the bucket permits for N pages ((N − 5) / 0.5 pages/s) over the time taken.
 */
import { loadAppModules } from '../lib/app-modules.mjs'
import { downloadViewState } from '../lib/download-view.mjs'
import { BENCH_TENANT, BENCH_TOKEN, startFakeGraph } from '../lib/fake-graph.mjs'

export const description = "download under the fake's 5-requests-per-10-s throttle: throughput vs the limit"

/** 9 steady-state pages ≈ 18 s at the real rate; enough to see lost time per page, short enough to run. */
const PAGES = 14
const PAGE_SIZE = 1000
const BUCKET = { capacity: 5, windowSeconds: 10 }
const TARGET_FRACTION = 0.9

export async function run({ emit, log }) {
  const app = await loadAppModules()
  const server = await startFakeGraph({ scenario: 'throttle' })
  try {
    const requests = []
    const client = app.createGraphClient({
      baseUrl: server.url,
      getAccessToken: async () => BENCH_TOKEN,
      onRequest: (event) => requests.push(event),
    })
    const file = app.downloadFiles.find((candidate) => candidate.id === 'csv:InteractiveSignIns')
    const { request, accept } = app.downloadQueryFor(
      file,
      downloadViewState(app),
      new Date(BENCH_TENANT.MOCK_NOW),
    )
    const pageDone = []
    let lastPages = 0
    let bytes = 0
    const started = performance.now()
    log(`downloading ${PAGES} pages of ${PAGE_SIZE} under the throttle (~${(PAGES - BUCKET.capacity) * 2} s)`)
    const result = await app.runDownload({
      client,
      request,
      accept,
      encoder: app.encoderFor(file, { bom: false }),
      sink: {
        kind: 'byte-counter',
        write: async (chunk) => void (bytes += chunk.byteLength),
        close: async () => {},
        abort: async () => {},
      },
      limit: PAGES * PAGE_SIZE,
      onProgress: (progress) => {
        if (progress.pagesFetched > lastPages) {
          lastPages = progress.pagesFetched
          pageDone.push(performance.now() - started)
        }
      },
    })
    if (result.error || result.recordsWritten !== PAGES * PAGE_SIZE) {
      throw new Error(
        `throttled download: ${result.outcome}, ${result.recordsWritten} records, ${result.error?.message}`,
      )
    }
    const refusals = new Map()
    for (const event of requests) {
      if (event.status === 429) refusals.set(event.url, (refusals.get(event.url) ?? 0) + 1)
    }
    const refusedTwice = [...refusals.values()].filter((count) => count > 1).length
    const limitPagesPerSecond = BUCKET.capacity / BUCKET.windowSeconds
    // A full bucket lets `capacity` requests through at once, then one per windowSeconds / capacity: no
    // client can get N pages in less than (N - capacity) / rate seconds after its first request.
    const fastestSeconds = (PAGES - BUCKET.capacity) / limitPagesPerSecond
    const totalSeconds = (pageDone[PAGES - 1] ?? Number.NaN) / 1000
    const fraction = fastestSeconds / totalSeconds
    emit({
      name: 'throttle.throughputFraction',
      value: fraction,
      unit: 'fraction of limit',
      target: `>= ${TARGET_FRACTION}`,
      met: fraction >= TARGET_FRACTION,
      samples: 1,
      note: `${PAGES} pages of ${PAGE_SIZE} in ${totalSeconds.toFixed(1)} s (${((PAGES * PAGE_SIZE) / totalSeconds).toFixed(0)} records/s); the limit (5 req / 10 s, bucket full at start) allows them in ${fastestSeconds} s at best`,
    })
    emit({
      name: 'throttle.refusedMoreThanOnce',
      value: refusedTwice,
      unit: 'requests',
      target: '0',
      met: refusedTwice === 0,
      samples: 1,
      note: `${[...refusals.values()].reduce((sum, count) => sum + count, 0)} 429s over ${requests.length} requests for ${PAGES} pages`,
    })
  } finally {
    await server.stop()
  }
}
