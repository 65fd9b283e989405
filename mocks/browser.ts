/**
 * Starts the fake Graph in the browser. Only src/app imports this, dynamically, in mock mode, so production
 * bundles contain no msw.
 *
 * The page loads only msw's client and this bridge (issue #16): the MSW service worker hands each Graph
 * request to the handler below, which posts it to the engine in a module Web Worker (mocks/engine-worker.ts:
 * the tenant, OData and paging) and answers with what the engine sends back. Building the tenant and
 * generating pages never runs on the page's main thread, and their code is not parsed before the first rows.
 * Scenarios live on both sides: the page's ScenarioState (the picker, tests) forwards every change to the
 * worker, in order with the requests.
 */
import { http } from 'msw'
import { setupWorker } from 'msw/browser'
import type { EngineAnswer, EngineReply, ToEngine } from './engine-protocol.ts'
import { GRAPH_URL_PATTERN } from './graph-url.ts'
import type { MockEngine } from './engine.ts'
import { createScenarioState, type ScenarioName, type ScenarioState } from './scenarios.ts'

performance.mark('mock-bridge:evaluated')

export interface StartMockGraphOptions {
  /** The engine worker the app created first thing (createMockEngine); the app starts its tenant. */
  engine: MockEngine
  scenario?: ScenarioName
}

export interface RunningMockGraph {
  scenarios: ScenarioState
  /** Stop answering (the app switched to a real Graph, which the worker would otherwise shadow). */
  stop(): void
  /** Answer again with the same tenant and scenario state, so the scenario picker keeps working. */
  resume(): Promise<void>
}

/** The page's end of the engine worker: one pending promise per request id. */
function connectEngine(engine: Worker) {
  const pending = new Map<number, (answer: EngineReply) => void>()
  let nextId = 1
  engine.onmessage = (event: MessageEvent<EngineAnswer>) => {
    const answer = event.data
    // The engine's start-up timings are marked by mocks/engine.ts.
    if (answer.type === 'started') return
    const settle = pending.get(answer.id)
    pending.delete(answer.id)
    settle?.(answer)
  }
  const post = (message: ToEngine, transfer: Transferable[] = []) => engine.postMessage(message, transfer)
  const answerFor = async (request: Request): Promise<Response> => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer()
    const id = nextId++
    if (id === 1) performance.mark('mock-bridge:first-request')
    const answer = new Promise<EngineReply>((resolve) => pending.set(id, resolve))
    post(
      { type: 'request', id, method: request.method, url: request.url, headers: [...request.headers], body },
      body ? [body] : [],
    )
    const reply = await answer
    if (id === 1) performance.mark('mock-bridge:first-answer')
    if (reply.type === 'network-error') return Response.error()
    return new Response(reply.body, {
      status: reply.status,
      statusText: reply.statusText,
      headers: reply.headers,
    })
  }
  return { post, answerFor }
}

export async function startMockGraph(opts: StartMockGraphOptions): Promise<RunningMockGraph> {
  const scenarios = createScenarioState(opts.scenario)
  const engine = connectEngine(opts.engine.worker)
  // The worker starts healthy ('none'); it follows this state from here on.
  if (scenarios.get() !== 'none') engine.post({ type: 'scenario', name: scenarios.get() })
  scenarios.subscribe((name) => engine.post({ type: 'scenario', name }))
  const worker = setupWorker(http.all(GRAPH_URL_PATTERN, ({ request }) => engine.answerFor(request)))
  const start = async () => {
    await worker.start({
      // Only Graph URLs are handled; the app's own requests go to the network untouched.
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    })
  }
  await start()
  performance.mark('mock-bridge:service-worker-ready')
  return { scenarios, stop: () => worker.stop(), resume: start }
}
