import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { columnsStorageKey } from './ColumnsPickerDialog.tsx'
import { renderPage, setupPageTests, testNow } from './testing/render-page.tsx'

const graph = setupPageTests()

/** Dialogs and drawers mount on demand; on a loaded 2-core CI box their first render can take seconds. */
// Lazy surfaces compile on first use under vitest: generous on a busy 2-core runner.
const surfaceTimeout = { timeout: 30_000 } as const

const dataRows = (grid: HTMLElement, options: { hidden?: boolean } = {}) =>
  within(grid)
    .getAllByRole('row', options)
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')

const lastSignInsFilter = () =>
  graph.requests
    .filter((url) => url.pathname.endsWith('/auditLogs/signIns'))
    .map((url) => url.searchParams.get('$filter') ?? '')
    .at(-1) ?? ''

test('interactive tab: virtualised grid with the default columns, bounded DOM rows', async () => {
  renderPage()
  const grid = await screen.findByRole('grid', { name: 'User sign-ins (interactive)' })
  await waitFor(() => expect(dataRows(grid).length).toBeGreaterThan(0))
  const headers = within(grid)
    .getAllByRole('columnheader')
    .map((header) => header.textContent)
  expect(headers.slice(0, 5)).toEqual(['Date', 'Request ID', 'User', 'Application', 'Status'])
  expect(headers).toContain('Conditional Access')
  // 600 px viewport / 40 px rows + overscan: far fewer DOM rows than loaded rows.
  expect(dataRows(grid).length).toBeLessThanOrEqual(40)
  expect(screen.getByText(/sign-ins loaded|sign-ins of the range/)).toBeTruthy()
})

test('Columns picker is interactive-only, saves to localStorage and changes the headers', async () => {
  const user = userEvent.setup({ delay: null })
  renderPage()
  const grid = await screen.findByRole('grid')
  await user.click(await screen.findByRole('button', { name: 'Columns' }))
  const dialog = await screen.findByRole('dialog', { name: 'Columns' }, surfaceTimeout)
  await user.click(within(dialog).getByRole('checkbox', { name: 'Correlation ID' }))
  await user.click(within(dialog).getByRole('checkbox', { name: 'IP address' }))
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  // `hidden: true`: the dialog must be gone from the DOM, not merely hidden while it animates out.
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull(), surfaceTimeout)
  await waitFor(() => {
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((header) => header.textContent)
    expect(headers).toContain('Correlation ID')
    expect(headers).not.toContain('IP address')
  })
  expect(JSON.parse(window.localStorage.getItem(columnsStorageKey) ?? '[]')).toContain('correlationId')

  await user.click(await screen.findByRole('tab', { name: 'Service principal sign-ins' }))
  expect(screen.getByRole('button', { name: 'Columns' }).getAttribute('aria-disabled')).toBe('true')
})

test('adding a Status filter pill changes the query; removing it restores it', async () => {
  const user = userEvent.setup({ delay: null })
  renderPage()
  await screen.findByRole('grid')
  expect(lastSignInsFilter()).not.toContain('status/errorCode')
  await user.click(screen.getByRole('button', { name: 'Add filters' }))
  await user.click(await screen.findByRole('checkbox', { name: 'Status' }))
  await user.click(screen.getByRole('button', { name: 'Apply' }))
  await user.click(await screen.findByRole('radio', { name: 'Success' }))
  await user.click(screen.getByRole('button', { name: 'Apply' }))
  await screen.findAllByRole('button', { name: /^Status : Success/ })
  await waitFor(() => expect(lastSignInsFilter()).toContain('status/errorCode eq 0'))
  expect(window.location.search).toContain('Success')

  await user.click(screen.getByRole('button', { name: /Remove filter Status$/ }))
  await waitFor(() => expect(screen.queryByRole('button', { name: /^Status : Success/ })).toBeNull())
  expect(window.location.search).not.toContain('Success')
})

