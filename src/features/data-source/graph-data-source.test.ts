/**
 * The real-Graph code path (createConnectedGraphSource: production client + rate limiter + token provider)
 * against the fake's standalone server, one process per scenario, through each error of graph-api.md §4.2.
 */
import { GraphError } from '../../lib/graph/index.ts'
import { holdPastedToken } from '../../lib/auth/pasted-token.ts'
import { connectionFromPastedToken } from './graph-connection.ts'
import { createConnectedGraphSource, type GraphResponseInfo } from './graph-data-source.ts'
import { createRateLimiter } from './rate-limited-fetch.ts'
import { startStandaloneFake, type StandaloneFake } from './testing/standalone-fake.ts'
import { graphTokenClaims, unsignedJwt } from './testing/unsigned-jwt.ts'

const scenarios = ['none', 'non-premium', 'forbidden', 'throttle', 'flaky'] as const
const fakes = new Map<(typeof scenarios)[number], StandaloneFake>()

beforeAll(async () => {
  const started = await Promise.all(
    scenarios.map((scenario) => startStandaloneFake({ MOCK_SCENARIO: scenario })),
  )
  scenarios.forEach((scenario, i) => fakes.set(scenario, started[i]!))
}, 30_000)
afterAll(async () => {
  await Promise.all([...fakes.values()].map((fake) => fake.stop()))
})

const SIGN_INS = '/beta/auditLogs/signIns'

