import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, passthrough } from 'msw'
import { signInEventTypes } from '../../../../contract/sign-in.ts'
import { compareNewestFirst } from '../api/merge-streams.ts'
import { renderPage, setupPageTests } from './testing/render-page.tsx'

const graph = setupPageTests()

/** Drawers and lazy tabs mount on demand; on a loaded 2-core box their first render can take seconds. */
// Lazy surfaces compile on first use under vitest: generous on a busy 2-core runner.
const surfaceTimeout = { timeout: 30_000 } as const

const dataRows = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')

const everything = signInEventTypes.flatMap((type) =>
  Array.from({ length: graph.tenant.hourCount }, (_, hour) => graph.tenant.signInsInHour(type, hour)).flat(),
)

test('"All sign-ins" follows the four portal tabs and merges the four log types newest first', async () => {
  const user = userEvent.setup({ delay: null })
  renderPage()
  const tabList = await screen.findByRole('tablist', { name: 'Sign-in log type' })
  const names = [
    'User sign-ins (interactive)',
    'User sign-ins (non-interactive)',
    'Service principal sign-ins',
    'Managed identity sign-ins',
    'All sign-ins',
  ]
  expect(within(tabList).getAllByRole('tab')).toEqual(
    names.map((name) => within(tabList).getByRole('tab', { name })),
  )
  await user.click(screen.getByRole('tab', { name: 'All sign-ins' }))
  const grid = await screen.findByRole('grid', { name: 'All sign-ins' }, surfaceTimeout)
  await waitFor(() => expect(dataRows(grid).length).toBeGreaterThan(0))
  expect(window.location.search).toContain('tab=all')
  const headers = within(grid)
    .getAllByRole('columnheader')
    .map((header) => header.textContent)
  expect(headers.slice(0, 4)).toEqual(['Date', 'Sign-in type', 'Request ID', 'Identity'])

  // One stream per log type, through the one Graph client.
  const filters = graph.requests
    .filter((url) => url.pathname.endsWith('/auditLogs/signIns'))
    .map((url) => url.searchParams.get('$filter') ?? '')
  for (const type of ['nonInteractiveUser', 'servicePrincipal', 'managedIdentity']) {
    expect(filters.some((filter) => filter.includes(`t eq '${type}'`))).toBe(true)
  }
  expect(filters.some((filter) => !filter.includes('signInEventTypes'))).toBe(true)

  // The rows on screen are the newest of all four types, in order.
  const shownIds = dataRows(grid).map((row) => row.getAttribute('data-row-id') ?? '')
  const from = Date.parse('2026-11-29T12:00:00Z')
  const expected = everything
    .filter((row) => Date.parse(row.createdDateTime) >= from)
    .sort(compareNewestFirst)
    .map((row) => row.id)
  expect(shownIds.map((id) => id.slice(-36))).toEqual(expected.slice(0, shownIds.length))
})

test('Related sign-ins lists the same correlation ID across types; a row opens its details and Back returns', async () => {
  const user = userEvent.setup({ delay: null })
  const start = everything.find(
    (row) =>
      row.isInteractive &&
      everything.some((other) => !other.isInteractive && other.correlationId === row.correlationId),
  )
  if (!start) throw new Error('the tenant has no interactive sign-in with token refreshes')
  const related = everything.filter((row) => row.correlationId === start.correlationId)
  renderPage(`?range=1m&selected=${start.id}`)
  const pane = await screen.findByRole('dialog', { name: 'Activity Details: Sign-ins' }, surfaceTimeout)
  await user.click(await within(pane).findByRole('tab', { name: 'Related sign-ins' }, surfaceTimeout))
  const table = await within(pane).findByRole(
    'table',
    { name: 'Sign-ins with the same correlation ID' },
    surfaceTimeout,
  )
  expect(within(table).getAllByRole('row')).toHaveLength(related.length + 1)
  expect(within(table).getByText(/\(this sign-in\)/)).toBeTruthy()
  expect(within(pane).getByText(/Graph cannot filter on session ID/)).toBeTruthy()
  await within(pane).findByRole('table', { name: 'Sign-ins in the same session' }, surfaceTimeout)

  const links = within(table).getAllByRole('button', { name: /^Open the .+ sign-in of / })
  expect(links.length).toBe(related.length - 1)
  expect(within(table).getAllByText('Non-interactive user').length).toBeGreaterThan(0)
  await user.click(links[0]!)
  await waitFor(() => expect(window.location.search).not.toContain(start.id))
  expect(related.map((row) => row.id)).toContain(new URLSearchParams(window.location.search).get('selected'))
  // Focus lands on the opened sign-in's tabs, not on the page behind the pane.
  await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('tab'))

  window.history.back()
  await waitFor(() => expect(window.location.search).toContain(`selected=${start.id}`))
})

test('Related sign-ins words a failed lookup and a sign-in without a session ID', async () => {
  const user = userEvent.setup({ delay: null })
  // The correlation lookup is refused; everything else reaches the fake tenant.
  graph.server.use(
    http.get('https://graph.microsoft.com/beta/auditLogs/signIns', ({ request }) =>
      new URL(request.url).searchParams.get('$filter')?.includes('correlationId eq')
        ? HttpResponse.json(
            { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.' } },
            { status: 403 },
          )
        : passthrough(),
    ),
  )
  const withoutSession = everything.find((row) => !row.sessionId && row.correlationId)
  if (!withoutSession) throw new Error('the tenant has no sign-in without a session ID')
  renderPage(`?range=1m&selected=${withoutSession.id}`)
  const pane = await screen.findByRole('dialog', { name: 'Activity Details: Sign-ins' }, surfaceTimeout)
  await user.click(await within(pane).findByRole('tab', { name: 'Related sign-ins' }, surfaceTimeout))
  expect(
    await within(pane).findByText(
      'Could not load the sign-ins with the same correlation ID',
      {},
      surfaceTimeout,
    ),
  ).toBeTruthy()
  expect(within(pane).getByRole('button', { name: 'Retry' })).toBeTruthy()
  expect(within(pane).getByText('This sign-in has no session ID to look up.')).toBeTruthy()
})
