/**
 * The pane as a user meets it (jsdom has no save picker, so the Blob download runs): entries and
 * names, progress, the expired-token pause with Resume, and Cancel. Graph is MSW at the network layer.
 */
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createMockDataSource, DataSourceProvider } from '../../../lib/data-source/data-source.tsx'
import { DownloadPane } from './DownloadPane.tsx'
import { makeSignIn } from './test-sign-in.ts'

const records = Array.from({ length: 5 }, (_, index) => makeSignIn({ id: `pane-${index}` }))
let requests = 0
let failNext: 'unauthorized' | 'hang' | null = null

const server = setupServer(
  http.get('https://graph.microsoft.com/beta/auditLogs/signIns', async ({ request }) => {
    requests += 1
    if (failNext === 'unauthorized') {
      failNext = null
      return HttpResponse.json(
        {
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'Lifetime validation failed, the token is expired.',
          },
        },
        { status: 401 },
      )
    }
    if (failNext === 'hang') {
      await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve()))
      return HttpResponse.error()
    }
    const offset = Number(new URL(request.url).searchParams.get('$skiptoken') ?? '0')
    const next = new URL(request.url)
    next.searchParams.set('$skiptoken', String(offset + 2))
    return HttpResponse.json({
      value: records.slice(offset, offset + 2),
      ...(offset + 2 < records.length ? { '@odata.nextLink': next.toString() } : {}),
    })
  }),
)

// jsdom has no ResizeObserver; Fluent's Drawer and MessageBar measure themselves with one (layout only).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}

const saved: { name: string; blob: Blob }[] = []
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  window.history.replaceState(null, '', '/?range=7d')
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test')
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  // jsdom cannot navigate: record what the <a download> would have saved instead.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = vi.mocked(URL.createObjectURL).mock.calls.at(-1)?.[0]
    if (blob instanceof Blob) saved.push({ name: this.download, blob })
  })
})
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
  saved.length = 0
  requests = 0
  failNext = null
})
afterAll(() => server.close())

function renderPane(format: 'csv' | 'json') {
  const onClose = vi.fn()
  render(
    <FluentProvider theme={webLightTheme}>
      <DataSourceProvider value={createMockDataSource()}>
        <DownloadPane open format={format} onClose={onClose} now={new Date('2026-11-30T12:00:00Z')} />
      </DataSourceProvider>
    </FluentProvider>,
  )
  return {
    onClose,
    pane: screen.getByRole('dialog', { name: `Download Sign-ins in ${format.toUpperCase()} format` }),
  }
}

