// @vitest-environment node
import { betaSignInSchema, summarizedSignInSchema, type BetaSignIn } from '../../contract/sign-in.ts'
import { collapseEvolvableEnums, createTenant, toV1SignIn } from './index.ts'

const tenant = createTenant({ seed: 3, now: new Date('2025-03-04T12:00:00Z'), size: 'small' })
const records: BetaSignIn[] = []
for (let h = 0; h < tenant.hourCount && records.length < 400; h++)
  records.push(...tenant.signInsInHour('nonInteractiveUser', h))

describe('collapseEvolvableEnums (graph-api.md §2.5)', () => {
  const withHidden = records.find(
    (r) =>
      r.incomingTokenType === 'refreshToken' &&
      r.networkLocationDetails.some((n) => n.networkType === 'trustedNamedLocation'),
  )!
  it('replaces members declared after unknownFutureValue, everywhere they occur', () => {
    expect(withHidden).toBeDefined()
    const collapsed = collapseEvolvableEnums(withHidden)
    expect(collapsed.incomingTokenType).toBe('unknownFutureValue')
    expect(collapsed.networkLocationDetails[0]!.networkType).toBe('unknownFutureValue')
    const results = collapsed.appliedConditionalAccessPolicies!.map((p) => p.result)
    expect(results.some((r) => r?.startsWith('reportOnly'))).toBe(false)
    expect(results).toContain('unknownFutureValue')
    expect(betaSignInSchema.safeParse(collapsed).success).toBe(true)
  })
  it('keeps ordinary members and does not mutate its input', () => {
    const before = JSON.stringify(withHidden)
    const collapsed = collapseEvolvableEnums(withHidden)
    expect(JSON.stringify(withHidden)).toBe(before)
    expect(collapsed.crossTenantAccessType).toBe(withHidden.crossTenantAccessType)
    expect(collapsed.tokenIssuerType).toBe('AzureAD')
    expect(collapsed.appliedConditionalAccessPolicies!.map((p) => p.result)).toContain('notApplied')
  })
  it('collapses flags member-wise and tokenIssuerType to its PascalCase catch-all', () => {
    const custom = {
      ...withHidden,
      crossTenantAccessType: 'b2bCollaboration,passthrough',
      tokenIssuerType: 'NPSExtension' as const,
    }
    const collapsed = collapseEvolvableEnums(custom)
    expect(collapsed.crossTenantAccessType).toBe('b2bCollaboration,unknownFutureValue')
    expect(collapsed.tokenIssuerType).toBe('UnknownFutureValue')
  })
  it('works on v1.0 records and summary rows', () => {
    expect(
      collapseEvolvableEnums(toV1SignIn(withHidden)).appliedConditionalAccessPolicies!.some((p) =>
        p.result?.startsWith('reportOnly'),
      ),
    ).toBe(false)
    const row = tenant.summariesInWindow('servicePrincipal', 'd1', new Date('2025-02-20T00:00:00Z'))[0]!
    expect(summarizedSignInSchema.parse(collapseEvolvableEnums(row))).toEqual(row)
  })
})

describe('toV1SignIn (§3.2)', () => {
  it('drops beta-only properties and narrows complex types', () => {
    const v1 = toV1SignIn(records[0]!)
    expect(v1).not.toHaveProperty('signInEventTypes')
    expect(v1.deviceDetail).not.toHaveProperty('browserId')
    expect(Object.keys(v1.appliedConditionalAccessPolicies![0]!).sort()).toEqual([
      'displayName',
      'enforcedGrantControls',
      'enforcedSessionControls',
      'id',
      'result',
    ])
  })
  it('omits appliedConditionalAccessPolicies when the beta record omits them (§4.4)', () => {
    const { appliedConditionalAccessPolicies: _omitted, ...withoutCa } = records[0]!
    expect(toV1SignIn(withoutCa)).not.toHaveProperty('appliedConditionalAccessPolicies')
  })
})
