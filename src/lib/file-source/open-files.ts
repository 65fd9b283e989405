/**
 * Opening files as a data source: loaded with a dynamic import when the user opens or drops files, so DuckDB and
 * the engine worker never weigh on the first screen. The source's client answers the page's Graph requests from
 * the files (files-graph-client.ts); nothing is sent anywhere.
 */
import type { DataSource, OpenedFiles } from '../data-source/data-source.tsx'
import { systemClock, type SchedulerClock } from '../scheduler/request-scheduler.ts'
import { startFileEngine, type FileEngine, type FileProgress } from './engine-client.ts'
import { createFilesGraphClient, type SignInQueries } from './files-graph-client.ts'
import type { FileReadSummary } from './read-file.ts'
import type { LogType } from './record-shape.ts'

export type { FileProgress } from './engine-client.ts'

let opened = 0

export interface OpenedFilesSource {
  source: DataSource
  close(): void
}

/**
 * Least time between two snapshots: each one refetches what the page shows, and those queries share the worker
 * with the batches still being stored.
 */
export const SNAPSHOT_INTERVAL_MS = 1500

export interface OpenFilesOptions {
  onProgress?: (progress: FileProgress) => void
  logTypes?: ReadonlyMap<string, LogType>
  /**
   * The records stored so far, while the rest still loads: after the first batch, then as later batches are
   * stored (at most every `snapshotIntervalMs`). Each is a snapshot (its pages and counts never shift under a
   * later batch) with the same id as the complete source openFiles resolves to, and a higher `revision`, so the
   * page refreshes in place instead of starting over.
   */
  onSnapshot?: (source: DataSource) => void
  snapshotIntervalMs?: number
  /** The timers the snapshots are paced by: the system's, or a test's simulated ones. */
  timers?: SchedulerClock
  /** The engine to open the files in (tests); a new worker by default. */
  startEngine?: () => FileEngine
}

/** The engine's queries on the first `upTo` records stored, or on all of them. */
function queriesOf(engine: FileEngine, upTo?: number): SignInQueries {
  return {
    list: (filter, top, skip, signal) => engine.list(filter, top, skip, upTo, signal),
    summarize: (query, signal) => engine.summarize({ ...query, upTo }, signal),
    get: (signInId) => engine.get(signInId, upTo),
  }
}

function filesOf(
  engine: FileEngine,
  summaries: FileReadSummary[],
  span: OpenedFiles['span'],
  upTo?: number,
): OpenedFiles {
  return {
    summaries,
    span,
    async sourceOf(signInId) {
      const found = await engine.get(signInId, upTo)
      if (!found) return null
      const format = summaries.find((summary) => summary.file === found.file)?.format ?? null
      return { file: found.file, line: found.line, format }
    },
  }
}

export async function openFiles(
  files: readonly File[],
  options: OpenFilesOptions = {},
): Promise<OpenedFilesSource> {
  const { onSnapshot, snapshotIntervalMs = SNAPSHOT_INTERVAL_MS, timers = systemClock } = options
  const engine: FileEngine = (options.startEngine ?? startFileEngine)()
  const id = `files:${++opened}`
  const names = files.map((file) => file.name).join(', ')
  const label = files.length === 1 ? names : `${files.length} files`
  let revision = 0
  const sourceOf = (contents: OpenedFiles, upTo?: number): DataSource => ({
    id,
    revision: ++revision,
    kind: 'files',
    label,
    client: createFilesGraphClient(queriesOf(engine, upTo)),
    files: contents,
  })

  // Snapshots are shown one after another, never after the complete source.
  let shown: Promise<void> = Promise.resolve()
  let lastShownAt: number | null = null
  let latestStored = 0
  let shownStored = 0
  let pending: unknown = null
  let finished = false
  let snapshotFailure: unknown = null
  const show = () => {
    pending = null
    if (finished || latestStored === shownStored) return
    const upTo = (shownStored = latestStored)
    lastShownAt = timers.now()
    shown = shown
      .then(async () => {
        const span = await engine.span(upTo)
        if (!finished) onSnapshot?.(sourceOf(filesOf(engine, [], span, upTo), upTo))
      })
      .catch((failure: unknown) => {
        snapshotFailure ??= failure
      })
  }
  const stored = (records: number) => {
    latestStored = records
    if (!onSnapshot || pending !== null) return
    const wait = lastShownAt === null ? 0 : lastShownAt + snapshotIntervalMs - timers.now()
    if (wait <= 0) show()
    else pending = timers.setTimeout(show, wait)
  }
  const finish = () => {
    finished = true
    if (pending !== null) timers.clearTimeout(pending)
    pending = null
  }

  try {
    const summaries = await engine.open(
      files.map((file) => ({ file, logType: options.logTypes?.get(file.name) })),
      options.onProgress,
      stored,
    )
    finish()
    await shown
    if (snapshotFailure) throw snapshotFailure
    const span = await engine.span()
    return { source: sourceOf(filesOf(engine, summaries, span)), close: () => engine.terminate() }
  } catch (error) {
    finish()
    engine.terminate()
    throw error
  }
}
