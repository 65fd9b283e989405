/**
 * Starts the fake Graph in the browser (service worker). Only src/app imports this, dynamically, in mock mode,
 * so production bundles contain no msw.
 */
import { setupWorker } from 'msw/browser'
import { createTenant, type TenantSize } from './tenant/index.ts'
import { createGraphHandlers } from './handlers.ts'
import { createScenarioState, type ScenarioName, type ScenarioState } from './scenarios.ts'

export interface StartMockGraphOptions {
  seed?: number
  /** The tenant's "now"; default: the real current time, so relative date ranges in the UI find data. */
  now?: Date
  /** Default 'default' (the full-size tenant, >= 1,000,000 sign-ins over 30 days). */
  size?: TenantSize
  scenario?: ScenarioName
}

export interface RunningMockGraph {
  scenarios: ScenarioState
  /** Stop answering (the app switched to a real Graph, which the worker would otherwise shadow). */
  stop(): void
  /** Answer again with the same tenant and scenario state, so the scenario picker keeps working. */
  resume(): Promise<void>
}

export async function startMockGraph(opts: StartMockGraphOptions = {}): Promise<RunningMockGraph> {
  const tenant = createTenant({
    seed: opts.seed ?? 42,
    now: opts.now ?? new Date(),
    size: opts.size ?? 'default',
  })
  const scenarios = createScenarioState(opts.scenario ?? 'none')
  const worker = setupWorker(...createGraphHandlers({ tenant, scenarios }))
  const start = async () => {
    await worker.start({
      // Only Graph URLs are handled; the app's own requests go to the network untouched.
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    })
  }
  await start()
  return { scenarios, stop: () => worker.stop(), resume: start }
}
