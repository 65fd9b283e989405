/** Which sink a download gets: a normal download through private storage unless the user asks "Save to…". */
import type { PrivateDownloadFiles } from './private-file-sink.ts'
import { canChooseSaveLocation, openSaveTarget } from './save-target.ts'

function fakeWindow(options: { picker?: () => Promise<unknown>; webdriver?: boolean } = {}) {
  return {
    navigator: { webdriver: options.webdriver ?? false },
    ...(options.picker ? { showSaveFilePicker: options.picker } : {}),
  } as unknown as Window
}

const writableHandle = async () => ({
  createWritable: async () => ({ write: async () => {}, close: async () => {}, abort: async () => {} }),
})

const privateFiles = (): PrivateDownloadFiles & { created: string[] } => {
  const created: string[] = []
  return {
    created,
    async create(fileName) {
      created.push(fileName)
      return { write: async () => {}, finish: async () => new File([], fileName), remove: async () => {} }
    },
  }
}

const kindOf = (target: Awaited<ReturnType<typeof openSaveTarget>>) =>
  target.kind === 'sink' ? target.sink.kind : target.kind

test('Download streams into private storage with no save dialog, even where the browser has one', async () => {
  const picker = vi.fn(writableHandle)
  const files = privateFiles()
  const target = await openSaveTarget('SignIns.csv', 'text/csv', {
    target: fakeWindow({ picker }),
    privateFiles: files,
  })
  expect(kindOf(target)).toBe('private-file')
  expect(files.created).toEqual(['SignIns.csv'])
  expect(picker).not.toHaveBeenCalled()
})

test('"Save to…" asks where, and closing the dialog starts nothing', async () => {
  const files = privateFiles()
  const picker = vi.fn(writableHandle)
  const chosen = await openSaveTarget('SignIns.json', 'application/json', {
    saveAs: true,
    target: fakeWindow({ picker }),
    privateFiles: files,
  })
  expect(kindOf(chosen)).toBe('file-system-access')
  expect(picker).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: 'SignIns.json' }))

  const dismissed = await openSaveTarget('SignIns.json', 'application/json', {
    saveAs: true,
    target: fakeWindow({
      picker: async () => {
        throw new DOMException('The user aborted a request.', 'AbortError')
      },
    }),
    privateFiles: files,
  })
  expect(dismissed).toEqual({ kind: 'dismissed' })
  expect(files.created).toEqual([])
})

test('without private storage, or when it refuses, the file is collected in memory', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  expect(
    kindOf(await openSaveTarget('a.csv', 'text/csv', { target: fakeWindow(), privateFiles: null })),
  ).toBe('blob-download')
  const refusing: PrivateDownloadFiles = {
    create: async () => {
      throw new DOMException('Storage is disabled in private windows', 'SecurityError')
    },
  }
  expect(
    kindOf(await openSaveTarget('a.csv', 'text/csv', { target: fakeWindow(), privateFiles: refusing })),
  ).toBe('blob-download')
  expect(warn).toHaveBeenCalledTimes(1)
  warn.mockRestore()
})

test('"Save to…" is offered only where a save dialog can be answered', () => {
  expect(canChooseSaveLocation(fakeWindow({ picker: writableHandle }))).toBe(true)
  expect(canChooseSaveLocation(fakeWindow())).toBe(false)
  expect(canChooseSaveLocation(fakeWindow({ picker: writableHandle, webdriver: true }))).toBe(false)
})

test('jsdom has no OPFS: the default is the in-memory download', async () => {
  expect(kindOf(await openSaveTarget('a.csv', 'text/csv'))).toBe('blob-download')
})
