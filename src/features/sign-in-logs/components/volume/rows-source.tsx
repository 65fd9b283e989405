import type { ComponentType } from 'react'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { tabById, type TabDefinition, type ViewTab } from '../../model/tabs.ts'
import type { ViewState } from '../../model/view-state.ts'
import { countsSummaries } from './grid-queries.ts'
import { useLoadedSignIns, useMergedSignIns, type RowsAtHand } from './rows-at-hand.ts'

/** What every view of the counted rows (histogram, top values) is given. */
export interface CountedRowsProps {
  tab: ViewTab
  state: ViewState
  now: Date
}

/**
 * A view over the rows at hand as the tab has them: every summary row of the range on grouped tabs whose groups
 * come from the summaries, else the loaded sign-ins (the merged timeline on "All sign-ins").
 */
export function byRowsSource<Props extends CountedRowsProps>(views: {
  Loaded: ComponentType<Props & { loaded: RowsAtHand<BetaSignIn> }>
  Summaries: ComponentType<Props & { tab: TabDefinition }>
}): ComponentType<Props> {
  const { Loaded, Summaries } = views
  function MergedRows(props: Props) {
    return <Loaded {...props} loaded={useMergedSignIns(props.state, props.now)} />
  }
  function LoadedRows(props: Props & { tab: TabDefinition }) {
    return <Loaded {...props} loaded={useLoadedSignIns(props.tab, props.state, props.now)} />
  }
  return function ByRowsSource(props: Props) {
    const { tab } = props
    if (tab.id === 'all') return <MergedRows {...props} />
    const definition = tabById(tab.id)
    return countsSummaries(tab, props.state) ? (
      <Summaries {...props} tab={definition} />
    ) : (
      <LoadedRows {...props} tab={definition} />
    )
  }
}
