/**
 * The rows the histogram and top values count. Grouped tabs whose groups come from the summaries (the
 * filter plan): every summary row of the range (volume-queries.ts), paged to the end. Otherwise the grid's
 * loaded sign-ins (the grid's own query, so its cache entry: nothing is fetched twice), kept as the plan
 * keeps them.
 */
import { useEffect, useMemo, useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn, SummarizedSignIn } from '../../../../../contract/sign-in.ts'
import { useDataSource } from '../../../../lib/data-source/data-source.tsx'
import type { GraphError } from '../../../../lib/graph/errors.ts'
import { allSignInsQuery, allSignInsRecordPlan } from '../../api/all-sign-ins.ts'
import { filterPlanOf } from '../../api/queries.ts'
import { volumeSummariesQuery } from '../../api/volume-queries.ts'
import type { TabDefinition } from '../../model/tabs.ts'
import type { ViewState } from '../../model/view-state.ts'
import { createRowAppender } from '../grid/appended-rows.ts'
import { gridSignInsQuery } from './grid-queries.ts'

export interface RowsAtHand<T> {
  /** May grow in place as pages are appended (issue #16): read the first `count`. */
  rows: readonly T[]
  count: number
  /** Every row of the range is in (no further page). */
  complete: boolean
  pending: boolean
  error: GraphError | null
}

/**
 * The histogram and Top values read the grid's lists; mounting them must never fetch a list. They mount after the
 * grid's first rows are painted, possibly once the grid's list has failed on a later page (a paging loop, a Graph
 * error). React Query marks a failed query invalidated, so an observer mounting with the defaults refetches it
 * (refetchOnMount, the list is "stale") or retries it (retryOnMount): either walks the list again from its first
 * page. The grid's own Retry stays the way to ask again.
 */
const READ_GRID_LIST = { refetchOnMount: false, retryOnMount: false } as const

export function useLoadedSignIns(tab: TabDefinition, state: ViewState, now: Date): RowsAtHand<BetaSignIn> {
  const source = useDataSource()
  const query = useInfiniteQuery({ ...gridSignInsQuery(source, tab, state, now), ...READ_GRID_LIST })
  return useKeptRows(query, filterPlanOf(tab, state).signIns.keep)
}

/** "All sign-ins": the merged timeline the grid loaded, kept by the pills every type shares. */
export function useMergedSignIns(state: ViewState, now: Date): RowsAtHand<BetaSignIn> {
  const source = useDataSource()
  const query = useInfiniteQuery({ ...allSignInsQuery(source, state, now), ...READ_GRID_LIST })
  return useKeptRows(query, allSignInsRecordPlan(state.filters.all).keep)
}

interface SignInPages {
  data: { pages: readonly { value: readonly BetaSignIn[] }[] } | undefined
  hasNextPage: boolean
  isPending: boolean
  error: unknown
}

/** The kept sign-ins, appended page by page like the grid's rows rather than flattened again per page. */
function useKeptRows(query: SignInPages, keep: (signIn: BetaSignIn) => boolean): RowsAtHand<BetaSignIn> {
  const [appender] = useState(createRowAppender<BetaSignIn>)
  const { rows, count } = useMemo(
    () => appender.update(query.data?.pages ?? [], keep),
    [appender, query.data, keep],
  )
  return {
    rows,
    count,
    complete: query.data !== undefined && !query.hasNextPage,
    pending: query.isPending,
    error: query.error as GraphError | null,
  }
}

export function useAllSummaries(
  tab: TabDefinition,
  state: ViewState,
  now: Date,
): RowsAtHand<SummarizedSignIn> {
  const source = useDataSource()
  const query = useInfiniteQuery(volumeSummariesQuery(source, tab, state, now))
  const { hasNextPage, isFetchingNextPage, fetchNextPage, error } = query
  // Complete counts need every page; the client's scheduler keeps this within Graph's request budget.
  // The histogram and top values may both ask in one render: the second joins the first fetch.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage({ cancelRefetch: false })
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, error])
  const rows = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.value), [query.data])
  return {
    rows,
    count: rows.length,
    complete: query.data !== undefined && !hasNextPage,
    pending: query.isPending,
    error: error as GraphError | null,
  }
}
