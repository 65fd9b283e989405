import * as fc from 'fast-check'
import { createHash } from 'node:crypto'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import type { TabId } from '../../model/tabs.ts'
import { allTypes, createExportPlan, type ExportPlan, type ExportTypeSpec } from './export-plan.ts'
import { memoryExportStore } from './export-store.ts'
import { MANIFEST_FILE_NAME, type ExportManifest } from './manifest.ts'
import { deleteExport, runExport, type ExportOutcome } from './run-export.ts'
import { createFakeSignInGraph, makeTypeRecords, type FakeFault } from './testing/fake-sign-in-pages.ts'
import { killable } from './testing/killable.ts'

const NOW = new Date('2026-11-20T12:00:00Z')
const FROM = new Date('2026-11-19T12:00:00Z')
const clock = () => 0

function recordsFor(counts: Partial<Record<TabId, number>>): Partial<Record<TabId, BetaSignIn[]>> {
  return Object.fromEntries(
    Object.entries(counts).map(([type, count]) => [type, makeTypeRecords(type as TabId, count, NOW)]),
  )
}

function plan(types: ExportTypeSpec[] = allTypes(), id = 'export-1'): ExportPlan {
  return createExportPlan({ id, from: FROM, to: NOW, now: NOW, types })
}

const ids = (ndjson: string) =>
  ndjson
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as BetaSignIn).id)

async function runToEnd(
  thePlan: ExportPlan,
  records: Partial<Record<TabId, BetaSignIn[]>>,
  pageSize = 4,
): Promise<{ outcome: ExportOutcome; store: ReturnType<typeof memoryExportStore> }> {
  const store = memoryExportStore()
  const graph = createFakeSignInGraph({ records, pageSize })
  const outcome = await runExport({ client: graph.client, ...store, plan: thePlan, now: () => NOW, clock })
  return { outcome, store }
}

test('pages every type into its own NDJSON file, in Graph order, then writes the manifest', async () => {
  const records = recordsFor({
    interactive: 9,
    'non-interactive': 13,
    'service-principal': 0,
    'managed-identity': 4,
  })
  const thePlan = plan()
  const { outcome, store } = await runToEnd(thePlan, records)
  expect(outcome.kind).toBe('done')
  for (const file of thePlan.files) {
    expect(ids(store.files.text(file.name))).toEqual(records[file.type]!.map((record) => record.id))
  }
  const manifest = JSON.parse(store.files.text(MANIFEST_FILE_NAME)) as ExportManifest
  expect(manifest.files.map((file) => [file.type, file.records])).toEqual([
    ['interactive', 9],
    ['non-interactive', 13],
    ['service-principal', 0],
    ['managed-identity', 4],
  ])
})

test('the manifest counts records and hashes each file with SHA-256', async () => {
  const records = recordsFor({ interactive: 5, 'non-interactive': 7 })
  const thePlan = plan([
    { type: 'interactive', format: 'csv', authDetails: true },
    { type: 'non-interactive', format: 'ndjson', authDetails: false },
  ])
  const { outcome, store } = await runToEnd(thePlan, records)
  if (outcome.kind !== 'done') throw new Error(`expected done, got ${outcome.kind}`)
  const byName = new Map(outcome.manifest.files.map((file) => [file.name, file]))
  for (const file of thePlan.files) {
    const text = store.files.text(file.name)
    const entry = byName.get(file.name)!
    expect(entry.sha256).toBe(createHash('sha256').update(text).digest('hex'))
    expect(entry.bytes).toBe(Buffer.byteLength(text))
  }
  const [csv, authDetails, ndjson] = thePlan.files.map((file) => byName.get(file.name)!)
  // CSV: a header row plus one row per sign-in; auth details: one row per authentication step.
  expect(csv!.records).toBe(5)
  expect(store.files.text(csv!.name).split('\r\n').filter(Boolean)).toHaveLength(6)
  expect(authDetails!.records).toBe(5 * records.interactive![0]!.authenticationDetails!.length)
  expect(authDetails!.content).toBe('authenticationDetails')
  expect(ndjson!).toMatchObject({
    records: 7,
    firstCreatedDateTime: records['non-interactive']![0]!.createdDateTime,
    lastCreatedDateTime: records['non-interactive']![6]!.createdDateTime,
  })
  expect(ndjson!.filter).toContain("signInEventTypes/any(t: t eq 'nonInteractiveUser')")
  expect(csv!.range).toEqual({ from: FROM.toISOString(), to: NOW.toISOString() })
})