// Typing four date-times through Fluent inputs is slow on a loaded 2-core box: a longer timeout, not a speed check.
test('custom time interval: labelled Start/End with inline validation messages', async () => {
  const user = userEvent.setup({ delay: null })
  renderPage()
  await user.click(screen.getByRole('button', { name: 'Date : Last 24 hours' }))
  // The editors load on first opening: on a loaded CI box that can take seconds.
  await user.click(await screen.findByRole('radio', { name: 'Custom time interval' }, surfaceTimeout))
  const start = screen.getByRole('textbox', { name: 'Start' })
  const end = screen.getByRole('textbox', { name: 'End' })
  await user.clear(start)
  await user.type(start, '2026-11-29T10:00:00Z')
  await user.clear(end)
  await user.type(end, '2026-11-29T09:00:00Z')
  await user.click(screen.getByRole('button', { name: 'Apply' }))
  expect(await screen.findByText('End must be after start')).toBeTruthy()
  await user.clear(start)
  await user.type(start, 'yesterday-ish')
  expect(await screen.findByText(/Enter a date and time/)).toBeTruthy()
  await user.clear(start)
  await user.type(start, '2026-11-29T06:00:00Z')
  await user.click(screen.getByRole('button', { name: 'Apply' }))
  await waitFor(() => expect(window.location.search).toContain('custom'))
}, 60_000)

test('grouped tab: treegrid groups expand into their sign-ins', async () => {
  const user = userEvent.setup({ delay: null })
  renderPage('?tab=service-principal')
  const tree = await screen.findByRole('treegrid', { name: 'Service principal sign-ins' })
  await waitFor(() => expect(dataRows(tree).length).toBeGreaterThan(0))
  expect(
    within(tree)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toContain('# Sign-ins')
  const group = dataRows(tree)[0]!
  expect(group.getAttribute('aria-level')).toBe('1')
  expect(group.getAttribute('aria-expanded')).toBe('false')
  group.focus()
  await user.keyboard('{ArrowRight}')
  await waitFor(() => expect(dataRows(tree)[0]!.getAttribute('aria-expanded')).toBe('true'))
  await waitFor(() =>
    expect(
      dataRows(tree).some(
        (row) => row.getAttribute('aria-level') === '2' && row.getAttribute('aria-posinset') === '1',
      ),
    ).toBe(true),
  )
  await user.keyboard('{ArrowRight}')
  expect(document.activeElement?.getAttribute('aria-level')).toBe('2')
  await user.keyboard('{ArrowLeft}')
  expect(document.activeElement?.getAttribute('aria-level')).toBe('1')
  await user.keyboard('{ArrowLeft}')
  await waitFor(() => expect(dataRows(tree)[0]!.getAttribute('aria-expanded')).toBe('false'))
})

test('details pane opens from a row, Escape closes it and focus returns to the row', async () => {
  const user = userEvent.setup({ delay: null })
  renderPage()
  const grid = await screen.findByRole('grid')
  await waitFor(() => expect(dataRows(grid).length).toBeGreaterThan(0))
  const row = dataRows(grid)[0]!
  const requestId = row.getAttribute('data-row-id')!
  await user.click(row)
  const pane = await screen.findByRole('dialog', { name: 'Activity Details: Sign-ins' }, surfaceTimeout)
  expect(window.location.search).toContain(`selected=${requestId}`)
  for (const name of [
    'Basic info',
    'Location',
    'Device info',
    'Authentication Details',
    'Conditional Access',
    'Report-only',
    'Additional Details',
  ]) {
    expect(within(pane).getByRole('tab', { name })).toBeTruthy()
  }
  expect(within(pane).getByText(requestId)).toBeTruthy()
  expect(within(pane).getByRole('button', { name: 'Copy to clipboard: Request ID' })).toBeTruthy()
  fireEvent.keyDown(document.activeElement ?? pane, { key: 'Escape' })
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull())
  await waitFor(() => expect(document.activeElement?.getAttribute('data-row-id')).toBe(requestId))
  expect(window.location.search).not.toContain('selected=')
})

