/**
 * The rows the histogram and top values count. Interactive tab: the grid's loaded rows (the grid's own
 * query, so its cache entry: nothing is fetched twice), with the client-side pills applied as the grid does.
 * Grouped tabs: every summary row of the range (volume-queries.ts), paged to the end.
 */
import { useEffect, useMemo } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn, SummarizedSignIn } from '../../../../../contract/sign-in.ts'
import { useDataSource } from '../../../../lib/data-source/data-source.tsx'
import type { GraphError } from '../../../../lib/graph/errors.ts'
import { clientSideFilter } from '../../api/build-filter.ts'
import { signInListQuery } from '../../api/queries.ts'
import { volumeSummariesQuery } from '../../api/volume-queries.ts'
import type { TabDefinition } from '../../model/tabs.ts'
import type { ViewState } from '../../model/view-state.ts'

export interface RowsAtHand<T> {
  rows: T[]
  /** Every row of the range is in (no further page). */
  complete: boolean
  pending: boolean
  error: GraphError | null
}

export function useLoadedSignIns(tab: TabDefinition, state: ViewState, now: Date): RowsAtHand<BetaSignIn> {
  const source = useDataSource()
  const query = useInfiniteQuery(signInListQuery(source, tab, state, now))
  const pills = state.filters[tab.filterSet]
  const keep = useMemo(() => clientSideFilter(pills), [pills])
  const rows = useMemo(
    () => (query.data?.pages ?? []).flatMap((page) => page.value).filter(keep),
    [query.data, keep],
  )
  return {
    rows,
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
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, error])
  const rows = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.value), [query.data])
  return {
    rows,
    complete: query.data !== undefined && !hasNextPage,
    pending: query.isPending,
    error: error as GraphError | null,
  }
}
