/**
 * Where an export keeps its files and its checkpoint. The engine (run-export.ts) knows only these interfaces;
 * the browser stores files in the Origin Private File System and checkpoints in IndexedDB (browser-store.ts),
 * the CLI in a folder with a checkpoint file beside the output (scripts/export), tests in memory.
 *
 * The checkpoint is the truth: a page written to a file but not yet checkpointed (the tab died in between) is
 * cut off on resume by `openAt(name, checkpointedBytes)`, so it is neither lost (it is asked for again) nor
 * written twice.
 */
import type { ExportCheckpoint } from './checkpoint.ts'

export interface ExportFileWriter {
  /** Appends; durable once the returned promise settles. */
  write(chunk: Uint8Array): Promise<void>
  close(): Promise<void>
}

export interface ExportFileStore {
  /** Opens `name` for appending at byte `offset`, dropping whatever lies past it (created when missing). */
  openAt(name: string, offset: number): Promise<ExportFileWriter>
  /** The file's bytes in chunks (hashing, saving). */
  read(name: string): AsyncIterable<Uint8Array>
  size(name: string): Promise<number | null>
  remove(name: string): Promise<void>
}

export interface CheckpointStore {
  load(exportId: string): Promise<ExportCheckpoint | null>
  save(checkpoint: ExportCheckpoint): Promise<void>
  remove(exportId: string): Promise<void>
  list(): Promise<ExportCheckpoint[]>
}

/** Files and checkpoints in memory: tests and benchmarks. Bytes written past a checkpoint stay until cut off. */
export function memoryExportStore(): {
  files: ExportFileStore & { text(name: string): string; names(): string[] }
  checkpoints: CheckpointStore
} {
  const data = new Map<string, Uint8Array[]>()
  const saved = new Map<string, string>()
  const concat = (chunks: Uint8Array[]) => {
    const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))
    let offset = 0
    for (const chunk of chunks) {
      out.set(chunk, offset)
      offset += chunk.byteLength
    }
    return out
  }
  const files = {
    async openAt(name: string, offset: number): Promise<ExportFileWriter> {
      const existing = concat(data.get(name) ?? [])
      if (existing.byteLength < offset) throw new Error(`${name} is shorter than its checkpoint`)
      data.set(name, [existing.slice(0, offset)])
      return {
        async write(chunk) {
          data.get(name)?.push(chunk.slice())
        },
        async close() {},
      }
    },
    async *read(name: string) {
      yield concat(data.get(name) ?? [])
    },
    async size(name: string) {
      const chunks = data.get(name)
      return chunks ? concat(chunks).byteLength : null
    },
    async remove(name: string) {
      data.delete(name)
    },
    text: (name: string) => new TextDecoder().decode(concat(data.get(name) ?? [])),
    names: () => [...data.keys()],
  }
  const checkpoints: CheckpointStore = {
    async load(id) {
      const json = saved.get(id)
      return json === undefined ? null : (JSON.parse(json) as ExportCheckpoint)
    },
    async save(checkpoint) {
      // A copy, as IndexedDB and a file would keep: later changes to the object do not leak in.
      saved.set(checkpoint.plan.id, JSON.stringify(checkpoint))
    },
    async remove(id) {
      saved.delete(id)
    },
    async list() {
      return [...saved.values()].map((json) => JSON.parse(json) as ExportCheckpoint)
    },
  }
  return { files, checkpoints }
}
