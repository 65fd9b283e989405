/**
 * The export's file operations on the Origin Private File System, run inside a dedicated worker
 * (opfs-writer.worker.ts): there a `FileSystemSyncAccessHandle` writes in place and `flush()` makes each page
 * durable before its checkpoint. The main thread's `createWritable()` would instead copy the whole file to a swap
 * file on every open and show nothing until `close()`, which is quadratic for a file written page by page.
 *
 * Layout: `exports/<export id>/<file name>`.
 */

export type OpfsRequest =
  | { op: 'open'; exportId: string; name: string; offset: number }
  | { op: 'write'; exportId: string; name: string; bytes: Uint8Array }
  | { op: 'close'; exportId: string; name: string }
  | { op: 'remove'; exportId: string; name: string }
  | { op: 'remove-export'; exportId: string }

/** The part of FileSystemSyncAccessHandle the host uses. */
export interface SyncHandle {
  getSize(): number
  truncate(size: number): void
  write(buffer: Uint8Array, options?: { at?: number }): number
  flush(): void
  close(): void
}

export const EXPORTS_DIRECTORY = 'exports'

export async function exportDirectory(root: FileSystemDirectoryHandle, exportId: string) {
  const exports = await root.getDirectoryHandle(EXPORTS_DIRECTORY, { create: true })
  return exports.getDirectoryHandle(exportId, { create: true })
}

export function createOpfsHost(root: FileSystemDirectoryHandle) {
  const open = new Map<string, SyncHandle>()
  const key = (exportId: string, name: string) => `${exportId}/${name}`
  return async function handle(request: OpfsRequest): Promise<void> {
    switch (request.op) {
      case 'open': {
        const directory = await exportDirectory(root, request.exportId)
        const file = await directory.getFileHandle(request.name, { create: true })
        open.get(key(request.exportId, request.name))?.close()
        const sync = (await (
          file as FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle> }
        ).createSyncAccessHandle()) as SyncHandle
        const size = sync.getSize()
        if (size < request.offset) {
          sync.close()
          throw new Error(
            `${request.name} is shorter (${size} bytes) than its checkpoint (${request.offset} bytes)`,
          )
        }
        // Cut off a page written after the last checkpoint: it will be asked for again.
        sync.truncate(request.offset)
        sync.flush()
        open.set(key(request.exportId, request.name), sync)
        return
      }
      case 'write': {
        const sync = open.get(key(request.exportId, request.name))
        if (!sync) throw new Error(`${request.name} is not open`)
        let at = sync.getSize()
        for (let written = 0; written < request.bytes.byteLength;) {
          const wrote = sync.write(request.bytes.subarray(written), { at })
          written += wrote
          at += wrote
        }
        sync.flush()
        return
      }
      case 'close': {
        open.get(key(request.exportId, request.name))?.close()
        open.delete(key(request.exportId, request.name))
        return
      }
      case 'remove': {
        open.get(key(request.exportId, request.name))?.close()
        open.delete(key(request.exportId, request.name))
        const directory = await exportDirectory(root, request.exportId)
        await directory.removeEntry(request.name).catch((error: unknown) => {
          if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error
        })
        return
      }
      case 'remove-export': {
        for (const [name, sync] of open) {
          if (!name.startsWith(`${request.exportId}/`)) continue
          sync.close()
          open.delete(name)
        }
        const exports = await root.getDirectoryHandle(EXPORTS_DIRECTORY, { create: true })
        await exports.removeEntry(request.exportId, { recursive: true }).catch((error: unknown) => {
          if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error
        })
        return
      }
    }
  }
}
