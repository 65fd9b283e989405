/**
 * React binding of run-download.ts for the pane: one state per file, kept in the (always mounted)
 * DownloadPane rather than in the drawer body, so closing the pane does not stop a running download.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import type { GraphClient } from '../../../lib/graph/index.ts'
import type { RecordEncoder } from './encode-csv.ts'
import {
  cancelDownload,
  runDownload,
  type DownloadProgress,
  type DownloadRequest,
  type DownloadResult,
} from './run-download.ts'
import { openSaveTarget } from './save-target.ts'

export interface DownloadJob {
  fileId: string
  fileName: string
  client: Pick<GraphClient, 'iteratePages'>
  request: DownloadRequest
  accept?: (record: BetaSignIn) => boolean
  encoder: RecordEncoder
}

export type FileDownloadState =
  | { status: 'idle' }
  /** Opening the file: the browser's private storage, or the save dialog when the user chose "Save to…". */
  | { status: 'starting'; fileName: string; saveAs: boolean }
  | {
      status: 'active'
      fileName: string
      sinkKind: string
      progress: DownloadProgress
      /** Epoch ms when the current client wait ends (for the "resuming in N s" countdown). */
      waitEndsAt: number | null
    }
  | { status: 'finished'; fileName: string; sinkKind: string; result: DownloadResult }

export interface Downloads {
  stateOf(fileId: string): FileDownloadState
  /**
   * Call straight from the click: the save dialog ("Save to…", `saveAs`) needs the user's activation. Without
   * `saveAs` the file downloads normally, with no dialog.
   */
  start(job: DownloadJob, options?: { saveAs?: boolean }): void
  cancel(fileId: string, options: { keepPartial: boolean }): void
  /** Resume a paused download on the page that failed. */
  resume(fileId: string): void
}

const IDLE: FileDownloadState = { status: 'idle' }

export function useDownloads(): Downloads {
  const [states, setStates] = useState<Readonly<Record<string, FileDownloadState>>>({})
  const controllers = useRef(new Map<string, AbortController>())
  const resumers = useRef(new Map<string, (resume: boolean) => void>())

  const set = useCallback((fileId: string, next: FileDownloadState) => {
    setStates((current) => ({ ...current, [fileId]: next }))
  }, [])

  // Leaving the page stops every download and discards its partial file.
  useEffect(() => {
    const running = controllers.current
    return () => {
      for (const controller of running.values()) cancelDownload(controller, { keepPartial: false })
    }
  }, [])

  const start = useCallback(
    (job: DownloadJob, options: { saveAs?: boolean } = {}) => {
      if (controllers.current.has(job.fileId)) return
      const controller = new AbortController()
      controllers.current.set(job.fileId, controller)
      const saveAs = options.saveAs === true
      set(job.fileId, { status: 'starting', fileName: job.fileName, saveAs })
      const run = async () => {
        const target = await openSaveTarget(job.fileName, job.encoder.mimeType, { saveAs })
        if (target.kind === 'dismissed') {
          set(job.fileId, IDLE)
          return
        }
        const { sink } = target
        let lastWait: DownloadProgress['wait'] = null
        let waitEndsAt: number | null = null
        const result = await runDownload({
          client: job.client,
          request: job.request,
          accept: job.accept,
          encoder: job.encoder,
          sink,
          signal: controller.signal,
          onProgress: (progress) => {
            if (progress.wait !== lastWait) {
              lastWait = progress.wait
              waitEndsAt = progress.wait ? Date.now() + progress.wait.seconds * 1000 : null
            }
            set(job.fileId, {
              status: 'active',
              fileName: job.fileName,
              sinkKind: sink.kind,
              progress,
              waitEndsAt,
            })
          },
          onInterrupted: () => new Promise<boolean>((resolve) => resumers.current.set(job.fileId, resolve)),
        })
        set(job.fileId, { status: 'finished', fileName: job.fileName, sinkKind: sink.kind, result })
      }
      run()
        .catch((error: unknown) => {
          // runDownload reports its own failures as results; this is the sink failing to open or close.
          const failure = error instanceof Error ? error : new Error(String(error))
          set(job.fileId, {
            status: 'finished',
            fileName: job.fileName,
            sinkKind: 'none',
            result: {
              outcome: 'failed',
              recordsWritten: 0,
              recordsLeftOut: 0,
              leftOut: [],
              pagesFetched: 0,
              bytesWritten: 0,
              keptPartial: false,
              error: failure,
            },
          })
        })
        .finally(() => {
          controllers.current.delete(job.fileId)
          resumers.current.delete(job.fileId)
        })
    },
    [set],
  )

  const cancel = useCallback((fileId: string, options: { keepPartial: boolean }) => {
    const controller = controllers.current.get(fileId)
    if (controller) cancelDownload(controller, options)
  }, [])

  const resume = useCallback((fileId: string) => {
    const resolve = resumers.current.get(fileId)
    resumers.current.delete(fileId)
    resolve?.(true)
  }, [])

  const stateOf = useCallback((fileId: string) => states[fileId] ?? IDLE, [states])
  return { stateOf, start, cancel, resume }
}
