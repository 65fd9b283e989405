/**
 * Enum members of the Graph sign-in model, in declaration order (graph-api.md §3.3).
 *
 * Order matters: Graph's evolvable-enum rule (§2.5) hides every member declared AFTER
 * `unknownFutureValue` unless the caller sends `Prefer: include-unknown-enum-members`.
 * Sources: beta-USNat CSDL (order) and the beta-Prod type map (membership) of
 * microsoftgraph/msgraph-metadata; members only present in beta-Prod were appended after
 * `unknownFutureValue`, because that is where Graph adds new members.
 *
 * Plain `as const` lists without zod, so the app can read them without loading the schemas (issue #7:
 * first-screen size); enums.ts re-exports them next to the zod helpers.
 */

export const conditionalAccessStatusValues = [
  'success',
  'failure',
  'notApplied',
  'unknownFutureValue',
] as const

export const appliedConditionalAccessPolicyResultValues = [
  'success',
  'failure',
  'notApplied',
  'notEnabled',
  'unknown',
  'unknownFutureValue',
  'reportOnlySuccess',
  'reportOnlyFailure',
  'reportOnlyNotApplied',
  'reportOnlyInterrupted',
] as const

export const riskLevelValues = ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'] as const

export const riskStateValues = [
  'none',
  'confirmedSafe',
  'remediated',
  'dismissed',
  'atRisk',
  'confirmedCompromised',
  'unknownFutureValue',
] as const

/** beta order (§3.3); v1.0 has the same members minus the agent ones, evolvable part in another order. */
export const riskDetailValues = [
  'none',
  'adminGeneratedTemporaryPassword',
  'userPerformedSecuredPasswordChange',
  'userPerformedSecuredPasswordReset',
  'adminConfirmedSigninSafe',
  'aiConfirmedSigninSafe',
  'userPassedMFADrivenByRiskBasedPolicy',
  'adminDismissedAllRiskForUser',
  'adminConfirmedSigninCompromised',
  'hidden',
  'adminConfirmedUserCompromised',
  'unknownFutureValue',
  'adminConfirmedServicePrincipalCompromised',
  'adminDismissedAllRiskForServicePrincipal',
  'm365DAdminDismissedDetection',
  'userChangedPasswordOnPremises',
  'adminDismissedRiskForSignIn',
  'adminConfirmedAccountSafe',
  'microsoftRevokedSessions',
  'adminConfirmedAgentSafe',
  'adminConfirmedAgentCompromised',
  'adminDismissedRiskForAgent',
] as const

/** v1.0-Prod CSDL order. */
export const v1RiskDetailValues = [
  'none',
  'adminGeneratedTemporaryPassword',
  'userPerformedSecuredPasswordChange',
  'userPerformedSecuredPasswordReset',
  'adminConfirmedSigninSafe',
  'aiConfirmedSigninSafe',
  'userPassedMFADrivenByRiskBasedPolicy',
  'adminDismissedAllRiskForUser',
  'adminConfirmedSigninCompromised',
  'hidden',
  'adminConfirmedUserCompromised',
  'unknownFutureValue',
  'm365DAdminDismissedDetection',
  'adminConfirmedServicePrincipalCompromised',
  'adminDismissedAllRiskForServicePrincipal',
  'userChangedPasswordOnPremises',
  'adminDismissedRiskForSignIn',
  'adminConfirmedAccountSafe',
  'microsoftRevokedSessions',
] as const

/** v1.0 only (`riskEventTypes`, deprecated in favour of the string list `riskEventTypes_v2`). */
export const riskEventTypeValues = [
  'unlikelyTravel',
  'anonymizedIPAddress',
  'maliciousIPAddress',
  'unfamiliarFeatures',
  'malwareInfectedIPAddress',
  'suspiciousIPAddress',
  'leakedCredentials',
  'investigationsThreatIntelligence',
  'generic',
  'adminConfirmedUserCompromised',
  'mcasImpossibleTravel',
  'mcasSuspiciousInboxManipulationRules',
  'investigationsThreatIntelligenceSigninLinked',
  'maliciousIPAddressValidCredentialsBlockedIP',
  'unknownFutureValue',
] as const

export const clientCredentialTypeValues = [
  'none',
  'clientSecret',
  'clientAssertion',
  'federatedIdentityCredential',
  'managedIdentity',
  'certificate',
  'unknownFutureValue',
] as const

