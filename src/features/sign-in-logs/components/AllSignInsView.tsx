import { useMemo, useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { GraphErrorBar } from '../../../components/GraphErrorBar.tsx'
import { GridSkeleton } from '../../../components/GridSkeleton.tsx'
import type { GraphError } from '../../../lib/graph/errors.ts'
import { allSignInsQuery, allSignInsRecordPlan } from '../api/all-sign-ins.ts'
import { LIST_PAGE_SIZE } from '../api/queries.ts'
import { allSignInsColumnIds, allSignInsFlatColumns } from '../model/table.ts'
import { allSignInsTab } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import { createRowAppender } from './grid/appended-rows.ts'
import { FlatSignInGrid } from './grid/FlatSignInGrid.tsx'
import { LeftOutRecordsBar, signInNoun } from './LeftOutRecordsBar.tsx'
import { ResultFooter } from './ResultFooter.tsx'

export interface AllSignInsViewProps {
  state: ViewState
  now: Date
  emptyReason: string
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

/** As on the interactive tab: the next merged page starts half a page before the end (issue #16). */
const prefetchDistance = LIST_PAGE_SIZE / 2

/** "All sign-ins" (issue #12): the four log types merged newest first, in the shared virtual grid. */
export function AllSignInsView({ state, now, emptyReason, onOpenDetails }: AllSignInsViewProps) {
  const source = useDataSource()
  const query = useInfiniteQuery(allSignInsQuery(source, state, now))
  const { keep, onLoadedRows } = allSignInsRecordPlan(state.filters.all)
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
          label={allSignInsTab.label}
          rows={rows}
          rowCount={count}
          columnDefs={allSignInsFlatColumns}
          visibleColumnIds={allSignInsColumnIds}
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
