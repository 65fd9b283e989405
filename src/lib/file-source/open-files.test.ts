/**
 * Files still loading are shown as they are stored (issue #14): one source id from the first batch to the complete
 * files, a snapshot per stored batch but no more often than the interval (paced by injected timers), each one
 * asking the engine only for the records stored when it was taken.
 */
import { expect, it, vi } from 'vitest'
import type { DataSource } from '../data-source/data-source.tsx'
import type { FileEngine } from './engine-client.ts'
import { createSimulatedClock } from '../scheduler/testing/simulated-clock.ts'
import { openFiles } from './open-files.ts'

/** An engine whose open the test drives batch by batch; it records the bound of every query. */
function fakeEngine() {
  let stored: (records: number) => void = () => {}
  let finish: () => void = () => {}
  const bounds: (number | undefined)[] = []
  const engine: FileEngine = {
    open: (_files, _onProgress, onStored) => {
      stored = onStored ?? stored
      return new Promise((resolve) => (finish = () => resolve([])))
    },
    list: async (_filter, _top, _skip, upTo) => {
      bounds.push(upTo)
      return []
    },
    count: async () => 0,
    summarize: async () => [],
    get: async () => null,
    span: async (upTo) => ({ oldest: '2026-11-01T00:00:00Z', newest: `upTo ${upTo ?? 'all'}` }),
    terminate: () => {},
  }
  return { engine, store: (records: number) => stored(records), finish: () => finish(), bounds }
}

const askFor = (source: DataSource) =>
  source.client.getPage('/beta/auditLogs/signIns', { params: { $top: '10' } })

it('shows the first batch at once, later batches at most once per interval, then the complete files', async () => {
  const timers = createSimulatedClock()
  const { engine, store, finish, bounds } = fakeEngine()
  const snapshots: DataSource[] = []
  const opening = openFiles([new File(['{}'], 'big.ndjson')], {
    startEngine: () => engine,
    timers,
    snapshotIntervalMs: 1500,
    onSnapshot: (source) => snapshots.push(source),
  })

  store(1000)
  await vi.waitFor(() => expect(snapshots).toHaveLength(1))
  expect(snapshots[0]!.files?.span?.newest).toBe('upTo 1000')

  await timers.advance(500)
  store(2000)
  await timers.advance(500)
  store(3000)
  await Promise.resolve()
  expect(snapshots).toHaveLength(1)
  // 1.5 s after the first: the latest count, once.
  await timers.advance(500)
  await vi.waitFor(() => expect(snapshots).toHaveLength(2))
  expect(snapshots[1]!.files?.span?.newest).toBe('upTo 3000')
  await timers.advance(5000)
  await Promise.resolve()
  expect(snapshots).toHaveLength(2)

  // Long after the last one, a stored batch is shown at once.
  store(4000)
  await vi.waitFor(() => expect(snapshots).toHaveLength(3))

  store(5000)
  finish()
  const { source: complete } = await opening
  await timers.advance(5000)
  expect(snapshots).toHaveLength(3)

  // One source throughout, each step a higher revision; each snapshot asks only for what it had.
  expect(new Set([...snapshots, complete].map((source) => source.id)).size).toBe(1)
  const revisions = [...snapshots, complete].map((source) => source.revision ?? 0)
  expect(revisions).toEqual([...revisions].sort((a, b) => a - b))
  expect(new Set(revisions).size).toBe(4)
  for (const source of [...snapshots, complete]) await askFor(source)
  expect(bounds).toEqual([1000, 3000, 4000, undefined])
  expect(complete.files?.span?.newest).toBe('upTo all')
})
