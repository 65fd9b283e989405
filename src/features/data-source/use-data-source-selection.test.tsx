import { useState } from 'react'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockDataSource, type DataSource } from '../../lib/data-source/data-source.tsx'
import type { GraphRequestEvent } from '../../lib/graph/index.ts'
import { graphSettingsStorageKey } from './graph-settings.ts'
import { graphTokenClaims, unsignedJwt } from './testing/unsigned-jwt.ts'
import { useDataSourceSelection } from './use-data-source-selection.tsx'

const GRAPH_SIGN_INS = 'https://graph.microsoft.com/beta/auditLogs/signIns'
// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (layout only, nothing to assert).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}

// Under jsdom, Tabster (Fluent's focus manager) marks an open Dialog — and, for a moment after it closes, the
// page — aria-hidden a few hundred ms after it opens (a plain Fluent Dialog does the same). Role queries then find
// nothing, so this file finds controls by their visible text and labels (`control`). The e2e spec checks the
// same dialog by role in Chromium, where it is exposed normally, and runs axe.
function control(text: string | RegExp, container: HTMLElement = document.body): HTMLElement {
  // A Fluent Tab renders its label twice (one copy reserves the bold width), hence getAll…[0].
  const labels = within(container).getAllByText(text, {
    selector: 'button, button *, [role="tab"], [role="tab"] *',
  })
  const owners = new Set(labels.map((label) => label.closest('button, [role="tab"]')))
  if (owners.size !== 1)
    throw new Error(`expected one control labelled ${String(text)}, found ${owners.size}`)
  return [...owners][0] as HTMLElement
}

async function findDialog(): Promise<HTMLElement> {
  const title = await screen.findByText('Connect to Microsoft Graph', {}, { timeout: 5000 })
  return title.closest('[role="dialog"]') as HTMLElement
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
  sessionStorage.clear()
})
afterAll(() => server.close())

const mockSource = createMockDataSource()

function Harness({ onRequest }: { onRequest?: (event: GraphRequestEvent) => void }) {
  const { source, controls } = useDataSourceSelection(mockSource, { onRequest })
  const [result, setResult] = useState('')
  const load = (s: DataSource) =>
    s.client.getPage(GRAPH_SIGN_INS.replace('https://graph.microsoft.com', '')).then(
      (page) => setResult(`${page.value.length} rows`),
      (error: Error) => setResult(error.message),
    )
  return (
    <FluentProvider theme={webLightTheme}>
      {controls}
      <p data-testid="source">{`${source.kind} ${source.label}`}</p>
      <button onClick={() => void load(source)}>Load</button>
      <p data-testid="result">{result}</p>
    </FluentProvider>
  )
}

async function chooseGraphAndPaste(user: ReturnType<typeof userEvent.setup>, token: string) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Data source' }), 'Microsoft Graph')
  const dialog = await findDialog()
  // No client id at build time: the dialog opens on the paste tab.
  expect(control('Paste a token', dialog).getAttribute('aria-selected')).toBe('true')
  await user.click(within(dialog).getByLabelText('Access token'))
  await user.paste(token)
  return dialog
}

