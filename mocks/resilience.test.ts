// @vitest-environment node
/**
 * Issue #7: the fake Graph under hostile input, end to end through the msw node server. Whatever the query
 * options, path segments, skiptokens, headers or method, the answer is 200 or a Graph error envelope with a
 * 4xx status (400/401/404/405), never a 5xx and never an unexpected-error log. mocks/graph/hostile.test.ts
 * covers random $filter/$top/$skiptoken text; this file adds grammar-valid filters combined with $orderby
 * and $select, tampered real skiptokens, path segments, auth and other headers, and methods.
 */
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMockGraphServer } from './node.ts'
import { encodeBase64Url } from './graph/base64url.ts'
import { betaFilter, stringValue } from './odata/filterArbitraries.ts'
import { formatFilter } from './odata/index.ts'

const GRAPH = 'https://graph.microsoft.com'
const NOW = new Date('2026-11-20T12:00:00Z')
const AUTH = { Authorization: 'Bearer resilience-test-token' }
/** Statuses the fake may answer with: success, or Graph's client errors (spec §4.1-4.2). */
const ALLOWED_STATUSES = new Set([200, 400, 401, 404, 405])

const { server } = createMockGraphServer({ seed: 11, now: NOW, size: 'small' })
const consoleError = vi.spyOn(console, 'error')
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => {
  server.close()
  consoleError.mockRestore()
})

interface Answer {
  status: number
  body: {
    value?: unknown[]
    '@odata.nextLink'?: string
    error?: { code?: unknown; message?: unknown; innerError?: unknown }
  }
}

async function graphAnswer(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { headers: AUTH, ...init })
  const text = await response.text()
  const status = response.status
  const preflight = init.method === 'OPTIONS' && (status === 200 || status === 204)
  expect(
    preflight || ALLOWED_STATUSES.has(status),
    `${init.method ?? 'GET'} ${url} → ${status}: ${text.slice(0, 300)}`,
  ).toBe(true)
  expect(response.headers.get('request-id')).toBeTruthy()
  if (init.method === 'HEAD' || init.method === 'OPTIONS') return { status, body: {} }
  const body = JSON.parse(text) as Answer['body']
  if (status === 200) {
    expect(Array.isArray(body.value) || typeof (body as Record<string, unknown>)['id'] === 'string').toBe(
      true,
    )
  } else {
    expect(typeof body.error?.code, text.slice(0, 300)).toBe('string')
    expect(typeof body.error?.message).toBe('string')
    expect(body.error?.innerError).toBeDefined()
  }
  return { status, body }
}

const listPaths = [
  '/beta/auditLogs/signIns',
  '/v1.0/auditLogs/signIns',
  "/beta/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='h1')",
  "/beta/auditLogs/getSummarizedServicePrincipalSignIns(aggregationWindow='h6')",
  "/beta/auditLogs/getSummarizedMSISignIns(aggregationWindow='d1')",
]

const orderBy = fc.oneof(
  fc.constantFrom(
    'createdDateTime',
    'createdDateTime asc',
    'createdDateTime desc',
    'CreatedDateTime DESC',
    'firstSignInDateTime desc',
    'aggregationDateTime asc',
    'createdDateTime desc,id',
    'createdDateTime  sideways',
    'status/errorCode',
    '',
    ' ',
  ),
  fc.string({ maxLength: 30 }),
)
const select = fc.oneof(
  fc.constantFrom(
    '*',
    'id',
    'id,createdDateTime',
    'id,,id',
    'nope',
    'status/errorCode',
    'id,signInCount',
    '',
  ),
  fc
    .array(fc.constantFrom('id', 'userPrincipalName', 'signInCount', 'appId', 'x', ' ', '*'), {
      maxLength: 4,
    })
    .map((items) => items.join(',')),
)
const top = fc.oneof(
  fc.integer({ min: -3, max: 2500 }).map(String),
  fc.constantFrom('0', '+5', '007', ' 3 ', '1e2', ''),
)
const createdMs = fc.integer({ min: NOW.getTime() - 40 * 86_400_000, max: NOW.getTime() + 86_400_000 })

