import {
  betaSignInPropertyNames,
  betaSignInSchema,
  flagsEnum,
  signInAccessTypeValues,
  summarizedSignInPropertyNames,
  v1SignInPropertyNames,
} from './sign-in.ts'

// Property names of entity `signIn` as listed by microsoftgraph/msgraph-metadata
// schemas/type-mappings/{beta,v1.0}-entity-types.json (snapshot Aug 2026), sorted.
const betaNamesFromMetadata = [
  'agent',
  'appDisplayName',
  'appId',
  'appliedConditionalAccessPolicies',
  'appliedEventListeners',
  'appOwnerTenantId',
  'appTokenProtectionStatus',
  'authenticationAppDeviceDetails',
  'authenticationAppPolicyEvaluationDetails',
  'authenticationContextClassReferences',
  'authenticationDetails',
  'authenticationMethodsUsed',
  'authenticationProcessingDetails',
  'authenticationProtocol',
  'authenticationRequirement',
  'authenticationRequirementPolicies',
  'autonomousSystemNumber',
  'azureResourceId',
  'clientAppUsed',
  'clientCredentialType',
  'clientSessionId',
  'conditionalAccessAudiences',
  'conditionalAccessStatus',
  'correlationId',
  'createdDateTime',
  'crossTenantAccessType',
  'deviceDetail',
  'federatedCredentialId',
  'flaggedForReview',
  'globalSecureAccessIpAddress',
  'homeTenantId',
  'homeTenantName',
  'incomingTokenType',
  'ipAddress',
  'ipAddressFromResourceProvider',
  'isInteractive',
  'isTenantRestricted',
  'isThroughGlobalSecureAccess',
  'location',
  'managedServiceIdentity',
  'mfaDetail',
  'networkLocationDetails',
  'originalRequestId',
  'originalTransferMethod',
  'privateLinkDetails',
  'processingTimeInMilliseconds',
  'resourceDisplayName',
  'resourceId',
  'resourceOwnerTenantId',
  'resourceServicePrincipalId',
  'resourceTenantId',
  'riskDetail',
  'riskEventTypes_v2',
  'riskLevelAggregated',
  'riskLevelDuringSignIn',
  'riskState',
  'servicePrincipalCredentialKeyId',
  'servicePrincipalCredentialThumbprint',
  'servicePrincipalId',
  'servicePrincipalName',
  'sessionId',
  'sessionLifetimePolicies',
  'signInEventTypes',
  'signInIdentifier',
  'signInIdentifierType',
  'signInTokenProtectionStatus',
  'status',
  'tokenIssuerName',
  'tokenIssuerType',
  'tokenProtectionStatusDetails',
  'uniqueTokenIdentifier',
  'userAgent',
  'userDisplayName',
  'userId',
  'userPrincipalName',
  'userType',
]
const v1NamesFromMetadata = [
  'appDisplayName',
  'appId',
  'appliedConditionalAccessPolicies',
  'authenticationAppDeviceDetails',
  'clientAppUsed',
  'conditionalAccessStatus',
  'correlationId',
  'createdDateTime',
  'deviceDetail',
  'homeTenantId',
  'ipAddress',
  'isInteractive',
  'location',
  'resourceDisplayName',
  'resourceId',
  'resourceTenantId',
  'riskDetail',
  'riskEventTypes',
  'riskEventTypes_v2',
  'riskLevelAggregated',
  'riskLevelDuringSignIn',
  'riskState',
  'servicePrincipalId',
  'servicePrincipalName',
  'status',
  'userAgent',
  'userDisplayName',
  'userId',
  'userPrincipalName',
]

describe('sign-in contract property sets', () => {
  it('beta signIn has exactly the 76 metadata properties + id', () => {
    expect([...betaSignInPropertyNames].sort()).toEqual(['id', ...betaNamesFromMetadata].sort())
    expect(betaSignInPropertyNames).toHaveLength(77)
  })
  it('v1.0 signIn has exactly the 29 metadata properties + id', () => {
    expect([...v1SignInPropertyNames].sort()).toEqual(['id', ...v1NamesFromMetadata].sort())
    expect(v1SignInPropertyNames).toHaveLength(30)
  })
  it('summarizedSignIn has 17 properties + id', () => {
    expect(summarizedSignInPropertyNames).toHaveLength(18)
  })
})

describe('flags enums', () => {
  const crossTenant = flagsEnum(signInAccessTypeValues)
  it('accepts one member or comma-joined members', () => {
    expect(crossTenant.safeParse('none').success).toBe(true)
    expect(crossTenant.safeParse('b2bCollaboration,passthrough').success).toBe(true)
  })
  it('rejects unknown members, empty strings and arrays', () => {
    expect(crossTenant.safeParse('b2bCollaboration, passthrough').success).toBe(false)
    expect(crossTenant.safeParse('').success).toBe(false)
    expect(crossTenant.safeParse(['none']).success).toBe(false)
  })
})

describe('strictness', () => {
  it('rejects a beta record with an extra property', () => {
    const result = betaSignInSchema.safeParse({ alternateSignInName: 'x' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true)
  })
})