export const incomingTokenTypeValues = [
  'none',
  'primaryRefreshToken',
  'saml11',
  'saml20',
  'unknownFutureValue',
  'remoteDesktopToken',
  'refreshToken',
] as const

/** PascalCase on purpose: that is how Graph spells this enum (§3.3). */
export const tokenIssuerTypeValues = [
  'AzureAD',
  'ADFederationServices',
  'UnknownFutureValue',
  'AzureADBackupAuth',
  'ADFederationServicesMFAAdapter',
  'NPSExtension',
] as const

export const signInAccessTypeValues = [
  'none',
  'b2bCollaboration',
  'b2bDirectConnect',
  'microsoftSupport',
  'serviceProvider',
  'unknownFutureValue',
  'passthrough',
] as const

export const protocolTypeValues = [
  'none',
  'oAuth2',
  'ropc',
  'wsFederation',
  'saml20',
  'deviceCode',
  'unknownFutureValue',
  'authenticationTransfer',
  'nativeAuth',
  'implicitAccessTokenAndGetResponseMode',
  'implicitIdTokenAndGetResponseMode',
  'implicitAccessTokenAndPostResponseMode',
  'implicitIdTokenAndPostResponseMode',
  'authorizationCodeWithoutPkce',
  'authorizationCodeWithPkce',
  'clientCredentials',
  'refreshTokenGrant',
  'encryptedAuthorizeResponse',
  'directUserGrant',
  'kerberos',
  'prtGrant',
  'seamlessSso',
  'prtBrokerBased',
  'prtNonBrokerBased',
  'onBehalfOf',
  'samlOnBehalfOf',
  'officeS2S',
  'wsTrust',
] as const

export const signInIdentifierTypeValues = [
  'userPrincipalName',
  'phoneNumber',
  'proxyAddress',
  'qrCode',
  'onPremisesUserPrincipalName',
  'unknownFutureValue',
] as const

export const signInUserTypeValues = ['member', 'guest', 'unknownFutureValue'] as const
export const msiTypeValues = ['none', 'userAssigned', 'systemAssigned', 'unknownFutureValue'] as const
export const tokenProtectionStatusValues = ['none', 'bound', 'unbound', 'unknownFutureValue'] as const
export const originalTransferMethodsValues = [
  'none',
  'deviceCodeFlow',
  'authenticationTransfer',
  'unknownFutureValue',
] as const
export const networkTypeValues = [
  'intranet',
  'extranet',
  'namedNetwork',
  'trusted',
  'unknownFutureValue',
  'trustedNamedLocation',
] as const

export const conditionalAccessConditionsValues = [
  'none',
  'application',
  'users',
  'devicePlatform',
  'location',
  'clientType',
  'signInRisk',
  'userRisk',
  'time',
  'deviceState',
  'client',
  'ipAddressSeenByAzureAD',
  'ipAddressSeenByResourceProvider',
  'unknownFutureValue',
  'servicePrincipals',
  'servicePrincipalRisk',
  'authenticationFlows',
  'insiderRisk',
] as const

export const conditionalAccessRuleValues = [
  'allApps',
  'firstPartyApps',
  'office365',
  'appId',
  'acr',
  'appFilter',
  'allUsers',
  'guest',
  'groupId',
  'roleId',
  'userId',
  'allDevicePlatforms',
  'devicePlatform',
  'allLocations',
  'insideCorpnet',
  'allTrustedLocations',
  'locationId',
  'allDevices',
  'deviceFilter',
  'deviceState',
  'unknownFutureValue',
  'deviceFilterIncludeRuleNotMatched',
  'allDeviceStates',
  'anonymizedIPAddress',
  'unfamiliarFeatures',
  'nationStateIPAddress',
  'realTimeThreatIntelligence',
  'internalGuest',
  'b2bCollaborationGuest',
  'b2bCollaborationMember',
  'b2bDirectConnectUser',
  'otherExternalUser',
  'serviceProvider',
  'microsoftAdminPortals',
  'deviceCodeFlow',
  'authenticationTransfer',
  'insiderRisk',
] as const

