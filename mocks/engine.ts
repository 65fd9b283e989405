/**
 * The fake Graph's engine worker (mocks/engine-worker.ts), from the page's side. Tiny and free of msw, so the
 * app's first script can create it before anything else loads (src/app/main.tsx, issue #16): the worker's script
 * downloads and compiles while the app's own chunk and msw's client are still loading. The tenant's settings come
 * later, once the app has read its environment (`start`); requests posted meanwhile wait in the worker.
 */
import type { EngineAnswer, EngineStart } from './engine-protocol.ts'
import type { TenantSize } from './tenant/volume.ts'

export interface MockEngineOptions {
  seed?: number
  /** The tenant's "now"; default: the real current time, so relative date ranges in the UI find data. */
  now?: Date
  /** Default 'default' (the full-size tenant, >= 1,000,000 sign-ins over 30 days). */
  size?: TenantSize
}

export interface MockEngine {
  worker: Worker
  /** Tells the worker which tenant to build (once; messages keep their order, so it comes before any request). */
  start(opts?: MockEngineOptions): void
}

export function createMockEngine(): MockEngine {
  const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), {
    type: 'module',
    name: 'mock-graph',
  })
  performance.mark('mock-engine:worker-created')
  // Listening from the start: a message that reaches a Worker without a listener is lost.
  worker.addEventListener('message', (event: MessageEvent<EngineAnswer>) => {
    if (event.data.type !== 'started') return
    const at = (epoch: number) => ({ startTime: epoch - performance.timeOrigin })
    performance.mark('mock-engine:script-evaluated', at(event.data.evaluatedAt))
    performance.mark('mock-engine:tenant-built', at(event.data.builtAt))
  })
  let started = false
  return {
    worker,
    start(opts = {}) {
      if (started) throw new Error('the mock engine was already started')
      started = true
      worker.postMessage({
        type: 'start',
        seed: opts.seed ?? 42,
        now: (opts.now ?? new Date()).getTime(),
        size: opts.size ?? 'default',
      } satisfies EngineStart)
    },
  }
}
