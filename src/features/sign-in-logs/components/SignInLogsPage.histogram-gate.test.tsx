/**
 * Issue #12 and #16: the histogram starts after the grid's first rows are painted. Since the first view's rows are
 * asked for before the first render (first-view.tsx), they can be in before a grouped tab's view code has loaded;
 * the histogram must still wait for that view's rows on screen, not for the data alone.
 */
import { act, render, screen } from '@testing-library/react'
import { vi } from 'vitest'
import { App } from '../../../app/App.tsx'
import { createAppQueryClient } from '../../../app/query-client.ts'
import { createMockDataSource } from '../../../lib/data-source/data-source.tsx'
import { prefetchFirstView } from '../first-view.tsx'
import { setupPageTests, testNow } from './testing/render-page.tsx'

const gate = vi.hoisted(() => {
  let release: () => void = () => undefined
  const opened = new Promise<void>((resolve) => (release = resolve))
  return { opened, release: () => release() }
})
// The grouped view's code arrives only when the test says so.
vi.mock('./view-chunks.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./view-chunks.ts')>()
  return {
    ...actual,
    loadGroupedView: async () => {
      await gate.opened
      return actual.loadGroupedView()
    },
  }
})
vi.mock('./volume/VolumeHistogram.tsx', () => ({ default: () => <p>The sign-in volume</p> }))

const frames: FrameRequestCallback[] = []
beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run))
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
})
afterEach(() => vi.unstubAllGlobals())

setupPageTests()

/** Paints every frame asked for so far and lets the tasks they queue run. */
async function paintFrames() {
  await act(async () => {
    for (const run of frames.splice(0)) run(0)
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

test('rows in before the grouped view’s code: no histogram until the view shows them', async () => {
  window.history.replaceState(null, '', '/?tab=service-principal')
  const source = createMockDataSource({ retry: { maxAttempts: 1 } })
  const queryClient = createAppQueryClient()
  const firstView = prefetchFirstView(queryClient, source, window.location.search, testNow)
  await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0))

  render(<App dataSource={source} clock={() => testNow} queryClient={queryClient} firstView={firstView} />)
  for (let frame = 0; frame < 5; frame++) await paintFrames()
  await act(() => vi.dynamicImportSettled())
  expect(screen.queryByRole('treegrid')).toBeNull()
  expect(screen.queryByText('The sign-in volume')).toBeNull()

  gate.release()
  const tree = await screen.findByRole('treegrid', { name: 'Service principal sign-ins' })
  expect(tree.querySelector('[data-row-id]')).not.toBeNull()
  await vi.waitFor(async () => {
    await paintFrames()
    expect(screen.getByText('The sign-in volume')).toBeTruthy()
  })
})
