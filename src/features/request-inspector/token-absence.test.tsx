import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { RequestLogProvider, createRequestLog } from '../../lib/data-source/request-log.tsx'
import { createGraphClient } from '../../lib/graph/client.ts'
import { asCurl, asPowerShell, graphExplorerLink } from './model/copy-as.ts'
import { RequestInspectorButton } from './components/RequestInspectorButton.tsx'

// Shaped like an Entra access token (header.claims.signature, base64url), so a leak of any part is recognisable.
const TOKEN =
  'eyJ0eXAiOiJKV1QiLCJub25jZSI6IlRlc3ROb25jZSIsImFsZyI6IlJTMjU2IiwieDV0IjoiYWJjIiwia2lkIjoiYWJjIn0' +
  '.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJpc3MiOiJodHRwczovL3N0cy53aW5kb3dzLm5ldC8zZjZjOWExZS8iLCJzY3AiOiJBdWRpdExvZy5SZWFkLkFsbCJ9' +
  '.Q2hlY2tUaGF0VGhpc1NpZ25hdHVyZU5ldmVyTGVha3NJbnRvVGhlSW5zcGVjdG9y'
const TOKEN_PARTS = TOKEN.split('.')

const SIGN_INS = 'https://graph.microsoft.com/beta/auditLogs/signIns'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function expectNoToken(text: string) {
  expect(text).not.toContain('eyJ0eXAi')
  for (const part of TOKEN_PARTS) expect(text).not.toContain(part)
}

test('the token reaches Graph but never the log, the pane, or any copy', async () => {
  const authorizations: (string | null)[] = []
  let calls = 0
  server.use(
    http.get(SIGN_INS, ({ request }) => {
      authorizations.push(request.headers.get('Authorization'))
      if (++calls === 1) {
        return HttpResponse.json(
          { error: { code: 'UnknownError', message: '' } },
          { status: 503, headers: { 'request-id': 'req-503' } },
        )
      }
      return HttpResponse.json({ value: [{ id: 'a' }] }, { headers: { 'request-id': 'req-200' } })
    }),
  )
  const log = createRequestLog()
  const client = createGraphClient({
    baseUrl: 'https://graph.microsoft.com',
    getAccessToken: async () => TOKEN,
    onRequest: log.record,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  })
  await client.getPage('/beta/auditLogs/signIns', {
    params: { $filter: "userDisplayName eq 'O''Brien' and appDisplayName eq 'Zoë'", $top: '50' },
  })
  // The token was really sent: the assertions below are about a token the client held.
  expect(authorizations).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`])

  const { entries } = log.get()
  expect(entries.map((entry) => entry.status)).toEqual([200, 503])
  expectNoToken(JSON.stringify(log.get()))
  for (const entry of entries) {
    expectNoToken(asCurl(entry))
    expect(asCurl(entry)).toContain('Authorization: Bearer $TOKEN')
    expectNoToken(asPowerShell(entry))
    expectNoToken(graphExplorerLink(entry)!)
  }

  const user = userEvent.setup()
  render(
    <FluentProvider theme={webLightTheme}>
      <RequestLogProvider log={log}>
        <RequestInspectorButton />
      </RequestLogProvider>
    </FluentProvider>,
  )
  await user.click(screen.getByRole('button', { name: 'Request inspector' }))
  const pane = await screen.findByRole('dialog', { name: 'Request inspector' }, { timeout: 10_000 })
  // Until focus is inside, Tabster's modalizer may hide the surface (aria-hidden) from role queries.
  await waitFor(() => expect(pane.contains(document.activeElement)).toBe(true))
  expect(within(pane).getAllByRole('article')).toHaveLength(2)
  expectNoToken(document.body.innerHTML)
  for (const name of ['Copy as curl', 'Copy as PowerShell', 'Copy Graph Explorer link']) {
    for (const button of within(pane).getAllByRole('button', { name })) {
      await user.click(button)
      expectNoToken(await navigator.clipboard.readText())
    }
  }
})
