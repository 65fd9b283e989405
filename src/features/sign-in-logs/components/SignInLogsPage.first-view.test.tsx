/**
 * A page opened on a grouped tab (a shared link, a reload; issue #16): the page's first script (main.tsx) has
 * started the grouped view's import before the app's chunk runs, and the page takes that import up for its lazy
 * view. So the view renders, and asks for its first page, in the page's first commit instead of suspending once:
 * React holds a suspended view's content back by up to 300 ms, and its first request with it.
 */
import { render } from '@testing-library/react'
import { vi } from 'vitest'
import { createAppQueryClient } from '../../../app/query-client.ts'
import { createMockDataSource } from '../../../lib/data-source/data-source.tsx'
import { setupPageTests, testNow } from './testing/render-page.tsx'

// The address the page's chunk is evaluated with: before every import (the page test helpers import the page).
vi.hoisted(() => window.history.replaceState(null, '', '/?tab=non-interactive&range=24h'))

setupPageTests()

test('a grouped tab opened from the address asks for its first page in the first commit', async () => {
  // main.tsx's head start, settled before the app's chunk is evaluated.
  await (await import('./view-chunks.ts')).loadGroupedView()
  const { App } = await import('../../../app/App.tsx')
  await vi.dynamicImportSettled()

  const source = createMockDataSource({ retry: { maxAttempts: 1 } })
  const getPage = vi.spyOn(source.client, 'getPage')
  render(<App dataSource={source} clock={() => new Date(testNow)} queryClient={createAppQueryClient()} />)

  expect(getPage).toHaveBeenCalled()
  expect(String(getPage.mock.calls[0]?.[0])).toContain('getSummarizedNonInteractiveSignIns')
})
