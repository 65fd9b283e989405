// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BetaSignIn, SignInEventType } from '../../contract/sign-in.ts'
import { betaSignInSchema, summarizedSignInSchema, v1SignInSchema } from '../../contract/sign-in.ts'
import { createMockGraphServer } from '../node.ts'
import { encodeBase64Url } from './base64url.ts'
import { CORS_ALLOWED_HEADERS, ODATA_JSON_CONTENT_TYPE } from './envelope.ts'
import {
  AUTH,
  expectGraphError,
  GRAPH,
  graphGet,
  TEST_NOW,
  TEST_SEED,
  type CollectionPage,
} from './testing.ts'

const { server, tenant } = createMockGraphServer({ seed: TEST_SEED, now: TEST_NOW, size: 'small' })
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const BETA = `${GRAPH}/beta/auditLogs/signIns`
const V1 = `${GRAPH}/v1.0/auditLogs/signIns`
const enc = encodeURIComponent
const notAllowed = (name: string) =>
  `Query option '${name}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.`

function firstOfType(type: SignInEventType): BetaSignIn {
  for (let h = tenant.hourCount - 1; h >= 0; h--) {
    const rows = tenant.signInsInHour(type, h)
    if (rows[0]) return rows[0]
  }
  throw new Error(`no ${type} sign-ins`)
}