export const requirementProviderValues = [
  'user',
  'request',
  'servicePrincipal',
  'v1ConditionalAccess',
  'multiConditionalAccess',
  'tenantSessionRiskPolicy',
  'accountCompromisePolicies',
  'v1ConditionalAccessDependency',
  'v1ConditionalAccessPolicyIdRequested',
  'mfaRegistrationRequiredByIdentityProtectionPolicy',
  'baselineProtection',
  'mfaRegistrationRequiredByBaselineProtection',
  'mfaRegistrationRequiredByMultiConditionalAccess',
  'enforcedForCspAdmins',
  'securityDefaults',
  'mfaRegistrationRequiredBySecurityDefaults',
  'proofUpCodeRequest',
  'crossTenantOutboundRule',
  'gpsLocationCondition',
  'riskBasedPolicy',
  'unknownFutureValue',
  'scopeBasedAuthRequirementPolicy',
  'authenticationStrengths',
] as const

export const authenticationAppPolicyStatusValues = [
  'unknown',
  'appLockOutOfDate',
  'appLockEnabled',
  'appLockDisabled',
  'appContextOutOfDate',
  'appContextShown',
  'appContextNotShown',
  'locationContextOutOfDate',
  'locationContextShown',
  'locationContextNotShown',
  'numberMatchOutOfDate',
  'numberMatchCorrectNumberEntered',
  'numberMatchIncorrectNumberEntered',
  'numberMatchDeny',
  'tamperResistantHardwareOutOfDate',
  'tamperResistantHardwareUsed',
  'tamperResistantHardwareNotUsed',
  'unknownFutureValue',
] as const
export const authenticationAppAdminConfigurationValues = [
  'notApplicable',
  'enabled',
  'disabled',
  'unknownFutureValue',
] as const
export const authenticationAppEvaluationValues = ['success', 'failure', 'unknownFutureValue'] as const

export const expirationRequirementValues = [
  'rememberMultifactorAuthenticationOnTrustedDevices',
  'tenantTokenLifetimePolicy',
  'audienceTokenLifetimePolicy',
  'signInFrequencyPeriodicReauthentication',
  'ngcMfa',
  'signInFrequencyEveryTime',
  'unknownFutureValue',
] as const
export const authenticationContextDetailValues = [
  'required',
  'previouslySatisfied',
  'notApplicable',
  'unknownFutureValue',
] as const
export const authenticationStrengthResultValues = [
  'notSet',
  'skippedForProofUp',
  'satisfied',
  'singleChallengeRequired',
  'multipleChallengesRequired',
  'singleRegistrationRequired',
  'multipleRegistrationsRequired',
  'cannotSatisfyDueToCombinationConfiguration',
  'cannotSatisfy',
  'unknownFutureValue',
] as const
export const authenticationEventTypeValues = [
  'tokenIssuanceStart',
  'pageRenderStart',
  'attributeCollectionStart',
  'attributeCollectionSubmit',
  'emailOtpSend',
  'passwordSubmit',
  'unknownFutureValue',
] as const
/** `microsoft.graph.agentic.agentType`. */
export const agentTypeValues = [
  'notAgentic',
  'agenticApp',
  'agenticAppInstance',
  'unknownFutureValue',
  'agentIdentityBlueprintPrincipal',
  'agentIDuser',
] as const

/** `signInEventTypes` is typed `Collection(Edm.String)`, but these are its documented values (§1.1). */
export const signInEventTypeValues = [
  'interactiveUser',
  'nonInteractiveUser',
  'servicePrincipal',
  'managedIdentity',
  'unknownFutureValue',
] as const

export const aggregationWindowValues = ['h1', 'h6', 'd1', 'unknownFutureValue'] as const

/** The four concrete categories the app and the fake work with (no `unknownFutureValue`). */
export const signInEventTypes = [
  'interactiveUser',
  'nonInteractiveUser',
  'servicePrincipal',
  'managedIdentity',
] as const
export type SignInEventType = (typeof signInEventTypes)[number]

/** The windows accepted by the summarized functions (§1.2). */
export const aggregationWindows = ['h1', 'h6', 'd1'] as const
export type AggregationWindow = (typeof aggregationWindows)[number]

/** Members hidden behind `Prefer: include-unknown-enum-members` (§2.5): those after `unknownFutureValue`. */
export function evolvableMembersOf(values: readonly string[]): readonly string[] {
  const cut = values.findIndex((v) => v.toLowerCase() === 'unknownfuturevalue')
  return cut < 0 ? [] : values.slice(cut + 1)
}
