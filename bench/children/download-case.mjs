/**
 * One download case in a fresh process (`node --expose-gc`), so heap figures are not polluted by other cases:
 *   stream — the app's real path: downloadQueryFor + runDownload + the file's encoder, into a byte-counting sink;
 *   naive  — the same client and request, every page into one array, then one JSON.stringify / one CSV string.
 * Heap growth = peak of (heapUsed + arrayBuffers) minus the same after a full GC right before the download,
 * sampled every 5 ms, on every page and every sink write. Prints one JSON line with the figures.
 * Usage: node --expose-gc bench/children/download-case.mjs '{"mode":"stream","format":"csv","baseUrl":"http://…"}'
 */
import { BENCH_TENANT, BENCH_TOKEN } from '../lib/fake-graph.mjs'
import { loadAppModules } from '../lib/app-modules.mjs'
import { startHeapSampler } from '../lib/heap-sampler.mjs'
import { peakRssBytes } from '../lib/processes.mjs'
import { downloadViewState } from '../lib/download-view.mjs'

const { mode, format, baseUrl } = JSON.parse(process.argv[2] ?? '{}')
if (!['stream', 'naive'].includes(mode) || !['csv', 'json'].includes(format) || !baseUrl) {
  throw new Error(`bad arguments: ${process.argv[2]}`)
}

const app = await loadAppModules()
const now = new Date(BENCH_TENANT.MOCK_NOW)
const state = downloadViewState(app)
const file = app.downloadFiles.find((candidate) => candidate.id === `${format}:InteractiveSignIns`)
const { request, accept } = app.downloadQueryFor(file, state, now)
const client = app.createGraphClient({ baseUrl, getAccessToken: async () => BENCH_TOKEN })
const LIMIT = 100_000

const heap = startHeapSampler()
const { sample } = heap

let bytes = 0
const sink = {
  kind: 'byte-counter',
  async write(chunk) {
    bytes += chunk.byteLength
    sample()
  },
  async close() {},
  async abort() {},
}

const started = performance.now()
let records = 0
let error = null
if (mode === 'stream') {
  const result = await app.runDownload({
    client,
    request,
    accept,
    encoder: app.encoderFor(file, { bom: false }),
    sink,
    limit: LIMIT,
    onProgress: sample,
  })
  records = result.recordsWritten
  if (result.error) error = result.error.message
} else {
  const all = []
  for await (const page of client.iteratePages(request.path, { params: request.params })) {
    for (const record of page.value) if (accept(record)) all.push(record)
    sample()
    if (all.length >= LIMIT) break
  }
  all.length = Math.min(all.length, LIMIT)
  records = all.length
  try {
    let text
    if (format === 'json') {
      text = JSON.stringify(all)
    } else {
      const encoder = app.encoderFor(file, { bom: false })
      text = encoder.start() + encoder.encode(all) + encoder.end()
    }
    sample()
    const encoded = new TextEncoder().encode(text)
    sample()
    await sink.write(encoded)
  } catch (caught) {
    // e.g. V8's "Invalid string length": a 100 k-record JSON file is larger than the longest possible string.
    sample()
    error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
  }
}
const ms = performance.now() - started
const heapGrowth = heap.stop()
process.stdout.write(
  `${JSON.stringify({ mode, format, ms, records, bytes, heapGrowth, peakRss: peakRssBytes(process.pid), error })}\n`,
)
