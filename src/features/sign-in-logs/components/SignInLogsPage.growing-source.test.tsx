/**
 * Files still loading (issue #14): the source keeps its id while it grows (each stored batch a new revision, then
 * the complete files), and the page refreshes in place: the rows grow, and the grid and an open details pane stay
 * the very same elements (so their scroll position and the open sign-in survive).
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { render } from '@testing-library/react'
import { App } from '../../../app/App.tsx'
import { createAppQueryClient } from '../../../app/query-client.ts'
import { createMockDataSource, type DataSource } from '../../../lib/data-source/data-source.tsx'
import type { GraphClient } from '../../../lib/graph/client.ts'
import { setupPageTests, testNow } from './testing/render-page.tsx'

setupPageTests()

const surfaceTimeout = { timeout: 30_000 } as const

const dataRows = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row', { hidden: true })
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')

/** The fake tenant's answers cut to the first `records` of each list, as the records stored so far would be. */
function storedSoFar(client: GraphClient, records: number | null): GraphClient {
  return {
    ...client,
    getPage: async <T,>(path: string, options?: Parameters<GraphClient['getPage']>[1]) => {
      const page = await client.getPage<T>(path, options)
      return records === null ? page : { ...page, value: page.value.slice(0, records), nextLink: null }
    },
  }
}

test('a growing source refreshes in place: more rows, the same grid and the same open details pane', async () => {
  const user = userEvent.setup({ delay: null })
  window.history.replaceState(null, '', '/?tab=interactive&range=24h')
  const tenant = createMockDataSource({ retry: { maxAttempts: 1 } })
  const revision = (number: number, records: number | null): DataSource => ({
    ...tenant,
    id: 'files:growing',
    kind: 'files',
    label: 'big.ndjson',
    revision: number,
    client: storedSoFar(tenant.client, records),
    files: { summaries: [], span: null, sourceOf: async () => null },
  })
  const queryClient = createAppQueryClient()
  const clock = () => new Date(testNow)
  const view = render(<App dataSource={revision(1, 4)} clock={clock} queryClient={queryClient} />)

  const grid = await screen.findByRole('grid', {}, surfaceTimeout)
  await waitFor(() => expect(dataRows(grid)).toHaveLength(4))
  const row = dataRows(grid)[2]!
  const requestId = row.getAttribute('data-row-id')!
  await user.click(row)
  const pane = await screen.findByRole('dialog', { name: 'Activity Details: Sign-ins' }, surfaceTimeout)
  expect(within(pane).getByText(requestId)).toBeTruthy()

  act(() => view.rerender(<App dataSource={revision(2, 9)} clock={clock} queryClient={queryClient} />))
  await waitFor(() => expect(dataRows(grid)).toHaveLength(9))
  expect(grid.getAttribute('aria-rowcount')).toBe('10')

  act(() => view.rerender(<App dataSource={revision(3, null)} clock={clock} queryClient={queryClient} />))
  await waitFor(() => expect(Number(grid.getAttribute('aria-rowcount'))).toBeGreaterThan(10))

  // Not remounted: the elements on screen are the ones from the first batch (the modal pane hides the grid).
  expect(grid.isConnected).toBe(true)
  expect(screen.getByRole('grid', { hidden: true })).toBe(grid)
  expect(screen.getByRole('dialog', { name: 'Activity Details: Sign-ins' })).toBe(pane)
  expect(within(pane).getByText(requestId)).toBeTruthy()
  expect(window.location.search).toContain(`selected=${requestId}`)
})