test('a Graph error shows its message, code and a Retry', async () => {
  graph.scenarios.set('forbidden')
  const user = userEvent.setup({ delay: null })
  renderPage()
  const retry = await screen.findByRole('button', { name: 'Retry' })
  expect(screen.getByText(/Code: /)).toBeTruthy()
  graph.scenarios.set('none')
  await user.click(retry)
  await screen.findByRole('grid')
})

test('the next page loads half a page ahead of the scroll position, and the one after it is asked for at once', async () => {
  renderPage('?range=1m')
  const grid = await screen.findByRole('grid')
  await waitFor(() => expect(dataRows(grid).length).toBeGreaterThan(0))
  const listRequests = () => graph.requests.filter((url) => url.pathname.endsWith('/auditLogs/signIns'))
  // The first screen spends one request.
  expect(listRequests()).toHaveLength(1)
  // Rows 100-115 of the 200 loaded on screen: the rendered window is within half a page of the end.
  const scroller = grid.closest<HTMLElement>('[data-grid-scroller]')!
  Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 100 * 40 })
  fireEvent.scroll(scroller)
  await screen.findByText(/^400 sign-ins loaded/)
  // While the user scrolls, the page after the shown ones is asked for without scrolling further (issue #16).
  await waitFor(() => expect(listRequests()).toHaveLength(3))
  const skipTokens = listRequests().map((url) => url.searchParams.get('$skiptoken'))
  expect(skipTokens[0]).toBeNull()
  expect(new Set(skipTokens.slice(1)).size).toBe(2)
  expect(grid.getAttribute('aria-rowcount')).toBe(String(400 + 1))
})

test('Refresh reloads in place: the expanded group, its sign-ins and the open sign-in stay', async () => {
  const user = userEvent.setup({ delay: null })
  // A clock that moves between loads, as the real one does: Refresh takes a new "now" for the relative range.
  let minutesLater = 0
  renderPage('?tab=service-principal', {
    clock: () => new Date(testNow.getTime() + minutesLater * 60_000),
  })
  const tree = await screen.findByRole('treegrid', { name: 'Service principal sign-ins' })
  await waitFor(() => expect(dataRows(tree).length).toBeGreaterThan(0))
  // The open pane makes the page behind it aria-hidden; the rows are still there.
  const rows = () => dataRows(tree, { hidden: true })
  const groupId = rows()[0]!.getAttribute('data-row-id')
  dataRows(tree)[0]!.focus()
  await user.keyboard('{ArrowRight}')
  const childRow = () => rows().find((row) => row.getAttribute('aria-level') === '2')
  await waitFor(() => expect(childRow()).toBeTruthy())
  await user.click(childRow()!)
  await screen.findByRole('dialog', { name: 'Activity Details: Sign-ins' }, surfaceTimeout)
  const childFilters = () =>
    graph.requests
      .filter((url) => url.pathname.endsWith('/auditLogs/signIns'))
      .map((url) => url.searchParams.get('$filter'))
  const before = childFilters()

  minutesLater = 5
  fireEvent.click(screen.getByRole('button', { name: 'Refresh', hidden: true }))
  // The group's sign-ins are asked for again (a group is a whole bucket: the same filter as before)...
  await waitFor(() => expect(childFilters().length).toBeGreaterThan(before.length))
  expect(before).toContain(childFilters().at(-1))
  await waitFor(() => expect(screen.queryByRole('progressbar', { hidden: true })).toBeNull())
  // ...while the same treegrid (so its scroll position) still shows the group expanded, with its sign-ins.
  expect(tree.isConnected).toBe(true)
  const group = rows().find((row) => row.getAttribute('data-row-id') === groupId)
  expect(group?.getAttribute('aria-expanded')).toBe('true')
  await waitFor(() => expect(childRow()).toBeTruthy())
  expect(screen.getByRole('dialog', { name: 'Activity Details: Sign-ins' })).toBeTruthy()
  expect(window.location.search).toContain('selected=')
}, 60_000)
