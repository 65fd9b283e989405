import { useMemo, useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { GraphErrorBar } from '../../../components/GraphErrorBar.tsx'
import { GridSkeleton } from '../../../components/GridSkeleton.tsx'
import type { GraphError } from '../../../lib/graph/errors.ts'
import { filterPlanOf, LIST_PAGE_SIZE, signInListQuery } from '../api/queries.ts'
import type { TabDefinition } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import { createRowAppender } from './grid/appended-rows.ts'
import { FlatSignInGrid } from './grid/FlatSignInGrid.tsx'
import { LeftOutRecordsBar, signInNoun } from './LeftOutRecordsBar.tsx'
import { ResultFooter } from './ResultFooter.tsx'

export interface FlatSignInViewProps {
  tab: TabDefinition
  state: ViewState
  now: Date
  visibleColumnIds: readonly string[]
  emptyReason: string
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

/**
 * Start the next page half a page before the end (issue #16): scrolling at reading speed finds it loaded,
 * while the first screen (20-odd rows of a 200-row page) does not spend a request of Graph's 5-per-10-s
 * budget (graph-api.md §4.3) on a page nobody scrolled to yet.
 */
const prefetchDistance = LIST_PAGE_SIZE / 2

/** URL → query options → pages → loaded rows (client-side pills applied) → virtual grid. */
export function FlatSignInView({
  tab,
  state,
  now,
  visibleColumnIds,
  emptyReason,
  onOpenDetails,
}: FlatSignInViewProps) {
  const source = useDataSource()
  const query = useInfiniteQuery(signInListQuery(source, tab, state, now))
  const { keep, onLoadedRows } = filterPlanOf(tab, state).signIns
  const [appender] = useState(createRowAppender<BetaSignIn>)
  const { rows, count } = useMemo(
    () => appender.update(query.data?.pages ?? [], keep),
    [appender, query.data, keep],
  )
  const leftOut = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.leftOut), [query.data])
  const error = query.error as GraphError | null

  if (query.isPending) return <GridSkeleton label="Loading sign-ins" />
  if (!query.data) {
    return <GraphErrorBar error={error as GraphError} onRetry={() => void query.refetch()} />
  }
  const loadedAll = !query.hasNextPage
  return (
    <>
      {error && <GraphErrorBar error={error} onRetry={() => void query.fetchNextPage()} />}
      <LeftOutRecordsBar leftOut={leftOut} noun={signInNoun} />
      {count === 0 && loadedAll && !query.isFetching ? (
        <EmptyState title="No sign-ins to show">{emptyReason}</EmptyState>
      ) : (
        <FlatSignInGrid
          label={tab.label}
          rows={rows}
          rowCount={count}
          visibleColumnIds={visibleColumnIds}
          dates={state.dates}
          selectedId={state.selected}
          hasNextPage={query.hasNextPage && !error}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={() => void query.fetchNextPage()}
          prefetchDistance={prefetchDistance}
          onOpenDetails={onOpenDetails}
        />
      )}
      <ResultFooter
        noun="sign-ins"
        coverage={
          query.hasNextPage
            ? `${count.toLocaleString('en-US')} sign-ins loaded`
            : `All ${count.toLocaleString('en-US')} matching sign-ins of the range`
        }
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadedRows={onLoadedRows.length > 0}
      />
    </>
  )
}
