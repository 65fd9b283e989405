import { useEffect } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import type { GraphError } from '../../../lib/graph/errors.ts'
import type { LeftOutRecord } from '../api/read-records.ts'
import { groupChildrenQuery } from '../api/queries.ts'
import type { TabDefinition } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'

export interface GroupChildren {
  pending: boolean
  error: GraphError | null
  signIns: BetaSignIn[]
  /** Sign-ins of this group that could not be read (read-records.ts). */
  leftOut: LeftOutRecord[]
  hasNextPage: boolean
  isFetchingNextPage: boolean
  loadMore: () => void
}

/**
 * Fetches one expanded group's sign-ins (§1.2: children are fetched on expand) and reports them up.
 * One component per expanded group because each group is its own infinite query; the treegrid
 * needs all of them in one flat, virtualised row list.
 */
export function GroupChildrenLoader({
  groupKey,
  summary,
  tab,
  state,
  onChange,
}: {
  groupKey: string
  summary: SummarizedSignIn
  tab: TabDefinition
  state: ViewState
  onChange: (groupKey: string, children: GroupChildren) => void
}) {
  const source = useDataSource()
  const query = useInfiniteQuery(groupChildrenQuery(source, tab, summary, state))
  const { data, error, hasNextPage, isFetchingNextPage, isPending, fetchNextPage, refetch } = query
  useEffect(() => {
    onChange(groupKey, {
      pending: isPending,
      error: error as GraphError | null,
      signIns: (data?.pages ?? []).flatMap((page) => page.value),
      leftOut: (data?.pages ?? []).flatMap((page) => page.leftOut),
      hasNextPage,
      isFetchingNextPage,
      loadMore: () => void (data ? fetchNextPage() : refetch()),
    })
  }, [groupKey, onChange, data, error, hasNextPage, isFetchingNextPage, isPending, fetchNextPage, refetch])
  return null
}
