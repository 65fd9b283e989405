/**
 * Opening files as a data source: loaded with a dynamic import when the user opens or drops files, so DuckDB and
 * the engine worker never weigh on the first screen. The source's client answers the page's Graph requests from
 * the files (files-graph-client.ts); nothing is sent anywhere.
 */
import type { DataSource } from '../data-source/data-source.tsx'
import { startFileEngine, type FileEngine, type FileProgress } from './engine-client.ts'
import { createFilesGraphClient } from './files-graph-client.ts'
import type { LogType } from './record-shape.ts'

export type { FileProgress } from './engine-client.ts'

let opened = 0

export interface OpenedFilesSource {
  source: DataSource
  close(): void
}

export async function openFiles(
  files: readonly File[],
  options: { onProgress?: (progress: FileProgress) => void; logTypes?: ReadonlyMap<string, LogType> } = {},
): Promise<OpenedFilesSource> {
  const engine: FileEngine = startFileEngine()
  try {
    const summaries = await engine.open(
      files.map((file) => ({ file, logType: options.logTypes?.get(file.name) })),
      options.onProgress,
    )
    const span = await engine.span()
    const client = createFilesGraphClient(engine)
    const names = files.map((file) => file.name).join(', ')
    return {
      source: {
        id: `files:${++opened}`,
        kind: 'files',
        label: files.length === 1 ? names : `${files.length} files`,
        client,
        files: {
          summaries,
          span,
          async sourceOf(signInId) {
            const found = await engine.get(signInId)
            if (!found) return null
            const format = summaries.find((summary) => summary.file === found.file)?.format ?? null
            return { file: found.file, line: found.line, format }
          },
        },
      },
      close: () => engine.terminate(),
    }
  } catch (error) {
    engine.terminate()
    throw error
  }
}
