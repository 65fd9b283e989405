/** Which of the grid's queries the histogram and top values read; small, as the first screen imports it. */
import type { DataSource } from '../../../../lib/data-source/data-source.tsx'
import { filterPlanOf, groupedSignInsQuery, signInListQuery } from '../../api/queries.ts'
import type { TabDefinition } from '../../model/tabs.ts'
import type { ViewState } from '../../model/view-state.ts'

/** Whether the histogram and top values count summary rows (complete) rather than loaded sign-ins. */
export function countsSummaries(tab: TabDefinition, state: ViewState): boolean {
  return tab.grouped && filterPlanOf(tab, state).groupsFrom === 'summaries'
}

/** The grid's own sign-ins query: the interactive list, or a grouped tab's sign-ins grouped on the client. */
export function gridSignInsQuery(source: DataSource, tab: TabDefinition, state: ViewState, now: Date) {
  return tab.grouped ? groupedSignInsQuery(source, tab, state, now) : signInListQuery(source, tab, state, now)
}
