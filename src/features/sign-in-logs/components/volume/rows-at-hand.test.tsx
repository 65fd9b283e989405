/**
 * The histogram and Top values read the grid's lists and never fetch them: they mount after the grid's first rows
 * are painted, possibly once its list has failed on a later page. React Query marks a failed query stale, so any
 * observer that mounts with the default options walks the list again from its first page (the hardening e2e's
 * repeated-nextLink case saw 6 requests instead of 3).
 */
import { renderHook, waitFor } from '@testing-library/react'
import { InfiniteQueryObserver, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createAppQueryClient } from '../../../../app/query-client.ts'
import { DataSourceProvider, type DataSource } from '../../../../lib/data-source/data-source.tsx'
import type { GraphClient, GraphPage } from '../../../../lib/graph/client.ts'
import { makeSignIn } from '../../export/test-sign-in.ts'
import { allSignInsQuery } from '../../api/all-sign-ins.ts'
import { tabById } from '../../model/tabs.ts'
import { defaultViewState } from '../../model/view-state.ts'
import { gridSignInsQuery } from './grid-queries.ts'
import { useLoadedSignIns, useMergedSignIns } from './rows-at-hand.ts'

const GRAPH = 'https://graph.microsoft.com'
const now = new Date('2026-11-30T12:00:00Z')

/** Graph answering pages of one sign-in with a nextLink each, until `failing.now` is set. */
function failingSource() {
  const requested: string[] = []
  const failing = { now: false }
  const getPage = async <T,>(pathOrUrl: string): Promise<GraphPage<T>> => {
    requested.push(pathOrUrl)
    if (failing.now) throw new Error('Graph dropped the connection')
    const id = `8a1c2d3e-0000-4000-8000-${String(requested.length).padStart(12, '0')}`
    return {
      value: [makeSignIn({ id, createdDateTime: '2026-11-30T11:00:00Z' })] as T[],
      nextLink: `${GRAPH}/beta/auditLogs/signIns?$skiptoken=${requested.length}`,
      requestId: null,
    }
  }
  const client = { baseUrl: GRAPH, getPage } as unknown as GraphClient
  const source: DataSource = { id: 'failing', kind: 'graph', label: 'failing', client }
  return { source, requested, failing }
}

/** What the grid does: load the first page; the connection drops while it loads the next. */
async function failListAsTheGridWould(
  observer: Pick<InfiniteQueryObserver, 'refetch' | 'fetchNextPage' | 'getCurrentResult'>,
  failing: { now: boolean },
) {
  await observer.refetch()
  failing.now = true
  await observer.fetchNextPage()
  expect(observer.getCurrentResult().error?.message).toBe('Graph dropped the connection')
  expect(observer.getCurrentResult().data).toBeDefined()
}

function wrapperFor(source: DataSource, queryClient: ReturnType<typeof createAppQueryClient>) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <DataSourceProvider value={source}>{children}</DataSourceProvider>
    </QueryClientProvider>
  )
}

test('mounting on a tab’s failed list shows its rows and error without asking Graph again', async () => {
  const { source, requested, failing } = failingSource()
  const queryClient = createAppQueryClient()
  const tab = tabById('interactive')
  const state = { ...defaultViewState, tab: tab.id }
  const gridObserver = new InfiniteQueryObserver(
    queryClient,
    gridSignInsQuery(source, tab, state, now) as never,
  )
  const unsubscribe = gridObserver.subscribe(() => undefined)
  await failListAsTheGridWould(gridObserver, failing)
  const asked = requested.length

  const { result } = renderHook(() => useLoadedSignIns(tab, state, now), {
    wrapper: wrapperFor(source, queryClient),
  })
  await waitFor(() => expect(result.current.error?.message).toBe('Graph dropped the connection'))
  expect(result.current.count).toBe(1)
  // Let any fetch a mount would start reach the client.
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(requested).toHaveLength(asked)
  unsubscribe()
})

test('mounting on All sign-ins’ failed timeline shows its error without asking Graph again', async () => {
  const { source, requested, failing } = failingSource()
  const queryClient = createAppQueryClient()
  const state = { ...defaultViewState, tab: 'all' as const }
  const gridObserver = new InfiniteQueryObserver(queryClient, allSignInsQuery(source, state, now))
  const unsubscribe = gridObserver.subscribe(() => undefined)
  await failListAsTheGridWould(gridObserver, failing)
  const asked = requested.length

  const { result } = renderHook(() => useMergedSignIns(state, now), {
    wrapper: wrapperFor(source, queryClient),
  })
  await waitFor(() => expect(result.current.error?.message).toBe('Graph dropped the connection'))
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(requested).toHaveLength(asked)
  unsubscribe()
})
