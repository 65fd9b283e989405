/**
 * What the engine worker does with each message (mocks/engine-worker.ts is only its glue to the worker's
 * `self`): builds the tenant on `start`, follows scenario changes, and answers requests with the fake Graph.
 * The page creates the worker before it knows the tenant's settings (issue #16: its script loads meanwhile), so
 * requests and scenario changes that arrive before `start` wait for it instead of failing.
 */
import type { EngineAnswer, ToEngine } from './engine-protocol.ts'
import { createGraphRequestHandler, type GraphRequestHandler } from './graph/handle-request.ts'
import { createScenarioState } from './scenarios.ts'
import { createTenant } from './tenant/index.ts'

export interface EngineHostOptions {
  /** Sends an answer to the page, transferring `transfer`. */
  post(answer: EngineAnswer, transfer?: Transferable[]): void
  /** ms since the epoch, for the `started` timings. */
  now(): number
}

export function createEngineHost({ post, now }: EngineHostOptions): (message: ToEngine) => void {
  const evaluatedAt = now()
  const scenarios = createScenarioState()
  let startEngine: (handle: GraphRequestHandler) => void = () => undefined
  const engine = new Promise<GraphRequestHandler>((resolve) => (startEngine = resolve))

  async function answer(message: Extract<ToEngine, { type: 'request' }>): Promise<void> {
    const handle = await engine
    const request = new Request(message.url, {
      method: message.method,
      headers: message.headers,
      body: message.body,
    })
    const response = await handle(request)
    if (response.type === 'error') {
      post({ type: 'network-error', id: message.id })
      return
    }
    const body = await response.arrayBuffer()
    post(
      {
        type: 'response',
        id: message.id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
      },
      [body],
    )
  }

  return (message) => {
    if (message.type === 'start') {
      const tenant = createTenant({ seed: message.seed, now: new Date(message.now), size: message.size })
      startEngine(createGraphRequestHandler({ tenant, scenarios }))
      post({ type: 'started', evaluatedAt, builtAt: now() })
    } else if (message.type === 'scenario') {
      scenarios.set(message.name)
    } else {
      answer(message).catch((error: unknown) => {
        // A bug in the bridge or the engine: the page sees a failed request and the console says why.
        console.error('[mock graph worker] request failed', error)
        post({ type: 'network-error', id: message.id })
      })
    }
  }
}
