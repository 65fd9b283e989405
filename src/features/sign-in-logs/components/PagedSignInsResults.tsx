import { useMemo, useState } from 'react'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { GraphErrorBar } from '../../../components/GraphErrorBar.tsx'
import { GridSkeleton } from '../../../components/GridSkeleton.tsx'
import type { GraphError } from '../../../lib/graph/errors.ts'
import { LIST_PAGE_SIZE } from '../api/queries.ts'
import type { LeftOutRecord } from '../api/read-records.ts'
import type { QueryPlan } from '../filter-plan/index.ts'
import type { FlatColumns } from '../model/table.ts'
import type { ViewState } from '../model/view-state.ts'
import { createRowAppender } from './grid/appended-rows.ts'
import { FlatSignInGrid } from './grid/FlatSignInGrid.tsx'
import { LeftOutRecordsBar, signInNoun } from './LeftOutRecordsBar.tsx'
import { ResultFooter } from './ResultFooter.tsx'

/** The parts of an infinite query of sign-in pages that the results read (any page and cursor type). */
export interface PagedSignIns {
  data: { pages: readonly { value: readonly BetaSignIn[]; leftOut: readonly LeftOutRecord[] }[] } | undefined
  error: unknown
  isPending: boolean
  isFetching: boolean
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => Promise<unknown>
  refetch: () => Promise<unknown>
}

export interface PagedSignInsResultsProps {
  query: PagedSignIns
  /** What the loaded rows are filtered by on the client (pills Graph cannot filter). */
  plan: QueryPlan<BetaSignIn>
  label: string
  /** The columns to pick from; the interactive catalogue unless a tab has its own set ("All sign-ins"). */
  columnDefs?: FlatColumns
  visibleColumnIds: readonly string[]
  state: ViewState
  emptyReason: string
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

/**
 * Start the next page half a page before the end (issue #16): scrolling at reading speed finds it loaded,
 * while the first screen (20-odd rows of a 200-row page) does not spend a request of Graph's 5-per-10-s
 * budget (graph-api.md §4.3) on a page nobody scrolled to yet.
 */
const prefetchDistance = LIST_PAGE_SIZE / 2

/**
 * Pages of sign-ins → loaded rows (client-side pills applied, appended per page) → virtual grid, with the
 * loading, error, left-out and empty states and the footer: the interactive tab and "All sign-ins" alike.
 */
export function PagedSignInsResults({
  query,
  plan,
  label,
  columnDefs,
  visibleColumnIds,
  state,
  emptyReason,
  onOpenDetails,
}: PagedSignInsResultsProps) {
  const { keep, onLoadedRows } = plan
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
          label={label}
          rows={rows}
          rowCount={count}
          columnDefs={columnDefs}
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
