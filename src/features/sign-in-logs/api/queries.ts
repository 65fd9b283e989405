/**
 * Query keys and options for the sign-in log (TkDodo's key factories; style.md). Every key starts with the
 * data source id, so the mock tenant and a real tenant never share cache; abort signals reach fetch.
 */
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  type InfiniteData,
} from '@tanstack/react-query'
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import type { DataSource } from '../../../lib/data-source/data-source.tsx'
import type { GraphPage } from '../../../lib/graph/client.ts'
import { createPagingGuard } from '../../../lib/graph/paging-guard.ts'
import { readAheadSlotOf, type ReadAheadSlot } from './read-ahead.ts'
import { readSignIn, readSignInPage, readSummaryPage, type CheckedPage } from './read-records.ts'
import type { TabDefinition, TabId, ViewTabId } from '../model/tabs.ts'
import { resolveDateRange, type ViewState } from '../model/view-state.ts'
import { planFilters, type FilterPlan } from '../filter-plan/index.ts'
import {
  bucketRange,
  buildGroupChildrenFilter,
  buildGroupedSignInsFilter,
  buildSignInFilter,
  buildSummaryFilter,
} from './build-filter.ts'

/** Rows per list page: a first screen quickly, without spending Graph's 5-per-10-s budget too fast (§4.3). */
export const LIST_PAGE_SIZE = 200
export const CHILDREN_PAGE_SIZE = 100
/**
 * A grouped tab whose groups are built from sign-ins reads Graph's largest page (§2.1): many sign-ins fold
 * into one group, so smaller pages would spend the throttle budget on a handful of rows each.
 */
export const GROUPED_SIGN_INS_PAGE_SIZE = 1000
/** Sign-ins land minutes late (graph-api.md §5), so a minute-old list is as fresh as it gets; Refresh refetches. */
export const LIST_STALE_TIME_MS = 60_000
/** One sign-in rarely changes after it is written (risk re-publish aside). */
export const DETAIL_STALE_TIME_MS = 5 * 60_000

export interface GraphRequest {
  path: string
  params: Record<string, string>
}

export const signInKeys = {
  all: (sourceId: string) => ['sign-ins', sourceId] as const,
  list: (sourceId: string, tab: ViewTabId, filterKey: string) =>
    [...signInKeys.all(sourceId), 'list', tab, filterKey] as const,
  groupedSignIns: (sourceId: string, tab: TabId, filterKey: string) =>
    [...signInKeys.all(sourceId), 'grouped-sign-ins', tab, filterKey] as const,
  summaries: (sourceId: string, tab: TabId, filterKey: string) =>
    [...signInKeys.all(sourceId), 'summaries', tab, filterKey] as const,
  children: (sourceId: string, tab: TabId, groupId: string, filterKey: string) =>
    [...signInKeys.all(sourceId), 'children', tab, groupId, filterKey] as const,
  detail: (sourceId: string, id: string) => [...signInKeys.all(sourceId), 'detail', id] as const,
}

/** The request text is the key: it holds the path, the serialized $filter and the resolved range. */
function requestKey(request: GraphRequest): string {
  return `${request.path}?${new URLSearchParams(request.params).toString()}`
}

/** The filter plan of a tab in a view: every request below reads it. */
export function filterPlanOf(tab: TabDefinition, state: ViewState): FilterPlan {
  return planFilters(tab, state.filters[tab.filterSet])
}

/** The signIns list request of a tab; downloads reuse it with a larger $top. */
export function signInsRequest(tab: TabDefinition, state: ViewState, now: Date): GraphRequest {
  const range = resolveDateRange(state.range, now)
  return {
    path: '/beta/auditLogs/signIns',
    params: { $filter: buildSignInFilter(filterPlanOf(tab, state), range), $top: String(LIST_PAGE_SIZE) },
  }
}

export function summariesRequest(
  tab: TabDefinition,
  state: ViewState,
  now: Date,
  pageSize = LIST_PAGE_SIZE,
): GraphRequest {
  if (!tab.summaryFunction) throw new Error(`The ${tab.label} tab is not grouped`)
  const buckets = bucketRange(resolveDateRange(state.range, now), state.aggregate)
  return {
    path: `/beta/auditLogs/${tab.summaryFunction}(aggregationWindow='${state.aggregate}')`,
    params: {
      $filter: buildSummaryFilter(filterPlanOf(tab, state), buckets),
      $top: String(pageSize),
    },
  }
}

