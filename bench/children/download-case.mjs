/**
 * One download case (frame and heap figure: ../lib/heap-case.mjs):
 *   stream — the app's real path: downloadQueryFor + runDownload + the file's encoder, into a byte-counting sink;
 *   naive  — the same client and request, every page into one array, then one JSON.stringify / one CSV string.
 * Usage: node --expose-gc bench/children/download-case.mjs '{"mode":"stream","format":"csv","baseUrl":"http://…"}'
 */
import { BENCH_TENANT, BENCH_TOKEN } from '../lib/fake-graph.mjs'
import { loadAppModules } from '../lib/app-modules.mjs'
import { peakRssBytes } from '../lib/processes.mjs'
import { downloadViewState } from '../lib/download-view.mjs'
import { caseArguments, errorText, startHeapCase } from '../lib/heap-case.mjs'

const { mode, format, baseUrl } = caseArguments(
  (options) =>
    ['stream', 'naive'].includes(options.mode) &&
    ['csv', 'json'].includes(options.format) &&
    Boolean(options.baseUrl),
)

const app = await loadAppModules()
const now = new Date(BENCH_TENANT.MOCK_NOW)
const state = downloadViewState(app)
const file = app.downloadFiles.find((candidate) => candidate.id === `${format}:InteractiveSignIns`)
const { request, accept } = app.downloadQueryFor(file, state, now)
const client = app.createGraphClient({ baseUrl, getAccessToken: async () => BENCH_TOKEN })
const LIMIT = 100_000

const { sample, finish } = startHeapCase()
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
    error = errorText(caught)
  }
}
finish({ mode, format, records, bytes, peakRss: peakRssBytes(process.pid), error })
