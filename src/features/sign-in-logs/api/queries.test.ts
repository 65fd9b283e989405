import { InfiniteQueryObserver, isCancelledError, QueryClient } from '@tanstack/react-query'
import {
  betaSignInSchema,
  summarizedSignInSchema,
  type BetaSignIn,
  type SummarizedSignIn,
} from '../../../../contract/sign-in.ts'
import { createMockGraphServer } from '../../../../mocks/node.ts'
import { createMockDataSource } from '../../../lib/data-source/data-source.tsx'
import type { GraphClient, GraphPage } from '../../../lib/graph/client.ts'
import type { GraphError } from '../../../lib/graph/errors.ts'
import { makeSignIn } from '../export/test-sign-in.ts'
import { statusOf } from '../model/status.ts'
import { tabById } from '../model/tabs.ts'
import { defaultViewState, type ViewState } from '../model/view-state.ts'
import {
  groupChildrenRequest,
  LIST_PAGE_SIZE,
  signInDetailQuery,
  signInKeys,
  signInListQuery,
  signInsRequest,
  summaryListQuery,
} from './queries.ts'

const now = new Date('2026-11-30T12:00:00Z')
const { server, scenarios } = createMockGraphServer({ now, seed: 7, size: 'small' })
const source = createMockDataSource({ retry: { baseDelayMs: 1, maxDelayMs: 5 } })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  scenarios.set('none')
})
afterAll(() => server.close())

const newClient = () => new QueryClient()
const state = (patch: Partial<ViewState>): ViewState => ({ ...defaultViewState, ...patch })

describe('signInListQuery', () => {
  test('pages the interactive log newest first through nextLink, inside the range', async () => {
    const queryClient = newClient()
    const options = signInListQuery(source, tabById('interactive'), state({ range: { preset: '1m' } }), now)
    const data = await queryClient.fetchInfiniteQuery({ ...options, pages: 2 })
    expect(data.pages).toHaveLength(2)
    expect(data.pageParams[0]).toBeNull()
    expect(data.pageParams[1]).toBe(data.pages[0]?.nextLink)
    const rows = data.pages.flatMap((page) => page.value)
    expect(rows.length).toBeGreaterThan(LIST_PAGE_SIZE)
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length)
    const from = now.getTime() - 30 * 86_400_000
    for (const row of rows) {
      expect(row.signInEventTypes).toContain('interactiveUser')
      expect(Date.parse(row.createdDateTime)).toBeGreaterThanOrEqual(from - 1000)
      expect(Date.parse(row.createdDateTime)).toBeLessThanOrEqual(now.getTime())
    }
    const times = rows.map((row) => Date.parse(row.createdDateTime))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    betaSignInSchema.parse(rows[0])
  })

  test('server-side pills are honoured by the fake: Interrupted returns only interrupts', async () => {
    const view = state({
      range: { preset: '1m' },
      filters: { ...defaultViewState.filters, user: [{ field: 'status', values: ['Interrupted'] }] },
    })
    const data = await newClient().fetchInfiniteQuery(
      signInListQuery(source, tabById('interactive'), view, now),
    )
    const rows = data.pages.flatMap((page) => page.value)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(statusOf(row)).toBe('Interrupted')
  })

  test('the key holds the source, the tab and the request (filter + range)', () => {
    const tab = tabById('non-interactive')
    const view = state({
      filters: { ...defaultViewState.filters, user: [{ field: 'user', values: ['adele'] }] },
    })
    const { queryKey } = signInListQuery(source, tab, view, now)
    const request = signInsRequest(tab, view, now)
    expect(queryKey.slice(0, 4)).toEqual([...signInKeys.all('mock'), 'list', 'non-interactive'])
    const key = String(queryKey[4])
    expect(key).toContain(new URLSearchParams({ $filter: request.params.$filter ?? '' }).toString())
    expect(request.params.$filter).toContain('2026-11-29T12:00:00Z')
    expect(signInListQuery(source, tab, state({}), now).queryKey).not.toEqual(queryKey)
    expect(signInListQuery({ ...source, id: 'graph:contoso' }, tab, view, now).queryKey[1]).toBe(
      'graph:contoso',
    )
  })

  test('a Graph refusal surfaces as the GraphError, without extra React Query retries', async () => {
    scenarios.set('non-premium')
    const queryClient = newClient()
    const error = await queryClient
      .fetchInfiniteQuery(signInListQuery(source, tabById('interactive'), state({}), now))
      .then(
        () => null,
        (e: GraphError) => e,
      )
    expect(error?.kind).toBe('non-premium')
  })

  test('cancelling the query aborts the request', async () => {
    scenarios.set('slow')
    const signals: AbortSignal[] = []
    const spying = createMockDataSource({
      fetch: (input, init) => {
        if (init?.signal) signals.push(init.signal)
        return fetch(input, init)
      },
    })
    const queryClient = newClient()
    const options = signInListQuery(spying, tabById('interactive'), state({}), now)
    const pending = queryClient.fetchInfiniteQuery(options).then(
      () => 'resolved',
      (e: unknown) => (isCancelledError(e) ? 'cancelled' : String(e)),
    )
    await vi.waitFor(() => expect(signals).toHaveLength(1))
    await queryClient.cancelQueries({ queryKey: options.queryKey })
    expect(await pending).toBe('cancelled')
    expect(signals[0]?.aborted).toBe(true)
  })
})

