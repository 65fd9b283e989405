/**
 * Opened files (issue #14) answer a grouped tab's first click from the engine in a fraction of a second, so the
 * page loads the grouped views' code when the browser is idle once files are opened; the mock tenant's first
 * screen (issue #7) fetches no more than its tab needs.
 */
import { render, screen } from '@testing-library/react'
import { vi } from 'vitest'
import { App } from '../../../app/App.tsx'
import { createAppQueryClient } from '../../../app/query-client.ts'
import { createMockDataSource, type DataSource } from '../../../lib/data-source/data-source.tsx'
import { setupPageTests, testNow } from './testing/render-page.tsx'
import { preloadTabViewsWhenIdle } from './view-chunks.ts'

vi.mock('./view-chunks.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./view-chunks.ts')>()),
  preloadTabViewsWhenIdle: vi.fn(() => () => undefined),
}))

setupPageTests()

const surfaceTimeout = { timeout: 30_000 } as const
const clock = () => new Date(testNow)

beforeEach(() => {
  vi.mocked(preloadTabViewsWhenIdle).mockClear()
  window.history.replaceState(null, '', '/?tab=interactive&range=24h')
})

test('opened files start loading the grouped views when the browser is idle', async () => {
  const tenant = createMockDataSource({ retry: { maxAttempts: 1 } })
  const files: DataSource = {
    ...tenant,
    id: 'files:opened',
    kind: 'files',
    label: 'export.ndjson',
    revision: 1,
    files: { summaries: [], span: null, sourceOf: async () => null },
  }
  render(<App dataSource={files} clock={clock} queryClient={createAppQueryClient()} />)
  await screen.findByRole('grid', {}, surfaceTimeout)
  expect(preloadTabViewsWhenIdle).toHaveBeenCalledTimes(1)
})

test('the mock tenant does not preload the grouped views', async () => {
  const tenant = createMockDataSource({ retry: { maxAttempts: 1 } })
  render(<App dataSource={tenant} clock={clock} queryClient={createAppQueryClient()} />)
  await screen.findByRole('grid', {}, surfaceTimeout)
  expect(preloadTabViewsWhenIdle).not.toHaveBeenCalled()
})
