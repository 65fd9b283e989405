/**
 * Starts the fake Graph's engine worker (mocks/engine-worker.ts) and tells it which tenant to build. Tiny and
 * free of msw, so the app can call it first thing (src/app/main.tsx): the worker's script downloads and the
 * tenant is built while the app's own chunks and msw's client are still loading (issue #16, start-up).
 */
import type { EngineStart } from './engine-protocol.ts'
import type { ScenarioName } from './scenarios.ts'
import type { TenantSize } from './tenant/volume.ts'

export interface MockEngineOptions {
  seed?: number
  /** The tenant's "now"; default: the real current time, so relative date ranges in the UI find data. */
  now?: Date
  /** Default 'default' (the full-size tenant, >= 1,000,000 sign-ins over 30 days). */
  size?: TenantSize
  scenario?: ScenarioName
}

export interface MockEngine {
  worker: Worker
  scenario: ScenarioName
}

export function startMockEngine(opts: MockEngineOptions = {}): MockEngine {
  const worker = new Worker(new URL('./engine-worker.ts', import.meta.url), {
    type: 'module',
    name: 'mock-graph',
  })
  const scenario = opts.scenario ?? 'none'
  // Posted before any request, so the worker builds the tenant first; messages keep their order.
  worker.postMessage({
    type: 'start',
    seed: opts.seed ?? 42,
    now: (opts.now ?? new Date()).getTime(),
    size: opts.size ?? 'default',
    scenario,
  } satisfies EngineStart)
  return { worker, scenario }
}