describe('grouped tabs', () => {
  test('summaries page, and a group expands into exactly its signInCount sign-ins', async () => {
    const tab = tabById('non-interactive')
    const view = state({ tab: 'non-interactive', range: { preset: '7d' }, aggregate: 'h1' })
    const data = await newClient().fetchInfiniteQuery(summaryListQuery(source, tab, view, now))
    const rows = data.pages.flatMap((page) => page.value)
    expect(rows.length).toBeGreaterThan(0)
    summarizedSignInSchema.parse(rows[0])
    // A bucket well inside the range, so clipping does not cut it.
    const row = rows.find(
      (r) => Date.parse(r.aggregationDateTime) > now.getTime() - 3 * 86_400_000,
    ) as SummarizedSignIn
    const request = groupChildrenRequest(tab, row, view)
    const children: BetaSignIn[] = []
    for await (const page of source.client.iteratePages<BetaSignIn>(request.path, { params: request.params }))
      children.push(...page.value)
    expect(children).toHaveLength(row.signInCount)
    for (const child of children) {
      expect(child).toMatchObject({
        appId: row.appId,
        userPrincipalName: row.userPrincipalName,
        ipAddress: row.ipAddress,
        resourceId: row.resourceId,
      })
      expect(child.status.errorCode).toBe(row.status.errorCode)
      const at = Date.parse(child.createdDateTime)
      expect(at).toBeGreaterThanOrEqual(Date.parse(row.aggregationDateTime))
      expect(at).toBeLessThan(Date.parse(row.aggregationDateTime) + 3_600_000)
    }
  })

  test('summary pills: server-side ones reach the fake, client-side ones filter the rows (select)', async () => {
    const tab = tabById('service-principal')
    const base = state({ tab: 'service-principal', range: { preset: '7d' } })
    const all = (
      await newClient().fetchInfiniteQuery(summaryListQuery(source, tab, base, now))
    ).pages.flatMap((p) => p.value)
    const failing = all.find((row) => statusOf(row) === 'Failure')
    expect(failing).toBeDefined()
    const view = {
      ...base,
      filters: {
        ...base.filters,
        servicePrincipal: [
          { field: 'servicePrincipalId' as const, values: [failing!.servicePrincipalId ?? ''] },
          { field: 'status' as const, values: ['Failure'] },
        ],
      },
    }
    const queryClient = newClient()
    const options = summaryListQuery(source, tab, view, now)
    await queryClient.fetchInfiniteQuery(options)
    const raw = queryClient.getQueryData(options.queryKey)!.pages.flatMap((p) => p.value)
    const shown = options.select!(queryClient.getQueryData(options.queryKey)!).pages.flatMap((p) => p.value)
    expect(raw.every((row) => row.servicePrincipalId === failing!.servicePrincipalId)).toBe(true)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.every((row) => statusOf(row) === 'Failure')).toBe(true)
    // Stable across renders (same pills -> same select), absent when no pill needs the rows.
    expect(summaryListQuery(source, tab, view, now).select).toBe(options.select)
    expect(summaryListQuery(source, tab, base, now).select).toBeUndefined()
  })
})

test('signInDetailQuery reads one sign-in by id', async () => {
  const list = await newClient().fetchInfiniteQuery(
    signInListQuery(source, tabById('interactive'), state({}), now),
  )
  const first = list.pages[0]!.value[0]!
  const detail = await newClient().fetchQuery(signInDetailQuery(source, first.id))
  expect(detail).toEqual(first)
  expect(signInDetailQuery(source, '').enabled).toBe(false)
})

