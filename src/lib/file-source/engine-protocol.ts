/** Messages between the page and the file engine's worker (engine.worker.ts). */
import type { FileReadSummary, ReadProgress } from './read-file.ts'
import type { LogType } from './record-shape.ts'
import type { StoredSignIn, StoredSummary, SummaryQuery } from './sign-in-store.ts'

export interface OpenFileRequest {
  file: File
  logType?: LogType
}

export type EngineRequest =
  | { id: number; kind: 'open'; files: OpenFileRequest[] }
  | { id: number; kind: 'list'; filter?: string; top: number; skip?: number; upTo?: number }
  | { id: number; kind: 'count'; filter?: string; upTo?: number }
  | ({ id: number; kind: 'summarize' } & SummaryQuery)
  | { id: number; kind: 'get'; signInId: string; upTo?: number }
  | { id: number; kind: 'span'; upTo?: number }
  /** Before the worker is terminated: deletes the records' spill file, which outlives the worker. */
  | { id: number; kind: 'close' }
  /** The page no longer wants the answer to request `id`: if it is still waiting, it never runs. Not answered. */
  | { id: number; kind: 'withdraw' }

export interface EngineResults {
  open: FileReadSummary[]
  list: StoredSignIn[]
  count: number
  summarize: StoredSummary[]
  get: StoredSignIn | null
  span: { oldest: string; newest: string } | null
  close: undefined
}

export type EngineResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: ReadProgress & { file: string } }
  /** An open's records stored so far, after each batch: the page can query them while the rest loads. */
  | { id: number; stored: number }
