/**
 * Chooses where a download goes (issue #13). By default the portal's behaviour: the file is streamed into the
 * Origin Private File System and then downloaded normally, with no dialog. A save dialog only when the user asks
 * for one ("Save to…"). Without OPFS the file is collected as a Blob in memory and downloaded the same way.
 */
import { browserPrivateFiles, privateFileSink, type PrivateDownloadFiles } from './private-file-sink.ts'
import { blobDownloadSink, fileSystemAccessSink, type DownloadSink } from './sinks.ts'

interface SaveFilePickerOptions {
  suggestedName?: string
  types?: { description?: string; accept: Record<string, string[]> }[]
}
type ShowSaveFilePicker = (options?: SaveFilePickerOptions) => Promise<FileSystemFileHandle>

/**
 * `showSaveFilePicker` is not in TypeScript's DOM lib (WICG File System Access); feature-detect it.
 * A browser under automation (`navigator.webdriver`, e.g. Playwright) cannot answer the native save
 * dialog (headless Chromium rejects it at once with the same AbortError as a user's "Cancel").
 */
function saveFilePicker(target: Window): ShowSaveFilePicker | null {
  if (target.navigator.webdriver) return null
  const candidate = (target as Window & { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker
  return typeof candidate === 'function' ? candidate.bind(target) : null
}

/** Whether to offer "Save to…": only where a save dialog can be shown. */
export function canChooseSaveLocation(target: Window = window): boolean {
  return saveFilePicker(target) !== null
}

export type SaveTarget = { kind: 'sink'; sink: DownloadSink } | { kind: 'dismissed' }

export interface SaveTargetOptions {
  /** The user chose "Save to…": ask where. */
  saveAs?: boolean
  target?: Window
  /** The private files to stream into; default: the browser's OPFS, null where it has none. */
  privateFiles?: PrivateDownloadFiles | null
}

/**
 * Opens the sink for `fileName`. Call it straight from the click handler: the save dialog needs the user's
 * activation. `dismissed` means the user closed the save dialog (nothing to do).
 */
export async function openSaveTarget(
  fileName: string,
  mimeType: string,
  options: SaveTargetOptions = {},
): Promise<SaveTarget> {
  const target = options.target ?? window
  const picker = options.saveAs ? saveFilePicker(target) : null
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
      console.warn('The save dialog is unavailable here; downloading normally instead:', error)
    }
  }
  const privateFiles = options.privateFiles === undefined ? browserPrivateFiles(target) : options.privateFiles
  if (privateFiles) {
    try {
      return { kind: 'sink', sink: privateFileSink(await privateFiles.create(fileName), { fileName }) }
    } catch (error) {
      // Private storage refused (a private window, storage full): the in-memory download still works.
      console.warn('Browser storage unavailable; collecting the download in memory instead:', error)
    }
  }
  return { kind: 'sink', sink: blobDownloadSink({ fileName, mimeType }) }
}
