/**
 * What each details-pane tab lists (portal-ui.md §3.1, §3.2), as data: label, value, and whether
 * the value is an ID (copy button, §3.3) or a date (Local/UTC, §2.4).
 */
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { signInText as t } from '../../model/display-text.ts'
import { signInTypeOf, type TabId } from '../../model/tabs.ts'

export interface DetailField {
  label: string
  value: string | null
  kind?: 'id' | 'date' | 'text'
}

export type DetailTabId =
  | 'basic'
  | 'location'
  | 'device'
  | 'authentication'
  | 'conditional-access'
  | 'report-only'
  | 'additional'
  | 'related'

export const detailTabLabels: Record<DetailTabId, string> = {
  basic: 'Basic info',
  location: 'Location',
  device: 'Device info',
  authentication: 'Authentication Details',
  'conditional-access': 'Conditional Access',
  'report-only': 'Report-only',
  additional: 'Additional Details',
  related: 'Related sign-ins',
}

/** §3.1 table: which tabs apply to each log type; "Related sign-ins" (issue #12) follows the portal's on every type. */
export const detailTabsByLogType: Record<TabId, readonly DetailTabId[]> = {
  interactive: [
    'basic',
    'location',
    'device',
    'authentication',
    'conditional-access',
    'report-only',
    'additional',
    'related',
  ],
  'non-interactive': [
    'basic',
    'location',
    'device',
    'authentication',
    'conditional-access',
    'report-only',
    'additional',
    'related',
  ],
  'service-principal': ['basic', 'location', 'conditional-access', 'report-only', 'additional', 'related'],
  'managed-identity': ['basic', 'location', 'additional', 'related'],
}

/** The record's own log type wins over the tab it was opened from (a URL may point anywhere). */
export function logTypeOf(signIn: BetaSignIn, fallback: TabId): TabId {
  return signInTypeOf(signIn) ?? fallback
}

const f = (label: string, value: string | null, kind: DetailField['kind'] = 'text'): DetailField => ({
  label,
  value,
  kind,
})

export function isFailure(signIn: BetaSignIn): boolean {
  return signIn.status.errorCode !== 0
}

function failureFields(signIn: BetaSignIn): DetailField[] {
  if (!isFailure(signIn)) return []
  return [
    f('Sign-in error code', t.errorCode(signIn)),
    f('Failure reason', t.failureReason(signIn)),
    f('Additional details', t.additionalDetails(signIn)),
  ]
}

export function basicInfoFields(signIn: BetaSignIn, logType: TabId): DetailField[] {
  const s = signIn
  const head = [
    f('Date', s.createdDateTime, 'date'),
    f('Request ID', t.requestId(s), 'id'),
    f('Correlation ID', t.correlationId(s), 'id'),
  ]
  const status = f('Status', t.status(s))
  if (logType === 'service-principal') {
    return [
      ...head,
      status,
      ...failureFields(s),
      f('Service principal name', t.servicePrincipalName(s)),
      f('Service principal ID', t.servicePrincipalId(s), 'id'),
      f('Application', t.appDisplayName(s)),
      f('Application ID', t.appId(s), 'id'),
      f('Resource', t.resourceDisplayName(s)),
      f('Resource ID', t.resourceId(s), 'id'),
      f('Resource service principal ID', t.resourceServicePrincipalId(s), 'id'),
      f('Client credential type', t.clientCredentialType(s)),
      f('Credential key ID', t.servicePrincipalCredentialKeyId(s), 'id'),
      f('Credential thumbprint', t.servicePrincipalCredentialThumbprint(s), 'id'),
      f('Federated credential ID', t.federatedCredentialId(s), 'id'),
      f('IP address', t.ipAddress(s)),
      f('Location', t.location(s)),
    ]
  }
  if (logType === 'managed-identity') {
    return [
      ...head,
      status,
      ...failureFields(s),
      f('Managed identity name', t.servicePrincipalName(s)),
      f('Managed identity ID', t.servicePrincipalId(s), 'id'),
      f('Managed identity type', t.msiType(s)),
      f('Associated Resource Id', t.associatedResourceId(s), 'id'),
      f('Federated Token Id', t.federatedTokenId(s), 'id'),
      f('Federated Token Issuer', t.federatedTokenIssuer(s)),
      f('Resource', t.resourceDisplayName(s)),
      f('Resource ID', t.resourceId(s), 'id'),
      f('IP address', t.ipAddress(s)),
    ]
  }
  return [
    ...head,
    f('Unique token identifier', t.uniqueTokenIdentifier(s), 'id'),
    f('Session ID', t.sessionId(s), 'id'),
    f('Authentication requirement', t.authenticationRequirement(s)),
    status,
    f('Continuous access evaluation', t.continuousAccessEvaluation(s)),
    ...failureFields(s),
    f('User', t.user(s)),
    f('Username', t.userPrincipalName(s)),
    f('User ID', t.userId(s), 'id'),
    f('Sign-in identifier', t.signInIdentifier(s)),
    f('User type', t.userType(s)),
    f('Cross tenant access type', t.crossTenantAccessType(s)),
    f('Application', t.appDisplayName(s)),
    f('Application ID', t.appId(s), 'id'),
    f('Resource', t.resourceDisplayName(s)),
    f('Resource ID', t.resourceId(s), 'id'),
    f('Resource tenant ID', t.resourceTenantId(s), 'id'),
    f('Resource service principal ID', t.resourceServicePrincipalId(s), 'id'),
    f('Home tenant ID', t.homeTenantId(s), 'id'),
    f('Home tenant name', t.homeTenantName(s)),
    f('Client app', t.clientAppUsed(s)),
    f('Client credential type', t.clientCredentialType(s)),
    f('Token issuer type', t.tokenIssuerType(s)),
    f('Token issuer name', t.tokenIssuerName(s)),
    f('Incoming token type', t.incomingTokenType(s)),
    f('Authentication Protocol', t.authenticationProtocol(s)),
    f('Original transfer method', t.originalTransferMethod(s)),
    f('Token Protection - Sign In Session', t.tokenProtectionSummary(s)),
    f('Latency', t.latency(s)),
    f('Flagged for review', t.flaggedForReview(s)),
    f('User agent', t.userAgent(s)),
  ]
}

export function locationFields(signIn: BetaSignIn): DetailField[] {
  return [
    f('Location', t.location(signIn)),
    f('IP address', t.ipAddress(signIn)),
    f('IP address (seen by resource)', t.ipAddressFromResourceProvider(signIn)),
    f('Autonomous system number', t.autonomousSystemNumber(signIn)),
    f('Network', t.network(signIn)),
    f('Through Global Secure Access', t.isThroughGlobalSecureAccess(signIn)),
    f('Global Secure Access IP address', t.globalSecureAccessIpAddress(signIn)),
  ]
}

export function deviceFields(signIn: BetaSignIn): DetailField[] {
  return [
    f('Device ID', t.deviceId(signIn), 'id'),
    f('Device name', t.deviceName(signIn)),
    f('Operating System', t.operatingSystem(signIn)),
    f('Browser', t.browser(signIn)),
    f('Compliant', t.isCompliant(signIn)),
    f('Managed', t.isManaged(signIn)),
    f('Join Type', t.trustType(signIn)),
  ]
}
