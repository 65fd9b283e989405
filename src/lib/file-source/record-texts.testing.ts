/** Fakes of the browser's OPFS and Web Locks for the spill file's tests in Node (the e2e runs the real ones). */
import type { SpillDirectory, SpillLocks, SpillSyncHandle } from './record-texts.ts'

/** OPFS as the engine worker sees it: files of bytes, sync handles that read and write at an offset. */
export function fakeDirectory() {
  const files = new Map<string, Uint8Array>()
  const open = new Set<string>()
  const directory: SpillDirectory = {
    async getFileHandle(name, { create }) {
      if (!files.has(name)) {
        if (!create) throw new Error(`NotFoundError: ${name}`)
        files.set(name, new Uint8Array(0))
      }
      return {
        async createSyncAccessHandle(): Promise<SpillSyncHandle> {
          if (open.has(name)) throw new Error(`NoModificationAllowedError: ${name} is open`)
          open.add(name)
          return {
            read(buffer, { at }) {
              const bytes = files.get(name)!.subarray(at, at + buffer.length)
              buffer.set(bytes)
              return bytes.length
            },
            // Writes at most 1000 bytes a call, as a real handle may write less than asked.
            write(buffer, { at }) {
              const chunk = buffer.subarray(0, 1000)
              const old = files.get(name)!
              const grown = new Uint8Array(Math.max(old.length, at + chunk.length))
              grown.set(old)
              grown.set(chunk, at)
              files.set(name, grown)
              return chunk.length
            },
            close: () => void open.delete(name),
          }
        },
      }
    },
    async removeEntry(name) {
      if (open.has(name)) throw new Error(`NoModificationAllowedError: ${name} is open`)
      if (!files.delete(name)) throw new Error(`NotFoundError: ${name}`)
    },
    async *keys() {
      yield* [...files.keys()]
    },
  }
  return { directory, files }
}

/** Web Locks shared by every tab of the origin: a held name is not available to anyone else. */
export function fakeLocks() {
  const held = new Set<string>()
  const locks: SpillLocks = {
    async request(name, { ifAvailable }, callback) {
      if (held.has(name)) {
        if (ifAvailable) return callback(null)
        throw new Error('the fake waits for no lock')
      }
      held.add(name)
      const done = callback({ name })
      void done.finally(() => held.delete(name))
      // Like navigator.locks: the request settles when the callback's promise does.
      return done
    },
  }
  return { locks, held }
}
