// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { BetaSignIn } from '../../contract/sign-in.ts'
import { scenarioNames } from '../scenarios.ts'
import { createTenant, toV1SignIn } from '../tenant/index.ts'
import { TEST_NOW, TEST_SEED } from './testing.ts'
import { applyVisibility, FULL_VISIBILITY, HIDDEN_RISK_FIELDS, visibilityFor } from './visibility.ts'

const tenant = createTenant({ seed: TEST_SEED, now: TEST_NOW, size: 'small' })

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

function someRecordWithPolicies(): BetaSignIn {
  for (let h = tenant.hourCount - 1; h >= 0; h--) {
    const found = tenant
      .signInsInHour('interactiveUser', h)
      .find((r) => (r.appliedConditionalAccessPolicies?.length ?? 0) > 0)
    if (found) return found
  }
  throw new Error('no sign-in with applied CA policies')
}

describe('applyVisibility', () => {
  it('only the payload scenarios restrict visibility', () => {
    const restricted = scenarioNames.filter((name) => visibilityFor(name) !== FULL_VISIBILITY)
    expect(restricted).toEqual(['no-ca-access', 'p1-only'])
    expect(visibilityFor('no-ca-access')).toEqual({ conditionalAccess: false, riskDetails: true })
    expect(visibilityFor('p1-only')).toEqual({ conditionalAccess: true, riskDetails: false })
  })

  it('returns the record itself when nothing is hidden', () => {
    const record = someRecordWithPolicies()
    expect(applyVisibility(record, FULL_VISIBILITY)).toBe(record)
  })

  it('works on deep-frozen records by copying, for both versions', () => {
    const beta = deepFreeze(structuredClone(someRecordWithPolicies()))
    const v1 = deepFreeze(toV1SignIn(beta))
    const before = JSON.stringify([beta, v1])
    const nothing = { conditionalAccess: false, riskDetails: false }
    for (const record of [beta, v1]) {
      const seen = applyVisibility(record, nothing)
      expect(seen).not.toBe(record)
      expect('appliedConditionalAccessPolicies' in seen).toBe(false)
      for (const field of HIDDEN_RISK_FIELDS) expect(seen[field]).toBe('hidden')
      // Untouched nested objects are shared, not cloned.
      expect(seen.status).toBe(record.status)
    }
    expect(JSON.stringify([beta, v1])).toBe(before)
    expect(beta.appliedConditionalAccessPolicies?.length).toBeGreaterThan(0)
  })
})