describe('response envelope', () => {
  it('sends request-id, echoes client-request-id, OData JSON and CORS exposure', async () => {
    const reply = await graphGet(`${BETA}?$top=1`, { ...AUTH, 'client-request-id': 'abc-123' })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(reply.headers.get('client-request-id')).toBe('abc-123')
    expect(reply.headers.get('content-type')).toBe(ODATA_JSON_CONTENT_TYPE)
    expect(reply.headers.get('access-control-expose-headers')).toBe(
      'request-id, client-request-id, Retry-After',
    )
    const without = await graphGet(`${BETA}?$top=1`)
    expect(without.headers.get('client-request-id')).toBe(without.headers.get('request-id'))
  })

  it('answers a CORS preflight without auth', async () => {
    const response = await fetch(BETA, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('access-control-allow-headers')).toBe(CORS_ALLOWED_HEADERS.join(', '))
    expect(response.headers.get('request-id')).toBeTruthy()
  })

  it('returns beta, v1.0 and summary rows that satisfy the contract schemas', async () => {
    const beta = await graphGet<CollectionPage<unknown>>(
      `${BETA}?$top=20&$filter=${enc("signInEventTypes/any(t: t ne 'interactiveUser')")}`,
    )
    for (const row of beta.body.value) betaSignInSchema.parse(row)
    const v1 = await graphGet<CollectionPage<unknown>>(`${V1}?$top=20`)
    expect(v1.body['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns')
    for (const row of v1.body.value) v1SignInSchema.parse(row)
    const sums = await graphGet<CollectionPage<unknown>>(
      `${GRAPH}/beta/auditLogs/getSummarizedMSISignIns(aggregationWindow='d1')?$top=20`,
    )
    expect(sums.body['@odata.context']).toBe(
      'https://graph.microsoft.com/beta/$metadata#Collection(microsoft.graph.summarizedSignIn)',
    )
    for (const row of sums.body.value) summarizedSignInSchema.parse(row)
  })
})

describe('query options', () => {
  it.each(['count', 'skip', 'search', 'expand'])(
    '$%s is 400 "not allowed" with the option name capitalised',
    async (name) => {
      const reply = await graphGet(`${BETA}?$${name}=1`)
      expectGraphError(reply, 400, 'BadRequest', notAllowed(name.charAt(0).toUpperCase() + name.slice(1)))
    },
  )

  it('decodes %24-encoded option names and accepts names without $ on beta only', async () => {
    const encoded = await graphGet<CollectionPage<unknown>>(`${BETA}?%24top=2`)
    expect(encoded.body.value).toHaveLength(2)
    const bare = await graphGet<CollectionPage<unknown>>(`${BETA}?top=3`)
    expect(bare.body.value).toHaveLength(3)
    const v1Bare = await graphGet<CollectionPage<unknown>>(`${V1}?top=3`)
    expect(v1Bare.body.value.length).toBeGreaterThan(3) // a custom parameter on v1.0: ignored
  })

  it('$top: clamps above 1000, rejects < 1 and non-integers', async () => {
    const big = await graphGet<CollectionPage<unknown>>(
      `${BETA}?$top=5000&$filter=${enc("signInEventTypes/any(t: t ne 'interactiveUser')")}`,
    )
    expect(big.body.value).toHaveLength(1000)
    for (const top of ['0', '-1', '1.5', 'abc', '']) {
      expectGraphError(await graphGet(`${BETA}?$top=${top}`), 400, 'BadRequest', /\$top/)
    }
  })

  it('$orderby: createdDateTime [asc|desc] only', async () => {
    for (const ok of ['createdDateTime', 'createdDateTime desc', 'createdDateTime asc']) {
      expect((await graphGet(`${BETA}?$top=1&$orderby=${enc(ok)}`)).status).toBe(200)
    }
    for (const bad of ['userPrincipalName', 'createdDateTime sideways', 'createdDateTime,id']) {
      expectGraphError(await graphGet(`${BETA}?$orderby=${enc(bad)}`), 400, 'BadRequest')
    }
  })

  it('$select projects on beta, names unknown properties, and is not allowed on v1.0', async () => {
    const reply = await graphGet<CollectionPage<Record<string, unknown>>>(
      `${BETA}?$top=2&$select=id,appDisplayName`,
    )
    expect(reply.body['@odata.context']).toBe(
      'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns(id,appDisplayName)',
    )
    expect(Object.keys(reply.body.value[0]!).sort()).toEqual(['appDisplayName', 'id'])
    expectGraphError(
      await graphGet(`${BETA}?$select=nope`),
      400,
      'BadRequest',
      /Could not find a property named 'nope'/,
    )
    expectGraphError(await graphGet(`${V1}?$select=id`), 400, 'BadRequest', notAllowed('Select'))
  })

  it('rejects a duplicated option and an unknown $ option', async () => {
    expectGraphError(await graphGet(`${BETA}?$top=1&top=2`), 400, 'BadRequest', /more than once/)
    expectGraphError(await graphGet(`${BETA}?$frobnicate=1`), 400, 'BadRequest', /not supported/)
  })

  it('maps an invalid $filter to 400 "Invalid filter clause", and beta-only properties are invalid on v1.0', async () => {
    expectGraphError(
      await graphGet(`${BETA}?$filter=${enc("createdDateTime ge '2024-01-01'")}`),
      400,
      'BadRequest',
      /^Invalid filter clause/,
    )
    const beta = await graphGet(
      `${BETA}?$top=1&$filter=${enc("signInEventTypes/any(t: t eq 'managedIdentity')")}`,
    )
    expect(beta.status).toBe(200)
    expectGraphError(
      await graphGet(`${V1}?$filter=${enc("signInEventTypes/any(t: t eq 'managedIdentity')")}`),
      400,
      'BadRequest',
      /^Invalid filter clause/,
    )
  })

  it('rejects a skiptoken that is garbage or belongs to another query', async () => {
    const page = await graphGet<CollectionPage<unknown>>(`${BETA}?$top=2`)
    const token = new URL(page.body['@odata.nextLink']!).searchParams.get('$skiptoken')!
    expectGraphError(
      await graphGet(`${BETA}?$top=3&$skiptoken=${token}`),
      400,
      'BadRequest',
      /Invalid skip token/,
    )
    expectGraphError(
      await graphGet(`${BETA}?$top=2&$skiptoken=garbage!`),
      400,
      'BadRequest',
      /Invalid skip token/,
    )
    const forged = encodeBase64Url(JSON.stringify({ v: 1, b: 1e9, o: 0, q: 'x' }))
    expectGraphError(
      await graphGet(`${BETA}?$top=2&$skiptoken=${forged}`),
      400,
      'BadRequest',
      /Invalid skip token/,
    )
  })
})

describe('entities and routing', () => {
  it('GET by id returns the bare entity for every log type on beta, interactive only on v1.0', async () => {
    for (const type of [
      'interactiveUser',
      'nonInteractiveUser',
      'servicePrincipal',
      'managedIdentity',
    ] as const) {
      const record = firstOfType(type)
      const reply = await graphGet<Record<string, unknown>>(`${BETA}/${record.id}`)
      expect(reply.status).toBe(200)
      expect(reply.body['@odata.context']).toBe(
        'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns/$entity',
      )
      expect(reply.body['id']).toBe(record.id)
    }
    const interactive = await graphGet<Record<string, unknown>>(`${V1}/${firstOfType('interactiveUser').id}`)
    expect(interactive.status).toBe(200)
    expect(interactive.body).not.toHaveProperty('signInEventTypes')
    expectGraphError(await graphGet(`${V1}/${firstOfType('servicePrincipal').id}`), 404, 'ResourceNotFound')
  })

  it('unknown id is 404 ResourceNotFound', async () => {
    expectGraphError(await graphGet(`${BETA}/00000000-0000-0000-0000-000000000000`), 404, 'ResourceNotFound')
  })

  it.each([
    [
      "/beta/reports/getSummarizedNonInteractiveSignIns(aggregationWindow='d1')",
      "getSummarizedNonInteractiveSignIns(aggregationWindow='d1')",
    ],
    ['/beta/auditLogs/directoryAudits', 'directoryAudits'],
    [
      "/v1.0/auditLogs/getSummarizedMSISignIns(aggregationWindow='d1')",
      "getSummarizedMSISignIns(aggregationWindow='d1')",
    ],
    ['/beta/users', 'users'],
    ['/beta/auditLogs/signIns/abc/extra', 'extra'],
  ])('%s is 400 "Resource not found for the segment"', async (path, segment) => {
    expectGraphError(
      await graphGet(`${GRAPH}${path}`),
      400,
      'BadRequest',
      `Resource not found for the segment '${segment}'.`,
    )
  })

  it('a bad aggregationWindow is 400', async () => {
    expectGraphError(
      await graphGet(`${GRAPH}/beta/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='h2')`),
      400,
      'BadRequest',
      /aggregationWindow/,
    )
  })

  it('non-GET methods are 405 with a Graph body', async () => {
    const response = await fetch(BETA, { method: 'POST', headers: AUTH, body: '{}' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, OPTIONS')
    const body = (await response.json()) as { error: { code: string } }
    expect(body.error.code).toBe('Request_BadRequest')
  })
})

describe('auth', () => {
  const jwt = (claims: Record<string, unknown>) =>
    `${encodeBase64Url('{"alg":"none","typ":"JWT"}')}.${encodeBase64Url(JSON.stringify(claims))}.sig`

  it.each([
    ['no header', {}, 'Access token is empty.'],
    ['empty bearer', { Authorization: 'Bearer ' }, 'Access token is empty.'],
    ['other scheme', { Authorization: 'Basic dXNlcjpwdw==' }, 'Access token is empty.'],
    [
      'expired JWT',
      { Authorization: `Bearer ${jwt({ exp: 1_000_000 })}` },
      'Access token has expired or is not yet valid.',
    ],
    ['undecodable JWT', { Authorization: 'Bearer not.a.jwt' }, /^CompactToken parsing failed/],
  ])('%s is 401 InvalidAuthenticationToken with WWW-Authenticate', async (_name, headers, message) => {
    const reply = await graphGet(`${BETA}?$top=1`, headers as Record<string, string>)
    expectGraphError(reply, 401, 'InvalidAuthenticationToken', message)
    expect(reply.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="", authorization_uri="https:\/\/login\.microsoftonline\.com/,
    )
  })

  it('accepts opaque tokens and unexpired JWTs', async () => {
    expect((await graphGet(`${BETA}?$top=1`, { Authorization: 'Bearer mock-tenant-token' })).status).toBe(200)
    const live = jwt({ exp: Math.floor(Date.now() / 1000) + 600, appid: 'app', tid: 'tenant' })
    expect((await graphGet(`${BETA}?$top=1`, { Authorization: `Bearer ${live}` })).status).toBe(200)
  })
})

describe('evolvable enums (spec §2.5)', () => {
  it('collapses members after unknownFutureValue unless Prefer: include-unknown-enum-members', async () => {
    const url = `${BETA}?$top=200&$filter=${enc("signInEventTypes/any(t: t ne 'managedIdentity')")}`
    const plain = JSON.stringify((await graphGet(url)).body)
    const full = JSON.stringify(
      (await graphGet(url, { ...AUTH, Prefer: 'odata.maxpagesize=5, include-unknown-enum-members' })).body,
    )
    const evolvable =
      /"(?:AzureADBackupAuth|ADFederationServicesMFAAdapter|NPSExtension|passthrough|remoteDesktopToken|refreshToken|authenticationTransfer|nativeAuth|reportOnlySuccess|reportOnlyFailure|reportOnlyNotApplied|reportOnlyInterrupted)"/
    expect(plain).not.toMatch(evolvable)
    expect(full).toMatch(evolvable)
  })
})
