/**
 * The download pipeline, without React: page through the same query as the grid, keep what the
 * client-side pills keep, encode each page and write it before asking for the next (bounded memory:
 * one page in flight). Node-runnable: benchmarks drive it with an injected client and sink.
 *
 * Faults (issue #5): 429/5xx/dropped connections are retried by the Graph client on the same page
 * (we only relay its `onWait`); when the client gives up, or the token expired (`unauthorized`), the
 * download PAUSES on the page that failed — its URL (the previous page's nextLink) is kept — and
 * `onInterrupted` decides whether to resume there. Records already written are never asked for again,
 * so a resumed file has no duplicates and no gaps.
 */
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import {
  createPagingGuard,
  GraphError,
  type GraphClient,
  type GraphPage,
  type WaitInfo,
} from '../../../lib/graph/index.ts'
import { readSignInPage, type LeftOutRecord } from '../api/read-records.ts'
import type { RecordEncoder } from './encode-csv.ts'
import type { DownloadSink } from './sinks.ts'

/** downloads.md §1.3: 100,000 records per sign-in download; the newest are kept (the list is newest first). */
export const DOWNLOAD_RECORD_LIMIT = 100_000
/** Left-out records listed one by one in the result; beyond this only the count grows. */
const LEFT_OUT_LISTED = 100

export interface DownloadRequest {
  path: string
  params?: Record<string, string | undefined>
}

export type DownloadPhase = 'running' | 'waiting' | 'paused' | 'done' | 'cancelled' | 'failed'

export interface DownloadProgress {
  phase: DownloadPhase
  recordsWritten: number
  /** Records Graph sent in a shape this app cannot read (read-records.ts): not written, counted. */
  recordsLeftOut: number
  pagesFetched: number
  bytesWritten: number
  /** Graph sign-in lists cannot be counted ($count unsupported, graph-api.md §2.1): null = unknown. */
  expectedTotal: number | null
  limit: number
  /** Time spent downloading, pauses excluded. */
  activeMs: number
  recordsPerSecond: number | null
  /** To `expectedTotal` when known; otherwise to the limit, i.e. an upper bound (`secondsLeftIsUpperBound`). */
  secondsLeft: number | null
  secondsLeftIsUpperBound: boolean
  /** Set while the client waits before retrying (429 Retry-After, 5xx or network backoff). */
  wait: WaitInfo | null
  /** Set while paused: why, and whether the user must sign in again first. */
  interruption: GraphError | null
}

export type DownloadOutcome = 'completed' | 'truncated' | 'cancelled' | 'failed'

export interface DownloadResult {
  outcome: DownloadOutcome
  recordsWritten: number
  recordsLeftOut: number
  /** The first left-out records, with their request ids and what was wrong. */
  leftOut: LeftOutRecord[]
  pagesFetched: number
  bytesWritten: number
  /** cancelled: whether the partial file was kept (closed) rather than discarded. */
  keptPartial: boolean
  error: Error | null
}

/** Abort reason that says what to do with what was written so far. */
export class DownloadCancelled extends Error {
  constructor(readonly keepPartial: boolean) {
    super(keepPartial ? 'Download stopped; the partial file was kept.' : 'Download cancelled.')
    this.name = 'DownloadCancelled'
  }
}

/** Cancels a download started with `controller.signal`, keeping or discarding the partial file. */
export function cancelDownload(controller: AbortController, options: { keepPartial: boolean }): void {
  controller.abort(new DownloadCancelled(options.keepPartial))
}

export interface RunDownloadOptions {
  client: Pick<GraphClient, 'iteratePages'>
  request: DownloadRequest
  /** The filter plan's record predicate (`plan.signIns.keep`); omitted = keep every record the server returns. */
  accept?: (record: BetaSignIn) => boolean
  encoder: RecordEncoder
  sink: DownloadSink
  limit?: number
  signal?: AbortSignal
  onProgress?: (progress: DownloadProgress) => void
  /**
   * The client gave up on a page (token expired, or retries exhausted). Resolve `true` to try the same
   * page again (after the user signed in again), `false` to stop. Omitted: the download fails.
   */
  onInterrupted?: (error: GraphError) => Promise<boolean>
  /** Milliseconds clock, injectable for tests; default performance.now. */
  clock?: () => number
}

/** Kinds worth pausing for: the same request can succeed later. Others (400, 403 …) fail at once. */
const RESUMABLE_KINDS: ReadonlySet<string> = new Set(['unauthorized', 'throttled', 'server', 'network'])

