/**
 * What each details-pane tab lists (portal-ui.md §3.1, §3.2), as data: label, value, and whether
 * the value is an ID (copy button, §3.3) or a date (Local/UTC, §2.4).
 */
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { authenticationRequirementText, locationText, userText } from '../../model/columns.ts'
import { statusOfErrorCode } from '../../model/status.ts'
import type { TabId } from '../../model/tabs.ts'

export interface DetailField {
  label: string
  value: string | null
  kind?: 'id' | 'date' | 'text'
}

export type DetailTabId =
  'basic' | 'location' | 'device' | 'authentication' | 'conditional-access' | 'report-only' | 'additional'

export const detailTabLabels: Record<DetailTabId, string> = {
  basic: 'Basic info',
  location: 'Location',
  device: 'Device info',
  authentication: 'Authentication Details',
  'conditional-access': 'Conditional Access',
  'report-only': 'Report-only',
  additional: 'Additional Details',
}

/** §3.1 table: which tabs apply to each log type. */
export const detailTabsByLogType: Record<TabId, readonly DetailTabId[]> = {
  interactive: [
    'basic',
    'location',
    'device',
    'authentication',
    'conditional-access',
    'report-only',
    'additional',
  ],
  'non-interactive': [
    'basic',
    'location',
    'device',
    'authentication',
    'conditional-access',
    'report-only',
    'additional',
  ],
  'service-principal': ['basic', 'location', 'conditional-access', 'report-only', 'additional'],
  'managed-identity': ['basic', 'location', 'additional'],
}

/** The record's own log type wins over the tab it was opened from (a URL may point anywhere). */
export function logTypeOf(signIn: BetaSignIn, fallback: TabId): TabId {
  const types = signIn.signInEventTypes
  if (types.includes('managedIdentity')) return 'managed-identity'
  if (types.includes('servicePrincipal')) return 'service-principal'
  if (types.includes('nonInteractiveUser')) return 'non-interactive'
  if (types.includes('interactiveUser')) return 'interactive'
  return fallback
}

const text = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value)
const yesNo = (value: boolean | null | undefined): string | null =>
  value === null || value === undefined ? null : value ? 'Yes' : 'No'

const f = (label: string, value: string | null, kind: DetailField['kind'] = 'text'): DetailField => ({
  label,
  value,
  kind,
})

export function isFailure(signIn: BetaSignIn): boolean {
  return signIn.status.errorCode !== 0
}

function caeValue(signIn: BetaSignIn): string | null {
  return text(signIn.authenticationProcessingDetails.find((detail) => detail.key === 'Is CAE Token')?.value)
}

function tokenProtection(signIn: BetaSignIn): string | null {
  const details = signIn.tokenProtectionStatusDetails
  if (!details?.signInSessionStatus) return null
  // Shown like "Unbound (Status code: 1003)" [T 35].
  return details.signInSessionStatusCode === null
    ? details.signInSessionStatus
    : `${details.signInSessionStatus} (Status code: ${details.signInSessionStatusCode})`
}

function failureFields(signIn: BetaSignIn): DetailField[] {
  if (!isFailure(signIn)) return []
  return [
    f('Sign-in error code', String(signIn.status.errorCode)),
    f('Failure reason', text(signIn.status.failureReason)),
    f('Additional details', text(signIn.status.additionalDetails)),
  ]
}

