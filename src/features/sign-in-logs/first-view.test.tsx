/**
 * Issue #16, start-up: the composition root asks for the first view's rows before React's first render, and the
 * page joins that request instead of asking again — even when the clock has moved on meanwhile, because the page's
 * first "now" is the one the request was built with. A later page of the same source reads the clock again.
 */
import { render, renderHook, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { vi } from 'vitest'
import { App } from '../../app/App.tsx'
import { createAppQueryClient } from '../../app/query-client.ts'
import { createMockDataSource } from '../../lib/data-source/data-source.tsx'
import { setupPageTests, testNow } from './components/testing/render-page.tsx'
import { FirstViewProvider, prefetchFirstView, useFirstViewNow } from './first-view.tsx'

setupPageTests()

/**
 * A clock a day later on every read: a page that read it instead of the first view's "now" asks for another window
 * (a day moves even the daily buckets the grouped tabs ask for).
 */
function movingClock() {
  let reads = 0
  return () => new Date(testNow.getTime() + 86_400_000 * reads++)
}

test.each([
  ['interactive (its sign-ins list)', '?tab=interactive', '/beta/auditLogs/signIns'],
  ['non-interactive (its summaries)', '?tab=non-interactive', 'getSummarizedNonInteractiveSignIns'],
])('the page of %s joins the first rows asked for before it rendered', async (_tab, search, path) => {
  window.history.replaceState(null, '', `/${search}`)
  const source = createMockDataSource({ retry: { maxAttempts: 1 } })
  const getPage = vi.spyOn(source.client, 'getPage')
  const queryClient = createAppQueryClient()
  const clock = movingClock()
  const firstView = prefetchFirstView(queryClient, source, window.location.search, clock())
  expect(getPage).toHaveBeenCalledTimes(1)
  expect(String(getPage.mock.calls[0]?.[0])).toContain(path)

  render(<App dataSource={source} clock={clock} queryClient={queryClient} firstView={firstView} />)
  expect((await screen.findAllByRole('row')).length).toBeGreaterThan(1)
  // The grid's list again, whatever its window (the histogram's own summaries differ by their page size).
  const requestText = ([url, options]: unknown[]) =>
    JSON.stringify([url, (options as { params?: Record<string, string> } | undefined)?.params?.$top])
  const first = requestText(getPage.mock.calls[0]!)
  expect(getPage.mock.calls.filter((call) => requestText(call) === first)).toHaveLength(1)
})

test('the first view’s "now" is for the first page of its source only', () => {
  const queryClient = createAppQueryClient()
  const source = createMockDataSource()
  vi.spyOn(source.client, 'getPage').mockImplementation(() => new Promise(() => undefined))
  const firstView = prefetchFirstView(queryClient, source, '?tab=interactive', testNow)
  const later = new Date(testNow.getTime() + 60_000)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <FirstViewProvider value={firstView}>{children}</FirstViewProvider>
  )

  const otherSource = renderHook(() => useFirstViewNow('files:1')(() => later), { wrapper })
  expect(otherSource.result.current).toEqual(later)

  const readInFirstRender: Date[] = []
  renderHook(() => void readInFirstRender.push(useFirstViewNow(source.id)(() => later)), { wrapper })
  // Read during the first render, before the page's effects have marked the view as used.
  expect(readInFirstRender[0]).toEqual(testNow)
  expect(firstView.isUnused()).toBe(false)
  const remounted = renderHook(() => useFirstViewNow(source.id)(() => later), { wrapper })
  expect(remounted.result.current).toEqual(later)
})
