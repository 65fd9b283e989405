/**
 * What one file asks Graph for: the grid's own request for the file's tab (`signInsRequest`: the
 * list endpoint, the view's date range, the server-side pills, and for grouped tabs the tab's
 * `signInEventTypes` filter — the file holds the individual sign-ins, as the portal's does) plus the
 * filter plan's predicate for the pills Graph cannot carry (`plan.signIns.keep`). Nothing here is download-specific except the
 * page size, which changes how many requests are made, never which records or in what order.
 */
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import type { DataSource } from '../../../lib/data-source/data-source.tsx'
import { allSignInsRecordPlan, mergedPagesClient } from '../api/all-sign-ins.ts'
import { allSignInsRequests } from '../api/all-sign-ins-requests.ts'
import { filterPlanOf, signInsRequest } from '../api/queries.ts'
import { tabById } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import type { DownloadFileDefinition } from './download-files.ts'
import type { DownloadRequest } from './run-download.ts'

/** Graph's maximum page size (graph-api.md §2.1): the fewest requests, hence the fewest throttles. */
export const DOWNLOAD_PAGE_SIZE = '1000'

export function downloadQueryFor(
  file: Pick<DownloadFileDefinition, 'tab'>,
  state: ViewState,
  now: Date,
): { request: DownloadRequest; accept: (record: BetaSignIn) => boolean } {
  if (file.tab === 'all') throw new Error('The All sign-ins file merges four lists: use mergedDownloadFor')
  const tab = tabById(file.tab)
  const base = signInsRequest(tab, state, now)
  const request: DownloadRequest = { path: base.path, params: { ...base.params, $top: DOWNLOAD_PAGE_SIZE } }
  return { request, accept: filterPlanOf(tab, state).signIns.keep }
}

/** The All sign-ins file: the tab's four lists at Graph's largest page, merged as the grid merges them. */
export function mergedDownloadFor(
  source: Pick<DataSource, 'client'>,
  state: ViewState,
  now: Date,
): {
  request: DownloadRequest
  accept: (record: BetaSignIn) => boolean
  client: Pick<DataSource['client'], 'iteratePages'>
} {
  const requests = allSignInsRequests(state, now).map(({ request }) => ({
    ...request,
    params: { ...request.params, $top: DOWNLOAD_PAGE_SIZE },
  }))
  const merged = mergedPagesClient(source, requests, Number(DOWNLOAD_PAGE_SIZE))
  return {
    request: { path: merged.start, params: {} },
    accept: allSignInsRecordPlan(state.filters.all).keep,
    client: merged.client,
  }
}
