// @vitest-environment node
/**
 * The grouped tabs on opened files (issue #14): the fake tenant's sign-ins of a range, put into the file engine
 * (real duckdb-wasm), answer the page's own `getSummarized*` requests with the groups the fake answers for the
 * same records, paged as Graph pages them; a group's children request lists exactly the sign-ins it counts.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { createMockGraphServer } from '../../../../mocks/node.ts'
import { createMockDataSource } from '../../../lib/data-source/data-source.tsx'
import { createFilesGraphClient } from '../../../lib/file-source/files-graph-client.ts'
import { createNodeStore } from '../../../lib/file-source/node-duckdb.testing.ts'
import type { SignInStore } from '../../../lib/file-source/sign-in-store.ts'
import type { GraphClient } from '../../../lib/graph/client.ts'
import { tabById, type TabId } from '../model/tabs.ts'
import { defaultViewState, type AggregationWindow, type ViewState } from '../model/view-state.ts'
import {
  groupChildrenRequest,
  groupedSignInsRequest,
  summariesRequest,
  type GraphRequest,
} from './queries.ts'

const now = new Date('2026-11-30T12:00:00Z')
const { server } = createMockGraphServer({ now, seed: 7, size: 'small' })
const fake = createMockDataSource({ retry: { baseDelayMs: 1, maxDelayMs: 5 } }).client

const groupedTabs = ['non-interactive', 'service-principal', 'managed-identity'] as const
let store: SignInStore
let files: GraphClient

async function readAll<T>(client: GraphClient, request: GraphRequest): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = []
  let pages = 0
  for await (const page of client.iteratePages<T>(request.path, { params: request.params })) {
    rows.push(...page.value)
    pages++
  }
  return { rows, pages }
}

const viewOf = (aggregate: AggregationWindow): ViewState => ({
  ...defaultViewState,
  range: { preset: '24h' },
  aggregate,
})

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  store = await createNodeStore()
  // Whole days, so that every window of every aggregate below holds all of its sign-ins.
  const state: ViewState = { ...viewOf('d1'), range: { preset: '7d' } }
  for (const tab of groupedTabs) {
    const { rows } = await readAll<BetaSignIn>(fake, groupedSignInsRequest(tabById(tab), state, now))
    await store.insert(rows.map((signIn, line) => ({ signIn, raw: signIn, file: `${tab}.json`, line })))
  }
  files = createFilesGraphClient({
    list: (filter, top, skip) => store.list({ filter, top, skip }),
    summarize: (query) => store.summarize(query),
    get: (id) => store.get(id),
  })
}, 120_000)
afterAll(() => server.close())

/** What a group is, leaving out its id (the fake's is a GUID of its own). */
const groupOf = (row: SummarizedSignIn) =>
  JSON.stringify([
    row.aggregationDateTime,
    row.firstSignInDateTime,
    row.signInCount,
    row.appId,
    row.userPrincipalName,
    row.ipAddress,
    row.status.errorCode,
    row.resourceId,
    row.servicePrincipalId,
  ])

describe.each(groupedTabs)('the %s tab on files', (tabId: TabId) => {
  const tab = tabById(tabId)

  it.each(['h1', 'h6', 'd1'] as const)('groups as the fake does with aggregate %s', async (aggregate) => {
    const request = summariesRequest(tab, viewOf(aggregate), now)
    const expected = await readAll<SummarizedSignIn>(fake, request)
    const actual = await readAll<SummarizedSignIn>(files, request)
    expect(expected.rows.length).toBeGreaterThan(0)
    expect(actual.rows.map(groupOf).sort()).toEqual(expected.rows.map(groupOf).sort())
    // Newest bucket first, as the fake pages them.
    const buckets = actual.rows.map((row) => row.aggregationDateTime)
    expect(buckets).toEqual([...buckets].sort().reverse())
  })

  it('applies the summary $filter before grouping and pages by $top', async () => {
    const state: ViewState = {
      ...viewOf('h6'),
      filters: { ...defaultViewState.filters, [tab.filterSet]: [{ field: 'status', values: ['Success'] }] },
    }
    const request = summariesRequest(tab, state, now, 3)
    const expected = await readAll<SummarizedSignIn>(fake, request)
    const actual = await readAll<SummarizedSignIn>(files, request)
    expect(request.params.$filter).toContain('status/errorCode eq 0')
    expect(actual.rows.every((row) => row.status.errorCode === 0)).toBe(true)
    expect(actual.rows.map(groupOf).sort()).toEqual(expected.rows.map(groupOf).sort())
    expect(actual.pages).toBe(Math.ceil(actual.rows.length / 3))
    expect(actual.rows.length).toBeGreaterThan(3)
  })

  it('expands a group to exactly the sign-ins it counts', async () => {
    const state = viewOf('h6')
    const { rows } = await readAll<SummarizedSignIn>(files, summariesRequest(tab, state, now))
    // The largest groups and one with a missing key, when there is one (`eq null` in the children filter).
    const picked = [...rows].sort((a, b) => b.signInCount - a.signInCount).slice(0, 3)
    const withNull = rows.find((row) => row.ipAddress === null || row.resourceId === null)
    for (const row of withNull ? [...picked, withNull] : picked) {
      const request = groupChildrenRequest(tab, row, state)
      const children = await readAll<BetaSignIn>(files, request)
      expect(children.rows).toHaveLength(row.signInCount)
      const fromFake = await readAll<BetaSignIn>(fake, request)
      expect(children.rows.map((signIn) => signIn.id)).toEqual(fromFake.rows.map((signIn) => signIn.id))
    }
  })
})
