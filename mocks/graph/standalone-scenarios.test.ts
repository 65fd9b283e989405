// @vitest-environment node
/**
 * The permission, licence and token scenarios over real HTTP (`npm run mock:serve`). A file of its own: an MSW
 * node server in the same process would intercept these requests, as its handlers answer `/beta/…` on any origin.
 */
import { describe, expect, it } from 'vitest'
import type { BetaSignIn } from '../../contract/sign-in.ts'
import { startStandaloneServer } from '../serve-entry.ts'
import { EXPIRED_TOKEN_MESSAGE, WWW_AUTHENTICATE } from './auth.ts'
import { expectGraphError, graphGet, TEST_NOW, TEST_SEED, type CollectionPage } from './testing.ts'

async function list<T>(url: string): Promise<T[]> {
  const reply = await graphGet<CollectionPage<T>>(url)
  expect(reply.status).toBe(200)
  return reply.body.value
}

describe('standalone server', () => {
  it('selects the new scenarios through MOCK_SCENARIO and scenarios.set()', async () => {
    const env = { MOCK_SIZE: 'small', MOCK_SEED: String(TEST_SEED), MOCK_NOW: TEST_NOW.toISOString() }
    const standalone = await startStandaloneServer({ env: { ...env, MOCK_SCENARIO: 'p1-only' }, port: 0 })
    try {
      const url = `${standalone.url}/beta/auditLogs/signIns?$top=5`
      const rows = await list<BetaSignIn>(url)
      expect(rows.map((r) => r.riskLevelAggregated)).toEqual(Array(5).fill('hidden'))
      standalone.scenarios.set('none')
      expect((await list<BetaSignIn>(url)).some((r) => r.riskLevelAggregated !== 'hidden')).toBe(true)
      standalone.scenarios.set('no-ca-access')
      expect((await list<BetaSignIn>(url)).some((r) => 'appliedConditionalAccessPolicies' in r)).toBe(false)
      standalone.scenarios.set('missing-permission')
      expectGraphError(await graphGet(url), 403, 'Authentication_MSGraphPermissionMissing')
      standalone.scenarios.set('expired-token')
      const expired = await graphGet(url)
      expectGraphError(expired, 401, 'InvalidAuthenticationToken', EXPIRED_TOKEN_MESSAGE)
      expect(expired.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE)
    } finally {
      await standalone.close()
    }
  })
})