export async function runDownload(options: RunDownloadOptions): Promise<DownloadResult> {
  const { client, request, accept, encoder, sink, signal, onProgress, onInterrupted } = options
  const limit = options.limit ?? DOWNLOAD_RECORD_LIMIT
  const clock = options.clock ?? (() => performance.now())
  const utf8 = new TextEncoder()

  let recordsWritten = 0
  let recordsLeftOut = 0
  const leftOut: LeftOutRecord[] = []
  let pagesFetched = 0
  let bytesWritten = 0
  let activeMs = 0
  let activeSince: number | null = clock()
  let wait: WaitInfo | null = null
  let interruption: GraphError | null = null
  let phase: DownloadPhase = 'running'

  const pauseClock = () => {
    if (activeSince !== null) activeMs += clock() - activeSince
    activeSince = null
  }
  const resumeClock = () => {
    activeSince ??= clock()
  }
  const report = () => {
    const elapsed = activeMs + (activeSince === null ? 0 : clock() - activeSince)
    const recordsPerSecond = elapsed > 0 && recordsWritten > 0 ? (recordsWritten * 1000) / elapsed : null
    const remaining = limit - recordsWritten
    onProgress?.({
      phase,
      recordsWritten,
      recordsLeftOut,
      pagesFetched,
      bytesWritten,
      expectedTotal: null,
      limit,
      activeMs: elapsed,
      recordsPerSecond,
      secondsLeft: recordsPerSecond === null ? null : remaining / recordsPerSecond,
      secondsLeftIsUpperBound: true,
      wait,
      interruption,
    })
  }
  const write = async (text: string) => {
    if (text === '') return
    const chunk = utf8.encode(text)
    await sink.write(chunk)
    bytesWritten += chunk.byteLength
  }
  const finish = (outcome: DownloadOutcome, error: Error | null, keptPartial = false): DownloadResult => {
    pauseClock()
    phase = outcome === 'completed' || outcome === 'truncated' ? 'done' : outcome
    wait = null
    report()
    return {
      outcome,
      recordsWritten,
      recordsLeftOut,
      leftOut,
      pagesFetched,
      bytesWritten,
      keptPartial,
      error,
    }
  }
  const cancelled = async (): Promise<DownloadResult> => {
    const reason: unknown = signal?.reason
    const keepPartial = reason instanceof DownloadCancelled && reason.keepPartial
    if (keepPartial) {
      // A kept partial file is still a valid file (closed JSON array, whole CSV rows).
      await write(encoder.end())
      await sink.close()
    } else {
      await sink.abort()
    }
    return finish('cancelled', null, keepPartial)
  }

  // The page to ask for next: the first request, then each page's nextLink. Kept across a pause.
  let cursor: { pathOrUrl: string; params?: DownloadRequest['params'] } | null = {
    pathOrUrl: request.path,
    params: request.params,
  }
  let truncated = false
  // One guard for the whole download, so a loop is caught across pauses and resumes too.
  const paging = createPagingGuard()
  try {
    if (signal?.aborted) return await cancelled()
    await write(encoder.start())
    report()
    while (cursor !== null) {
      try {
        const pages: AsyncGenerator<GraphPage<unknown>> = client.iteratePages<unknown>(cursor.pathOrUrl, {
          params: cursor.params,
          signal,
          onWait: (info) => {
            wait = info
            phase = 'waiting'
            report()
          },
        })
        for await (const rawPage of pages) {
          paging.check(rawPage)
          pagesFetched += 1
          wait = null
          phase = 'running'
          const page = await readSignInPage(rawPage)
          recordsLeftOut += page.leftOut.length
          leftOut.push(...page.leftOut.slice(0, LEFT_OUT_LISTED - leftOut.length))
          let kept = accept ? page.value.filter(accept) : page.value
          const room = limit - recordsWritten
          if (kept.length >= room) {
            // Stop at the limit (§1.3). More may match: later rows on this page or further pages.
            truncated = kept.length > room || page.nextLink !== null
            kept = kept.slice(0, room)
            cursor = null
          } else {
            cursor = page.nextLink === null ? null : { pathOrUrl: page.nextLink }
          }
          await write(encoder.encode(kept))
          recordsWritten += kept.length
          report()
          if (signal?.aborted) return await cancelled()
          if (cursor === null) break
        }
        cursor = null
      } catch (error) {
        if (signal?.aborted) return await cancelled()
        if (!(error instanceof GraphError) || !RESUMABLE_KINDS.has(error.kind) || !onInterrupted) throw error
        pauseClock()
        phase = 'paused'
        wait = null
        interruption = error
        report()
        const resume = await untilAborted(onInterrupted(error), signal)
        if (signal?.aborted) return await cancelled()
        if (!resume) throw error
        interruption = null
        phase = 'running'
        resumeClock()
        report()
      }
    }
    await write(encoder.end())
    await sink.close()
    return finish(truncated ? 'truncated' : 'completed', null)
  } catch (error) {
    if (signal?.aborted) return await cancelled()
    await sink.abort()
    return finish('failed', error instanceof Error ? error : new Error(String(error)))
  }
}

/** Resolves with `promise`, or with `false` as soon as `signal` aborts (a paused download can be cancelled). */
function untilAborted(promise: Promise<boolean>, signal: AbortSignal | undefined): Promise<boolean> {
  if (!signal) return promise
  if (signal.aborted) return Promise.resolve(false)
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(false)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
