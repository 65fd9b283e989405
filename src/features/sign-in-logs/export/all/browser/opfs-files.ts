/**
 * The browser's ExportFileStore: pages go to the Origin Private File System through a worker (opfs-host.ts), so
 * nothing is held in memory and no picker is needed; reads (hashing, Save) come straight from the stored File,
 * which is disk-backed.
 */
import type { ExportFileStore, ExportFileWriter } from '../export-store.ts'
import { EXPORTS_DIRECTORY, type OpfsRequest } from './opfs-host.ts'

export interface OpfsChannel {
  send(request: OpfsRequest, transfer?: Transferable[]): Promise<void>
}

/**
 * One worker for the page: every export's files go through it. A worker that cannot start (blocked, failed to
 * load) rejects what is pending and everything after, so callers fail with a message instead of waiting forever.
 */
export function opfsWorkerChannel(
  worker: Pick<Worker, 'postMessage' | 'onmessage' | 'onerror'>,
): OpfsChannel {
  let nextId = 0
  let broken: Error | null = null
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()
  worker.onmessage = (event: MessageEvent<{ id: number; ok: boolean; message?: string }>) => {
    const waiter = pending.get(event.data.id)
    pending.delete(event.data.id)
    if (event.data.ok) waiter?.resolve()
    else waiter?.reject(new Error(event.data.message ?? 'The export file could not be written'))
  }
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault()
    broken = new Error(`The browser storage worker stopped: ${event.message || 'it could not start'}`)
    for (const waiter of pending.values()) waiter.reject(broken)
    pending.clear()
  }
  return {
    send(request, transfer = []) {
      if (broken) return Promise.reject(broken)
      const id = nextId++
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, request }, transfer)
      })
    },
  }
}

let sharedChannel: OpfsChannel | null = null
export function defaultOpfsChannel(): OpfsChannel {
  sharedChannel ??= opfsWorkerChannel(
    new Worker(new URL('./opfs-writer.worker.ts', import.meta.url), { type: 'module', name: 'export-files' }),
  )
  return sharedChannel
}

async function exportFolder(exportId: string): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage.getDirectory()
    const exports = await root.getDirectoryHandle(EXPORTS_DIRECTORY)
    return await exports.getDirectoryHandle(exportId)
  } catch {
    return null
  }
}

/** The stored file, or null when it does not exist (deleted, or never written). */
export async function storedFile(exportId: string, name: string): Promise<File | null> {
  const folder = await exportFolder(exportId)
  if (!folder) return null
  try {
    return await (await folder.getFileHandle(name)).getFile()
  } catch {
    return null
  }
}

export function opfsExportFileStore(
  exportId: string,
  channel: OpfsChannel = defaultOpfsChannel(),
): ExportFileStore {
  return {
    async openAt(name, offset): Promise<ExportFileWriter> {
      await channel.send({ op: 'open', exportId, name, offset })
      return {
        write: (bytes) => channel.send({ op: 'write', exportId, name, bytes }),
        close: () => channel.send({ op: 'close', exportId, name }),
      }
    },
    async *read(name) {
      const file = await storedFile(exportId, name)
      if (!file) return
      const reader = file.stream().getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        yield value
      }
    },
    async size(name) {
      return (await storedFile(exportId, name))?.size ?? null
    },
    remove: (name) => channel.send({ op: 'remove', exportId, name }),
  }
}

/** Removes an export's whole folder (cancel, Delete). */
export function removeExportFolder(
  exportId: string,
  channel: OpfsChannel = defaultOpfsChannel(),
): Promise<void> {
  return channel.send({ op: 'remove-export', exportId })
}

export interface ExportStorageInfo {
  usageBytes: number | null
  quotaBytes: number | null
  persisted: boolean
}

/** navigator.storage.estimate() and whether the browser will keep the exports under storage pressure. */
export async function exportStorageInfo(
  storage: StorageManager = navigator.storage,
): Promise<ExportStorageInfo> {
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted()])
  return { usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null, persisted }
}

/** Asks once for persistent storage, so the browser does not evict half an export under storage pressure. */
export async function requestPersistentStorage(
  storage: StorageManager = navigator.storage,
): Promise<boolean> {
  return (await storage.persisted()) || (await storage.persist())
}