test('a refused nextLink restarts the type from its last createdDateTime without duplicates or gaps', async () => {
  // Records 0-2 share one instant; with pages of 2 the first page ends inside that cluster.
  const records = recordsFor({ 'managed-identity': 10 })
  const store = memoryExportStore()
  let refused = 0
  const graph = createFakeSignInGraph({
    records,
    pageSize: 2,
    fault: (_call, isNextLink) => (isNextLink && refused++ < 2 ? 'refuse-next-link' : 'none'),
  })
  const thePlan = plan([{ type: 'managed-identity', format: 'ndjson', authDetails: false }])
  const outcome = await runExport({ client: graph.client, ...store, plan: thePlan, now: () => NOW, clock })
  expect(outcome.kind).toBe('done')
  expect(graph.requests.filter((request) => request.includes('first'))).toHaveLength(3)
  expect(ids(store.files.text(thePlan.files[0]!.name))).toEqual(records['managed-identity']!.map((r) => r.id))
  expect(outcome.checkpoint?.types[0]?.restarts).toBe(2)
})

test('an expired token interrupts the export with its checkpoint; running again resumes where it stopped', async () => {
  const records = recordsFor({ interactive: 12 })
  const store = memoryExportStore()
  const graph = createFakeSignInGraph({
    records,
    pageSize: 3,
    fault: (call) => (call === 2 ? 'unauthorized' : 'none'),
  })
  const thePlan = plan([{ type: 'interactive', format: 'ndjson', authDetails: false }])
  const first = await runExport({ client: graph.client, ...store, plan: thePlan, now: () => NOW, clock })
  expect(first.kind).toBe('interrupted')
  expect(first.checkpoint?.types[0]).toMatchObject({ records: 6, pages: 2 })
  expect((await store.checkpoints.load(thePlan.id))?.status).toBe('paused')
  const second = await runExport({
    client: graph.client,
    ...store,
    exportId: thePlan.id,
    now: () => NOW,
    clock,
  })
  expect(second.kind).toBe('done')
  expect(ids(store.files.text(thePlan.files[0]!.name))).toEqual(records.interactive!.map((r) => r.id))
})

test('pausing (abort) keeps the checkpoint; deleting removes the files and the checkpoint', async () => {
  const records = recordsFor({ interactive: 12 })
  const store = memoryExportStore()
  const controller = new AbortController()
  const graph = createFakeSignInGraph({ records, pageSize: 3 })
  const thePlan = plan([{ type: 'interactive', format: 'ndjson', authDetails: false }])
  const outcome = await runExport({
    client: graph.client,
    ...store,
    plan: thePlan,
    signal: controller.signal,
    onProgress: (progress) => progress.records >= 6 && controller.abort(),
    now: () => NOW,
    clock,
  })
  expect(outcome.kind).toBe('paused')
  expect((await store.checkpoints.load(thePlan.id))?.types[0]?.records).toBe(6)
  await deleteExport(thePlan.id, store)
  expect(store.files.names()).toEqual([])
  expect(await store.checkpoints.load(thePlan.id)).toBeNull()
})

const faults: FakeFault[] = ['none', 'none', 'none', 'throttled', 'server', 'network', 'refuse-next-link']

