import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import { RequestLogProvider, createRequestLog } from '../../../lib/data-source/request-log.tsx'
import type { GraphRequestEvent } from '../../../lib/graph/client.ts'
import { RequestInspectorButton } from './RequestInspectorButton.tsx'

const FILTER_URL =
  "https://graph.microsoft.com/beta/auditLogs/signIns?$top=50&$filter=createdDateTime%20ge%202026-11-19T12%3A00%3A00Z%20and%20(status%2FerrorCode%20eq%200%20or%20userDisplayName%20eq%20'O''Brien')"

function event(overrides: Partial<GraphRequestEvent>): GraphRequestEvent {
  return {
    method: 'GET',
    url: FILTER_URL,
    requestHeaders: { 'client-request-id': 'crid-1', Prefer: 'include-unknown-enum-members' },
    status: 200,
    durationMs: 48.6,
    requestId: 'req-1',
    clientRequestId: 'crid-1',
    attempt: 1,
    recordCount: 50,
    retryAfterSeconds: null,
    waitedBefore: null,
    ...overrides,
  }
}

function renderInspector() {
  const log = createRequestLog({ clock: () => Date.UTC(2026, 10, 20, 12) })
  render(
    <FluentProvider theme={webLightTheme}>
      <RequestLogProvider log={log}>
        <RequestInspectorButton />
      </RequestLogProvider>
    </FluentProvider>,
  )
  return log
}

/**
 * Opens the pane and waits until focus is inside it: until then Tabster's modalizer may hide the surface itself
 * (aria-hidden), and role queries would race it (src/test/setup.ts).
 */
async function openInspector(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Request inspector' }))
  const pane = await screen.findByRole('dialog', { name: 'Request inspector' }, { timeout: 10_000 })
  await waitFor(() => expect(pane.contains(document.activeElement)).toBe(true))
  return pane
}

test('lists every request newest first, with status, records, retries, ids and the decoded $filter laid out', async () => {
  const user = userEvent.setup()
  const log = renderInspector()
  log.record(
    event({
      status: 429,
      recordCount: null,
      retryAfterSeconds: 3,
      requestId: 'req-429',
      clientRequestId: 'crid-429',
    }),
  )
  log.record(event({ attempt: 2, waitedBefore: { reason: 'throttled', seconds: 3 }, requestId: 'req-ok' }))
  const pane = await openInspector(user)
  expect(within(pane).getByText('2 Graph requests since the page loaded, newest first.')).toBeTruthy()
  const items = within(within(pane).getByRole('list', { name: 'Graph requests, newest first' })).getAllByRole(
    'listitem',
  )
  expect(items).toHaveLength(2)
  const [newest, oldest] = items.map((item) => within(item).getByRole('article'))
  expect(within(newest!).getByRole('heading', { level: 3 }).textContent).toBe(
    '200GET /beta/auditLogs/signIns',
  )
  expect(newest!.textContent).toContain('Retry 1, after waiting 3 s (throttled (429))')
  expect(newest!.textContent).toContain('req-ok')
  expect(oldest!.textContent).toContain('Retry-After3 s')
  expect(oldest!.textContent).toContain('crid-429')
  expect(oldest!.textContent).toContain('Records returnedNone (not a list answer)')
  expect(within(newest!).getByLabelText('Query parameter $filter').textContent).toBe(
    [
      'createdDateTime ge 2026-11-19T12:00:00Z',
      'and (',
      '  status/errorCode eq 0',
      "  or userDisplayName eq 'O''Brien'",
      ')',
    ].join('\n'),
  )
})

test('a request made while the pane is open appears at the top', async () => {
  const user = userEvent.setup()
  const log = renderInspector()
  const pane = await openInspector(user)
  expect(within(pane).getByText('No Graph requests yet since the page loaded.')).toBeTruthy()
  log.record(event({ url: 'https://graph.microsoft.com/beta/auditLogs/signIns/abc', recordCount: null }))
  await waitFor(() =>
    expect(within(pane).getByRole('heading', { level: 3 }).textContent).toBe(
      '200GET /beta/auditLogs/signIns/abc',
    ),
  )
  expect(within(pane).getAllByRole('article')).toHaveLength(1)
})

test('copies as curl, PowerShell and a Graph Explorer link from buttons named so', async () => {
  const user = userEvent.setup()
  const log = renderInspector()
  log.record(event({}))
  const pane = await openInspector(user)
  await user.click(within(pane).getByRole('button', { name: 'Copy as curl' }))
  expect(await navigator.clipboard.readText()).toMatch(
    /^curl -g -X GET '.*' \\\n {2}-H "Authorization: Bearer \$TOKEN"/,
  )
  await user.click(within(pane).getByRole('button', { name: 'Copy as PowerShell' }))
  expect(await navigator.clipboard.readText()).toMatch(/^Invoke-MgGraphRequest -Method GET -Uri '/)
  await user.click(within(pane).getByRole('button', { name: 'Copy Graph Explorer link' }))
  expect(await navigator.clipboard.readText()).toMatch(
    /^https:\/\/developer\.microsoft\.com\/graph\/graph-explorer\?request=auditLogs%2FsignIns%3F/,
  )
  expect(within(pane).getAllByText('Copied')).toHaveLength(3)
})

test('Escape closes the pane and focus returns to the button', async () => {
  const user = userEvent.setup()
  renderInspector()
  const button = screen.getByRole('button', { name: 'Request inspector' })
  await user.click(button)
  await screen.findByRole('dialog', { name: 'Request inspector' }, { timeout: 10_000 })
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Request inspector' })).toBeNull())
  expect(document.activeElement).toBe(button)
})
