/**
 * Opening files as a data source: loaded with a dynamic import when the user opens or drops files, so DuckDB and
 * the engine worker never weigh on the first screen. The source's client answers the page's Graph requests from
 * the files (files-graph-client.ts); nothing is sent anywhere.
 */
import type { DataSource, OpenedFiles } from '../data-source/data-source.tsx'
import { startFileEngine, type FileEngine, type FileProgress } from './engine-client.ts'
import { createFilesGraphClient, type SignInQueries } from './files-graph-client.ts'
import type { FileReadSummary } from './read-file.ts'
import type { LogType } from './record-shape.ts'

export type { FileProgress } from './engine-client.ts'

let opened = 0

export interface OpenedFilesSource {
  source: DataSource
  close(): void
}

export interface OpenFilesOptions {
  onProgress?: (progress: FileProgress) => void
  logTypes?: ReadonlyMap<string, LogType>
  /**
   * The first batch's records as a source of their own, while the rest still loads: a snapshot (later batches
   * never change its pages or counts), replaced by the complete source openFiles resolves to.
   */
  onFirstRows?: (source: DataSource) => void
}

/** The engine's queries on the first `upTo` records stored, or on all of them. */
function queriesOf(engine: FileEngine, upTo?: number): SignInQueries {
  return {
    list: (filter, top, skip) => engine.list(filter, top, skip, upTo),
    summarize: (query) => engine.summarize({ ...query, upTo }),
    get: (signInId) => engine.get(signInId, upTo),
  }
}

function filesOf(
  engine: FileEngine,
  summaries: FileReadSummary[],
  span: OpenedFiles['span'],
  upTo?: number,
): OpenedFiles {
  return {
    summaries,
    span,
    async sourceOf(signInId) {
      const found = await engine.get(signInId, upTo)
      if (!found) return null
      const format = summaries.find((summary) => summary.file === found.file)?.format ?? null
      return { file: found.file, line: found.line, format }
    },
  }
}

export async function openFiles(
  files: readonly File[],
  options: OpenFilesOptions = {},
): Promise<OpenedFilesSource> {
  const engine: FileEngine = startFileEngine()
  const id = `files:${++opened}`
  const names = files.map((file) => file.name).join(', ')
  const label = files.length === 1 ? names : `${files.length} files`
  const { onFirstRows } = options
  let firstRows: Promise<void> | null = null
  const showFirstRows = async (upTo: number) => {
    const span = await engine.span(upTo)
    onFirstRows?.({
      id: `${id}:first-${upTo}`,
      kind: 'files',
      label,
      client: createFilesGraphClient(queriesOf(engine, upTo)),
      files: filesOf(engine, [], span, upTo),
    })
  }
  try {
    const summaries = await engine.open(
      files.map((file) => ({ file, logType: options.logTypes?.get(file.name) })),
      options.onProgress,
      (stored) => {
        if (onFirstRows && !firstRows) firstRows = showFirstRows(stored)
      },
    )
    // The first rows are shown before the complete source, never after it.
    await firstRows
    const span = await engine.span()
    return {
      source: {
        id,
        kind: 'files',
        label,
        client: createFilesGraphClient(queriesOf(engine)),
        files: filesOf(engine, summaries, span),
      },
      close: () => engine.terminate(),
    }
  } catch (error) {
    engine.terminate()
    throw error
  }
}
