import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import { allSignInsQuery, allSignInsRecordPlan } from '../api/all-sign-ins.ts'
import { allSignInsColumnIds, allSignInsFlatColumns } from '../model/table.ts'
import { allSignInsTab } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import { PagedSignInsResults } from './PagedSignInsResults.tsx'

export interface AllSignInsViewProps {
  state: ViewState
  now: Date
  emptyReason: string
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

/** "All sign-ins" (issue #12): the four log types merged newest first, in the shared virtual grid. */
export function AllSignInsView({ state, now, emptyReason, onOpenDetails }: AllSignInsViewProps) {
  const source = useDataSource()
  const query = useInfiniteQuery(allSignInsQuery(source, state, now))
  return (
    <PagedSignInsResults
      query={query}
      plan={allSignInsRecordPlan(state.filters.all)}
      label={allSignInsTab.label}
      columnDefs={allSignInsFlatColumns}
      visibleColumnIds={allSignInsColumnIds}
      state={state}
      emptyReason={emptyReason}
      onOpenDetails={onOpenDetails}
    />
  )
}