test('property: killed at any point under random 429/5xx/drops/refused nextLinks, the resumed output equals an uninterrupted one', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        counts: fc.record({
          interactive: fc.integer({ min: 0, max: 14 }),
          'non-interactive': fc.integer({ min: 0, max: 14 }),
          'service-principal': fc.integer({ min: 0, max: 6 }),
          'managed-identity': fc.integer({ min: 0, max: 6 }),
        }),
        format: fc.constantFrom<'ndjson' | 'csv'>('ndjson', 'csv'),
        pageSize: fc.integer({ min: 1, max: 5 }),
        faultPlan: fc.array(fc.constantFrom(...faults), { minLength: 1, maxLength: 40 }),
        kills: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }),
      }),
      async ({ counts, format, pageSize, faultPlan, kills }) => {
        const records = recordsFor(counts)
        const thePlan = plan(allTypes(format))
        const expected = await runToEnd(thePlan, records, pageSize)

        const store = memoryExportStore()
        const graph = createFakeSignInGraph({
          records,
          pageSize,
          fault: (call) => faultPlan[call] ?? 'none',
        })
        const pendingKills = [...kills]
        let outcome: ExportOutcome | null = null
        for (let run = 0; run < 200 && outcome?.kind !== 'done'; run++) {
          const killAt = pendingKills.shift()
          const target = killable({ ...store, client: graph.client }, killAt ?? Number.POSITIVE_INFINITY)
          const running = runExport({
            client: target.client,
            files: target.files,
            checkpoints: target.checkpoints,
            plan: thePlan,
            now: () => NOW,
            clock,
          })
          // A killed run never settles: move on once it is dead (its hung promises are dropped).
          outcome = await Promise.race([running, untilKilled(target.state)])
          if (outcome?.kind === 'failed') throw outcome.error
        }
        expect(outcome?.kind).toBe('done')
        for (const file of [...thePlan.files.map((f) => f.name), MANIFEST_FILE_NAME]) {
          if (file === MANIFEST_FILE_NAME) {
            const strip = (text: string) => ({ ...(JSON.parse(text) as ExportManifest), completedAt: '' })
            expect(strip(store.files.text(file))).toEqual(strip(expected.store.files.text(file)))
          } else {
            expect(store.files.text(file)).toBe(expected.store.files.text(file))
          }
        }
      },
    ),
    { numRuns: 100 },
  )
}, 60_000)

/** Resolves with null once the kill switch has fired and everything in flight has had a chance to hang. */
async function untilKilled(state: { killed: boolean }): Promise<null> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    if (state.killed) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      return null
    }
  }
}

test('progress gives each type its own records/s for this run and how far back in the range it reached', async () => {
  const records = recordsFor({ interactive: 8, 'managed-identity': 4 })
  const store = memoryExportStore()
  const graph = createFakeSignInGraph({ records, pageSize: 4 })
  let now = 0
  const seen: { type: TabId; records: number; recordsPerSecond: number | null; last: string | null }[][] = []
  await runExport({
    client: graph.client,
    ...store,
    plan: plan([
      { type: 'interactive', format: 'ndjson', authDetails: false },
      { type: 'managed-identity', format: 'ndjson', authDetails: false },
    ]),
    now: () => NOW,
    // Each reading of the clock is one more second of this run.
    clock: () => (now += 1000),
    onProgress: (progress) =>
      seen.push(
        progress.types.map((type) => ({
          type: type.type,
          records: type.records,
          recordsPerSecond: type.recordsPerSecond,
          last: type.lastCreatedDateTime,
        })),
      ),
  })
  const final = seen.at(-1)!
  const interactive = final.find((type) => type.type === 'interactive')!
  const managed = final.find((type) => type.type === 'managed-identity')!
  expect(seen[0]!.every((type) => type.recordsPerSecond === null && type.last === null)).toBe(true)
  expect(interactive.last).toBe(records.interactive!.at(-1)!.createdDateTime)
  expect(managed.last).toBe(records['managed-identity']!.at(-1)!.createdDateTime)
  // Same elapsed time for both, twice the records: twice the rate.
  expect(interactive.recordsPerSecond).toBeCloseTo(managed.recordsPerSecond! * 2)
})
