/**
 * The page's handle on the file engine worker. Created only when the user opens files, so neither DuckDB nor the
 * worker is part of the first screen.
 */
import { abortedError } from '../graph/errors.ts'
import type { EngineRequest, EngineResponse, EngineResults, OpenFileRequest } from './engine-protocol.ts'
import type { ReadProgress } from './read-file.ts'
import type { SummaryQuery } from './sign-in-store.ts'

type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

export type FileProgress = ReadProgress & { file: string }

export interface FileEngine {
  open(
    files: OpenFileRequest[],
    onProgress?: (progress: FileProgress) => void,
    onStored?: (records: number) => void,
  ): Promise<EngineResults['open']>
  /** `upTo`: only the first records stored (sign-in-store.ts), a snapshot while files load. */
  list(
    filter: string | undefined,
    top: number,
    skip?: number,
    upTo?: number,
    signal?: AbortSignal,
  ): Promise<EngineResults['list']>
  count(filter?: string, upTo?: number): Promise<number>
  /** Aborting `signal` rejects at once and withdraws the request from the worker if it has not started. */
  summarize(query: SummaryQuery, signal?: AbortSignal): Promise<EngineResults['summarize']>
  get(signInId: string, upTo?: number): Promise<EngineResults['get']>
  span(upTo?: number): Promise<EngineResults['span']>
  /** Deletes the records' spill file (record-texts.ts), then stops the worker. */
  terminate(): void
}

/** How long the worker may take to delete its spill file before it is stopped anyway (the next open cleans up). */
const CLOSE_TIMEOUT_MS = 5000

/** What the client uses of the worker (a test gives a fake one). */
export type EngineWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>

export function startFileEngine(): FileEngine {
  return connectFileEngine(
    new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'file-engine' }),
  )
}

export function connectFileEngine(worker: EngineWorker): FileEngine {
  let nextId = 1
  const pending = new Map<
    number,
    {
      resolve: (value: unknown) => void
      reject: (error: Error) => void
      onProgress?: (p: FileProgress) => void
      onStored?: (records: number) => void
    }
  >()
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const message = event.data
    const waiting = pending.get(message.id)
    if (!waiting) return
    if ('progress' in message) return waiting.onProgress?.(message.progress)
    if ('stored' in message) return waiting.onStored?.(message.stored)
    pending.delete(message.id)
    if (message.ok) waiting.resolve(message.result)
    else waiting.reject(new Error(message.error))
  }
  worker.onerror = (event) => {
    const error = new Error(`The file engine stopped: ${event.message}`)
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  function send<T>(
    request: Request,
    onProgress?: (p: FileProgress) => void,
    onStored?: (records: number) => void,
    signal?: AbortSignal,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortedError())
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      const withdraw = () => {
        if (!pending.delete(id)) return
        worker.postMessage({ kind: 'withdraw', id } satisfies EngineRequest)
        reject(abortedError())
      }
      const settled = () => signal?.removeEventListener('abort', withdraw)
      pending.set(id, {
        resolve: (value) => {
          settled()
          resolve(value as T)
        },
        reject: (error) => {
          settled()
          reject(error)
        },
        onProgress,
        onStored,
      })
      signal?.addEventListener('abort', withdraw, { once: true })
      worker.postMessage({ ...request, id } as EngineRequest)
    })
  }
  return {
    open: (files, onProgress, onStored) => send({ kind: 'open', files }, onProgress, onStored),
    list: (filter, top, skip, upTo, signal) =>
      send({ kind: 'list', filter, top, skip, upTo }, undefined, undefined, signal),
    count: (filter, upTo) => send({ kind: 'count', filter, upTo }),
    summarize: (query, signal) => send({ kind: 'summarize', ...query }, undefined, undefined, signal),
    get: (signInId, upTo) => send({ kind: 'get', signInId, upTo }),
    span: (upTo) => send({ kind: 'span', upTo }),
    terminate: () => {
      const stop = () => worker.terminate()
      const timeout = setTimeout(stop, CLOSE_TIMEOUT_MS)
      send({ kind: 'close' })
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(timeout)
          stop()
        })
    },
  }
}
