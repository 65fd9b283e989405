/**
 * One "export all" memory case in a fresh process (`node --expose-gc`), like download-case.mjs:
 *   stream — the app's engine (runExport, four types in NDJSON) into byte-counting files and an in-memory checkpoint;
 *   naive  — the same requests, every page of every type into one array, then one NDJSON string per type
 *            (what a collect-then-write script does).
 * Heap growth = peak of (heapUsed + arrayBuffers) minus the same after a full GC before the export, sampled every
 * 5 ms and on every page. Prints one JSON line.
 * Usage: node --expose-gc bench/children/export-case.mjs '{"mode":"stream","baseUrl":"http://…","from":"…","to":"…"}'
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BENCH_TENANT, BENCH_TOKEN } from '../lib/fake-graph.mjs'
import { loadAppModules } from '../lib/app-modules.mjs'
import { startHeapSampler } from '../lib/heap-sampler.mjs'

const { mode, baseUrl, from, to } = JSON.parse(process.argv[2] ?? '{}')
if (!['stream', 'naive'].includes(mode) || !baseUrl) throw new Error(`bad arguments: ${process.argv[2]}`)

const app = await loadAppModules()
const now = new Date(BENCH_TENANT.MOCK_NOW)
const plan = app.createExportPlan({
  id: 'bench',
  from: new Date(from),
  to: new Date(to),
  now,
  types: app.allTypes(),
})
const client = app.createGraphClient({ baseUrl, getAccessToken: async () => BENCH_TOKEN })

const heap = startHeapSampler()
const { sample } = heap
let bytes = 0
let records = 0
let error = null
const started = performance.now()
if (mode === 'stream') {
  // The CLI's stores: files and checkpoint on disk (a temporary folder), manifest hashed from the files.
  const folder = await mkdtemp(join(tmpdir(), 'bench-export-'))
  try {
    const outcome = await app.runExport({
      client,
      files: app.nodeFileStore(folder),
      checkpoints: app.nodeCheckpointStore(folder),
      plan,
      onProgress: sample,
    })
    records = outcome.checkpoint?.types.reduce((sum, type) => sum + type.records, 0) ?? 0
    bytes = outcome.kind === 'done' ? outcome.manifest.files.reduce((sum, file) => sum + file.bytes, 0) : 0
    if (outcome.kind !== 'done') error = `${outcome.kind}: ${outcome.error?.message}`
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
} else {
  try {
    for (const { type } of plan.types) {
      const all = []
      const request = app.typeRequest(plan, type, null)
      for await (const page of client.iteratePages(request.path, { params: request.params })) {
        all.push(...page.value)
        sample()
      }
      records += all.length
      const text = all.map((record) => JSON.stringify(record)).join('\n')
      sample()
      bytes += new TextEncoder().encode(text).byteLength
      sample()
    }
  } catch (caught) {
    sample()
    error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
  }
}
const ms = performance.now() - started
const heapGrowth = heap.stop()
process.stdout.write(`${JSON.stringify({ mode, ms, records, bytes, heapGrowth, error })}\n`)
