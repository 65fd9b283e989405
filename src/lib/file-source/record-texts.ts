/**
 * Where each record's text lives (the file's own JSON and what normalising changed): outside DuckDB, whose
 * wasm heap holds every byte put in it and never shrinks. DuckDB keeps only where a record's bytes are
 * (offset, length); the list pages, the details pane and re-exports read them back.
 *
 * In the engine's worker the bytes go to a spill file in the Origin Private File System, written and read through
 * a `FileSystemSyncAccessHandle`: private to this origin in this browser (nothing leaves it), deleted when the
 * files are closed. A tab that ends without closing leaves its file behind; the next open removes those whose Web
 * Lock nobody holds, so one tab never deletes another open tab's live file. Where OPFS or sync handles are
 * missing (and in Node tests) the bytes stay in memory behind the same interface.
 */

export interface RecordTexts {
  /** Keeps the bytes after those already kept; resolves to the offset where they start. */
  append(bytes: Uint8Array): Promise<number>
  /** The `length` bytes kept at `at` (an offset `append` gave, plus at most what was appended there). */
  read(at: number, length: number): Promise<Uint8Array>
  /** Frees the bytes (deletes the spill file); reading or appending afterwards fails. */
  close(): Promise<void>
}

const closedError = () => new Error('the opened files were closed')

/** The bytes in memory, one block per append (a record never spans two). */
export function memoryRecordTexts(): RecordTexts {
  let blocks: Uint8Array[] | null = []
  const starts: number[] = []
  let size = 0
  return {
    async append(bytes) {
      if (!blocks) throw closedError()
      const at = size
      // A copy: the caller's buffer may be larger than what it holds.
      blocks.push(bytes.slice())
      starts.push(at)
      size += bytes.length
      return at
    },
    async read(at, length) {
      if (!blocks) throw closedError()
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (starts[middle]! <= at) low = middle
        else high = middle - 1
      }
      const block = blocks[low]
      const start = at - (starts[low] ?? 0)
      if (!block || start < 0 || start + length > block.length) {
        throw new RangeError(`no record text kept at ${at} (+${length})`)
      }
      return block.subarray(start, start + length)
    },
    async close() {
      blocks = null
    },
  }
}

/** The parts of OPFS the spill file uses (`FileSystemDirectoryHandle`, its sync access handles, Web Locks). */
export interface SpillSyncHandle {
  read(buffer: Uint8Array, options: { at: number }): number
  write(buffer: Uint8Array, options: { at: number }): number
  close(): void
}

export interface SpillDirectory {
  getFileHandle(
    name: string,
    options: { create: boolean },
  ): Promise<{ createSyncAccessHandle(): Promise<SpillSyncHandle> }>
  removeEntry(name: string): Promise<void>
  keys(): AsyncIterable<string>
}

export interface SpillLocks {
  request(
    name: string,
    options: { mode: 'exclusive'; ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<void>
}

const SPILL_PREFIX = 'sign-in-records-'
const isSpillFile = (name: string) => name.startsWith(SPILL_PREFIX) && name.endsWith('.bin')
const lockOf = (name: string) => `sign-in-logs-studio:${name}`

/**
 * Deletes the spill files no open tab holds: their tab ended without closing them. A file whose lock is held is
 * some tab's live records and stays; resolves to the names deleted.
 */
export async function removeStaleSpillFiles(directory: SpillDirectory, locks: SpillLocks): Promise<string[]> {
  const names: string[] = []
  for await (const name of directory.keys()) if (isSpillFile(name)) names.push(name)
  const removed: string[] = []
  for (const name of names) {
    await locks.request(lockOf(name), { mode: 'exclusive', ifAvailable: true }, async (lock) => {
      if (!lock) return
      await directory.removeEntry(name)
      removed.push(name)
    })
  }
  return removed
}

/**
 * A new spill file, its lock taken before it exists so no other tab's cleanup can delete it. `name` is the
 * file's unique part (a random UUID in the app).
 */
export async function spillRecordTexts(
  directory: SpillDirectory,
  locks: SpillLocks,
  unique: string,
): Promise<RecordTexts & { readonly name: string }> {
  const name = `${SPILL_PREFIX}${unique}.bin`
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await new Promise<void>((granted, failed) => {
    locks
      .request(lockOf(name), { mode: 'exclusive' }, () => {
        granted()
        return held
      })
      .catch(failed)
  })
  let handle: SpillSyncHandle | null
  try {
    handle = await (await directory.getFileHandle(name, { create: true })).createSyncAccessHandle()
  } catch (error) {
    release()
    throw error
  }
  let size = 0
  const open = (): SpillSyncHandle => {
    if (!handle) throw closedError()
    return handle
  }
  return {
    name,
    async append(bytes) {
      const file = open()
      const at = size
      for (let written = 0; written < bytes.length;) {
        const wrote = file.write(bytes.subarray(written), { at: at + written })
        if (wrote <= 0) throw new Error('the browser’s private storage is full')
        written += wrote
      }
      size += bytes.length
      return at
    },
    async read(at, length) {
      const buffer = new Uint8Array(length)
      const got = open().read(buffer, { at })
      if (got !== length) throw new RangeError(`no record text kept at ${at} (+${length})`)
      return buffer
    },
    async close() {
      if (!handle) return
      handle.close()
      handle = null
      try {
        await directory.removeEntry(name)
      } finally {
        release()
      }
    },
  }
}

/**
 * The engine worker's record texts: a spill file where the browser offers OPFS sync handles and Web Locks, the
 * stale files of ended tabs removed first; in memory otherwise.
 */
export async function openRecordTexts(): Promise<RecordTexts> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  const locks = typeof navigator === 'undefined' ? undefined : (navigator.locks as unknown as SpillLocks)
  if (
    typeof storage?.getDirectory !== 'function' ||
    typeof locks?.request !== 'function' ||
    typeof FileSystemFileHandle === 'undefined' ||
    !('createSyncAccessHandle' in FileSystemFileHandle.prototype)
  ) {
    return memoryRecordTexts()
  }
  try {
    const directory = (await storage.getDirectory()) as unknown as SpillDirectory
    await removeStaleSpillFiles(directory, locks)
    return await spillRecordTexts(directory, locks, crypto.randomUUID())
  } catch {
    // Private windows may refuse storage: the records are still kept, in memory.
    return memoryRecordTexts()
  }
}
