/**
 * The fake Graph in the browser: a `fetch` for the mock tenant's Graph client that posts each request to the
 * engine in a module Web Worker (mocks/engine-worker.ts: the tenant, OData and paging) and answers with what the
 * engine sends back. Small and free of the engine and of msw, so the page's first script imports it (issue #16).
 *
 * Why not msw's service worker, as before: its client (38 kB gzip) was a third of the first screen's budget, its
 * registration raced the app's chunk on every first visit, and every answer crossed two more threads (engine
 * worker → page → service worker → page), on the main thread each time — a trace of the bulk load showed its
 * message handling and copies in every page of 1,000. The mock tenant's client is the only caller, so it gets
 * the transport directly: the fake cannot shadow a real Graph (nothing intercepts the network), and Node keeps
 * msw (mocks/node.ts, mocks/serve.mjs) with the same engine behind it.
 *
 * Scenarios live on both sides: the page's ScenarioState (the picker, tests) forwards every change to the worker,
 * in order with the requests.
 */
import type { EngineAnswer, EngineReply, ToEngine } from './engine-protocol.ts'
import type { MockEngine } from './engine.ts'
import { GRAPH_URL_PATTERN } from './graph-url.ts'
import { createScenarioState, type ScenarioName, type ScenarioState } from './scenarios.ts'

/** One exchange with the fake, as a network log would list it (for end-to-end tests; see `exposeMockGraph`). */
export interface MockGraphExchange {
  method: string
  url: string
  authorization: string | null
  /** The HTTP status; 'failed' when the fake dropped the connection or the caller aborted; 'pending' until then. */
  status: number | 'failed' | 'pending'
}

export interface MockGraph {
  /** `fetch` for Graph URLs, answered by the engine worker; other URLs go to the network. */
  fetch: typeof fetch
  scenarios: ScenarioState
  /** Every exchange so far, oldest first. */
  exchanges: readonly MockGraphExchange[]
}

export interface ConnectMockGraphOptions {
  /** The engine worker the page created first thing (createMockEngine); the app starts its tenant. */
  engine: MockEngine
  scenario?: ScenarioName
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}

export function connectMockGraph({ engine, scenario }: ConnectMockGraphOptions): MockGraph {
  const worker = engine.worker
  const pending = new Map<number, (answer: EngineReply) => void>()
  const exchanges: MockGraphExchange[] = []
  let nextId = 1
  worker.addEventListener('message', (event: MessageEvent<EngineAnswer>) => {
    const answer = event.data
    // The engine's start-up timings are marked by mocks/engine.ts.
    if (answer.type === 'started') return
    const settle = pending.get(answer.id)
    pending.delete(answer.id)
    settle?.(answer)
  })
  const post = (message: ToEngine, transfer: Transferable[] = []) => worker.postMessage(message, transfer)

  const scenarios = createScenarioState(scenario)
  // The worker starts healthy ('none'); it follows this state from here on.
  if (scenarios.get() !== 'none') post({ type: 'scenario', name: scenarios.get() })
  scenarios.subscribe((name) => post({ type: 'scenario', name }))

  async function askEngine(request: Request): Promise<Response> {
    const exchange: MockGraphExchange = {
      method: request.method,
      url: request.url,
      authorization: request.headers.get('authorization'),
      status: 'pending',
    }
    exchanges.push(exchange)
    const signal = request.signal
    if (signal.aborted) {
      exchange.status = 'failed'
      throw abortReason(signal)
    }
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer()
    const id = nextId++
    if (id === 1) performance.mark('mock-bridge:first-request')
    const reply = await new Promise<EngineReply>((resolve, reject) => {
      pending.set(id, resolve)
      // The engine still answers; the answer is then dropped, as a browser drops an aborted response.
      signal.addEventListener(
        'abort',
        () => {
          pending.delete(id)
          exchange.status = 'failed'
          reject(abortReason(signal))
        },
        { once: true },
      )
      post(
        {
          type: 'request',
          id,
          method: request.method,
          url: request.url,
          headers: [...request.headers],
          body,
        },
        body ? [body] : [],
      )
    })
    if (id === 1) performance.mark('mock-bridge:first-answer')
    // A dropped connection (the `flaky` scenario) rejects like the network's fetch does.
    if (reply.type === 'network-error') {
      exchange.status = 'failed'
      throw new TypeError('Failed to fetch')
    }
    exchange.status = reply.status
    return new Response(reply.body, {
      status: reply.status,
      statusText: reply.statusText,
      headers: reply.headers,
    })
  }

  const mockFetch: typeof fetch = (input, init) => {
    const request = new Request(input, init)
    return GRAPH_URL_PATTERN.test(request.url) ? askEngine(request) : globalThis.fetch(request)
  }
  return { fetch: mockFetch, scenarios, exchanges }
}

/**
 * Development and end-to-end builds put the fake on `window.studioMockGraph`: tests ask it what the page sent (it is
 * not on the network any more, so the browser's request events no longer see it) and page through it from the
 * page. Production builds never call this.
 */
export function exposeMockGraph(mockGraph: MockGraph): void {
  Object.assign(globalThis, { studioMockGraph: { fetch: mockGraph.fetch, exchanges: mockGraph.exchanges } })
}
