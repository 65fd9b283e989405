/**
 * The fake Graph's engine in a module Web Worker (issue #16): the tenant is built and every page generated
 * here, off the page's main thread, so neither its code nor its work delays the first rows or a scroll
 * frame. The page's MSW bridge (mocks/browser.ts) posts each Graph request and gets the answer back.
 */
/// <reference lib="webworker" />
import type { EngineAnswer, ToEngine } from './engine-protocol.ts'
import { createGraphRequestHandler, type GraphRequestHandler } from './graph/handle-request.ts'
import { createScenarioState } from './scenarios.ts'
import { createTenant } from './tenant/index.ts'

declare const self: DedicatedWorkerGlobalScope

const epochNow = () => performance.timeOrigin + performance.now()
const evaluatedAt = epochNow()

// The page may create this worker (and its MSW bridge may post scenarios) before it knows the tenant's settings:
// requests wait for the start message instead of failing.
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
    self.postMessage({ type: 'network-error', id: message.id } satisfies EngineAnswer)
    return
  }
  const body = await response.arrayBuffer()
  const reply: EngineAnswer = {
    type: 'response',
    id: message.id,
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body,
  }
  self.postMessage(reply, [body])
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const message = event.data
  if (message.type === 'start') {
    const tenant = createTenant({ seed: message.seed, now: new Date(message.now), size: message.size })
    startEngine(createGraphRequestHandler({ tenant, scenarios }))
    self.postMessage({ type: 'started', evaluatedAt, builtAt: epochNow() } satisfies EngineAnswer)
  } else if (message.type === 'scenario') {
    scenarios.set(message.name)
  } else {
    answer(message).catch((error: unknown) => {
      // A bug in the bridge or the engine: the page sees a failed request and the console says why.
      console.error('[mock graph worker] request failed', error)
      self.postMessage({ type: 'network-error', id: message.id } satisfies EngineAnswer)
    })
  }
}
