import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import { filterPlanOf, signInListQuery } from '../api/queries.ts'
import type { TabDefinition } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import { PagedSignInsResults } from './PagedSignInsResults.tsx'

export interface FlatSignInViewProps {
  tab: TabDefinition
  state: ViewState
  now: Date
  visibleColumnIds: readonly string[]
  emptyReason: string
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

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
  return (
    <PagedSignInsResults
      query={query}
      plan={filterPlanOf(tab, state).signIns}
      label={tab.label}
      visibleColumnIds={visibleColumnIds}
      state={state}
      emptyReason={emptyReason}
      onOpenDetails={onOpenDetails}
    />
  )
}
