/**
 * The export's stores on disk for the CLI: files in the output folder, the checkpoint in a JSON file beside
 * them (written to a temporary name and renamed, so a kill mid-write leaves the previous checkpoint whole).
 */
import { createReadStream } from 'node:fs'
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ExportCheckpoint } from '../../features/sign-in-logs/export/all/checkpoint.ts'
import type {
  CheckpointStore,
  ExportFileStore,
  ExportFileWriter,
} from '../../features/sign-in-logs/export/all/export-store.ts'

export const CHECKPOINT_FILE_NAME = '.export-checkpoint.json'

export function nodeFileStore(folder: string): ExportFileStore {
  return {
    async openAt(name, offset): Promise<ExportFileWriter> {
      await mkdir(folder, { recursive: true })
      const handle = await open(join(folder, name), 'a+')
      const { size } = await handle.stat()
      if (size < offset) {
        await handle.close()
        throw new Error(`${name} is shorter (${size} bytes) than its checkpoint (${offset} bytes)`)
      }
      await handle.truncate(offset)
      return {
        async write(chunk) {
          await handle.write(chunk)
          // Durable before the checkpoint that counts these bytes is written.
          await handle.datasync()
        },
        close: () => handle.close(),
      }
    },
    async *read(name) {
      for await (const chunk of createReadStream(join(folder, name), { highWaterMark: 1 << 20 })) {
        const buffer = chunk as Buffer
        // A plain Uint8Array view, not a Buffer: hashing libraries check the exact type.
        yield new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      }
    },
    async size(name) {
      try {
        return (await stat(join(folder, name))).size
      } catch {
        return null
      }
    },
    async remove(name) {
      await rm(join(folder, name), { force: true })
    },
  }
}

/** One export per output folder: its checkpoint file. */
export function nodeCheckpointStore(folder: string): CheckpointStore {
  const path = join(folder, CHECKPOINT_FILE_NAME)
  const read = async (): Promise<ExportCheckpoint | null> => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as ExportCheckpoint
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new Error(`The checkpoint ${path} cannot be read: ${(error as Error).message}`, { cause: error })
    }
  }
  return {
    async load(id) {
      const checkpoint = await read()
      return checkpoint?.plan.id === id ? checkpoint : null
    },
    async save(checkpoint) {
      await mkdir(folder, { recursive: true })
      const temporary = `${path}.tmp`
      await writeFile(temporary, JSON.stringify(checkpoint))
      await rename(temporary, path)
    },
    async remove() {
      await rm(path, { force: true })
    },
    async list() {
      const checkpoint = await read()
      return checkpoint ? [checkpoint] : []
    },
  }
}
