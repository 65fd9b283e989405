/**
 * A process death for tests: after `killAt` store operations (file writes, checkpoint saves, page requests)
 * every further operation hangs forever, as if the process had vanished. What was persisted stays in the
 * underlying stores for the next run.
 */
import type { GraphClient } from '../../../../../lib/graph/index.ts'
import type { CheckpointStore, ExportFileStore } from '../export-store.ts'

export function killable(
  underlying: { files: ExportFileStore; checkpoints: CheckpointStore; client: Pick<GraphClient, 'getPage'> },
  killAt: number,
) {
  let operations = 0
  const state = { killed: false }
  const never = new Promise<never>(() => {})
  const gate = async <T>(operation: () => Promise<T>): Promise<T> => {
    if (state.killed) return never
    operations += 1
    if (operations > killAt) {
      state.killed = true
      return never
    }
    return operation()
  }
  const files: ExportFileStore = {
    async openAt(name, offset) {
      const writer = await gate(() => underlying.files.openAt(name, offset))
      return { write: (chunk) => gate(() => writer.write(chunk)), close: () => gate(() => writer.close()) }
    },
    read: (name) => underlying.files.read(name),
    size: (name) => gate(() => underlying.files.size(name)),
    remove: (name) => gate(() => underlying.files.remove(name)),
  }
  const checkpoints: CheckpointStore = {
    load: (id) => gate(() => underlying.checkpoints.load(id)),
    save: (checkpoint) => gate(() => underlying.checkpoints.save(checkpoint)),
    remove: (id) => gate(() => underlying.checkpoints.remove(id)),
    list: () => gate(() => underlying.checkpoints.list()),
  }
  const client: Pick<GraphClient, 'getPage'> = {
    getPage: (url, options) => gate(() => underlying.client.getPage(url, options)),
  }
  return { files, checkpoints, client, state }
}