export function basicInfoFields(signIn: BetaSignIn, logType: TabId): DetailField[] {
  const head = [
    f('Date', signIn.createdDateTime, 'date'),
    f('Request ID', signIn.id, 'id'),
    f('Correlation ID', text(signIn.correlationId), 'id'),
  ]
  const status = f('Status', statusOfErrorCode(signIn.status.errorCode))
  if (logType === 'service-principal') {
    return [
      ...head,
      status,
      ...failureFields(signIn),
      f('Service principal name', text(signIn.servicePrincipalName)),
      f('Service principal ID', text(signIn.servicePrincipalId), 'id'),
      f('Application', text(signIn.appDisplayName)),
      f('Application ID', text(signIn.appId), 'id'),
      f('Resource', text(signIn.resourceDisplayName)),
      f('Resource ID', text(signIn.resourceId), 'id'),
      f('Resource service principal ID', text(signIn.resourceServicePrincipalId), 'id'),
      f('Client credential type', text(signIn.clientCredentialType)),
      f('Credential key ID', text(signIn.servicePrincipalCredentialKeyId), 'id'),
      f('Credential thumbprint', text(signIn.servicePrincipalCredentialThumbprint), 'id'),
      f('Federated credential ID', text(signIn.federatedCredentialId), 'id'),
      f('IP address', text(signIn.ipAddress)),
      f('Location', locationText(signIn.location)),
    ]
  }
  if (logType === 'managed-identity') {
    const msi = signIn.managedServiceIdentity
    return [
      ...head,
      status,
      ...failureFields(signIn),
      f('Managed identity name', text(signIn.servicePrincipalName)),
      f('Managed identity ID', text(signIn.servicePrincipalId), 'id'),
      f('Managed identity type', text(msi?.msiType)),
      f('Associated Resource Id', text(msi?.associatedResourceId), 'id'),
      f('Federated Token Id', text(msi?.federatedTokenId), 'id'),
      f('Federated Token Issuer', text(msi?.federatedTokenIssuer)),
      f('Resource', text(signIn.resourceDisplayName)),
      f('Resource ID', text(signIn.resourceId), 'id'),
      f('IP address', text(signIn.ipAddress)),
    ]
  }
  return [
    ...head,
    f('Unique token identifier', text(signIn.uniqueTokenIdentifier), 'id'),
    f('Session ID', text(signIn.sessionId), 'id'),
    f('Authentication requirement', authenticationRequirementText(signIn.authenticationRequirement)),
    status,
    f('Continuous access evaluation', caeValue(signIn)),
    ...failureFields(signIn),
    f('User', userText(signIn)),
    f('Username', text(signIn.userPrincipalName)),
    f('User ID', text(signIn.userId), 'id'),
    f('Sign-in identifier', text(signIn.signInIdentifier)),
    f('User type', text(signIn.userType)),
    f('Cross tenant access type', text(signIn.crossTenantAccessType)),
    f('Application', text(signIn.appDisplayName)),
    f('Application ID', text(signIn.appId), 'id'),
    f('Resource', text(signIn.resourceDisplayName)),
    f('Resource ID', text(signIn.resourceId), 'id'),
    f('Resource tenant ID', text(signIn.resourceTenantId), 'id'),
    f('Resource service principal ID', text(signIn.resourceServicePrincipalId), 'id'),
    f('Home tenant ID', text(signIn.homeTenantId), 'id'),
    f('Home tenant name', text(signIn.homeTenantName)),
    f('Client app', text(signIn.clientAppUsed)),
    f('Client credential type', text(signIn.clientCredentialType)),
    f('Token issuer type', text(signIn.tokenIssuerType)),
    f('Token issuer name', text(signIn.tokenIssuerName)),
    f('Incoming token type', text(signIn.incomingTokenType)),
    f('Authentication Protocol', text(signIn.authenticationProtocol)),
    f('Original transfer method', text(signIn.originalTransferMethod)),
    f('Token Protection - Sign In Session', tokenProtection(signIn)),
    f(
      'Latency',
      signIn.processingTimeInMilliseconds === null ? null : `${signIn.processingTimeInMilliseconds} ms`,
    ),
    f('Flagged for review', yesNo(signIn.flaggedForReview)),
    f('User agent', text(signIn.userAgent)),
  ]
}

export function locationFields(signIn: BetaSignIn): DetailField[] {
  const networks = signIn.networkLocationDetails.flatMap((detail) => detail.networkNames)
  return [
    f('Location', locationText(signIn.location)),
    f('IP address', text(signIn.ipAddress)),
    f('IP address (seen by resource)', text(signIn.ipAddressFromResourceProvider)),
    f('Autonomous system number', text(signIn.autonomousSystemNumber)),
    f('Network', networks.length ? networks.join(', ') : null),
    f('Through Global Secure Access', yesNo(signIn.isThroughGlobalSecureAccess)),
    f('Global Secure Access IP address', text(signIn.globalSecureAccessIpAddress)),
  ]
}

export function deviceFields(signIn: BetaSignIn): DetailField[] {
  const device = signIn.deviceDetail
  return [
    f('Device ID', text(device?.deviceId), 'id'),
    f('Device name', text(device?.displayName)),
    f('Operating System', text(device?.operatingSystem)),
    f('Browser', text(device?.browser)),
    f('Compliant', yesNo(device?.isCompliant)),
    f('Managed', yesNo(device?.isManaged)),
    f('Join Type', text(device?.trustType)),
  ]
}
