/**
 * Issue #12 and #14: the histogram asks for nothing before the grid's first rows are on screen. Its summary of a
 * whole range (1,000 groups on opened files) is converted on the main thread, so it starts once the browser has
 * painted the first rows, not in the commit that brings them.
 */
import { act, render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { vi } from 'vitest'
import { createMockDataSource, DataSourceProvider } from '../../../../lib/data-source/data-source.tsx'
import { viewTabById } from '../../model/tabs.ts'
import { defaultViewState } from '../../model/view-state.ts'
import { firstRowsKey } from './grid-queries.ts'
import { VolumeHistogramSlot } from './VolumeHistogramSlot.tsx'

vi.mock('./VolumeHistogram.tsx', () => ({ default: () => <p>The sign-in volume</p> }))

const frames: FrameRequestCallback[] = []
beforeEach(() => {
  frames.length = 0
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run))
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
})
afterEach(() => vi.unstubAllGlobals())

test('the histogram starts after the frame that paints the grid’s first rows', async () => {
  const source = createMockDataSource()
  const queryClient = new QueryClient()
  const tab = viewTabById('non-interactive')
  const state = { ...defaultViewState, tab: tab.id }
  const now = new Date('2026-11-01T00:00:00Z')
  render(
    <QueryClientProvider client={queryClient}>
      <DataSourceProvider value={source}>
        <VolumeHistogramSlot tab={tab} state={state} now={now} onNarrow={() => undefined} />
      </DataSourceProvider>
    </QueryClientProvider>,
  )
  // The grid's first rows come in: committed, not yet painted.
  await act(async () => {
    queryClient.setQueryData(firstRowsKey(source, tab, state, now), { pages: [], pageParams: [] })
    await Promise.resolve()
  })
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
  expect(screen.queryByText('The sign-in volume')).toBeNull()
  expect(frames).toHaveLength(1)

  act(() => frames.shift()!(0))
  expect(await screen.findByText('The sign-in volume')).toBeTruthy()
})
