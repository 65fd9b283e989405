import type { SyncHandle } from '../browser/opfs-host.ts'

/** A tiny in-memory stand-in for OPFS directories and sync access handles (jsdom has no OPFS). */
export function fakeOpfsDirectory(): FileSystemDirectoryHandle & {
  bytes(path: string[]): string | undefined
  /** Every file below, as 'folder/…/name'. */
  paths(): string[]
} {
  const directories = new Map<string, ReturnType<typeof fakeOpfsDirectory>>()
  const files = new Map<string, { data: Uint8Array; locked: boolean; modified: number }>()
  const directory = {
    kind: 'directory',
    async getDirectoryHandle(name: string, options?: { create?: boolean }) {
      if (!directories.has(name) && !options?.create) throw new DOMException(name, 'NotFoundError')
      if (!directories.has(name)) directories.set(name, fakeOpfsDirectory())
      return directories.get(name)!
    },
    async getFileHandle(name: string, lookup?: { create?: boolean }) {
      if (!files.has(name) && !lookup?.create) throw new DOMException(name, 'NotFoundError')
      if (!files.has(name)) files.set(name, { data: new Uint8Array(), locked: false, modified: Date.now() })
      const file = files.get(name)!
      return {
        kind: 'file',
        name,
        async getFile() {
          return new File([file.data.slice()], name, { lastModified: file.modified })
        },
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
              file.modified = Date.now()
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
    async *keys() {
      yield* directories.keys()
      yield* files.keys()
    },
    async *values() {
      for (const name of directories.keys()) yield await directory.getDirectoryHandle(name)
      for (const name of files.keys()) yield await directory.getFileHandle(name)
    },
    paths(): string[] {
      return [
        ...files.keys(),
        ...[...directories].flatMap(([name, child]) => child.paths().map((path) => `${name}/${path}`)),
      ]
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
  return directory as unknown as ReturnType<typeof fakeOpfsDirectory>
}