function sourceFor(
  scenario: (typeof scenarios)[number],
  token: string,
  options: {
    limiter?: ReturnType<typeof createRateLimiter>
    retry?: { maxAttempts?: number; baseDelayMs?: number }
  } = {},
) {
  const fake = fakes.get(scenario)
  if (!fake) throw new Error(`no fake for ${scenario}`)
  const held = holdPastedToken(token)
  if (!held.ok) throw new Error(held.problem)
  const connection = connectionFromPastedToken(held.token)
  const responses: GraphResponseInfo[] = []
  const source = createConnectedGraphSource({
    baseUrl: fake.url,
    credential: connection.credential,
    connectionId: connection.id,
    onResponse: (info) => responses.push(info),
    // A private limiter per test, so tests do not queue behind each other; the default is per app + tenant.
    rateLimiter: options.limiter ?? createRateLimiter(),
    retry: options.retry ?? { baseDelayMs: 20, maxDelayMs: 200 },
  })
  return { source, responses, connection }
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`)
  return error
}

test('a valid pasted token reads sign-ins and follows the absolute nextLink on the fake', async () => {
  const { source, responses } = sourceFor('none', unsignedJwt(graphTokenClaims()))
  expect(source).toMatchObject({ kind: 'graph', label: 'Microsoft Graph (auditor@contoso.example)' })
  expect(source.id).toContain('3f6c9a1e-0000-4000-8000-00000000000a')
  const first = await source.client.getPage<{ id: string }>(SIGN_INS, { params: { $top: '3' } })
  expect(first.value).toHaveLength(3)
  expect(first.nextLink).toMatch(new RegExp(`^${fakes.get('none')!.url}/beta/auditLogs/signIns\\?`))
  const second = await source.client.getPage<{ id: string }>(first.nextLink!)
  expect(second.value[0]?.id).not.toBe(first.value[0]?.id)
  expect(responses.map((r) => r.status)).toEqual([200, 200])
  expect(responses[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/)
})

test('401 expired token: "sign in again", with the request-id, and the token is nowhere in the error', async () => {
  const token = unsignedJwt(graphTokenClaims({ exp: Math.floor(Date.now() / 1000) - 60 }))
  const { source, responses } = sourceFor('none', token)
  const error = await failure(source.client.getPage(SIGN_INS))
  expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 'InvalidAuthenticationToken' })
  expect(error.graphMessage).toBe('Access token has expired or is not yet valid.')
  expect(error.userMessage).toMatch(/Sign in again/)
  expect(error.requestId).toBeTruthy()
  expect(error.userMessage).toContain(error.requestId!)
  expect(responses).toEqual([{ status: 401, requestId: error.requestId }])
  expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(token)
})

test('401 malformed token (wrong kind of token) is also "sign in again"', async () => {
  const { source } = sourceFor('none', 'not.a.jwt')
  const error = await failure(source.client.getPage(SIGN_INS))
  expect(error).toMatchObject({ kind: 'unauthorized', status: 401 })
  expect(error.graphMessage).toMatch(/^CompactToken parsing failed/)
})

test('400 refused filter names the filter', async () => {
  const { source } = sourceFor('none', unsignedJwt(graphTokenClaims()))
  const filter = "contains(userPrincipalName,'adele')"
  const error = await failure(source.client.getPage(SIGN_INS, { params: { $filter: filter } }))
  expect(error).toMatchObject({ kind: 'bad-request', status: 400, code: 'BadRequest' })
  expect(error.userMessage).toContain(filter)
  expect(error.requestId).toBeTruthy()
})

test('403 non-premium tenant explains the P1/P2 licence', async () => {
  const { source } = sourceFor('non-premium', unsignedJwt(graphTokenClaims()))
  const error = await failure(source.client.getPage(SIGN_INS))
  expect(error).toMatchObject({
    kind: 'non-premium',
    status: 403,
    code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
  })
  expect(error.userMessage).toMatch(/Entra ID P1 or P2/)
  expect(error.userMessage).toContain(error.requestId!)
})

test('403 missing role names the roles that can read sign-in logs', async () => {
  const { source } = sourceFor('forbidden', unsignedJwt(graphTokenClaims()))
  const error = await failure(source.client.getPage(SIGN_INS))
  expect(error).toMatchObject({ kind: 'missing-role', status: 403 })
  expect(error.userMessage).toMatch(/Reports Reader/)
  expect(error.userMessage).toMatch(/Global Reader/)
})

test('429: without our limiter the fake throttles the 6th request and says how long to wait', async () => {
  const { source, responses } = sourceFor(
    'throttle',
    unsignedJwt(graphTokenClaims({ appid: 'app-unlimited' })),
    {
      limiter: createRateLimiter({ maxRequests: 100, windowMs: 1 }),
      retry: { maxAttempts: 1 },
    },
  )
  const results = await Promise.allSettled(
    Array.from({ length: 6 }, () => source.client.getPage(SIGN_INS, { params: { $top: '1' } })),
  )
  expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 429])
  const rejected = results.filter((r) => r.status === 'rejected')
  expect(rejected).toHaveLength(1)
  const error = (rejected[0] as PromiseRejectedResult).reason as GraphError
  expect(error).toMatchObject({ kind: 'throttled', status: 429, code: 'UnknownError' })
  expect(error.retryAfterSeconds).toBeGreaterThan(0)
  expect(error.userMessage).toMatch(/5 requests per 10 seconds/)
  expect(error.userMessage).toContain(error.requestId!)
})

test('429 never happens with the default limiter: the 6th request waits in our queue instead', async () => {
  const limiter = createRateLimiter()
  const { source, responses } = sourceFor(
    'throttle',
    unsignedJwt(graphTokenClaims({ appid: 'app-limited' })),
    { limiter },
  )
  await Promise.all(
    Array.from({ length: 5 }, () => source.client.getPage(SIGN_INS, { params: { $top: '1' } })),
  )
  const controller = new AbortController()
  const sixth = source.client.getPage(SIGN_INS, { params: { $top: '1' }, signal: controller.signal })
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(limiter.pending).toBe(1)
  // The user moved on (React Query aborts the query's signal): the request leaves the queue unsent.
  controller.abort()
  const error = await failure(sixth)
  expect(error.kind).toBe('aborted')
  expect(limiter.pending).toBe(0)
  expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
})

test('5xx and dropped connections are retried until the page arrives', async () => {
  // Retries count against Graph's limit too; a roomy limiter keeps this test about retries, not queueing.
  const { source } = sourceFor('flaky', unsignedJwt(graphTokenClaims()), {
    limiter: createRateLimiter({ maxRequests: 100 }),
  })
  const waits: string[] = []
  for (let i = 0; i < 8; i++) {
    const page = await source.client.getPage(SIGN_INS, {
      params: { $top: '1' },
      onWait: (w) => waits.push(w.reason),
    })
    expect(page.value).toHaveLength(1)
  }
  expect(waits.length).toBeGreaterThan(0)
  expect(waits.every((reason) => reason === 'server' || reason === 'network')).toBe(true)
}, 30_000)

test('sign-out clears the pasted token: the next request fails with "sign in again" before reaching Graph', async () => {
  const { source, responses, connection } = sourceFor('none', unsignedJwt(graphTokenClaims()))
  await connection.disconnect()
  const error = await failure(source.client.getPage(SIGN_INS))
  expect(error).toMatchObject({ kind: 'unauthorized', status: null })
  expect(error.userMessage).toMatch(/Paste a new token or sign in/)
  expect(responses).toEqual([])
})
