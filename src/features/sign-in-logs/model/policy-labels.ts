/**
 * Display text of the enums inside the details pane's Authentication Details, Conditional Access and
 * Report-only tabs (graph-api.md §3.2–3.3). Kept apart from enum-labels.ts so that the first screen
 * (the grid) does not carry them: only the details pane, loaded on demand, reads them.
 */
import type {
  appliedConditionalAccessPolicyResultValues,
  authenticationStrengthResultValues,
  conditionalAccessConditionsValues,
  conditionalAccessRuleValues,
  expirationRequirementValues,
  requirementProviderValues,
} from '../../../../contract/enum-values.ts'
import { UNKNOWN_FUTURE_VALUE, type EnumLabels } from './enum-labels.ts'

/**
 * portal-ui.md §3.2: `Success`, `Failure`, `Not Applied`, `Disabled` (Graph's `notEnabled`). Report-only
 * outcomes use the wording of Microsoft Learn's "Conditional Access report-only mode" page, where an
 * interrupted evaluation reads "User action required".
 */
export const policyResultLabels: EnumLabels<typeof appliedConditionalAccessPolicyResultValues> = {
  success: 'Success',
  failure: 'Failure',
  notApplied: 'Not Applied',
  notEnabled: 'Disabled',
  unknown: 'Unknown',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
  reportOnlySuccess: 'Report-only: Success',
  reportOnlyFailure: 'Report-only: Failure',
  reportOnlyNotApplied: 'Report-only: Not Applied',
  reportOnlyInterrupted: 'Report-only: User action required',
}

export const conditionalAccessConditionLabels: EnumLabels<typeof conditionalAccessConditionsValues> = {
  none: 'None',
  application: 'Application',
  users: 'Users',
  devicePlatform: 'Device platform',
  location: 'Location',
  clientType: 'Client type',
  signInRisk: 'Sign-in risk',
  userRisk: 'User risk',
  time: 'Time',
  deviceState: 'Device state',
  client: 'Client',
  ipAddressSeenByAzureAD: 'IP address seen by Microsoft Entra ID',
  ipAddressSeenByResourceProvider: 'IP address seen by resource provider',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
  servicePrincipals: 'Service principals',
  servicePrincipalRisk: 'Service principal risk',
  authenticationFlows: 'Authentication flows',
  insiderRisk: 'Insider risk',
}

export const conditionalAccessRuleLabels: EnumLabels<typeof conditionalAccessRuleValues> = {
  allApps: 'All apps',
  firstPartyApps: 'First-party apps',
  office365: 'Office 365',
  appId: 'Application ID',
  acr: 'Authentication context',
  appFilter: 'Application filter',
  allUsers: 'All users',
  guest: 'Guest',
  groupId: 'Group ID',
  roleId: 'Role ID',
  userId: 'User ID',
  allDevicePlatforms: 'All device platforms',
  devicePlatform: 'Device platform',
  allLocations: 'All locations',
  insideCorpnet: 'Inside corporate network',
  allTrustedLocations: 'All trusted locations',
  locationId: 'Location ID',
  allDevices: 'All devices',
  deviceFilter: 'Device filter',
  deviceState: 'Device state',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
  deviceFilterIncludeRuleNotMatched: 'Device filter include rule not matched',
  allDeviceStates: 'All device states',
  anonymizedIPAddress: 'Anonymized IP address',
  unfamiliarFeatures: 'Unfamiliar features',
  nationStateIPAddress: 'Nation-state IP address',
  realTimeThreatIntelligence: 'Real-time threat intelligence',
  internalGuest: 'Internal guest',
  b2bCollaborationGuest: 'B2B collaboration guest',
  b2bCollaborationMember: 'B2B collaboration member',
  b2bDirectConnectUser: 'B2B direct connect user',
  otherExternalUser: 'Other external user',
  serviceProvider: 'Service provider',
  microsoftAdminPortals: 'Microsoft admin portals',
  deviceCodeFlow: 'Device code flow',
  authenticationTransfer: 'Authentication transfer',
  insiderRisk: 'Insider risk',
}

