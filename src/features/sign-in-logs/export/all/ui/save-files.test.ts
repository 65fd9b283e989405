import { Blob as NodeBlob } from 'node:buffer'

// jsdom's Blob has no stream(); a browser's (and Node's) has.
const blob = (text: string) => new NodeBlob([text]) as unknown as Blob
import { directoryPicker, saveAllToFolder } from './save-files.ts'

/** A folder whose files collect what the writable streams receive. */
function fakeFolder() {
  const written = new Map<string, string>()
  const folder = {
    async getFileHandle(name: string, options?: { create?: boolean }) {
      expect(options?.create).toBe(true)
      return {
        async createWritable() {
          const chunks: string[] = []
          const decoder = new TextDecoder()
          return new WritableStream<Uint8Array>({
            write: (chunk) => void chunks.push(decoder.decode(chunk, { stream: true })),
            close: () => void written.set(name, chunks.join('')),
          })
        },
      }
    },
  }
  return { folder: folder as unknown as FileSystemDirectoryHandle, written }
}

test('Save all writes every file into the folder the user picks, in read-write mode', async () => {
  const { folder, written } = fakeFolder()
  const pick = vi.fn(async () => folder)
  const saved = await saveAllToFolder(
    [
      { name: 'a.ndjson', blob: blob('{"id":"1"}\n') },
      { name: 'manifest.json', blob: blob('{}\n') },
    ],
    pick,
  )
  expect(saved).toBe(true)
  expect(pick).toHaveBeenCalledWith({ mode: 'readwrite' })
  expect(Object.fromEntries(written)).toEqual({ 'a.ndjson': '{"id":"1"}\n', 'manifest.json': '{}\n' })
})

test('closing the picker saves nothing and is not an error; other failures are', async () => {
  const closed = vi.fn(async (): Promise<FileSystemDirectoryHandle> => {
    throw new DOMException('The user aborted a request.', 'AbortError')
  })
  expect(await saveAllToFolder([{ name: 'a', blob: blob('x') }], closed)).toBe(false)
  const denied = vi.fn(async (): Promise<FileSystemDirectoryHandle> => {
    throw new DOMException('denied', 'SecurityError')
  })
  await expect(saveAllToFolder([{ name: 'a', blob: blob('x') }], denied)).rejects.toThrow('denied')
})

test('the folder button exists only where the browser has a directory picker', () => {
  expect(directoryPicker()).toBeNull()
  const picker = vi.fn()
  vi.stubGlobal('showDirectoryPicker', picker)
  expect(directoryPicker()).toBe(picker)
  vi.unstubAllGlobals()
})