function storedEverywhere(): string {
  const dump = (s: Storage) =>
    Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`)
  return [...dump(localStorage), ...dump(sessionStorage), document.cookie, location.href].join('\n')
}

test('starts on the mock tenant; pasting a token switches to Microsoft Graph and stores nothing', async () => {
  const user = userEvent.setup()
  render(<Harness />)
  expect(screen.getByTestId('source').textContent).toBe('mock Mock tenant')
  const token = unsignedJwt(graphTokenClaims())
  const dialog = await chooseGraphAndPaste(user, token)
  const details = within(dialog).getByLabelText('Token details')
  expect(details.textContent).toContain('auditor@contoso.example')
  expect(details.textContent).toMatch(/Token expires at .* \(in 59 min\)/)
  await user.click(control('Use this token', dialog))
  await waitFor(() => expect(screen.queryByText('Connect to Microsoft Graph')).toBeNull())
  expect(screen.getByTestId('source').textContent).toBe('graph Microsoft Graph (auditor@contoso.example)')
  expect(screen.getByLabelText('Microsoft Graph connection').textContent).toMatch(
    /Pasted token for auditor@contoso.example · Token expires at/,
  )
  expect(storedEverywhere()).not.toContain(token)

  await user.click(control('Sign out'))
  expect(screen.getByTestId('source').textContent).toBe('mock Mock tenant')
})

test("the Graph source's requests reach onRequest (the request inspector's log), without the token", async () => {
  server.use(
    http.get(GRAPH_SIGN_INS, () =>
      HttpResponse.json({ value: [{ id: 'a' }, { id: 'b' }] }, { headers: { 'request-id': 'req-graph' } }),
    ),
  )
  const user = userEvent.setup()
  const events: GraphRequestEvent[] = []
  render(<Harness onRequest={(event) => events.push(event)} />)
  const token = unsignedJwt(graphTokenClaims())
  const dialog = await chooseGraphAndPaste(user, token)
  await user.click(control('Use this token', dialog))
  await waitFor(() => expect(screen.queryByText('Connect to Microsoft Graph')).toBeNull())
  await user.click(control('Load'))
  await waitFor(() => expect(screen.getByTestId('result').textContent).toBe('2 rows'))
  expect(
    events.map(({ url, status, recordCount, requestId }) => ({ url, status, recordCount, requestId })),
  ).toEqual([{ url: GRAPH_SIGN_INS, status: 200, recordCount: 2, requestId: 'req-graph' }])
  expect(JSON.stringify(events)).not.toContain(token.split('.')[1])
})

test('a 401 from Graph offers "Paste a new token" and "Sign in", with the request-id', async () => {
  server.use(
    http.get(GRAPH_SIGN_INS, () =>
      HttpResponse.json(
        {
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'Access token has expired or is not yet valid.',
            innerError: {},
          },
        },
        { status: 401, headers: { 'request-id': 'req-401-abc' } },
      ),
    ),
  )
  const user = userEvent.setup()
  render(<Harness />)
  const dialog = await chooseGraphAndPaste(user, 'opaque-token-0123456789')
  expect(within(dialog).getByText(/Not a readable JWT: expiry unknown/)).toBeTruthy()
  await user.click(control('Use this token', dialog))
  await waitFor(() => expect(screen.queryByText('Connect to Microsoft Graph')).toBeNull())
  expect(screen.getByLabelText('Microsoft Graph connection').textContent).toMatch(/Token expiry unknown/)
  await user.click(control('Load'))
  await screen.findByText('Microsoft Graph did not accept the access token')
  expect(screen.getByText(/Request ID: req-401-abc/)).toBeTruthy()
  expect(screen.getByTestId('result').textContent).toMatch(/Sign in again/)
  await user.click(control('Paste a new token'))
  const again = await findDialog()
  expect(within(again).getByLabelText('Access token')).toHaveProperty('value', '')
})

test('an expired pasted token is flagged before Graph answers; wrong audience is warned about', async () => {
  const user = userEvent.setup()
  render(<Harness />)
  const token = unsignedJwt(
    graphTokenClaims({ exp: Math.floor(Date.now() / 1000) - 120, aud: 'https://management.azure.com' }),
  )
  const dialog = await chooseGraphAndPaste(user, token)
  expect(within(dialog).getByText(/not Microsoft Graph, so Graph will refuse it/)).toBeTruthy()
  await user.click(control('Use this token', dialog))
  expect(await screen.findByText('Your access token has expired')).toBeTruthy()
  expect(control('Paste a new token')).toBeTruthy()
})

test('settings: only client id, tenant and base URL are saved; bad values are explained', async () => {
  const user = userEvent.setup()
  render(<Harness />)
  await chooseGraphAndPaste(user, 'x')
  await user.click(control('Settings'))
  const baseUrl = screen.getByLabelText(/Graph base URL/)
  await user.clear(baseUrl)
  await user.type(baseUrl, 'http://graph.example.com')
  await user.click(control('Save settings'))
  expect(screen.getByText(/Plain http is allowed only for 127.0.0.1, ::1 or localhost/)).toBeTruthy()
  expect(localStorage.getItem(graphSettingsStorageKey)).toBeNull()

  await user.clear(baseUrl)
  await user.type(baseUrl, 'http://127.0.0.1:4010/')
  await user.type(screen.getByLabelText(/Application \(client\) ID/), '11111111-2222-3333-4444-555555555555')
  await user.click(control('Save settings'))
  expect(screen.getByText('Settings saved.')).toBeTruthy()
  expect(screen.getByText(/Access tokens will be sent to http:\/\/127.0.0.1:4010/)).toBeTruthy()
  expect(JSON.parse(localStorage.getItem(graphSettingsStorageKey) ?? '')).toEqual({
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: '',
    graphBaseUrl: 'http://127.0.0.1:4010',
  })
  // With a client id, the sign-in tab offers the Microsoft sign-in button.
  await user.click(control('Sign in'))
  expect(control('Sign in with Microsoft')).toBeTruthy()
})
