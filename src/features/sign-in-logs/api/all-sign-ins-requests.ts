/**
 * The All sign-ins tab's four requests and its query key, without the merge (all-sign-ins.ts): the first
 * screen needs the key (the histogram waits for that entry) but loads the merge only with the tab (issue #16).
 */
import type { DataSource } from '../../../lib/data-source/data-source.tsx'
import { planFilters } from '../filter-plan/index.ts'
import { tabDefinitions, type TabId } from '../model/tabs.ts'
import { resolveDateRange, type ViewState } from '../model/view-state.ts'
import { buildSignInFilter } from './build-filter.ts'
import { LIST_PAGE_SIZE, signInKeys, type GraphRequest } from './queries.ts'

/** One request per log type: the tab's own event-type clause, the range and the pills every type takes. */
export function allSignInsRequests(state: ViewState, now: Date): { type: TabId; request: GraphRequest }[] {
  const range = resolveDateRange(state.range, now)
  const pills = state.filters.all
  return tabDefinitions.map((tab) => ({
    type: tab.id,
    request: {
      path: '/beta/auditLogs/signIns',
      params: { $filter: buildSignInFilter(planFilters(tab, pills), range), $top: String(LIST_PAGE_SIZE) },
    },
  }))
}

/** The merged list's cache key: one entry per combination of the four requests. */
export function allSignInsKey(source: DataSource, requests: readonly GraphRequest[]) {
  const key = requests.map((request) => new URLSearchParams(request.params).toString()).join('|')
  return signInKeys.list(source.id, 'all', key)
}
