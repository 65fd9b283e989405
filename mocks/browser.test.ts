// @vitest-environment node
/**
 * The mock tenant's transport (mocks/browser.ts) against the real engine host, run in this process instead of a
 * Web Worker: what the page's Graph client gets back is what the engine answers, network failures and aborts
 * behave like the browser's fetch, and every exchange is listed for the end-to-end tests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectMockGraph } from './browser.ts'
import type { MockEngine } from './engine.ts'
import { createEngineHost } from './engine-host.ts'
import type { EngineAnswer, ToEngine } from './engine-protocol.ts'
import { AUTH, GRAPH, TEST_NOW, TEST_SEED } from './graph/testing.ts'

/** A Worker stand-in whose messages reach the engine host asynchronously, both ways, as a worker's do. */
function inProcessEngine(): MockEngine & { posted: ToEngine[] } {
  const target = new EventTarget()
  const posted: ToEngine[] = []
  const receive = createEngineHost({
    post: (answer: EngineAnswer) =>
      setTimeout(() => target.dispatchEvent(new MessageEvent('message', { data: answer })), 0),
    now: () => 0,
  })
  const worker = {
    postMessage(message: ToEngine) {
      posted.push(message)
      setTimeout(() => receive(message), 0)
    },
    addEventListener: target.addEventListener.bind(target),
  } as unknown as Worker
  return {
    worker,
    posted,
    start: () =>
      worker.postMessage({ type: 'start', seed: TEST_SEED, now: TEST_NOW.getTime(), size: 'small' }),
  }
}

function connected() {
  const engine = inProcessEngine()
  engine.start()
  return { engine, mockGraph: connectMockGraph({ engine }) }
}

afterEach(() => vi.unstubAllGlobals())

describe('the mock tenant’s transport to the engine worker', () => {
  it('answers a Graph request with the engine’s response and lists the exchange', async () => {
    const { mockGraph } = connected()
    const response = await mockGraph.fetch(`${GRAPH}/beta/auditLogs/signIns?$top=2`, { headers: AUTH })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string }
    expect(body.value).toHaveLength(2)
    expect(body['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.com\/beta\/auditLogs\/signIns\?/)
    expect(mockGraph.exchanges).toEqual([
      {
        method: 'GET',
        url: `${GRAPH}/beta/auditLogs/signIns?$top=2`,
        authorization: AUTH.Authorization,
        status: 200,
      },
    ])
  })

  it('passes Graph’s errors through as responses: no token is a 401', async () => {
    const { mockGraph } = connected()
    const response = await mockGraph.fetch(`${GRAPH}/beta/auditLogs/signIns`)
    expect(response.status).toBe(401)
    expect(mockGraph.exchanges.at(-1)).toMatchObject({ authorization: null, status: 401 })
  })

  it('a scenario chosen on the page reaches the engine before the next request', async () => {
    const { mockGraph } = connected()
    mockGraph.scenarios.set('non-premium')
    const response = await mockGraph.fetch(`${GRAPH}/beta/auditLogs/signIns`, { headers: AUTH })
    expect(response.status).toBe(403)
  })

  it('a connection the fake drops rejects like the browser’s fetch (TypeError), listed as failed', async () => {
    const { mockGraph } = connected()
    mockGraph.scenarios.set('flaky')
    const outcomes: string[] = []
    // About 1 request in 25 is dropped (mocks/graph/faults.ts), never the same URL twice in a row.
    for (let attempt = 1; attempt <= 300 && !outcomes.includes('TypeError'); attempt++) {
      await mockGraph.fetch(`${GRAPH}/beta/auditLogs/signIns?$top=${attempt}`, { headers: AUTH }).then(
        (response) => outcomes.push(String(response.status)),
        (error: unknown) => outcomes.push((error as Error).name),
      )
    }
    expect(outcomes).toContain('TypeError')
    expect(mockGraph.exchanges.some((exchange) => exchange.status === 'failed')).toBe(true)
  })

  it('an aborted request rejects with the abort reason and its late answer is dropped', async () => {
    const { mockGraph } = connected()
    const controller = new AbortController()
    const response = mockGraph.fetch(`${GRAPH}/beta/auditLogs/signIns?$top=1`, {
      headers: AUTH,
      signal: controller.signal,
    })
    controller.abort()
    await expect(response).rejects.toMatchObject({ name: 'AbortError' })
    expect(mockGraph.exchanges.at(-1)?.status).toBe('failed')
    // The engine answered anyway; a later request still gets its own answer.
    const next = await mockGraph.fetch(`${GRAPH}/beta/auditLogs/signIns?$top=1`, { headers: AUTH })
    expect(next.status).toBe(200)
  })

  it('leaves other URLs to the network', async () => {
    const network = vi.fn(async () => new Response('asset'))
    vi.stubGlobal('fetch', network)
    const { engine, mockGraph } = connected()
    const response = await mockGraph.fetch('https://example.test/assets/app.js')
    expect(await response.text()).toBe('asset')
    expect(network).toHaveBeenCalledTimes(1)
    expect(engine.posted.filter((message) => message.type === 'request')).toEqual([])
    expect(mockGraph.exchanges).toEqual([])
  })
})
