/**
 * Issue #7 item 4: 100,000 sign-ins to CSV and to JSON through the app's download path (runDownload) next
 * to a naive baseline (all pages into one array, then one string), each case in its own `--expose-gc`
 * process (children/download-case.mjs), interleaved, medians. Pages come from the standalone fake through a
 * memoising proxy (lib/caching-proxy.mjs): the first walk is timed as the fake's own cost, later ones
 * replay the same bytes so both sides are measured on the client only.
 */
import { fileURLToPath } from 'node:url'
import { startCachingProxy } from '../lib/caching-proxy.mjs'
import { loadAppModules } from '../lib/app-modules.mjs'
import { downloadViewState } from '../lib/download-view.mjs'
import { BENCH_TENANT, startFakeGraph } from '../lib/fake-graph.mjs'
import { timedGet } from '../lib/http.mjs'
import { runNodeJson } from '../lib/processes.mjs'
import { interleave, median } from '../lib/stats.mjs'

export const description =
  '100 k records to CSV/JSON: runDownload vs a naive in-memory baseline (time, heap growth)'

const child = fileURLToPath(new URL('../children/download-case.mjs', import.meta.url))
/** Issue #7 targets: memory growth at least 5x below the baseline, time no worse than it. */
const MEMORY_FACTOR = 5
const MiB = 2 ** 20
const DOWNLOAD_PAGES = 100

export async function run({ emit, log, reps }) {
  const server = await startFakeGraph()
  const proxy = await startCachingProxy(server.url)
  try {
    const runCase = (mode, format) =>
      runNodeJson(child, [JSON.stringify({ mode, format, baseUrl: proxy.url })], {
        nodeArgs: ['--expose-gc', '--max-old-space-size=6144'],
      })
    log('first walk of 100 pages of 1000 (served by the fake, cached by the proxy)')
    const app = await loadAppModules()
    const file = app.downloadFiles.find((candidate) => candidate.id === 'csv:InteractiveSignIns')
    const { request } = app.downloadQueryFor(file, downloadViewState(app), new Date(BENCH_TENANT.MOCK_NOW))
    const walkStarted = performance.now()
    let next = app.buildRequestUrl(proxy.url, request.path, request.params)
    for (let page = 0; page < DOWNLOAD_PAGES && next; page += 1)
      next = (await timedGet(next)).body['@odata.nextLink']
    emit({
      name: 'downloads.fakeServes100k',
      value: (performance.now() - walkStarted) / 1000,
      unit: 's',
      samples: 1,
      note: `the fake generating the ${DOWNLOAD_PAGES} pages once (${(proxy.cachedBytes / MiB).toFixed(0)} MiB of JSON)`,
    })

    const samples = await interleave(
      {
        'stream.csv': () => runCase('stream', 'csv'),
        'naive.csv': () => runCase('naive', 'csv'),
        'stream.json': () => runCase('stream', 'json'),
        'naive.json': () => runCase('naive', 'json'),
      },
      { reps: reps(2) },
    )
    if (proxy.misses > DOWNLOAD_PAGES)
      log(`warning: ${proxy.misses} proxy misses (expected ${DOWNLOAD_PAGES}): pages differed between runs`)

    for (const format of ['csv', 'json']) {
      const ours = samples[`stream.${format}`]
      const naive = samples[`naive.${format}`]
      const failed = ours.find((r) => r.error || r.records !== 100_000)
      if (failed)
        throw new Error(`streaming ${format} download: ${failed.error ?? `${failed.records} records`}`)
      const naiveFailed = naive.find((r) => r.error)
      const naiveNote = naiveFailed
        ? `naive baseline failed (${naiveFailed.error}) after fetching ${naiveFailed.records} records; its figures are up to the failure, a lower bound`
        : undefined
      const ms = median(ours.map((r) => r.ms))
      const naiveMs = median(naive.map((r) => r.ms))
      const growth = median(ours.map((r) => r.heapGrowth))
      const naiveGrowth = median(naive.map((r) => r.heapGrowth))
      emit({
        name: `downloads.${format}.time`,
        value: ms / 1000,
        unit: 's',
        baseline: naiveMs / 1000,
        ratio: ms / naiveMs,
        target: '<= baseline',
        met: ms <= naiveMs,
        samples: ours.length,
        note: naiveNote,
      })
      emit({
        name: `downloads.${format}.heapGrowth`,
        value: growth / MiB,
        unit: 'MiB',
        baseline: naiveGrowth / MiB,
        ratio: growth / naiveGrowth,
        target: `<= 1/${MEMORY_FACTOR} of baseline`,
        met: growth * MEMORY_FACTOR <= naiveGrowth,
        samples: ours.length,
        note: naiveNote ?? 'peak heapUsed + arrayBuffers above the post-GC start',
      })
      emit({
        name: `downloads.${format}.peakRss`,
        value: median(ours.map((r) => r.peakRss)) / MiB,
        unit: 'MiB',
        baseline: median(naive.map((r) => r.peakRss)) / MiB,
        samples: ours.length,
        note: 'whole child process (VmHWM), incl. the Vite module runner',
      })
      emit({ name: `downloads.${format}.fileSize`, value: ours[0].bytes / MiB, unit: 'MiB', samples: 1 })
    }
  } finally {
    await proxy.close()
    await server.stop()
  }
}