/** A grouped tab's sign-ins over the same whole buckets, for groups built on the client. */
export function groupedSignInsRequest(tab: TabDefinition, state: ViewState, now: Date): GraphRequest {
  if (!tab.grouped) throw new Error(`The ${tab.label} tab is not grouped`)
  const buckets = bucketRange(resolveDateRange(state.range, now), state.aggregate)
  return {
    path: '/beta/auditLogs/signIns',
    params: {
      $filter: buildGroupedSignInsFilter(filterPlanOf(tab, state), buckets),
      $top: String(GROUPED_SIGN_INS_PAGE_SIZE),
    },
  }
}

export function groupChildrenRequest(
  tab: TabDefinition,
  row: SummarizedSignIn,
  state: ViewState,
): GraphRequest {
  return {
    path: '/beta/auditLogs/signIns',
    params: {
      $filter: buildGroupChildrenFilter(filterPlanOf(tab, state), row, state.aggregate),
      $top: String(CHILDREN_PAGE_SIZE),
    },
  }
}

type PageReader<T> = (page: GraphPage<unknown>) => Promise<CheckedPage<T>>

/** Where a page comes from, and whether the page after it is read ahead (read-ahead.ts). */
interface PageFetch {
  /** null: the first page, from the request. */
  pageParam: string | null
  /** The nextLinks earlier pages of this list already followed, so a cycle across pages is caught too. */
  followed: readonly (string | null)[]
  signal: AbortSignal
  /** Set for a page beyond the first that the list did not hold yet: the user scrolled to it. */
  readAhead: ReadAheadSlot | null
}

/**
 * First page from the request, later pages from the nextLink verbatim; skips empty pages that point on (§2.4).
 * The page is then checked record by record (read-records.ts): what cannot be read is left out and listed, not cast.
 * After a scrolled-to page, the request for the next one starts before this one is checked, so Graph answers it
 * while this page is checked and shown.
 */
async function fetchPage<T>(
  source: DataSource,
  request: GraphRequest,
  { pageParam, followed, signal, readAhead }: PageFetch,
  read: PageReader<T>,
): Promise<CheckedPage<T>> {
  const paging = createPagingGuard(followed.filter((link) => link !== null))
  let page =
    pageParam === null
      ? await source.client.getPage<unknown>(request.path, { params: request.params, signal })
      : await (readAhead?.take(pageParam, signal) ?? source.client.getPage<unknown>(pageParam, { signal }))
  paging.check(page)
  while (page.value.length === 0 && page.nextLink !== null) {
    page = await source.client.getPage<unknown>(page.nextLink, { signal })
    paging.check(page)
  }
  const next = page.nextLink
  if (readAhead && next !== null) {
    readAhead.start(next, (aheadSignal) => source.client.getPage<unknown>(next, { signal: aheadSignal }))
  }
  return read(page)
}

/**
 * The links followed up to and including `pageParam`. A refetch walks the cached pages again from the first, so
 * only the links before this one count; a new page (fetchNextPage) comes after all of them.
 */
function linksBefore(pageParams: readonly (string | null)[], pageParam: string | null): (string | null)[] {
  const index = pageParams.indexOf(pageParam)
  return index >= 0 ? pageParams.slice(0, index + 1) : [...pageParams, pageParam]
}

