import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import { act, render, screen } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import type { DataSource } from '../../lib/data-source/data-source.tsx'
import type { OpenedFilesSource, OpenFilesOptions } from '../../lib/file-source/open-files.ts'
import { useFilesSource } from './use-files-source.tsx'

/** The engine needs a worker jsdom lacks: the test holds each open and decides when its rows and end arrive. */
const opening = vi.hoisted(() => ({
  calls: [] as {
    options: OpenFilesOptions
    finish: (source: OpenedFilesSource) => void
    fail: (error: Error) => void
  }[],
}))
vi.mock('../../lib/file-source/open-files.ts', () => ({
  openFiles: (_files: File[], options: OpenFilesOptions) =>
    new Promise<OpenedFilesSource>((finish, fail) => opening.calls.push({ options, finish, fail })),
}))

const sourceNamed = (id: string): DataSource => ({
  id,
  kind: 'files',
  label: id,
  client: {} as DataSource['client'],
  files: { summaries: [], span: null, sourceOf: async () => null },
})

function Harness() {
  const files = useFilesSource()
  return (
    <FluentProvider theme={webLightTheme}>
      {files.view}
      <p>Showing {files.source?.id ?? 'nothing'}</p>
      <button onClick={files.close}>Close the files</button>
    </FluentProvider>
  )
}

async function choose(name: string) {
  const input = screen.getByLabelText<HTMLInputElement>('Sign-in log files')
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [new File(['{}'], name)], configurable: true })
    input.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

it('shows the records stored so far while the files load, growing, then the complete files', async () => {
  opening.calls.length = 0
  render(<Harness />)
  await choose('big.ndjson')
  await vi.waitFor(() => expect(opening.calls).toHaveLength(1))
  const [first] = opening.calls
  expect(screen.getByText('Showing nothing')).toBeTruthy()
  expect(screen.queryByText(/read so far are shown/)).toBeNull()
  act(() => first!.options.onSnapshot!(sourceNamed('first batch')))
  expect(screen.getByText('Showing first batch')).toBeTruthy()
  expect(screen.getByRole('progressbar', { name: 'Opening files' })).toBeTruthy()
  // Said once, politely: the rows keep growing without the status changing.
  const status = screen.getByRole('status')
  expect(status.textContent).toBe(
    'The sign-ins read so far are shown; the page adds the rest as the files load.',
  )
  act(() => first!.options.onSnapshot!(sourceNamed('three batches')))
  expect(screen.getByText('Showing three batches')).toBeTruthy()
  expect(screen.getByRole('status')).toBe(status)
  await act(async () => first!.finish({ source: sourceNamed('complete'), close: () => {} }))
  expect(screen.getByText('Showing complete')).toBeTruthy()
  expect(screen.queryByRole('progressbar', { name: 'Opening files' })).toBeNull()
})

/** Opens a.ndjson, then b.ndjson while a is still loading; returns both opens, earlier first. */
async function openTwoInARow() {
  opening.calls.length = 0
  render(<Harness />)
  await choose('a.ndjson')
  await choose('b.ndjson')
  await vi.waitFor(() => expect(opening.calls).toHaveLength(2))
  const [earlier, later] = opening.calls
  return { earlier: earlier!, later: later! }
}

it('never shows an earlier open’s rows over a later one', async () => {
  const { earlier, later } = await openTwoInARow()
  act(() => later.options.onSnapshot!(sourceNamed('b rows')))
  act(() => earlier.options.onSnapshot!(sourceNamed('a rows')))
  expect(screen.getByText('Showing b rows')).toBeTruthy()
})

it('an earlier open that ends after a later one is closed, and its progress and failure are not shown', async () => {
  const { earlier, later } = await openTwoInARow()
  const progress = (file: string) => ({ file, bytesRead: 1_000_000, totalBytes: 2_000_000, records: 150 })
  act(() => later.options.onProgress!(progress('b.ndjson')))
  act(() => earlier.options.onProgress!(progress('a.ndjson')))
  expect(screen.getByText(/^b\.ndjson: /)).toBeTruthy()
  expect(screen.queryByText(/^a\.ndjson: /)).toBeNull()
  await act(async () => later.finish({ source: sourceNamed('b complete'), close: () => {} }))
  expect(screen.getByText('Showing b complete')).toBeTruthy()
  const closeEarlier = vi.fn()
  await act(async () => earlier.finish({ source: sourceNamed('a complete'), close: closeEarlier }))
  expect(screen.getByText('Showing b complete')).toBeTruthy()
  expect(closeEarlier).toHaveBeenCalledTimes(1)

  await choose('c.ndjson')
  await choose('d.ndjson')
  await vi.waitFor(() => expect(opening.calls).toHaveLength(4))
  await act(async () => opening.calls[2]!.fail(new Error('c.ndjson line 3 is not JSON')))
  expect(screen.queryByText(/c\.ndjson line 3/)).toBeNull()
  expect(screen.getByRole('progressbar', { name: 'Opening files' })).toBeTruthy()
})

it('closing the files while they load: the open that ends afterwards is closed, not shown', async () => {
  opening.calls.length = 0
  render(<Harness />)
  await choose('a.ndjson')
  await vi.waitFor(() => expect(opening.calls).toHaveLength(1))
  act(() => opening.calls[0]!.options.onSnapshot!(sourceNamed('a rows')))
  expect(screen.getByText('Showing a rows')).toBeTruthy()
  act(() => screen.getByRole('button', { name: 'Close the files' }).click())
  expect(screen.getByText('Showing nothing')).toBeTruthy()
  expect(screen.queryByRole('progressbar', { name: 'Opening files' })).toBeNull()
  const closeLate = vi.fn()
  await act(async () => opening.calls[0]!.finish({ source: sourceNamed('a complete'), close: closeLate }))
  expect(screen.getByText('Showing nothing')).toBeTruthy()
  expect(closeLate).toHaveBeenCalledTimes(1)
})
