/**
 * Export checkpoints in IndexedDB (issue #13): one record per export, keyed by its id, written after every page.
 * IndexedDB commits a readwrite transaction atomically, so a tab closed mid-save keeps the previous checkpoint.
 */
import type { ExportCheckpoint } from '../checkpoint.ts'
import type { CheckpointStore } from '../export-store.ts'

const DATABASE = 'sign-in-log-exports'
const STORE = 'checkpoints'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DATABASE, 1)
  open.onupgradeneeded = () => {
    open.result.createObjectStore(STORE, { keyPath: 'plan.id' })
  }
  return request(open)
}

export function indexedDbCheckpointStore(factory: IDBFactory = indexedDB): CheckpointStore {
  let database: Promise<IDBDatabase> | null = null
  const run = async <T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>) => {
    database ??= openDatabase(factory)
    const transaction = (await database).transaction(STORE, mode)
    const result = request(operation(transaction.objectStore(STORE)))
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve()
      transaction.onabort = transaction.onerror = () =>
        reject(transaction.error ?? new Error('IndexedDB transaction failed'))
    })
    const [value] = await Promise.all([result, committed])
    return value
  }
  return {
    async load(id) {
      return ((await run('readonly', (store) => store.get(id))) as ExportCheckpoint | undefined) ?? null
    },
    async save(checkpoint) {
      await run('readwrite', (store) => store.put(checkpoint))
    },
    async remove(id) {
      await run('readwrite', (store) => store.delete(id))
    },
    async list() {
      const all = (await run('readonly', (store) => store.getAll())) as ExportCheckpoint[]
      return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },
  }
}
