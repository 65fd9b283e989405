/**
 * "Open files…" (issue #14): exported sign-in logs, chosen in the file picker or dropped anywhere on the page,
 * become the data source. The engine (DuckDB-WASM in a worker) is imported only then, never on the first screen.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { DataSource } from '../../lib/data-source/data-source.tsx'
import type { FileProgress, OpenedFilesSource } from '../../lib/file-source/open-files.ts'
import type { LogType } from '../../lib/file-source/record-shape.ts'
import { FileLogTypes, FilesError, FilesProgress, FilesSummary } from './components/FilesStatus.tsx'

export interface FilesSourceState {
  source: DataSource | null
  /** Opens the browser's file picker. */
  choose: () => void
  /** Back to another source: the engine and its data are dropped. */
  close: () => void
  /** The hidden file input, progress, summary and problems, for the header. */
  view: ReactNode
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

export function useFilesSource(): FilesSourceState {
  const inputRef = useRef<HTMLInputElement>(null)
  const openedRef = useRef<OpenedFilesSource | null>(null)
  const [opened, setOpened] = useState<OpenedFilesSource | null>(null)
  /**
   * The records of files still loading, stored so far: shown in place of what was open, growing as batches are
   * stored, until the whole files are in (the same source id throughout, so the page refreshes in place).
   */
  const [loaded, setLoaded] = useState<DataSource | null>(null)
  /** The latest open: an earlier one still loading must not show its rows over it. */
  const attemptRef = useRef(0)
  const [opening, setOpening] = useState(false)
  const [progress, setProgress] = useState<FileProgress | null>(null)
  const [error, setError] = useState<string | null>(null)

  const replace = useCallback((next: OpenedFilesSource | null) => {
    openedRef.current?.close()
    openedRef.current = next
    setOpened(next)
  }, [])

  const [chosen, setChosen] = useState<{ files: File[]; logTypes: Map<string, LogType> } | null>(null)

  const open = useCallback(
    async (files: File[], logTypes = new Map<string, LogType>()) => {
      if (files.length === 0) return
      setOpening(true)
      setProgress(null)
      setError(null)
      setChosen({ files, logTypes })
      setLoaded(null)
      const attempt = ++attemptRef.current
      // Only the latest open speaks: an earlier one still loading must not show its rows, progress or failure
      // over it, nor replace it when it ends later; it is closed instead (its engine and spill file go).
      const isLatest = () => attempt === attemptRef.current
      const onSnapshot = (source: DataSource) => {
        if (isLatest()) setLoaded(source)
      }
      const onProgress = (next: FileProgress) => {
        if (isLatest()) setProgress(next)
      }
      try {
        const { openFiles } = await import('../../lib/file-source/open-files.ts')
        const result = await openFiles(files, { onProgress, logTypes, onSnapshot })
        if (isLatest()) replace(result)
        else result.close()
      } catch (cause) {
        if (isLatest()) setError(cause instanceof Error ? cause.message : String(cause))
      } finally {
        if (isLatest()) {
          setLoaded(null)
          setOpening(false)
        }
      }
    },
    [replace],
  )

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      void open(Array.from(event.dataTransfer?.files ?? []))
    }
    document.addEventListener('dragover', over)
    document.addEventListener('drop', drop)
    return () => {
      document.removeEventListener('dragover', over)
      document.removeEventListener('drop', drop)
    }
  }, [open])

  useEffect(() => () => openedRef.current?.close(), [])

  const view = (
    <>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        aria-label="Sign-in log files"
        accept=".json,.ndjson,.jsonl,.csv,.gz,application/json,text/csv,application/gzip"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? [])
          event.currentTarget.value = ''
          void open(files)
        }}
      />
      {opening && <FilesProgress progress={progress} showing={loaded !== null} />}
      {error && <FilesError message={error} />}
      {!opening && opened?.source.files && (
        <>
          <FilesSummary files={opened.source.files} />
          <FileLogTypes
            summaries={opened.source.files.summaries}
            onChange={(file, logType) => {
              if (chosen) void open(chosen.files, new Map(chosen.logTypes).set(file, logType))
            }}
          />
        </>
      )}
    </>
  )

  return {
    source: loaded ?? opened?.source ?? null,
    choose: () => inputRef.current?.click(),
    close: () => {
      // An open still loading is dropped too: when it ends it is closed, not shown (see `open`).
      attemptRef.current += 1
      replace(null)
      setLoaded(null)
      setOpening(false)
      setProgress(null)
      setError(null)
    },
    view,
  }
}
