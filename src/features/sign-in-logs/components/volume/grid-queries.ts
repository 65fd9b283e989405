/** Which of the grid's queries the histogram and top values read; small, as the first screen imports it. */
import type { DataSource } from '../../../../lib/data-source/data-source.tsx'
import { allSignInsKey, allSignInsRequests } from '../../api/all-sign-ins-requests.ts'
import { filterPlanOf, groupedSignInsQuery, signInListQuery, summaryListQuery } from '../../api/queries.ts'
import { tabById, viewTabById, type TabDefinition, type ViewTab } from '../../model/tabs.ts'
import type { ViewState } from '../../model/view-state.ts'

/** Whether the histogram and top values count summary rows (complete) rather than loaded sign-ins. */
export function countsSummaries(tab: ViewTab, state: ViewState): boolean {
  return tab.id !== 'all' && tab.grouped && filterPlanOf(tabById(tab.id), state).groupsFrom === 'summaries'
}

/** The query key of what the grid shows first: the histogram waits for it. */
export function firstRowsKey(
  source: DataSource,
  tab: ViewTab,
  state: ViewState,
  now: Date,
): readonly unknown[] {
  if (tab.id === 'all') {
    return allSignInsKey(
      source,
      allSignInsRequests(state, now).map((entry) => entry.request),
    )
  }
  return firstRowsQuery(source, tabById(tab.id), state, now).queryKey
}

/** The query whose first page the grid of a log type's tab shows first (its key is `firstRowsKey`'s). */
export function firstRowsQuery(source: DataSource, tab: TabDefinition, state: ViewState, now: Date) {
  return countsSummaries(viewTabById(tab.id), state)
    ? summaryListQuery(source, tab, state, now)
    : gridSignInsQuery(source, tab, state, now)
}

/** The grid's own sign-ins query: the interactive list, or a grouped tab's sign-ins grouped on the client. */
export function gridSignInsQuery(source: DataSource, tab: TabDefinition, state: ViewState, now: Date) {
  return tab.grouped ? groupedSignInsQuery(source, tab, state, now) : signInListQuery(source, tab, state, now)
}
