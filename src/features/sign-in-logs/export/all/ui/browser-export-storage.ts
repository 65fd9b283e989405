/** The browser's ExportStorage: files in the Origin Private File System (via the worker), checkpoints in IndexedDB. */
import { indexedDbCheckpointStore } from '../browser/idb-checkpoints.ts'
import {
  exportStorageInfo,
  opfsExportFileStore,
  removeExportFolder,
  requestPersistentStorage,
  storedFile,
} from '../browser/opfs-files.ts'
import type { ExportStorage } from './export-jobs.ts'

export function browserExportStorage(): ExportStorage {
  return {
    checkpoints: indexedDbCheckpointStore(),
    filesOf: (exportId) => opfsExportFileStore(exportId),
    removeFiles: (exportId) => removeExportFolder(exportId),
    file: (exportId, name) => storedFile(exportId, name),
    requestPersistence: () => requestPersistentStorage(),
    estimate: () => exportStorageInfo(),
  }
}
