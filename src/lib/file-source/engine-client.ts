/**
 * The page's handle on the file engine worker. Created only when the user opens files, so neither DuckDB nor the
 * worker is part of the first screen.
 */
import type { EngineRequest, EngineResponse, EngineResults, OpenFileRequest } from './engine-protocol.ts'
import type { ReadProgress } from './read-file.ts'
import type { SummaryQuery } from './sign-in-store.ts'

type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

export type FileProgress = ReadProgress & { file: string }

export interface FileEngine {
  open(
    files: OpenFileRequest[],
    onProgress?: (progress: FileProgress) => void,
  ): Promise<EngineResults['open']>
  list(filter: string | undefined, top: number, skip?: number): Promise<EngineResults['list']>
  count(filter?: string): Promise<number>
  summarize(query: SummaryQuery): Promise<EngineResults['summarize']>
  get(signInId: string): Promise<EngineResults['get']>
  span(): Promise<EngineResults['span']>
  terminate(): void
}

export function startFileEngine(): FileEngine {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'file-engine',
  })
  let nextId = 1
  const pending = new Map<
    number,
    {
      resolve: (value: unknown) => void
      reject: (error: Error) => void
      onProgress?: (p: FileProgress) => void
    }
  >()
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const message = event.data
    const waiting = pending.get(message.id)
    if (!waiting) return
    if ('progress' in message) return waiting.onProgress?.(message.progress)
    pending.delete(message.id)
    if (message.ok) waiting.resolve(message.result)
    else waiting.reject(new Error(message.error))
  }
  worker.onerror = (event) => {
    const error = new Error(`The file engine stopped: ${event.message}`)
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  function send<T>(request: Request, onProgress?: (p: FileProgress) => void): Promise<T> {
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress })
      worker.postMessage({ ...request, id } as EngineRequest)
    })
  }
  return {
    open: (files, onProgress) => send({ kind: 'open', files }, onProgress),
    list: (filter, top, skip) => send({ kind: 'list', filter, top, skip }),
    count: (filter) => send({ kind: 'count', filter }),
    summarize: (query) => send({ kind: 'summarize', ...query }),
    get: (signInId) => send({ kind: 'get', signInId }),
    span: () => send({ kind: 'span' }),
    terminate: () => worker.terminate(),
  }
}
