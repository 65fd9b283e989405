// @vitest-environment node
/**
 * The permission, licence and token scenarios (spec §4.2, §4.4, §7): `missing-permission`, `no-ca-access`,
 * `p1-only`, `expired-token`, driven through the same MSW handlers the app uses.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BetaSignIn, V1SignIn } from '../../contract/sign-in.ts'
import { betaSignInSchema, v1SignInSchema } from '../../contract/sign-in.ts'
import { createMockGraphServer } from '../node.ts'
import { EXPIRED_TOKEN_MESSAGE, WWW_AUTHENTICATE } from './auth.ts'
import { MISSING_PERMISSION_MESSAGE } from './faults.ts'
import {
  AUTH,
  expectGraphError,
  GRAPH,
  graphGet,
  TEST_NOW,
  TEST_SEED,
  walkPages,
  type CollectionPage,
} from './testing.ts'
import { HIDDEN_RISK_FIELDS } from './visibility.ts'

const { server, scenarios, tenant } = createMockGraphServer({ seed: TEST_SEED, now: TEST_NOW, size: 'small' })
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => scenarios.set('none'))
afterAll(() => server.close())

const BETA = `${GRAPH}/beta/auditLogs/signIns`
const V1 = `${GRAPH}/v1.0/auditLogs/signIns`
const enc = encodeURIComponent
const SUMMARY_URLS = [
  `${GRAPH}/beta/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='h6')`,
  `${GRAPH}/beta/auditLogs/getSummarizedServicePrincipalSignIns(aggregationWindow='d1')`,
  `${GRAPH}/beta/auditLogs/getSummarizedMSISignIns(aggregationWindow='h1')`,
]

async function list<T>(url: string, headers = AUTH): Promise<T[]> {
  const reply = await graphGet<CollectionPage<T>>(url, headers)
  expect(reply.status).toBe(200)
  return reply.body.value
}

async function entity<T>(url: string): Promise<T & { '@odata.context': string }> {
  const reply = await graphGet<T & { '@odata.context': string }>(url)
  expect(reply.status).toBe(200)
  return reply.body
}

/** The newest interactive sign-in with at least one applied CA policy (the small tenant has many). */
async function recordWithPolicies(): Promise<BetaSignIn> {
  const rows = await list<BetaSignIn>(`${BETA}?$top=200`)
  const found = rows.find((r) => (r.appliedConditionalAccessPolicies?.length ?? 0) > 0)
  if (!found) throw new Error('no sign-in with applied CA policies on the first page')
  return found
}

function withoutKeys<T extends object>(record: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key))) as Partial<T>
}

describe('missing-permission', () => {
  it('answers 403 on every sign-in route, after the token check', async () => {
    const id = (await recordWithPolicies()).id
    scenarios.set('missing-permission')
    const urls = [`${BETA}?$top=1`, `${V1}?$top=1`, `${BETA}/${id}`, `${V1}('${id}')`, ...SUMMARY_URLS]
    for (const url of urls) {
      expectGraphError(
        await graphGet(url),
        403,
        'Authentication_MSGraphPermissionMissing',
        'Calling principal does not have required MSGraph permissions AuditLog.Read.All',
      )
    }
    expect(MISSING_PERMISSION_MESSAGE).toContain('AuditLog.Read.All')
    expectGraphError(await graphGet(`${BETA}?$top=1`, {}), 401, 'InvalidAuthenticationToken')
    scenarios.set('forbidden')
    expectGraphError(await graphGet(`${BETA}?$top=1`), 403, 'Authentication_RequestFromUnsupportedUserRole')
  })
})

describe('no-ca-access', () => {
  it('omits appliedConditionalAccessPolicies from list and entity, beta and v1.0, and nothing else', async () => {
    const fullBeta = await list<BetaSignIn>(`${BETA}?$top=50`)
    const fullV1 = await list<V1SignIn>(`${V1}?$top=50`)
    const withPolicies = await recordWithPolicies()
    expect(fullBeta.every((r) => 'appliedConditionalAccessPolicies' in r)).toBe(true)

    scenarios.set('no-ca-access')
    const beta = await list<BetaSignIn>(`${BETA}?$top=50`)
    const v1 = await list<V1SignIn>(`${V1}?$top=50`)
    const key = ['appliedConditionalAccessPolicies']
    for (const [hidden, full] of [
      [beta, fullBeta],
      [v1, fullV1],
    ] as const) {
      expect(hidden.map((r) => r.id)).toEqual(full.map((r) => r.id))
      expect(hidden.some((r) => 'appliedConditionalAccessPolicies' in r)).toBe(false)
      expect(hidden.map((r) => withoutKeys(r, key))).toEqual(full.map((r) => withoutKeys(r, key)))
    }
    for (const record of beta) expect(betaSignInSchema.safeParse(record).success).toBe(true)
    for (const record of v1) expect(v1SignInSchema.safeParse(record).success).toBe(true)

    for (const url of [`${BETA}/${withPolicies.id}`, `${V1}/${withPolicies.id}`]) {
      const one = await entity<BetaSignIn>(url)
      expect(one.id).toBe(withPolicies.id)
      expect('appliedConditionalAccessPolicies' in one).toBe(false)
      expect(one.conditionalAccessStatus).toBe(withPolicies.conditionalAccessStatus)
    }
    // An explicit $select does not bring it back, with or without the evolvable-enum preference.
    const selected = await list<Partial<BetaSignIn>>(
      `${BETA}?$top=3&$select=id,appliedConditionalAccessPolicies`,
      { ...AUTH, Prefer: 'include-unknown-enum-members' },
    )
    expect(selected.map((r) => Object.keys(r))).toEqual([['id'], ['id'], ['id']])

    // The tenant's shared records were not touched.
    scenarios.set('none')
    expect(tenant.findSignIn(withPolicies.id)?.appliedConditionalAccessPolicies).toHaveLength(
      withPolicies.appliedConditionalAccessPolicies!.length,
    )
    expect((await entity<BetaSignIn>(`${BETA}/${withPolicies.id}`)).appliedConditionalAccessPolicies).toEqual(
      withPolicies.appliedConditionalAccessPolicies,
    )
  })
})

