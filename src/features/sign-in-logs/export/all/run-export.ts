/**
 * The export job engine (issue #13), without React or DOM: browser and Node run the same code with different
 * stores. Every type pages over /beta/auditLogs/signIns ($top=1000, its signInEventTypes filter, optional pills)
 * concurrently with the others, so the shared request scheduler always has work queued and the budget is used
 * whole. Each page is encoded and appended to its files, then the checkpoint is saved; nothing holds more than a
 * page.
 *
 * Resuming: a checkpoint is the truth. Files are cut back to its byte counts (a page written after the last save
 * is asked for again), and each type continues from its nextLink. When Graph no longer accepts that nextLink (a
 * skiptoken lasts minutes, graph-api.md §2.4: 400/404/410), the type restarts from its last createdDateTime
 * (`createdDateTime le …`; Graph returns newest first), dropping records newer than it and the boundary ids
 * written at that instant.
 *
 * Pausing is aborting: `signal` stops the job wherever it is; running again from the saved checkpoint resumes
 * it, in this tab, after a reload, or in a new process.
 */
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { GraphError, type GraphClient, type WaitInfo } from '../../../../lib/graph/index.ts'
import type { TabId } from '../../model/tabs.ts'
import { createCsvEncoder, type RecordEncoder } from '../encode-csv.ts'
import {
  initialCheckpoint,
  type ExportCheckpoint,
  type FileProgress,
  type TypeCheckpoint,
} from './checkpoint.ts'
import { createNdjsonEncoder } from './encode-ndjson.ts'
import { filesOfType, typeAccept, typeRequest, type ExportFileSpec, type ExportPlan } from './export-plan.ts'
import type { CheckpointStore, ExportFileStore, ExportFileWriter } from './export-store.ts'
import { MANIFEST_FILE_NAME, writeManifest, type ExportManifest } from './manifest.ts'

export interface TypeProgress {
  type: TabId
  done: boolean
  records: number
  pages: number
  restarts: number
  /** Set while the client waits before retrying (Retry-After or backoff). */
  wait: WaitInfo | null
  waits: number
  waitedSeconds: number
  /** This type's records per second in this run (waits included); null until its first page of the run. */
  recordsPerSecond: number | null
  /** The oldest `createdDateTime` written so far (records come newest first): how much of the range is covered. */
  lastCreatedDateTime: string | null
}

export interface ExportProgress {
  exportId: string
  types: TypeProgress[]
  records: number
  /** Records per second of this run's active time; null until the first page. */
  recordsPerSecond: number | null
  elapsedMs: number
}

export type ExportOutcome =
  | { kind: 'done'; manifest: ExportManifest; checkpoint: ExportCheckpoint }
  | { kind: 'paused'; checkpoint: ExportCheckpoint }
  /** A fault worth resuming after (expired token, retries exhausted): the checkpoint is kept. */
  | { kind: 'interrupted'; error: GraphError; checkpoint: ExportCheckpoint }
  | { kind: 'failed'; error: Error; checkpoint: ExportCheckpoint | null }

export interface RunExportOptions {
  client: Pick<GraphClient, 'getPage'>
  files: ExportFileStore
  checkpoints: CheckpointStore
  /** A new export's plan; omitted to resume `exportId` from its checkpoint. */
  plan?: ExportPlan
  exportId?: string
  signal?: AbortSignal
  onProgress?: (progress: ExportProgress) => void
  /** One injected "now" for timestamps, and a millisecond clock for rates. */
  now?: () => Date
  clock?: () => number
}

/** Graph refused a nextLink it gave us: its skiptoken expired or is unknown (§2.4). */
function refusedNextLink(error: unknown): boolean {
  return error instanceof GraphError && (error.status === 400 || error.status === 404 || error.status === 410)
}

const MAX_RESTARTS_WITHOUT_PROGRESS = 3

/** The same request can succeed later: the job pauses and keeps its checkpoint. */
const RESUMABLE_KINDS: ReadonlySet<string> = new Set(['unauthorized', 'throttled', 'server', 'network'])

function encoderFor(file: ExportFileSpec): RecordEncoder {
  return file.csv === null ? createNdjsonEncoder() : createCsvEncoder(file.csv)
}