describe('the fake Graph never answers hostile input with a 5xx', () => {
  it('grammar-valid filters on the signIns list run (200) or are refused (400)', async () => {
    const statuses: number[] = []
    await fc.assert(
      fc.asyncProperty(
        betaFilter(createdMs).map(formatFilter),
        fc.constantFrom('createdDateTime desc', 'createdDateTime asc', undefined),
        fc.integer({ min: 1, max: 1000 }),
        async (filter, order, size) => {
          const params = new URLSearchParams({ $filter: filter, $top: String(size) })
          if (order !== undefined) params.set('$orderby', order)
          statuses.push((await graphAnswer(`${GRAPH}/beta/auditLogs/signIns?${params}`)).status)
        },
      ),
      { numRuns: 60 },
    )
    // Not a vacuous property: most generated filters really ran against the tenant.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(30)
  })

  it('random $filter, $orderby, $select and $top combinations on every list', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...listPaths),
        fc.option(betaFilter(createdMs).map(formatFilter), { nil: undefined }),
        fc.option(orderBy, { nil: undefined }),
        fc.option(select, { nil: undefined }),
        fc.option(top, { nil: undefined }),
        async (path, filter, order, projection, size) => {
          const params = new URLSearchParams()
          if (filter !== undefined) params.set('$filter', filter)
          if (order !== undefined) params.set('$orderby', order)
          if (projection !== undefined) params.set('$select', projection)
          if (size !== undefined) params.set('$top', size)
          await graphAnswer(`${GRAPH}${path}?${params}`)
        },
      ),
      { numRuns: 80 },
    )
  })

  it('tampered, truncated, re-encoded and swapped skiptokens from real nextLinks', async () => {
    const first = await graphAnswer(`${GRAPH}/beta/auditLogs/signIns?$top=3`)
    const other = await graphAnswer(`${GRAPH}/beta/auditLogs/signIns?$top=4`)
    const nextLink = first.body['@odata.nextLink']
    const otherLink = other.body['@odata.nextLink']
    if (nextLink === undefined || otherLink === undefined)
      throw new Error('the small tenant has fewer than 5 sign-ins')
    const token = new URL(nextLink).searchParams.get('$skiptoken') ?? ''
    const otherToken = new URL(otherLink).searchParams.get('$skiptoken') ?? ''
    // A token is bound to its query: the other query's token is refused, not silently applied.
    const swapped = new URL(nextLink)
    swapped.searchParams.set('$skiptoken', otherToken)
    expect((await graphAnswer(swapped.href)).status).toBe(400)

    const tampered = fc.oneof(
      fc
        .tuple(fc.nat(token.length - 1), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([at, ch]) => token.slice(0, at) + ch + token.slice(at + 1)),
      fc.nat(token.length).map((length) => token.slice(0, length)),
      fc.string({ maxLength: 600 }).map((tail) => token + tail),
      fc
        .record({
          v: fc.constantFrom(1, 2, '1'),
          b: fc.oneof(fc.integer(), fc.double(), fc.string()),
          o: fc.oneof(fc.integer(), fc.constant(-1), fc.constant(2 ** 60)),
          q: fc.string(),
        })
        .map((position) => encodeBase64Url(JSON.stringify(position))),
    )
    await fc.assert(
      fc.asyncProperty(tampered, async (value) => {
        const url = new URL(nextLink)
        url.searchParams.set('$skiptoken', value)
        await graphAnswer(url.href)
      }),
      { numRuns: 80 },
    )
  })

  it('random path segments', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'beta',
        'v1.0',
        'V1.0',
        'auditLogs',
        'auditlogs',
        'signIns',
        'signins',
        "signIns('x')",
        "signIns('')",
        "signIns('a''b')",
        'reports',
        "getSummarizedMSISignIns(aggregationWindow='h1')",
        "getSummarizedNonInteractiveSignIns(aggregationWindow='w9')",
        'getSummarizedServicePrincipalSignIns()',
        '..',
        '.',
        '%2e%2e',
        '%',
        '%ZZ',
        '%00',
        '%E0%A4%A',
        '$metadata',
        '$count',
        '',
        ' ',
        '😀',
        'a'.repeat(300),
      ),
      stringValue.map((text) => encodeURIComponent(text)),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), async (segments) => {
        await graphAnswer(`${GRAPH}/${segments.join('/')}`)
      }),
      { numRuns: 100 },
    )
  })

  it('hostile Authorization, Prefer, client-request-id and Accept headers', async () => {
    // Header values must be ByteStrings without CR/LF/NUL, or fetch itself refuses before any request.
    const headerText = fc.string({
      unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)),
      maxLength: 60,
    })
    const segment = fc.oneof(
      headerText.map((text) => encodeBase64Url(text)),
      fc
        .record({
          exp: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
          nbf: fc.oneof(fc.integer(), fc.string()),
          tid: fc.oneof(fc.string(), fc.integer()),
        })
        .map((claims) => encodeBase64Url(JSON.stringify(claims))),
      fc.constantFrom('', '.', 'eyJ', 'bm90IGpzb24', 'e30'),
    )
    const authorization = fc.oneof(
      headerText,
      headerText.map((text) => `Bearer ${text}`),
      fc.array(segment, { minLength: 2, maxLength: 5 }).map((parts) => `Bearer ${parts.join('.')}`),
      fc.constantFrom('Bearer', 'Bearer ', 'bearer x', 'Basic dXNlcjpwYXNz', 'Bearer  a.b', 'Bearer ...'),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.option(authorization, { nil: undefined }),
        fc.option(headerText, { nil: undefined }),
        fc.option(headerText, { nil: undefined }),
        fc.option(fc.oneof(headerText, fc.constantFrom('application/xml', '*/*', 'text/csv')), {
          nil: undefined,
        }),
        fc.constantFrom(...listPaths, "/beta/auditLogs/signIns('nope')"),
        async (auth, prefer, clientRequestId, accept, path) => {
          const headers: Record<string, string> = {}
          if (auth !== undefined) headers['Authorization'] = auth
          if (prefer !== undefined) headers['Prefer'] = prefer
          if (clientRequestId !== undefined) headers['client-request-id'] = clientRequestId
          if (accept !== undefined) headers['Accept'] = accept
          await graphAnswer(`${GRAPH}${path}?$top=2`, { headers })
        },
      ),
      { numRuns: 100 },
    )
  })

  it('other methods get 405 (or the CORS preflight), never a 5xx', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND']) {
      const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? '{"value":[]}' : undefined
      const { status } = await graphAnswer(`${GRAPH}/beta/auditLogs/signIns`, { method, headers: AUTH, body })
      expect(method === 'OPTIONS' ? status < 300 : status === 405, `${method} → ${status}`).toBe(true)
    }
  })

  it('logged no unexpected errors', () => {
    expect(consoleError).not.toHaveBeenCalled()
  })
})