describe('DownloadPane', () => {
  it('lists the six CSV files with the portal names for the range, each with its own Download', () => {
    const { pane } = renderPane('csv')
    const names = within(pane)
      .getAllByRole('textbox', { name: 'File Name' })
      .map((box) => (box as HTMLInputElement).value)
    expect(names).toEqual([
      'InteractiveSignIns_2026-11-23_2026-11-30.csv',
      'InteractiveSignIns_AuthDetails_2026-11-23_2026-11-30.csv',
      'NonInteractiveSignIns_2026-11-23_2026-11-30.csv',
      'NonInteractiveSignIns_AuthDetails_2026-11-23_2026-11-30.csv',
      'ApplicationSignIns_2026-11-23_2026-11-30.csv',
      'MSISignIns_2026-11-23_2026-11-30.csv',
    ])
    expect(within(pane).getAllByRole('button', { name: 'Download' })).toHaveLength(6)
    within(pane).getByText(/Time stamps in the files are in UTC/)
    const bom = within(pane).getByRole('checkbox', { name: 'Excel-friendly (UTF-8 BOM)' }) as HTMLInputElement
    expect(bom.checked).toBe(false)
  })

  it('"Save to…" asks where to save, where the browser can; Download never does', async () => {
    const written: Uint8Array[] = []
    const picker = vi.fn(async () => ({
      createWritable: async () => ({
        write: async (chunk: Uint8Array) => void written.push(chunk),
        close: async () => {},
        abort: async () => {},
      }),
    }))
    Object.assign(window, { showSaveFilePicker: picker })
    try {
      const user = userEvent.setup()
      const { pane } = renderPane('json')
      await user.click(within(pane).getAllByRole('button', { name: 'Download' })[1]!)
      await within(pane).findByText('Downloaded')
      expect(picker).not.toHaveBeenCalled()
      await user.click(within(pane).getAllByRole('button', { name: 'Save to…' })[0]!)
      await waitFor(() => expect(within(pane).getAllByText('Downloaded')).toHaveLength(2))
      expect(picker).toHaveBeenCalledWith(
        expect.objectContaining({ suggestedName: 'InteractiveSignIns_2026-11-23_2026-11-30.json' }),
      )
      const text = new TextDecoder().decode(Buffer.concat(written))
      expect((JSON.parse(text) as { id: string }[]).map((record) => record.id)).toEqual(
        records.map((record) => record.id),
      )
    } finally {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker
    }
  })

  it('downloads the edited file name and reports the records written', async () => {
    const user = userEvent.setup()
    const { pane } = renderPane('json')
    const box = within(pane).getAllByRole('textbox', { name: 'File Name' })[0]!
    await user.clear(box)
    await user.type(box, 'evidence.json')
    await user.click(within(pane).getAllByRole('button', { name: 'Download' })[0]!)
    await within(pane).findByText('Downloaded')
    within(pane).getByText('evidence.json: 5 records.')
    expect(saved.map((file) => file.name)).toEqual(['evidence.json'])
    const parsed = JSON.parse(await saved[0]!.blob.text()) as { id: string }[]
    expect(parsed.map((record) => record.id)).toEqual(records.map((record) => record.id))
  })

  it('an expired token pauses and asks to sign in again; Resume finishes without duplicates', async () => {
    const user = userEvent.setup()
    const { pane } = renderPane('csv')
    failNext = null
    server.events.on('request:start', () => {
      if (requests === 1) failNext = 'unauthorized'
    })
    await user.click(within(pane).getAllByRole('button', { name: 'Download' })[0]!)
    await within(pane).findByText('Sign in again to continue')
    within(pane).getByText(/continues from page 2/)
    expect(saved).toEqual([])
    await user.click(within(pane).getByRole('button', { name: 'Resume' }))
    await within(pane).findByText('Downloaded')
    const text = await saved[0]!.blob.text()
    const ids = text
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split('","')[1])
    expect(ids).toEqual(records.map((record) => record.id))
    server.events.removeAllListeners()
  })

  it('Cancel aborts the request at once and saves nothing', async () => {
    const user = userEvent.setup()
    const { pane } = renderPane('csv')
    failNext = 'hang'
    await user.click(within(pane).getAllByRole('button', { name: 'Download' })[4]!)
    await within(pane).findByText(/0 records written/)
    await user.click(within(pane).getByRole('button', { name: 'Cancel' }))
    await within(pane).findByText('No file was saved.')
    expect(saved).toEqual([])
    await waitFor(() => expect(requests).toBe(1))
  })

  it('keyboard only: focus stays in the pane through a download, and Escape closes it', async () => {
    const user = userEvent.setup()
    const { pane, onClose } = renderPane('csv')
    failNext = 'hang'
    const download = within(pane).getAllByRole('button', { name: 'Download' })[0]!
    download.focus()
    await user.keyboard('{Enter}')
    await within(pane).findByText(/0 records written/)
    // A browser drops focus from a button that becomes `disabled` (to the page body, where the pane's Escape
    // and Tab trap cannot hear the keyboard; jsdom does not): while busy it is only aria-disabled.
    expect(download).toHaveProperty('disabled', false)
    expect(download.getAttribute('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(download)
    await user.keyboard('{Enter}')
    expect(requests).toBe(1)
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalled()
    // The pane is still open (onClose is a spy): end the hanging request.
    await user.click(within(pane).getByRole('button', { name: 'Cancel' }))
    await within(pane).findByText('No file was saved.')
  })
})