export const authenticationStrengthResultLabels: EnumLabels<typeof authenticationStrengthResultValues> = {
  notSet: 'Not set',
  skippedForProofUp: 'Skipped for proof-up',
  satisfied: 'Satisfied',
  singleChallengeRequired: 'Single challenge required',
  multipleChallengesRequired: 'Multiple challenges required',
  singleRegistrationRequired: 'Single registration required',
  multipleRegistrationsRequired: 'Multiple registrations required',
  cannotSatisfyDueToCombinationConfiguration: 'Cannot satisfy due to combination configuration',
  cannotSatisfy: 'Cannot satisfy',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

/** Authentication Details, "Authentication policies applied" (portal-ui.md §3.2). */
export const requirementProviderLabels: EnumLabels<typeof requirementProviderValues> = {
  user: 'Per-user MFA',
  request: 'Request',
  servicePrincipal: 'Service principal',
  v1ConditionalAccess: 'Conditional Access (v1)',
  multiConditionalAccess: 'Conditional Access',
  tenantSessionRiskPolicy: 'Tenant session risk policy',
  accountCompromisePolicies: 'Account compromise policies',
  v1ConditionalAccessDependency: 'Conditional Access (v1) dependency',
  v1ConditionalAccessPolicyIdRequested: 'Conditional Access (v1) policy ID requested',
  mfaRegistrationRequiredByIdentityProtectionPolicy:
    'MFA registration required by Identity Protection policy',
  baselineProtection: 'Baseline protection',
  mfaRegistrationRequiredByBaselineProtection: 'MFA registration required by baseline protection',
  mfaRegistrationRequiredByMultiConditionalAccess: 'MFA registration required by Conditional Access',
  enforcedForCspAdmins: 'Enforced for CSP admins',
  securityDefaults: 'Security Defaults',
  mfaRegistrationRequiredBySecurityDefaults: 'MFA registration required by Security Defaults',
  proofUpCodeRequest: 'Proof-up code request',
  crossTenantOutboundRule: 'Cross-tenant outbound rule',
  gpsLocationCondition: 'GPS location condition',
  riskBasedPolicy: 'Risk-based policy',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
  scopeBasedAuthRequirementPolicy: 'Scope-based authentication requirement policy',
  authenticationStrengths: 'Authentication strengths',
}

/** Authentication Details, "Session lifetime policies applied" (portal-ui.md §3.2). */
export const expirationRequirementLabels: EnumLabels<typeof expirationRequirementValues> = {
  rememberMultifactorAuthenticationOnTrustedDevices: 'Remember multifactor authentication on trusted devices',
  tenantTokenLifetimePolicy: 'Tenant token lifetime policy',
  audienceTokenLifetimePolicy: 'Audience token lifetime policy',
  signInFrequencyPeriodicReauthentication: 'Sign-in frequency (periodic reauthentication)',
  ngcMfa: 'Windows Hello for Business (NGC) MFA',
  signInFrequencyEveryTime: 'Sign-in frequency (every time)',
  unknownFutureValue: UNKNOWN_FUTURE_VALUE,
}

/**
 * `enforcedGrantControls` / `enforcedSessionControls` are free strings in Graph (`Mfa`, `Block`,
 * `SignInFrequency`, `CloudAppSecurity`, … in published records); shown with the names the Conditional
 * Access policy editor gives those controls.
 */
export const accessControlLabels: Readonly<Record<string, string>> = {
  Mfa: 'Require multifactor authentication',
  Block: 'Block access',
  RequireCompliantDevice: 'Require device to be marked as compliant',
  RequireDomainJoinedDevice: 'Require Microsoft Entra hybrid joined device',
  RequireApprovedApp: 'Require approved client app',
  RequireCompliantApp: 'Require app protection policy',
  PasswordChange: 'Require password change',
  AuthenticationStrength: 'Require authentication strength',
  SignInFrequency: 'Sign-in frequency',
  PersistentBrowserSessionMode: 'Persistent browser session',
  CloudAppSecurity: 'Use Conditional Access App Control',
  AppEnforcedRestrictions: 'Use app enforced restrictions',
  ContinuousAccessEvaluation: 'Customize continuous access evaluation',
  DisableResilienceDefaults: 'Disable resilience defaults',
  SecureSignInSession: 'Require token protection for sign-in sessions',
}
