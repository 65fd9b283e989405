import { createOpfsHost, type SyncHandle } from './opfs-host.ts'

/** A tiny in-memory stand-in for OPFS directories and sync access handles (jsdom has no OPFS). */
function fakeDirectory(): FileSystemDirectoryHandle & { bytes(path: string[]): string | undefined } {
  const directories = new Map<string, ReturnType<typeof fakeDirectory>>()
  const files = new Map<string, { data: Uint8Array; locked: boolean }>()
  const directory = {
    kind: 'directory',
    async getDirectoryHandle(name: string) {
      if (!directories.has(name)) directories.set(name, fakeDirectory())
      return directories.get(name)!
    },
    async getFileHandle(name: string) {
      if (!files.has(name)) files.set(name, { data: new Uint8Array(), locked: false })
      const file = files.get(name)!
      return {
        async createSyncAccessHandle(): Promise<SyncHandle> {
          if (file.locked) throw new DOMException('locked', 'NoModificationAllowedError')
          file.locked = true
          return {
            getSize: () => file.data.byteLength,
            truncate: (size) => void (file.data = file.data.slice(0, size)),
            write(buffer, options) {
              const at = options?.at ?? file.data.byteLength
              const next = new Uint8Array(Math.max(file.data.byteLength, at + buffer.byteLength))
              next.set(file.data)
              next.set(buffer, at)
              file.data = next
              return buffer.byteLength
            },
            flush: () => {},
            close: () => void (file.locked = false),
          }
        },
      }
    },
    async removeEntry(name: string) {
      if (!directories.delete(name) && !files.delete(name)) throw new DOMException('missing', 'NotFoundError')
    },
    bytes(path: string[]): string | undefined {
      const [head, ...rest] = path
      if (rest.length === 0) {
        const file = files.get(head!)
        return file && new TextDecoder().decode(file.data)
      }
      return directories.get(head!)?.bytes(rest)
    },
  }
  return directory as unknown as ReturnType<typeof fakeDirectory>
}

const encode = (text: string) => new TextEncoder().encode(text)

test('opening at a checkpoint cuts off an unsaved page; writes append; removing an export removes its folder', async () => {
  const root = fakeDirectory()
  const host = createOpfsHost(root)
  await host({ op: 'open', exportId: 'e1', name: 'a.ndjson', offset: 0 })
  await host({ op: 'write', exportId: 'e1', name: 'a.ndjson', bytes: encode('one\n') })
  await host({ op: 'write', exportId: 'e1', name: 'a.ndjson', bytes: encode('two-unsaved\n') })
  // A reload: the tab died with the handle open; the checkpoint counted 4 bytes.
  await host({ op: 'open', exportId: 'e1', name: 'a.ndjson', offset: 4 })
  await host({ op: 'write', exportId: 'e1', name: 'a.ndjson', bytes: encode('two\n') })
  await host({ op: 'close', exportId: 'e1', name: 'a.ndjson' })
  expect(root.bytes(['exports', 'e1', 'a.ndjson'])).toBe('one\ntwo\n')
  await expect(host({ op: 'open', exportId: 'e1', name: 'a.ndjson', offset: 99 })).rejects.toThrow(/shorter/)
  await host({ op: 'remove-export', exportId: 'e1' })
  expect(root.bytes(['exports', 'e1', 'a.ndjson'])).toBeUndefined()
  await expect(host({ op: 'remove-export', exportId: 'e1' })).resolves.toBeUndefined()
})
