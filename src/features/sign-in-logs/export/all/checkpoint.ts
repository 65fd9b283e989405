/**
 * The state an export resumes from, saved after every page (issue #13): per type the URL to ask next, the last
 * `createdDateTime` written and the ids written at that instant, and per file its bytes and counts so far.
 */
import type { TabId } from '../../model/tabs.ts'
import type { ExportPlan } from './export-plan.ts'

export interface FileProgress {
  name: string
  bytes: number
  records: number
  firstCreatedDateTime: string | null
  lastCreatedDateTime: string | null
}

export interface TypeCheckpoint {
  type: TabId
  done: boolean
  /** The page to ask for next; null before the first page and after a refused nextLink (see `restartBefore`). */
  nextLink: string | null
  /** Set once a nextLink was refused: ask again for `createdDateTime le` this instant. */
  restartBefore: string | null
  lastCreatedDateTime: string | null
  /** Ids written with `createdDateTime` equal to `lastCreatedDateTime`: the boundary a restart deduplicates. */
  boundaryIds: string[]
  records: number
  pages: number
  restarts: number
  files: FileProgress[]
}

export type ExportStatus = 'running' | 'paused' | 'done' | 'failed'

export interface ExportCheckpoint {
  version: 1
  plan: ExportPlan
  status: ExportStatus
  createdAt: string
  updatedAt: string
  types: TypeCheckpoint[]
  error: string | null
}

export function initialCheckpoint(plan: ExportPlan, now: Date): ExportCheckpoint {
  return {
    version: 1,
    plan,
    status: 'running',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    error: null,
    types: plan.types.map(({ type }) => ({
      type,
      done: false,
      nextLink: null,
      restartBefore: null,
      lastCreatedDateTime: null,
      boundaryIds: [],
      records: 0,
      pages: 0,
      restarts: 0,
      files: plan.files
        .filter((file) => file.type === type)
        .map((file) => ({
          name: file.name,
          bytes: 0,
          records: 0,
          firstCreatedDateTime: null,
          lastCreatedDateTime: null,
        })),
    })),
  }
}
