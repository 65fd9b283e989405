/**
 * One "export all" memory case (frame and heap figure: ../lib/heap-case.mjs):
 *   stream — the app's engine (runExport, four types in NDJSON) into the CLI's stores on disk;
 *   naive  — the same requests, every page of every type into one array, then one NDJSON string per type
 *            (what a collect-then-write script does). It would run out of heap long before 300,000 records, so it
 *            stops once its heap grew past `naiveCapBytes`: its figure is then a lower bound (`capped`).
 * Usage: node --expose-gc bench/children/export-case.mjs '{"mode":"stream","baseUrl":"http://…","from":"…","to":"…"}'
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BENCH_TENANT, BENCH_TOKEN } from '../lib/fake-graph.mjs'
import { loadAppModules } from '../lib/app-modules.mjs'
import { caseArguments, errorText, startHeapCase } from '../lib/heap-case.mjs'

const {
  mode,
  baseUrl,
  from,
  to,
  naiveCapBytes = 4 * 2 ** 30,
} = caseArguments((options) => ['stream', 'naive'].includes(options.mode) && Boolean(options.baseUrl))

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

let bytes = 0
let records = 0
let error = null
let capped = false
const { sample, finish, growth } = startHeapCase()
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
        if (growth() > naiveCapBytes) {
          capped = true
          break
        }
      }
      records += all.length
      if (capped) break
      const text = all.map((record) => JSON.stringify(record)).join('\n')
      sample()
      bytes += new TextEncoder().encode(text).byteLength
      sample()
    }
  } catch (caught) {
    sample()
    error = errorText(caught)
  }
}
finish({ mode, records, bytes, error, capped })
