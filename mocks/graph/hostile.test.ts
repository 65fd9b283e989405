// @vitest-environment node
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMockGraphServer } from '../node.ts'
import { encodeBase64Url } from './base64url.ts'
import { AUTH, GRAPH, TEST_NOW, TEST_SEED } from './testing.ts'

const { server } = createMockGraphServer({ seed: TEST_SEED, now: TEST_NOW, size: 'small' })
const consoleError = vi.spyOn(console, 'error')
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => {
  server.close()
  consoleError.mockRestore()
})

/** Any answer must be 200 or a Graph error envelope, never a 500 from a bug. */
async function expectGraphAnswer(url: string, headers: Record<string, string> = AUTH) {
  const response = await fetch(url, { headers })
  const body = (await response.json()) as {
    value?: unknown
    error?: { code?: unknown; innerError?: unknown }
  }
  if (response.status === 200) {
    expect(body).toHaveProperty('@odata.context')
  } else {
    expect(response.status, JSON.stringify(body)).not.toBe(500)
    expect(typeof body.error?.code).toBe('string')
    expect(body.error?.innerError).toBeDefined()
  }
  expect(response.headers.get('request-id')).toBeTruthy()
}

const filterTokens = [
  'createdDateTime',
  'status/errorCode',
  'userPrincipalName',
  'appDisplayName',
  'signInEventTypes',
  'ipAddress',
  'location/city',
  'agent/agentType',
  'nope',
  'eq',
  'ne',
  'ge',
  'lt',
  'gt',
  'le',
  'and',
  'or',
  'not',
  'in',
  '(',
  ')',
  ',',
  ':',
  '/',
  "'",
  "''",
  "'x'",
  "'nonInteractiveUser'",
  '0',
  '-1',
  '99999999999999999999',
  '1.5',
  'null',
  'true',
  '2026-11-19T00:00:00Z',
  '2026-11-19',
  '9999-12-31T23:59:59.9999999Z',
  '0001-01-01T00:00:00Z',
  "'2026-11-19T00:00:00Z'",
  'startswith(',
  'startsWith(',
  'any(t:',
  't',
  'signInEventTypes/any(t: t eq',
  '%',
  '%ZZ',
  '\u0000',
  '\uD800',
  '😀',
]
const filterText = fc.oneof(
  fc.array(fc.constantFrom(...filterTokens), { maxLength: 14 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...filterTokens), { maxLength: 14 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
)
const topText = fc.oneof(
  fc.integer({ min: -5, max: 3000 }).map(String),
  fc.string({ maxLength: 12 }),
  fc.constant('1e3'),
)
const tokenText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.base64String({ maxLength: 60 }),
  fc
    .record({
      v: fc.oneof(fc.constant(1), fc.anything()),
      b: fc.anything(),
      o: fc.anything(),
      q: fc.string(),
    })
    .map((obj) => encodeBase64Url(JSON.stringify(obj) ?? 'null')),
)
const optionName = fc.constantFrom(
  '$filter',
  'filter',
  '%24filter',
  '$top',
  'top',
  '$skiptoken',
  '$orderby',
  '$select',
  '$count',
  '$',
  '',
)

describe('hostile input never produces a 500', () => {
  it('random $filter / $top / $skiptoken on both versions and the summaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/beta/auditLogs/signIns',
          '/v1.0/auditLogs/signIns',
          "/beta/auditLogs/getSummarizedServicePrincipalSignIns(aggregationWindow='d1')",
        ),
        fc.option(filterText, { nil: undefined }),
        fc.option(topText, { nil: undefined }),
        fc.option(tokenText, { nil: undefined }),
        async (path, filter, top, token) => {
          const params = new URLSearchParams()
          if (filter !== undefined) params.set('$filter', filter)
          if (top !== undefined) params.set('$top', top)
          if (token !== undefined) params.set('$skiptoken', token)
          await expectGraphAnswer(`${GRAPH}${path}?${params}`)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('raw query strings, paths and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/beta/auditLogs/signIns',
          '/beta/auditLogs/signIns/',
          '/beta/auditLogs/',
          '/v1.0/',
          '/',
        ),
        fc.string({ maxLength: 20 }),
        fc.array(fc.tuple(optionName, fc.string({ maxLength: 20 })), { maxLength: 4 }),
        fc.string({ maxLength: 30 }),
        async (path, suffix, pairs, prefer) => {
          const query = pairs.map(([name, value]) => `${name}=${value.replace(/[#\s]/g, '')}`).join('&')
          const safeSuffix = encodeURI(suffix.replace(/[?#]/g, '')).replace(/%25/g, '%')
          const headers: Record<string, string> = { ...AUTH, Prefer: prefer.replace(/[^\x20-\x7e]/g, '') }
          await expectGraphAnswer(`${GRAPH}${path}${safeSuffix}?${query}`, headers)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('did not log unexpected errors', () => {
    expect(consoleError).not.toHaveBeenCalled()
  })
})
