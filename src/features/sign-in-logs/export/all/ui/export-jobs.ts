/**
 * The "Export all sign-ins" jobs of this tab (issue #13), outside React: the drawer can close while a job runs and
 * open again on its live progress. Pausing aborts the run (the checkpoint stays); resuming runs the engine again
 * from the checkpoint, in this tab or after a reload; cancelling aborts and deletes the files and the checkpoint.
 */
import type { GraphClient } from '../../../../../lib/graph/index.ts'
import { initialCheckpoint, type ExportCheckpoint } from '../checkpoint.ts'
import type { ExportPlan } from '../export-plan.ts'
import type { CheckpointStore, ExportFileStore } from '../export-store.ts'
import type { ExportManifest } from '../manifest.ts'
import { runExport, type ExportProgress } from '../run-export.ts'

/** Where exports live: OPFS + IndexedDB in the browser, memory in tests. */
export interface ExportStorage {
  checkpoints: CheckpointStore
  filesOf(exportId: string): ExportFileStore
  /** Removes the export's whole folder, partial files included. */
  removeFiles(exportId: string): Promise<void>
  /** The stored file, for "Save" (null when missing). */
  file(exportId: string, name: string): Promise<Blob | null>
  /** Asked when a job starts, so the browser does not evict half an export. */
  requestPersistence(): Promise<boolean>
  estimate(): Promise<{ usageBytes: number | null; quotaBytes: number | null; persisted: boolean }>
}

export interface ExportJobView {
  exportId: string
  checkpoint: ExportCheckpoint
  /** Live figures of the run in this tab; null when not running here. */
  progress: ExportProgress | null
  running: boolean
  manifest: ExportManifest | null
}

export interface ExportJobs {
  subscribe(listener: () => void): () => void
  snapshot(): readonly ExportJobView[]
  /** Reads the stored exports (after a reload). */
  refresh(): Promise<void>
  start(plan: ExportPlan): Promise<void>
  pause(exportId: string): void
  resume(exportId: string): Promise<void>
  cancel(exportId: string): Promise<void>
  /** Last thing that happened, for the live region. */
  announcement(): string
}

export function createExportJobs(options: {
  client: Pick<GraphClient, 'getPage'>
  storage: ExportStorage
  now: () => Date
}): ExportJobs {
  const { client, storage, now } = options
  const listeners = new Set<() => void>()
  const runs = new Map<string, { controller: AbortController; finished: Promise<void> }>()
  const cancelling = new Set<string>()
  const live = new Map<string, ExportProgress>()
  const manifests = new Map<string, ExportManifest>()
  let stored: ExportCheckpoint[] = []
  let view: readonly ExportJobView[] = []
  let message = ''

  const publish = () => {
    view = stored.map((checkpoint) => ({
      exportId: checkpoint.plan.id,
      checkpoint,
      progress: live.get(checkpoint.plan.id) ?? null,
      running: runs.has(checkpoint.plan.id),
      manifest: manifests.get(checkpoint.plan.id) ?? null,
    }))
    for (const listener of listeners) listener()
  }
  const reload = async () => {
    stored = await storage.checkpoints.list()
    await Promise.all(
      stored
        .filter((checkpoint) => checkpoint.status === 'done' && !manifests.has(checkpoint.plan.id))
        .map(async (checkpoint) => {
          const blob = await storage.file(checkpoint.plan.id, 'manifest.json')
          if (blob) manifests.set(checkpoint.plan.id, JSON.parse(await blob.text()) as ExportManifest)
        }),
    )
    publish()
  }
  const say = (text: string) => {
    message = text
    publish()
  }

  function run(exportId: string, plan?: ExportPlan): Promise<void> {
    if (runs.has(exportId)) return runs.get(exportId)!.finished
    const controller = new AbortController()
    const finished = runOnce(exportId, controller, plan).finally(() => runs.delete(exportId))
    runs.set(exportId, { controller, finished })
    return finished
  }

  async function runOnce(exportId: string, controller: AbortController, plan?: ExportPlan) {
    void storage.requestPersistence().catch(() => false)
    // Saved before the first request, so the list shows the new job (with Pause and Cancel) at once.
    if (plan && !(await storage.checkpoints.load(exportId)))
      await storage.checkpoints.save(initialCheckpoint(plan, now()))
    await reload()
    const outcome = await runExport({
      client,
      files: storage.filesOf(exportId),
      checkpoints: storage.checkpoints,
      ...(plan ? { plan } : { exportId }),
      signal: controller.signal,
      now,
      onProgress: (progress) => {
        live.set(exportId, progress)
        publish()
      },
    })
    live.delete(exportId)
    if (outcome.kind === 'done') manifests.set(exportId, outcome.manifest)
    if (cancelling.has(exportId)) return
    await reload()
    const text = {
      done: 'Export finished.',
      paused: 'Export paused.',
      interrupted: `Export paused: ${outcome.kind === 'interrupted' ? outcome.error.userMessage : ''} Resume when ready.`,
      failed: `Export failed: ${outcome.kind === 'failed' ? outcome.error.message : ''}`,
    }[outcome.kind]
    say(text)
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    snapshot: () => view,
    refresh: reload,
    async start(plan) {
      say('Export started.')
      await run(plan.id, plan)
    },
    pause(exportId) {
      runs.get(exportId)?.controller.abort()
    },
    async resume(exportId) {
      say('Export resumed.')
      await run(exportId)
    },
    async cancel(exportId) {
      cancelling.add(exportId)
      const current = runs.get(exportId)
      current?.controller.abort()
      // The run lets go of its files before they are deleted.
      await current?.finished
      await storage.removeFiles(exportId)
      await storage.checkpoints.remove(exportId)
      manifests.delete(exportId)
      cancelling.delete(exportId)
      await reload()
      say('Export cancelled and its files deleted.')
    },
    announcement: () => message,
  }
}
