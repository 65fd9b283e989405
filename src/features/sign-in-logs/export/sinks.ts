/**
 * Where the encoded bytes of a download go. The pipeline (run-download.ts) only knows `DownloadSink`:
 * write chunks as they are encoded, then `close()` (the file appears) or `abort()` (nothing appears).
 *
 * Choice of browser sink (issue #5):
 * 1. File System Access API (`showSaveFilePicker` → `createWritable()`), where the browser has it
 *    (Chromium desktop): every page is written to disk as it arrives, memory stays one page. The
 *    writable writes to a temporary swap file that only replaces the target on `close()`, so
 *    `abort()` leaves no half-written file.
 * 2. Otherwise (Firefox, Safari, headless Chromium under Playwright) a Blob download: encoded pages are
 *    kept as `Uint8Array` Blob parts — never one giant string — and folded into a Blob every
 *    `BLOB_FOLD_BYTES`, which hands the bytes to the browser's blob store (Chromium pages large blobs to
 *    disk) and frees the JS heap; `close()` makes an object URL and clicks an `<a download>`. This is
 *    the Service-Worker-free way to stream to the normal download folder, which is what the portal does
 *    (downloads.md §1.1 step 4). `abort()` just drops the parts.
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
export function clickDownloadLink(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
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

// --- choosing the browser sink -------------------------------------------------------------------

interface SaveFilePickerOptions {
  suggestedName?: string
  types?: { description?: string; accept: Record<string, string[]> }[]
}
type ShowSaveFilePicker = (options?: SaveFilePickerOptions) => Promise<FileSystemFileHandle>

/**
 * `showSaveFilePicker` is not in TypeScript's DOM lib (WICG File System Access); feature-detect it.
 * A browser under automation (`navigator.webdriver`, e.g. Playwright) cannot answer the native save
 * dialog — headless Chromium rejects it at once with the same AbortError as a user's "Cancel" — so it
 * gets the normal download instead.
 */
function saveFilePicker(target: Window): ShowSaveFilePicker | null {
  if (target.navigator.webdriver) return null
  const candidate = (target as Window & { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker
  return typeof candidate === 'function' ? candidate.bind(target) : null
}

export type SaveTarget = { kind: 'sink'; sink: DownloadSink } | { kind: 'dismissed' }

/**
 * Opens the best sink for `fileName`. Call it straight from the click handler: the picker needs the
 * user's activation. `dismissed` means the user closed the save dialog (nothing to do). A picker that
 * exists but refuses (no activation, sandboxed frame, headless browser) falls back to a Blob download.
 */
export async function openSaveTarget(
  fileName: string,
  mimeType: string,
  target: Window = window,
): Promise<SaveTarget> {
  const picker = saveFilePicker(target)
  if (picker) {
    const extension = fileName.slice(fileName.lastIndexOf('.'))
    try {
      const handle = await picker({
        suggestedName: fileName,
        types: [
          {
            description: extension === '.csv' ? 'CSV file' : 'JSON file',
            accept: { [mimeType.split(';')[0]!]: [extension] },
          },
        ],
      })
      return { kind: 'sink', sink: fileSystemAccessSink(await handle.createWritable()) }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'dismissed' }
      console.warn('File System Access unavailable, using a normal download instead:', error)
    }
  }
  return { kind: 'sink', sink: blobDownloadSink({ fileName, mimeType }) }
}
