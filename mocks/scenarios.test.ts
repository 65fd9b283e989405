// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { encodeBase64Url } from './graph/base64url.ts'
import { AUTH, expectGraphError, GRAPH, graphGet, TEST_NOW, TEST_SEED, walkPages } from './graph/testing.ts'
import { createMockGraphServer } from './node.ts'
import { createScenarioState, parseScenarioName, scenarioDescriptions, scenarioNames } from './scenarios.ts'

let fakeNow = Date.parse('2026-11-20T13:00:00Z')
const sleeps: number[] = []
const { server, scenarios } = createMockGraphServer({
  seed: TEST_SEED,
  now: TEST_NOW,
  size: 'small',
  clock: () => fakeNow,
  sleep: async (ms) => void sleeps.push(ms),
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => scenarios.set('none'))
afterAll(() => server.close())

const URL_1 = `${GRAPH}/beta/auditLogs/signIns?$top=1`
const jwt = (claims: Record<string, unknown>) =>
  `${encodeBase64Url('{"alg":"none"}')}.${encodeBase64Url(JSON.stringify(claims))}.sig`

describe('scenario state', () => {
  it('parses MOCK_SCENARIO strictly and notifies subscribers', () => {
    expect(parseScenarioName(undefined)).toBe('none')
    expect(parseScenarioName(' flaky ')).toBe('flaky')
    expect(() => parseScenarioName('flakey')).toThrow(/Unknown mock scenario 'flakey'/)
    const state = createScenarioState()
    const seen: string[] = []
    const unsubscribe = state.subscribe((name) => seen.push(name))
    state.set('slow')
    unsubscribe()
    state.set('none')
    expect(seen).toEqual(['slow'])
    expect(scenarioNames).toContain(state.get())
  })

  it('knows the permission, licence and token scenarios and describes every scenario', () => {
    for (const name of ['missing-permission', 'no-ca-access', 'p1-only', 'expired-token'] as const) {
      expect(parseScenarioName(name)).toBe(name)
    }
    expect(Object.keys(scenarioDescriptions).sort()).toEqual([...scenarioNames].sort())
    for (const name of scenarioNames) expect(scenarioDescriptions[name].trim()).not.toBe('')
    // `forbidden` is the missing-reports-role case; the missing scope has its own scenario.
    expect(scenarioDescriptions.forbidden).toMatch(/reports role/)
    expect(scenarioDescriptions['missing-permission']).toMatch(/AuditLog\.Read\.All/)
  })
})

describe('throttle', () => {
  it('allows 5 requests per 10 s per app+tenant, then 429 with Retry-After until a token refills', async () => {
    scenarios.set('throttle')
    for (let i = 0; i < 5; i++) expect((await graphGet(URL_1)).status).toBe(200)
    const throttled = await graphGet(URL_1)
    const error = expectGraphError(throttled, 429, 'UnknownError')
    expect(error.message).toMatch(
      /^This request is throttled\. Please try again after the value \(in seconds\) specified in the Retry-After header\. CorrelationId: [0-9a-f-]{36}$/,
    )
    expect(throttled.headers.get('retry-after')).toBe('2')
    // Another app (or tenant) has its own bucket.
    const other = { Authorization: `Bearer ${jwt({ appid: 'other-app', tid: 't1', exp: 4e9 })}` }
    expect((await graphGet(URL_1, other)).status).toBe(200)
    fakeNow += 1000
    expect((await graphGet(URL_1)).headers.get('retry-after')).toBe('1')
    fakeNow += 1000
    expect((await graphGet(URL_1)).status).toBe(200)
    expect((await graphGet(URL_1)).status).toBe(429)
    fakeNow += 10_000
    for (let i = 0; i < 5; i++) expect((await graphGet(URL_1)).status).toBe(200)
  })
})

describe('licence and role', () => {
  it('non-premium is 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant', async () => {
    scenarios.set('non-premium')
    expectGraphError(
      await graphGet(URL_1),
      403,
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      "Neither tenant is B2C or tenant doesn't have premium license",
    )
  })

  it('forbidden is 403 Authentication_RequestFromUnsupportedUserRole', async () => {
    scenarios.set('forbidden')
    expectGraphError(
      await graphGet(URL_1),
      403,
      'Authentication_RequestFromUnsupportedUserRole',
      'User is not in the allowed roles',
    )
  })

  it('auth is checked before scenarios', async () => {
    scenarios.set('forbidden')
    expectGraphError(await graphGet(URL_1, {}), 401, 'InvalidAuthenticationToken')
  })
})

describe('flaky', () => {
  it('fails ~20% of requests with 503/504/dropped connections, never the same URL twice in a row', async () => {
    scenarios.set('flaky')
    const outcomes: string[] = []
    const urls = Array.from({ length: 10 }, (_, i) => `${GRAPH}/beta/auditLogs/signIns?$top=1&n=${i}`)
    for (let round = 0; round < 20; round++) {
      for (const url of urls) {
        try {
          const response = await fetch(url, { headers: AUTH })
          outcomes.push(`${url} ${response.status} ${response.headers.get('retry-after') ?? '-'}`)
          await response.arrayBuffer()
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError)
          outcomes.push(`${url} dropped`)
        }
      }
    }
    const failed = (o: string) => !/ 200 /.test(o)
    const failures = outcomes.filter(failed)
    expect(failures.length).toBeGreaterThan(20)
    expect(failures.length).toBeLessThan(70)
    expect(failures.some((o) => / 503 1$/.test(o))).toBe(true)
    expect(failures.some((o) => / 504 -$/.test(o))).toBe(true)
    expect(failures.some((o) => o.endsWith('dropped'))).toBe(true)
    for (const url of urls) {
      const mine = outcomes.filter((o) => o.startsWith(`${url} `))
      for (let i = 1; i < mine.length; i++) expect(failed(mine[i - 1]!) && failed(mine[i]!)).toBe(false)
    }
  })

  it('a client that retries each failed page walks the whole list', async () => {
    scenarios.set('flaky')
    const retrying = async (url: string): Promise<Response> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await fetch(url, { headers: AUTH })
          if (response.status === 200 || attempt > 3) return response
          await response.arrayBuffer()
        } catch (error) {
          if (!(error instanceof TypeError) || attempt > 3) throw error
        }
      }
    }
    let url: string | undefined = `${GRAPH}/beta/auditLogs/signIns?$top=300`
    let total = 0
    while (url) {
      const response = await retrying(url)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string }
      total += body.value.length
      url = body['@odata.nextLink']
    }
    scenarios.set('none')
    const { items } = await walkPages(`${GRAPH}/beta/auditLogs/signIns?$top=1000`)
    expect(total).toBe(items.length)
  })
})

describe('slow', () => {
  it('delays every response by 600-1500 ms', async () => {
    scenarios.set('slow')
    sleeps.length = 0
    for (let i = 0; i < 8; i++) expect((await graphGet(URL_1)).status).toBe(200)
    expect(sleeps).toHaveLength(8)
    expect(sleeps.every((ms) => ms >= 600 && ms <= 1500)).toBe(true)
    expect(new Set(sleeps).size).toBeGreaterThan(1)
  })
})