/** Drops what an earlier page already wrote: anything newer than the last instant, and its boundary ids. */
function unseen(records: readonly BetaSignIn[], state: TypeCheckpoint): BetaSignIn[] {
  if (state.lastCreatedDateTime === null) return [...records]
  const last = Date.parse(state.lastCreatedDateTime)
  const boundary = new Set(state.boundaryIds)
  return records.filter((record) => {
    const at = Date.parse(record.createdDateTime)
    return at < last || (at === last && !boundary.has(record.id))
  })
}

function advanceBoundary(state: TypeCheckpoint, written: readonly BetaSignIn[]): void {
  const newest = written.at(-1)
  if (!newest) return
  const at = Date.parse(newest.createdDateTime)
  const sameInstant = written.filter((record) => Date.parse(record.createdDateTime) === at).map((r) => r.id)
  const carried =
    state.lastCreatedDateTime !== null && Date.parse(state.lastCreatedDateTime) === at
      ? state.boundaryIds
      : []
  state.boundaryIds = [...carried, ...sameInstant]
  state.lastCreatedDateTime = newest.createdDateTime
}

function recordsOf(file: ExportFileSpec, records: readonly BetaSignIn[]): number {
  if (file.csv !== 'authDetails') return records.length
  return records.reduce((sum, record) => sum + (record.authenticationDetails?.length ?? 0), 0)
}

function updateFile(
  progress: FileProgress,
  file: ExportFileSpec,
  records: readonly BetaSignIn[],
  bytes: number,
) {
  progress.bytes += bytes
  progress.records += recordsOf(file, records)
  const first = records[0]
  const last = records.at(-1)
  if (first && progress.firstCreatedDateTime === null) progress.firstCreatedDateTime = first.createdDateTime
  if (last) progress.lastCreatedDateTime = last.createdDateTime
}

