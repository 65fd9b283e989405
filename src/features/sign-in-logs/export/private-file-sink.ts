/**
 * The normal download's path (issue #13): each file is streamed into the Origin Private File System, page by page,
 * through the export's OPFS worker (all/browser), and the finished file is handed to the browser as an ordinary
 * download. An OPFS `File` is disk-backed, so neither writing nor handing over holds the file in memory, and no
 * save dialog is needed (that stays the user's choice: "Save to…").
 */
import {
  defaultOpfsChannel,
  opfsExportFileStore,
  removeExportFolder,
  storedFile,
} from './all/browser/opfs-files.ts'
import type { OpfsChannel } from './all/browser/opfs-files.ts'
import { EXPORTS_DIRECTORY } from './all/browser/opfs-host.ts'
import { clickDownloadLink, type DownloadSink } from './sinks.ts'

/** One private file being written for a download. */
export interface PrivateDownloadFile {
  write(chunk: Uint8Array): Promise<void>
  /** Closes the file and returns it as a disk-backed `File`. */
  finish(): Promise<File>
  /** Deletes it (cancelled, failed, or handed over). */
  remove(): Promise<void>
}

export interface PrivateDownloadFiles {
  create(fileName: string): Promise<PrivateDownloadFile>
}

/** Downloads live beside the exports, one folder each so two files of the same name never collide. */
export const DOWNLOAD_FOLDER_PREFIX = 'download-'

/** Older than this, a download's folder belongs to a tab closed before its own cleanup ran. */
export const STALE_DOWNLOAD_MS = 60 * 60_000

type Listing = FileSystemDirectoryHandle & {
  keys(): AsyncIterable<string>
  values(): AsyncIterable<FileSystemHandle>
}

/** Removes the download folders whose files were last written over an hour before `now`; returns their names. */
export async function removeStaleDownloads(
  root: FileSystemDirectoryHandle,
  now: number,
  remove: (folder: string) => Promise<void>,
): Promise<string[]> {
  const exports = (await root.getDirectoryHandle(EXPORTS_DIRECTORY).catch(() => null)) as Listing | null
  if (!exports) return []
  const stale: string[] = []
  for await (const name of exports.keys()) {
    if (!name.startsWith(DOWNLOAD_FOLDER_PREFIX)) continue
    const folder = (await exports.getDirectoryHandle(name)) as Listing
    let lastWritten = 0
    for await (const entry of folder.values())
      if (entry.kind === 'file')
        lastWritten = Math.max(lastWritten, (await (entry as FileSystemFileHandle).getFile()).lastModified)
    if (now - lastWritten > STALE_DOWNLOAD_MS) stale.push(name)
  }
  for (const name of stale) await remove(name)
  return stale
}

export function opfsDownloadFiles(channel: () => OpfsChannel = defaultOpfsChannel): PrivateDownloadFiles {
  let swept = false
  return {
    async create(fileName) {
      if (!swept) {
        swept = true
        // Best effort, once a page: a failure here must not stop the download.
        void navigator.storage
          .getDirectory()
          .then((root) =>
            removeStaleDownloads(root, Date.now(), (folder) => removeExportFolder(folder, channel())),
          )
          .catch((error: unknown) =>
            console.warn('Old downloads could not be removed from the browser storage:', error),
          )
      }
      const folder = `${DOWNLOAD_FOLDER_PREFIX}${crypto.randomUUID()}`
      const writer = await opfsExportFileStore(folder, channel()).openAt(fileName, 0)
      return {
        write: (chunk) => writer.write(chunk),
        async finish() {
          await writer.close()
          const file = await storedFile(folder, fileName)
          if (!file)
            throw new Error(`${fileName} disappeared from the browser's storage before it was saved.`)
          return file
        },
        remove: () => removeExportFolder(folder, channel()),
      }
    },
  }
}

/**
 * The browser's private files, or null where it has none (jsdom, older browsers): the caller then keeps the
 * file in memory as a Blob, which is what every browser without OPFS has always done.
 */
export function browserPrivateFiles(target: Window): PrivateDownloadFiles | null {
  const storage = target.navigator.storage as StorageManager | undefined
  if (
    typeof storage?.getDirectory !== 'function' ||
    typeof (target as Window & { Worker?: unknown }).Worker !== 'function'
  )
    return null
  return opfsDownloadFiles()
}

/**
 * A handed-over file must outlive the start of the browser's download, which reads it from disk (the download
 * keeps its own reference to the blob once started, so revoking the URL does not stop it).
 */
export const REMOVE_HANDED_OVER_AFTER_MS = 5 * 60_000

export interface PrivateFileSinkOptions {
  fileName: string
  /** Hands the finished file to the user; default: object URL + `<a download>` click, revoked afterwards. */
  deliver?: (file: File, fileName: string, onRevoked: () => void) => void
}

export function privateFileSink(file: PrivateDownloadFile, options: PrivateFileSinkOptions): DownloadSink {
  const deliver = options.deliver ?? defaultDeliver
  let state: 'open' | 'closed' | 'aborted' = 'open'
  const removeQuietly = () =>
    file.remove().catch((error: unknown) => {
      // Nothing the user can act on: the browser's storage keeps a stray file until the next cleanup.
      console.warn('A finished download could not be removed from the browser storage:', error)
    })
  return {
    kind: 'private-file',
    async write(chunk) {
      if (state !== 'open') throw new Error(`The download was already ${state}.`)
      await file.write(chunk)
    },
    async close() {
      if (state !== 'open') throw new Error(`The download was already ${state}.`)
      state = 'closed'
      let finished: File
      try {
        finished = await file.finish()
      } catch (error) {
        await removeQuietly()
        throw error
      }
      deliver(finished, options.fileName, () => void removeQuietly())
    },
    async abort() {
      if (state !== 'open') return
      state = 'aborted'
      await file.remove()
    },
  }
}

function defaultDeliver(file: File, fileName: string, onRevoked: () => void): void {
  clickDownloadLink(file, fileName, { revokeAfterMs: REMOVE_HANDED_OVER_AFTER_MS, onRevoked })
}