function pagedQuery<T>(
  source: DataSource,
  request: GraphRequest,
  queryKey: readonly unknown[],
  read: PageReader<T>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ client, pageParam, signal }) => {
      const cached = client.getQueryData<InfiniteData<CheckedPage<T>, string | null>>(queryKey)
      const pageParams = cached?.pageParams ?? []
      const slot = readAheadSlotOf(client, queryKey)
      // A fetch from the first page (the first load, a refetch, Refresh) starts over: nothing read before counts.
      if (pageParam === null) slot?.clear()
      // fetchNextPage (the user scrolled on) asks for the link the last cached page points to; a refetch walks
      // the cached pages from the first instead, and reads nothing ahead.
      const scrolledTo =
        pageParam !== null &&
        pageParam === (cached?.pages.at(-1)?.nextLink ?? null) &&
        !pageParams.includes(pageParam)
      return fetchPage<T>(
        source,
        request,
        {
          pageParam,
          followed: linksBefore(pageParams, pageParam),
          signal,
          readAhead: scrolledTo ? slot : null,
        },
        read,
      )
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: CheckedPage<T>) => last.nextLink ?? undefined,
    staleTime: LIST_STALE_TIME_MS,
    // Refresh moves "now" and so the key: the rows on screen stay (and expanded groups with them) until the
    // moved range answers. A new filter or tab remounts its view, which starts without previous data.
    placeholderData: keepPreviousData,
    // The Graph client already retries what is worth retrying (429, 502-504, network) with backoff;
    // React Query retrying on top would multiply requests against the throttle.
    retry: false,
  })
}

export function signInListQuery(source: DataSource, tab: TabDefinition, state: ViewState, now: Date) {
  const request = signInsRequest(tab, state, now)
  return pagedQuery<BetaSignIn>(
    source,
    request,
    signInKeys.list(source.id, tab.id, requestKey(request)),
    readSignInPage,
  )
}

/**
 * Summary rows, with the conditions the plan puts on the rows applied to each page (`select`), so the grid
 * shows only matching groups.
 */
export function summaryListQuery(
  source: DataSource,
  tab: TabDefinition,
  state: ViewState,
  now: Date,
  pageSize = LIST_PAGE_SIZE,
) {
  const request = summariesRequest(tab, state, now, pageSize)
  return infiniteQueryOptions({
    ...pagedQuery<SummarizedSignIn>(
      source,
      request,
      signInKeys.summaries(source.id, tab.id, requestKey(request)),
      readSummaryPage,
    ),
    select: summarySelect(filterPlanOf(tab, state)),
  })
}

/** The sign-ins a grouped tab groups on the client; the plan's record predicate is applied by the view. */
export function groupedSignInsQuery(source: DataSource, tab: TabDefinition, state: ViewState, now: Date) {
  const request = groupedSignInsRequest(tab, state, now)
  return pagedQuery<BetaSignIn>(
    source,
    request,
    signInKeys.groupedSignIns(source.id, tab.id, requestKey(request)),
    readSignInPage,
  )
}

type SummaryData = InfiniteData<CheckedPage<SummarizedSignIn>, string | null>
const selectByPlan = new WeakMap<FilterPlan, (data: SummaryData) => SummaryData>()

/**
 * One `select` function per plan (plans are cached per pill set): React Query re-runs `select` whenever
 * its reference changes, and options are rebuilt on every render. Undefined when no condition needs the
 * rows, so nothing runs at all.
 */
function summarySelect(plan: FilterPlan): ((data: SummaryData) => SummaryData) | undefined {
  if (plan.summaries.onLoadedRows.length === 0) return undefined
  let select = selectByPlan.get(plan)
  if (!select) {
    const { keep } = plan.summaries
    select = (data) => ({
      ...data,
      pages: data.pages.map((page) => ({ ...page, value: page.value.filter(keep) })),
    })
    selectByPlan.set(plan, select)
  }
  return select
}

export function groupChildrenQuery(
  source: DataSource,
  tab: TabDefinition,
  row: SummarizedSignIn,
  state: ViewState,
) {
  const request = groupChildrenRequest(tab, row, state)
  return pagedQuery<BetaSignIn>(
    source,
    request,
    signInKeys.children(source.id, tab.id, row.id, requestKey(request)),
    readSignInPage,
  )
}

export function signInDetailQuery(source: DataSource, id: string) {
  return queryOptions({
    queryKey: signInKeys.detail(source.id, id),
    queryFn: async ({ signal }) =>
      readSignIn(
        await source.client.getEntity<unknown>(`/beta/auditLogs/signIns/${encodeURIComponent(id)}`, {
          signal,
        }),
      ),
    enabled: id !== '',
    staleTime: DETAIL_STALE_TIME_MS,
    retry: false,
  })
}