export async function runExport(options: RunExportOptions): Promise<ExportOutcome> {
  const { client, files, checkpoints, onProgress } = options
  const now = options.now ?? (() => new Date())
  const clock = options.clock ?? (() => performance.now())
  const utf8 = new TextEncoder()

  let checkpoint: ExportCheckpoint | null
  if (options.plan) {
    checkpoint = (await checkpoints.load(options.plan.id)) ?? initialCheckpoint(options.plan, now())
  } else {
    if (!options.exportId) throw new Error('runExport needs a plan or the id of an export to resume')
    checkpoint = await checkpoints.load(options.exportId)
    if (!checkpoint)
      return { kind: 'failed', error: new Error('No such export to resume.'), checkpoint: null }
  }
  const state: ExportCheckpoint = checkpoint
  const plan = state.plan
  state.status = 'running'
  state.error = null

  // Saves are chained so two types finishing pages together never write an older state last.
  let saving: Promise<void> = Promise.resolve()
  const save = () => {
    state.updatedAt = now().toISOString()
    const snapshot = structuredClone(state)
    saving = saving.then(() => checkpoints.save(snapshot))
    return saving
  }

  const started = clock()
  const recordsAtStart = state.types.reduce((sum, type) => sum + type.records, 0)
  const typeRecordsAtStart = new Map(state.types.map((type) => [type.type, type.records]))
  const perSecond = (records: number, elapsedMs: number) =>
    records > 0 && elapsedMs > 0 ? (records * 1000) / elapsedMs : null
  const live = new Map<TabId, { wait: WaitInfo | null; waits: number; waitedSeconds: number }>(
    state.types.map((type) => [type.type, { wait: null, waits: 0, waitedSeconds: 0 }]),
  )
  const report = () => {
    if (!onProgress) return
    const records = state.types.reduce((sum, type) => sum + type.records, 0)
    const elapsedMs = clock() - started
    const thisRun = records - recordsAtStart
    onProgress({
      exportId: plan.id,
      records,
      elapsedMs,
      recordsPerSecond: perSecond(thisRun, elapsedMs),
      types: state.types.map((type) => ({
        type: type.type,
        done: type.done,
        records: type.records,
        pages: type.pages,
        restarts: type.restarts,
        ...live.get(type.type)!,
        recordsPerSecond: perSecond(type.records - typeRecordsAtStart.get(type.type)!, elapsedMs),
        lastCreatedDateTime: type.lastCreatedDateTime,
      })),
    })
  }

  // One type failing stops the others: the checkpoint then holds every type where it stood.
  const stop = new AbortController()
  const onOuterAbort = () => stop.abort(options.signal?.reason)
  options.signal?.addEventListener('abort', onOuterAbort, { once: true })
  if (options.signal?.aborted) stop.abort(options.signal.reason)

  async function runType(type: TypeCheckpoint): Promise<void> {
    const specs = filesOfType(plan, type.type)
    const accept = typeAccept(plan, type.type)
    const writers: ExportFileWriter[] = []
    try {
      for (const [index, spec] of specs.entries())
        writers[index] = await files.openAt(spec.name, type.files[index]!.bytes)
      const encoders = specs.map(encoderFor)
      const liveState = live.get(type.type)!
      let restartsInARow = 0
      while (!type.done) {
        if (stop.signal.aborted) return
        const request = type.nextLink ?? typeRequest(plan, type.type, type.restartBefore)
        const onWait = (info: WaitInfo) => {
          liveState.wait = info
          liveState.waits += 1
          liveState.waitedSeconds += info.seconds
          report()
        }
        let page
        try {
          page =
            typeof request === 'string'
              ? await client.getPage<BetaSignIn>(request, { signal: stop.signal, onWait })
              : await client.getPage<BetaSignIn>(request.path, {
                  params: request.params,
                  signal: stop.signal,
                  onWait,
                })
        } catch (error) {
          if (typeof request === 'string' && !stop.signal.aborted && refusedNextLink(error)) {
            // Graph refusing even the nextLink it just gave is not an expired skiptoken: stop, do not spin.
            if (++restartsInARow > MAX_RESTARTS_WITHOUT_PROGRESS) throw error
            type.nextLink = null
            type.restartBefore = type.lastCreatedDateTime ?? plan.to
            type.restarts += 1
            await save()
            continue
          }
          throw error
        }
        liveState.wait = null
        const fresh = unseen(page.value, type)
        if (fresh.length > 0) restartsInARow = 0
        const kept = accept ? fresh.filter(accept) : fresh
        // Progress is computed on copies and applied in one synchronous step after every write: another type's
        // save may snapshot the checkpoint while this page is half written, and must never see it half counted.
        const updated = type.files.map((progress) => ({ ...progress }))
        for (const [index, spec] of specs.entries()) {
          const progress = updated[index]!
          const text = (progress.bytes === 0 ? encoders[index]!.start() : '') + encoders[index]!.encode(kept)
          if (text === '') continue
          const chunk = utf8.encode(text)
          await writers[index]!.write(chunk)
          updateFile(progress, spec, kept, chunk.byteLength)
        }
        type.files = updated
        advanceBoundary(type, fresh)
        type.records += kept.length
        type.pages += 1
        type.nextLink = page.nextLink
        type.done = page.nextLink === null
        await save()
        report()
      }
    } finally {
      await Promise.allSettled(writers.map((writer) => writer.close()))
    }
  }

  let firstError: unknown = null
  try {
    await save()
    report()
    await Promise.allSettled(
      state.types
        .filter((type) => !type.done)
        .map((type) =>
          runType(type).catch((error: unknown) => {
            // The first failure is the cause; the others only saw `stop` abort.
            if (firstError === null && !stop.signal.aborted) firstError = error
            stop.abort(error)
          }),
        ),
    )
    if (options.signal?.aborted) {
      state.status = 'paused'
      await save()
      return { kind: 'paused', checkpoint: structuredClone(state) }
    }
    if (firstError !== null) {
      const error = firstError instanceof Error ? firstError : new Error(String(firstError))
      state.error = error instanceof GraphError ? error.userMessage : error.message
      if (error instanceof GraphError && RESUMABLE_KINDS.has(error.kind)) {
        state.status = 'paused'
        await save()
        return { kind: 'interrupted', error, checkpoint: structuredClone(state) }
      }
      state.status = 'failed'
      await save()
      return { kind: 'failed', error, checkpoint: structuredClone(state) }
    }
    const manifest = await writeManifest(files, state, now())
    state.status = 'done'
    await save()
    report()
    return { kind: 'done', manifest, checkpoint: structuredClone(state) }
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort)
  }
}

/** Removes an export's files and its checkpoint (cancel, or "Delete" in the list). */
export async function deleteExport(
  exportId: string,
  stores: { files: ExportFileStore; checkpoints: CheckpointStore },
): Promise<void> {
  const checkpoint = await stores.checkpoints.load(exportId)
  for (const file of checkpoint?.plan.files ?? []) await stores.files.remove(file.name)
  await stores.files.remove(MANIFEST_FILE_NAME)
  await stores.checkpoints.remove(exportId)
}