describe('p1-only', () => {
  it('reads hidden in the three risk fields on list and entity, beta and v1.0, and nothing else', async () => {
    const fullBeta = await list<BetaSignIn>(`${BETA}?$top=300`)
    const fullV1 = await list<V1SignIn>(`${V1}?$top=300`)
    // The baseline must hold real risk values, or the test proves nothing.
    expect(new Set(fullBeta.map((r) => r.riskLevelDuringSignIn))).toContain('none')
    expect(fullBeta.some((r) => r.riskLevelDuringSignIn === 'medium')).toBe(true)

    scenarios.set('p1-only')
    const beta = await list<BetaSignIn>(`${BETA}?$top=300`)
    const v1 = await list<V1SignIn>(`${V1}?$top=300`)
    for (const [hidden, full] of [
      [beta, fullBeta],
      [v1, fullV1],
    ] as const) {
      expect(hidden.map((r) => r.id)).toEqual(full.map((r) => r.id))
      for (const record of hidden)
        for (const field of HIDDEN_RISK_FIELDS) expect(record[field]).toBe('hidden')
      expect(hidden.map((r) => withoutKeys(r, HIDDEN_RISK_FIELDS))).toEqual(
        full.map((r) => withoutKeys(r, HIDDEN_RISK_FIELDS)),
      )
    }
    for (const record of beta) expect(betaSignInSchema.safeParse(record).success).toBe(true)
    for (const record of v1) expect(v1SignInSchema.safeParse(record).success).toBe(true)

    const risky = fullBeta.find((r) => r.riskLevelDuringSignIn === 'medium')!
    for (const url of [`${BETA}/${risky.id}`, `${V1}('${risky.id}')`]) {
      const one = await entity<BetaSignIn>(url)
      expect([one.riskDetail, one.riskLevelAggregated, one.riskLevelDuringSignIn]).toEqual([
        'hidden',
        'hidden',
        'hidden',
      ])
      expect(one.riskState).toBe(risky.riskState)
      expect(one.riskEventTypes_v2).toEqual(risky.riskEventTypes_v2)
    }
    scenarios.set('none')
    expect(tenant.findSignIn(risky.id)?.riskLevelDuringSignIn).toBe('medium')
    expect((await entity<BetaSignIn>(`${BETA}/${risky.id}`)).riskLevelDuringSignIn).toBe('medium')
  })

  it('filters see the hidden values, so risk cannot be probed through $filter', async () => {
    const walk = async (filter: string) =>
      (await walkPages<BetaSignIn>(`${BETA}?$top=1000&$filter=${enc(filter)}`)).items.map((r) => r.id)
    const medium = "riskLevelDuringSignIn eq 'medium'"
    const hidden = "riskLevelDuringSignIn eq 'hidden'"
    const lastWeek = `createdDateTime ge ${new Date(TEST_NOW.getTime() - 7 * 86_400_000).toISOString()}`
    expect((await walk(medium)).length).toBeGreaterThan(0)
    expect(await walk(hidden)).toHaveLength(0)
    scenarios.set('p1-only')
    expect(await walk(medium)).toHaveLength(0)
    const everything = await walk(lastWeek)
    expect(everything.length).toBeGreaterThan(0)
    expect(await walk(`${lastWeek} and ${hidden}`)).toEqual(everything)
  })
})

describe('expired-token', () => {
  it('answers 401 InvalidAuthenticationToken with WWW-Authenticate on every request but preflights', async () => {
    scenarios.set('expired-token')
    const urls = [`${BETA}?$top=1`, `${V1}?$top=1`, `${BETA}/some-id`, ...SUMMARY_URLS, `${GRAPH}/beta/nope`]
    for (const url of urls) {
      const reply = await graphGet(url)
      expectGraphError(reply, 401, 'InvalidAuthenticationToken', EXPIRED_TOKEN_MESSAGE)
      expect(reply.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE)
    }
    expect(EXPIRED_TOKEN_MESSAGE).toBe('Access token has expired or is not yet valid.')
    // A non-GET is rejected for its token first, as Graph checks auth before the method.
    const post = await fetch(BETA, { method: 'POST', headers: AUTH })
    expect(post.status).toBe(401)
    await post.arrayBuffer()
    // No token at all keeps Graph's own message.
    expectGraphError(await graphGet(BETA, {}), 401, 'InvalidAuthenticationToken', 'Access token is empty.')
    const preflight = await fetch(BETA, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    scenarios.set('none')
    expect((await graphGet(`${BETA}?$top=1`)).status).toBe(200)
  })
})
