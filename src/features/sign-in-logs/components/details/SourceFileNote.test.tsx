import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import {
  DataSourceProvider,
  type DataSource,
  type SignInSource,
} from '../../../../lib/data-source/data-source.tsx'
import type { GraphClient } from '../../../../lib/graph/client.ts'
import { makeSignIn } from '../../export/test-sign-in.ts'
import { SignInDetailsPane } from './SignInDetailsPane.tsx'

const now = new Date('2026-11-30T12:00:00Z')
const signIn = makeSignIn({ id: 'from-a-file' })

function filesSource(origin: SignInSource | null): DataSource {
  return {
    id: 'files:test',
    kind: 'files',
    label: 'test files',
    // The pane has the loaded record: nothing is asked of the client.
    client: {} as GraphClient,
    files: { summaries: [], span: null, sourceOf: async (id) => (id === signIn.id ? origin : null) },
  }
}

function renderPane(source: DataSource) {
  render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={new QueryClient()}>
        <DataSourceProvider value={source}>
          <SignInDetailsPane
            selectedId={signIn.id}
            loadedSignIn={signIn}
            tab="interactive"
            dates="utc"
            range={{ from: new Date(now.getTime() - 86_400_000), to: now }}
            now={now}
            onOpenSignIn={() => {}}
            onClose={() => {}}
          />
        </DataSourceProvider>
      </QueryClientProvider>
    </FluentProvider>,
  )
}

test('a sign-in from the portal’s CSV says which nested details the CSV lacks', async () => {
  renderPane(filesSource({ file: 'InteractiveSignIns_2026-11-30.csv', line: 42, format: 'portal-csv' }))
  const pane = await screen.findByRole('dialog', { name: 'Activity Details: Sign-ins' })
  expect(
    await screen.findByText('This sign-in comes from a CSV, which lacks the nested details'),
  ).toBeTruthy()
  expect(pane.textContent).toContain('Read from InteractiveSignIns_2026-11-30.csv, line 42.')
  const lacking = screen.getByRole('list', { name: 'Details the CSV lacks' })
  const items = [...lacking.querySelectorAll('li')].map((item) => item.textContent)
  expect(items).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Authentication details/),
      'Conditional Access and report-only policies',
      expect.stringMatching(/^Location coordinates/),
      'Device name',
    ]),
  )
})

test('a sign-in from a JSON export names its file and line, and no details are said to be missing', async () => {
  renderPane(filesSource({ file: 'signins.ndjson', line: 7, format: 'graph-json' }))
  expect(await screen.findByText('Read from signins.ndjson, line 7.')).toBeTruthy()
  expect(screen.queryByRole('list', { name: 'Details the CSV lacks' })).toBeNull()
})