describe('list paging stops a loop', () => {
  const GRAPH = 'https://graph.microsoft.com'
  /** A data source whose pages come from `pageAt(url)`; counts requests so a loop shows as a bound. */
  function scriptedSource(pageAt: (url: string) => GraphPage<BetaSignIn>) {
    const requested: string[] = []
    const getPage = async <T>(pathOrUrl: string) => {
      requested.push(pathOrUrl)
      if (requested.length > 50) throw new Error('no guard: still paging after 50 requests')
      return pageAt(pathOrUrl) as GraphPage<T>
    }
    const client = { baseUrl: GRAPH, getPage } as unknown as GraphClient
    return { source: { id: 'scripted', kind: 'graph' as const, label: 'scripted', client }, requested }
  }
  // Whole records: pages are checked against the contract (read-records.ts), and a bare `{ id }` is left out.
  const signIn = (id: string) => makeSignIn({ id })

  test('10 empty pages in a row fail the fetch with a clear error', async () => {
    const { source: scripted, requested } = scriptedSource((url) => ({
      value: [],
      nextLink: `${GRAPH}/next/${requested.length}-${url.length}`,
      requestId: null,
    }))
    const query = newClient().fetchInfiniteQuery(
      signInListQuery(scripted, tabById('interactive'), state({}), now),
    )
    await expect(query).rejects.toThrow(/10 empty pages in a row/)
    expect(requested).toHaveLength(10)
  })

  test('a nextLink that comes back on a later page fails the next fetch (Load more)', async () => {
    const { source: scripted, requested } = scriptedSource((url) =>
      url.endsWith('/b')
        ? { value: [signIn('b')], nextLink: `${GRAPH}/a`, requestId: null }
        : { value: [signIn('a')], nextLink: `${GRAPH}/b`, requestId: null },
    )
    const observer = new InfiniteQueryObserver(
      newClient(),
      signInListQuery(scripted, tabById('interactive'), state({}), now),
    )
    await observer.refetch()
    await observer.fetchNextPage()
    const result = await observer.fetchNextPage()
    expect(result.data?.pages.map((page) => page.value[0]?.id)).toEqual(['a', 'b'])
    expect(result.error?.message).toMatch(/same next-page link twice/)
    expect(requested).toHaveLength(3)
  })

  test('refetching the list from the first page is not mistaken for a loop', async () => {
    let n = 0
    const { source: scripted } = scriptedSource((url) =>
      url.includes('skip')
        ? { value: [signIn('b')], nextLink: null, requestId: null }
        : { value: [signIn(`a${n++}`)], nextLink: `${GRAPH}/skip`, requestId: null },
    )
    const queryClient = newClient()
    const options = signInListQuery(scripted, tabById('interactive'), state({}), now)
    await queryClient.fetchInfiniteQuery({ ...options, pages: 2 })
    await queryClient.refetchQueries({ queryKey: options.queryKey })
    const data = queryClient.getQueryData(options.queryKey)
    expect(data?.pages.map((page) => page.value[0]?.id)).toEqual(['a1', 'b'])
  })
})

describe('reading one page ahead (issue #16)', () => {
  const GRAPH = 'https://graph.microsoft.com'
  const link = (page: number) => `${GRAPH}/beta/auditLogs/signIns?$skiptoken=page${page}`
  /** Five pages of one record each, the first from the request; every request is recorded. */
  function fivePages() {
    const requested: string[] = []
    const getPage = async <T>(pathOrUrl: string) => {
      requested.push(pathOrUrl)
      const page = pathOrUrl.startsWith('/') ? 1 : Number(/page(\d+)$/.exec(pathOrUrl)?.[1])
      return {
        value: [makeSignIn({ id: `record-${page}` })],
        nextLink: page < 5 ? link(page + 1) : null,
        requestId: null,
      } as GraphPage<T>
    }
    const client = { baseUrl: GRAPH, getPage } as unknown as GraphClient
    return { source: { id: 'five', kind: 'graph' as const, label: 'five', client }, requested }
  }
  const asked = (requested: string[], page: number) => requested.filter((url) => url === link(page)).length

  test('the first page reads nothing ahead; a scrolled-to page asks for the next at once, which is then taken', async () => {
    const { source: five, requested } = fivePages()
    const observer = new InfiniteQueryObserver(
      newClient(),
      signInListQuery(five, tabById('interactive'), state({}), now),
    )
    await observer.refetch()
    expect(requested).toHaveLength(1)

    // The user scrolled to page 2: page 3 is asked for without another fetchNextPage.
    await observer.fetchNextPage()
    await vi.waitFor(() => expect(asked(requested, 3)).toBe(1))
    expect(observer.getCurrentResult().data?.pages).toHaveLength(2)

    // Scrolling on shows page 3 from that answer, not a second request, and page 4 is on its way.
    const result = await observer.fetchNextPage()
    expect(result.data?.pages.map((page) => page.value[0]?.id)).toEqual(['record-1', 'record-2', 'record-3'])
    expect(asked(requested, 3)).toBe(1)
    await vi.waitFor(() => expect(asked(requested, 4)).toBe(1))
  })

  test('a refetch reads nothing ahead and drops what was read before it', async () => {
    const { source: five, requested } = fivePages()
    const observer = new InfiniteQueryObserver(
      newClient(),
      signInListQuery(five, tabById('interactive'), state({}), now),
    )
    await observer.refetch()
    await observer.fetchNextPage()
    await vi.waitFor(() => expect(asked(requested, 3)).toBe(1))

    await observer.refetch()
    expect(requested.slice(-2)).toEqual(['/beta/auditLogs/signIns', link(2)])
    // Page 3 read before the refetch is not shown after it: it is asked for again.
    await observer.fetchNextPage()
    expect(asked(requested, 3)).toBe(2)
  })
})
