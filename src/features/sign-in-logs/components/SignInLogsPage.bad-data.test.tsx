/**
 * Issue #15 "bad data never blanks the page", through the whole App: Graph pages with records of the wrong shape
 * (MSW overrides in front of the fake tenant). The readable rows render; the page says what was left out and why.
 */
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { renderPage, setupPageTests, testNow } from './testing/render-page.tsx'

const graph = setupPageTests()
const GRAPH = 'https://graph.microsoft.com'

/** The newest interactive sign-ins of the tenant, within the default "Last 24 hours". */
function newestSignIns(count: number) {
  const tenant = graph.tenant
  const found = []
  for (let hour = tenant.hourCount - 1; found.length < count && hour > tenant.hourCount - 24; hour -= 1) {
    found.push(...tenant.signInsInHour('interactiveUser', hour))
  }
  expect(found.length).toBeGreaterThanOrEqual(count)
  return found.slice(0, count)
}

const dataRows = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')

test('a list page with malformed records shows the readable ones and names the others', async () => {
  const [first, second, third, fourth] = newestSignIns(4)
  graph.server.use(
    http.get(`${GRAPH}/beta/auditLogs/signIns`, () =>
      HttpResponse.json(
        {
          value: [
            first,
            { ...second, status: null },
            { ...third, location: null, deviceDetail: null, createdDateTime: 'not a date' },
            fourth,
          ],
        },
        { headers: { 'request-id': 'req-malformed-1' } },
      ),
    ),
  )
  renderPage()
  const grid = await screen.findByRole('grid', { name: 'User sign-ins (interactive)' })
  await waitFor(() => expect(dataRows(grid)).toHaveLength(2))
  expect(within(grid).getByText(first!.id)).toBeTruthy()
  expect(within(grid).getByText(fourth!.id)).toBeTruthy()
  expect(screen.getByText('2 sign-ins could not be read and are left out.')).toBeTruthy()
  // null location and deviceDetail are allowed by Graph's schema; the date is not.
  expect(
    screen.getByText(
      `Record 2 (id ${second!.id}), request ID req-malformed-1: status should be an object, not null.`,
    ),
  ).toBeTruthy()
  expect(
    screen.getByText(
      `Record 3 (id ${third!.id}), request ID req-malformed-1: createdDateTime should be a date and time, not the text "not a date".`,
    ),
  ).toBeTruthy()
})

test('a summary row with a bad aggregationDateTime is left out; the other groups expand', async () => {
  const user = userEvent.setup({ delay: null })
  const tenant = graph.tenant
  const dayStart = new Date(Date.UTC(testNow.getUTCFullYear(), testNow.getUTCMonth(), testNow.getUTCDate()))
  const rows = tenant.summariesInWindow('servicePrincipal', 'd1', dayStart)
  expect(rows.length).toBeGreaterThan(1)
  const [good, bad] = rows
  graph.server.use(
    http.get(/\/beta\/auditLogs\/getSummarizedServicePrincipalSignIns/, () =>
      HttpResponse.json(
        { value: [good, { ...bad, aggregationDateTime: '2026-13-45T99:00:00Z' }] },
        { headers: { 'request-id': 'req-summary-1' } },
      ),
    ),
  )
  renderPage('?tab=service-principal')
  const tree = await screen.findByRole('treegrid', { name: 'Service principal sign-ins' })
  await waitFor(() => expect(dataRows(tree)).toHaveLength(1))
  expect(screen.getByText('1 group could not be read and is left out.')).toBeTruthy()
  expect(
    screen.getByText(
      `Record 2 (id ${bad!.id}), request ID req-summary-1: aggregationDateTime should be a date and time, not the text "2026-13-45T99:00:00Z".`,
    ),
  ).toBeTruthy()
  // The readable group still expands into its sign-ins (the children request is built from its window).
  dataRows(tree)[0]!.focus()
  await user.keyboard('{ArrowRight}')
  await waitFor(() =>
    expect(
      dataRows(tree).some(
        (row) => row.getAttribute('aria-level') === '2' && row.getAttribute('aria-posinset') === '1',
      ),
    ).toBe(true),
  )
  expect(screen.queryByText(/could not be shown/)).toBeNull()
})
