import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import { act, render, screen } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import type { DataSource } from '../../lib/data-source/data-source.tsx'
import type { OpenedFilesSource, OpenFilesOptions } from '../../lib/file-source/open-files.ts'
import { useFilesSource } from './use-files-source.tsx'

/** The engine needs a worker jsdom lacks: the test holds each open and decides when its rows and end arrive. */
const opening = vi.hoisted(() => ({
  calls: [] as { options: OpenFilesOptions; finish: (source: OpenedFilesSource) => void }[],
}))
vi.mock('../../lib/file-source/open-files.ts', () => ({
  openFiles: (_files: File[], options: OpenFilesOptions) =>
    new Promise<OpenedFilesSource>((finish) => opening.calls.push({ options, finish })),
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

it('shows the first rows while the files load, then the complete files', async () => {
  opening.calls.length = 0
  render(<Harness />)
  await choose('big.ndjson')
  await vi.waitFor(() => expect(opening.calls).toHaveLength(1))
  const [first] = opening.calls
  expect(screen.getByText('Showing nothing')).toBeTruthy()
  act(() => first!.options.onFirstRows!(sourceNamed('first rows')))
  expect(screen.getByText('Showing first rows')).toBeTruthy()
  expect(screen.getByRole('progressbar', { name: 'Opening files' })).toBeTruthy()
  await act(async () => first!.finish({ source: sourceNamed('complete'), close: () => {} }))
  expect(screen.getByText('Showing complete')).toBeTruthy()
  expect(screen.queryByRole('progressbar', { name: 'Opening files' })).toBeNull()
})

it('never shows an earlier open’s rows over a later one', async () => {
  opening.calls.length = 0
  render(<Harness />)
  await choose('a.ndjson')
  await choose('b.ndjson')
  await vi.waitFor(() => expect(opening.calls).toHaveLength(2))
  const [earlier, later] = opening.calls
  act(() => later!.options.onFirstRows!(sourceNamed('b rows')))
  act(() => earlier!.options.onFirstRows!(sourceNamed('a rows')))
  expect(screen.getByText('Showing b rows')).toBeTruthy()
})
