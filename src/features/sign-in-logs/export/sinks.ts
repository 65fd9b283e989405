/**
 * Where the encoded bytes of a download go. The pipeline (run-download.ts) only knows `DownloadSink`:
 * write chunks as they are encoded, then `close()` (the file appears) or `abort()` (nothing appears).
 * Which sink a download gets is chosen in save-target.ts:
 * - a private OPFS file handed over as a normal download (private-file-sink.ts), the default;
 * - File System Access (`fileSystemAccessSink`) when the user asks "Save to…": its writable writes to a
 *   temporary swap file that only replaces the target on `close()`, so `abort()` leaves no half-written file;
 * - a Blob download where the browser has no OPFS: encoded pages are kept as `Uint8Array` Blob parts, never one
 *   giant string, and folded into a Blob every `BLOB_FOLD_BYTES`, which hands the bytes to the browser's blob
 *   store and frees the JS heap; `close()` clicks an `<a download>` (downloads.md §1.1 step 4).
 */

export interface DownloadSink {
  /** 'file-system-access' | 'blob-download' | 'memory' …: shown in the UI and used by tests. */
  readonly kind: string
  write(chunk: Uint8Array): Promise<void>
  /** The file is complete: make it appear. */
  close(): Promise<void>
  /** Give up: leave no file behind. */
  abort(): Promise<void>
}

/** Wraps a File System Access writable (its own backpressure: each write resolves when queued to disk). */
export function fileSystemAccessSink(writable: FileSystemWritableFileStream): DownloadSink {
  return {
    kind: 'file-system-access',
    write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>),
    close: () => writable.close(),
    abort: () => writable.abort(),
  }
}

/** Fold pending parts into the Blob every 8 MiB: few enough Blobs, small enough JS heap. */
export const BLOB_FOLD_BYTES = 8 * 1024 * 1024

export interface BlobDownloadSinkOptions {
  fileName: string
  mimeType: string
  /** Hands the finished Blob to the user; default: object URL + `<a download>` click. */
  deliver?: (blob: Blob, fileName: string) => void
}

export function blobDownloadSink(options: BlobDownloadSinkOptions): DownloadSink & { readonly size: number } {
  let folded: Blob | null = new Blob([], { type: options.mimeType })
  let pending: Uint8Array<ArrayBuffer>[] = []
  let pendingBytes = 0
  const fold = () => {
    if (!folded) throw new Error('The download was already closed or aborted.')
    folded = new Blob([folded, ...pending], { type: options.mimeType })
    pending = []
    pendingBytes = 0
    return folded
  }
  return {
    kind: 'blob-download',
    get size() {
      return (folded?.size ?? 0) + pendingBytes
    },
    async write(chunk) {
      if (!folded) throw new Error('The download was already closed or aborted.')
      pending.push(chunk as Uint8Array<ArrayBuffer>)
      pendingBytes += chunk.byteLength
      if (pendingBytes >= BLOB_FOLD_BYTES) fold()
    },
    async close() {
      const blob = fold()
      folded = null
      ;(options.deliver ?? clickDownloadLink)(blob, options.fileName)
    },
    async abort() {
      folded = null
      pending = []
      pendingBytes = 0
    },
  }
}

/** `<a download>` on an object URL: the browser's normal download, to the default folder. */
export function clickDownloadLink(
  blob: Blob,
  fileName: string,
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  { revokeAfterMs = 60_000, onRevoked }: { revokeAfterMs?: number; onRevoked?: () => void } = {},
): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => {
    URL.revokeObjectURL(url)
    onRevoked?.()
  }, revokeAfterMs)
}

/** Keeps everything in memory: for tests and Node benchmarks (`runDownload` with an injected sink). */
export function memorySink(): DownloadSink & {
  readonly state: 'open' | 'closed' | 'aborted'
  bytes(): Uint8Array
  text(): string
} {
  let chunks: Uint8Array[] = []
  let state: 'open' | 'closed' | 'aborted' = 'open'
  const bytes = () => {
    const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
    const out = new Uint8Array(total)
    let offset = 0
    for (const chunk of chunks) {
      out.set(chunk, offset)
      offset += chunk.byteLength
    }
    return out
  }
  return {
    kind: 'memory',
    get state() {
      return state
    },
    async write(chunk) {
      if (state !== 'open') throw new Error(`write after ${state}`)
      chunks.push(chunk)
    },
    async close() {
      state = 'closed'
    },
    async abort() {
      state = 'aborted'
      chunks = []
    },
    bytes,
    text: () => new TextDecoder().decode(bytes()),
  }
}
