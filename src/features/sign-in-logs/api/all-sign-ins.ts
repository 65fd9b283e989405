/**
 * The "All sign-ins" tab (issue #12): the four log types' `/signIns` lists, merged by createdDateTime into one
 * newest-first timeline (merge-streams.ts). Each merged page fetches only the pages the merge is waiting for,
 * through the one Graph client, so the requests share the page's throttle budget (src/lib/scheduler).
 */
import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import type { DataSource } from '../../../lib/data-source/data-source.tsx'
import type { GraphPage } from '../../../lib/graph/client.ts'
import { createPagingGuard } from '../../../lib/graph/paging-guard.ts'
import { planFilters, type QueryPlan } from '../filter-plan/index.ts'
import type { FilterPill } from '../model/filter-fields.ts'
import { planTabOf, allSignInsTab } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import { allSignInsKey, allSignInsRequests } from './all-sign-ins-requests.ts'
import { blockingStreams, isMergeDone, takeMerged, type MergeState } from './merge-streams.ts'
import { LIST_PAGE_SIZE, LIST_STALE_TIME_MS, type GraphRequest } from './queries.ts'
import { readSignInPage, type LeftOutRecord } from './read-records.ts'

/** What Graph cannot apply (e.g. Status: Failure) is matched on the merged rows: the same on every type's list. */
export function allSignInsRecordPlan(pills: readonly FilterPill[]): QueryPlan<BetaSignIn> {
  return planFilters(planTabOf(allSignInsTab), pills).signIns
}

interface StreamCursor {
  /** null before the first page: the stream's request is sent. */
  nextLink: string | null
  started: boolean
  /** The links this stream already followed, so a server repeating one is caught (paging-guard.ts). */
  followed: readonly string[]
}

export interface MergedCursor {
  merge: MergeState<BetaSignIn>
  streams: readonly StreamCursor[]
}

export interface MergedPage {
  value: BetaSignIn[]
  leftOut: LeftOutRecord[]
  next: MergedCursor | null
}

const startCursor = (count: number): MergedCursor => ({
  merge: { streams: Array.from({ length: count }, () => ({ buffered: [], exhausted: false })), last: null },
  streams: Array.from({ length: count }, () => ({ nextLink: null, started: false, followed: [] })),
})

/**
 * One merged page: at least `size` rows unless every stream ran out. Only streams the merge waits for are fetched,
 * in parallel; the others keep their buffered rows for the next page.
 */
export async function fetchMergedPage(
  source: Pick<DataSource, 'client'>,
  requests: readonly GraphRequest[],
  cursor: MergedCursor | null,
  signal: AbortSignal,
  size = LIST_PAGE_SIZE,
): Promise<MergedPage> {
  let { merge, streams } = cursor ?? startCursor(requests.length)
  const value: BetaSignIn[] = []
  const leftOut: LeftOutRecord[] = []
  for (;;) {
    const taken = takeMerged(merge, size - value.length)
    value.push(...taken.emitted)
    merge = taken.state
    if (value.length >= size || isMergeDone(merge.streams)) break
    const waiting = blockingStreams(merge.streams)
    const pages = await Promise.all(
      waiting.map(async (index) => {
        const stream = streams[index]
        const request = requests[index]
        if (!stream || !request) throw new Error(`No stream ${index} in the merge`)
        const page = stream.started
          ? await source.client.getPage<unknown>(stream.nextLink ?? '', { signal })
          : await source.client.getPage<unknown>(request.path, { params: request.params, signal })
        createPagingGuard(stream.followed).check(page)
        return { index, page: await readSignInPage(page) }
      }),
    )
    for (const { index, page } of pages) {
      leftOut.push(...page.leftOut)
      const stream = streams[index]
      streams = streams.map((s, i) =>
        i === index
          ? {
              nextLink: page.nextLink,
              started: true,
              followed: page.nextLink
                ? [...(stream?.followed ?? []), page.nextLink]
                : (stream?.followed ?? []),
            }
          : s,
      )
      merge = {
        ...merge,
        streams: merge.streams.map((s, i) =>
          i === index ? { buffered: page.value, exhausted: page.nextLink === null } : s,
        ),
      }
    }
  }
  return { value, leftOut, next: isMergeDone(merge.streams) ? null : { merge, streams } }
}

export function allSignInsQuery(source: DataSource, state: ViewState, now: Date) {
  const requests = allSignInsRequests(state, now).map((entry) => entry.request)
  return infiniteQueryOptions({
    queryKey: allSignInsKey(source, requests),
    queryFn: ({ pageParam, signal }) => fetchMergedPage(source, requests, pageParam, signal),
    initialPageParam: null as MergedCursor | null,
    getNextPageParam: (last: MergedPage) => last.next ?? undefined,
    staleTime: LIST_STALE_TIME_MS,
    placeholderData: keepPreviousData,
    // The Graph client retries what is worth retrying; a retry here would multiply requests against the throttle.
    retry: false,
  })
}

const MERGED_LINK_PREFIX = 'merged-sign-ins:'

/**
 * The merged timeline as pages a download can follow (export/run-download.ts takes a client's `iteratePages`):
 * each "nextLink" names the merge cursor it resumes from, so a paused download resumes on the same merged page.
 */
export function mergedPagesClient(
  source: Pick<DataSource, 'client'>,
  requests: readonly GraphRequest[],
  pageSize: number,
): { start: string; client: Pick<DataSource['client'], 'iteratePages'> } {
  const cursors = new Map<string, MergedCursor>()
  let issued = 0
  const start = `${MERGED_LINK_PREFIX}start`
  async function* iteratePages<T>(
    pathOrUrl: string,
    opts: { signal?: AbortSignal } = {},
  ): AsyncGenerator<GraphPage<T>> {
    let cursor = pathOrUrl === start ? null : cursors.get(pathOrUrl)
    if (cursor === undefined) throw new Error(`Unknown merged page: ${pathOrUrl}`)
    const signal = opts.signal ?? new AbortController().signal
    for (;;) {
      const page = await fetchMergedPage(source, requests, cursor, signal, pageSize)
      let nextLink: string | null = null
      if (page.next) {
        issued += 1
        nextLink = `${MERGED_LINK_PREFIX}${issued}`
        cursors.set(nextLink, page.next)
      }
      yield { value: page.value as T[], nextLink, requestId: null }
      if (!page.next) return
      cursor = page.next
    }
  }
  return { start, client: { iteratePages } }
}
