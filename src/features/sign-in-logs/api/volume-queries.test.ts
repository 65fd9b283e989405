import { QueryClient } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { createMockGraphServer } from '../../../../mocks/node.ts'
import { createMockDataSource } from '../../../lib/data-source/data-source.tsx'
import { bucketTotal, bucketsFromSignIns, bucketsFromSummaries } from '../model/histogram.ts'
import { tabById, type TabId } from '../model/tabs.ts'
import { defaultViewState, resolveDateRange, type ViewState } from '../model/view-state.ts'
import { VOLUME_PAGE_SIZE, volumeSummariesQuery, volumeWindowOf } from './volume-queries.ts'

const now = new Date('2026-11-30T12:00:00Z')
const { server } = createMockGraphServer({ now, seed: 7, size: 'small' })
const source = createMockDataSource({ retry: { baseDelayMs: 1, maxDelayMs: 5 } })

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

async function allSummaries(view: ViewState) {
  const tab = tabById(view.tab as TabId)
  const options = volumeSummariesQuery(source, tab, view, now)
  const data = await new QueryClient().fetchInfiniteQuery({ ...options, pages: 50 })
  return data.pages.flatMap((page) => page.value)
}

async function signInsBetween(eventType: string, from: string, to: string): Promise<BetaSignIn[]> {
  const records: BetaSignIn[] = []
  const params = {
    $filter: `createdDateTime ge ${from} and createdDateTime lt ${to} and signInEventTypes/any(t: t eq '${eventType}')`,
    $top: '1000',
  }
  for await (const page of source.client.iteratePages<BetaSignIn>('/beta/auditLogs/signIns', { params }))
    records.push(...page.value)
  return records
}

test.each([
  ['non-interactive', 'nonInteractiveUser'],
  ['service-principal', 'servicePrincipal'],
] as const)(
  'on the %s tab, hourly bars equal the sign-ins of each hour by status, whatever the grid aggregate',
  async (tabId, eventType) => {
    // The grid shows d1; the histogram of a 24-hour range still asks for h1 windows.
    const view: ViewState = { ...defaultViewState, tab: tabId, range: { preset: '24h' }, aggregate: 'd1' }
    expect(volumeSummariesQuery(source, tabById(tabId), view, now).queryKey.join(' ')).toContain(
      `aggregationWindow='h1'`,
    )
    expect(volumeSummariesQuery(source, tabById(tabId), view, now).queryKey.join(' ')).toContain(
      `%24top=${VOLUME_PAGE_SIZE}`,
    )
    const range = resolveDateRange(view.range, now)
    const window = volumeWindowOf(view, now)
    expect(window).toBe('h1')
    const buckets = bucketsFromSummaries(await allSummaries(view), range, window)
    expect(buckets.reduce((sum, bucket) => sum + bucketTotal(bucket), 0)).toBeGreaterThan(0)
    // Two busy hours, counted from the records themselves.
    const busiest = [...buckets].sort((a, b) => bucketTotal(b) - bucketTotal(a)).slice(0, 2)
    for (const bucket of busiest) {
      const records = await signInsBetween(eventType, bucket.start, bucket.end)
      const [fromRecords] = bucketsFromSignIns(
        records,
        { from: new Date(bucket.start), to: new Date(bucket.end) },
        'h1',
      )
      expect(fromRecords).toEqual(bucket)
    }
  },
)

test('a month asks for daily windows, whose totals equal the hourly ones of the same days', async () => {
  const view: ViewState = { ...defaultViewState, tab: 'managed-identity', range: { preset: '1m' } }
  expect(volumeWindowOf(view, now)).toBe('d1')
  const range = resolveDateRange(view.range, now)
  const days = bucketsFromSummaries(await allSummaries(view), range, 'd1')
  const hourly = bucketsFromSummaries(
    await allSummaries({
      ...view,
      range: { preset: 'custom', start: days.at(-2)!.start, end: days.at(-2)!.end },
    }),
    { from: new Date(days.at(-2)!.start), to: new Date(days.at(-2)!.end) },
    'h1',
  )
  const sum = (key: 'success' | 'failure' | 'interrupted') => hourly.reduce((total, b) => total + b[key], 0)
  expect({
    ...days.at(-2)!,
    success: sum('success'),
    failure: sum('failure'),
    interrupted: sum('interrupted'),
  }).toEqual(days.at(-2))
  expect(bucketTotal(days.at(-2)!)).toBeGreaterThan(0)
})
