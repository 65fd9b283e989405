/**
 * Grid columns per tab (portal-ui.md §1.3) and the interactive Columns picker catalogue (§1.4).
 * A column is data only: an id, the on-screen header and how to read the cell from a record.
 * Rendering (dates in Local/UTC, blank for empty) lives in the grid components.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { statusOfErrorCode } from './status.ts'
import type { TabId } from './tabs.ts'

const conditionalAccessLabels: Record<string, string> = {
  success: 'Success',
  failure: 'Failure',
  notApplied: 'Not Applied',
}

/** §1.3: `Success` / `Failure` / `Not Applied`; evolvable values Graph may add show as sent. */
export function conditionalAccessLabel(value: string | null | undefined): string | null {
  if (!value) return null
  return conditionalAccessLabels[value] ?? value
}

/** `date` cells hold an ISO string and are formatted per "Show dates as" (§2.4). */
export type ColumnKind = 'text' | 'date' | 'id' | 'count'

export interface SignInColumn {
  id: string
  label: string
  kind: ColumnKind
  value: (signIn: BetaSignIn) => string | null
}

export interface GroupedColumn {
  id: string
  label: string
  kind: ColumnKind
  /** group row (summarizedSignIn) */
  summaryValue: (summary: SummarizedSignIn) => string | null
  /** child row (the individual sign-in) */
  signInValue: (signIn: BetaSignIn) => string | null
}

const yesNo = (value: boolean | null | undefined): string | null =>
  value === null || value === undefined ? null : value ? 'Yes' : 'No'

const text = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value)

export function locationText(location: BetaSignIn['location'] | null | undefined): string | null {
  if (!location) return null
  const parts = [location.city, location.state, location.countryOrRegion].filter((part): part is string =>
    Boolean(part),
  )
  return parts.length ? parts.join(', ') : null
}

const authenticationRequirementLabels: Record<string, string> = {
  singleFactorAuthentication: 'Single-factor authentication',
  multiFactorAuthentication: 'Multifactor authentication',
}

export function authenticationRequirementText(value: string | null | undefined): string | null {
  if (!value) return null
  return authenticationRequirementLabels[value] ?? value
}

/** Fallback order for "User" per §1.3: display name, else UPN, else object id. */
export function userText(signIn: Pick<BetaSignIn, 'userDisplayName' | 'userPrincipalName' | 'userId'>) {
  return text(signIn.userDisplayName) ?? text(signIn.userPrincipalName) ?? text(signIn.userId)
}

const col = (id: string, label: string, kind: ColumnKind, value: SignInColumn['value']): SignInColumn => ({
  id,
  label,
  kind,
  value,
})

/** Every pickable column, in the order of §1.4. Multi-valued fields are never columns (§1.4). */
export const interactiveColumnCatalogue: readonly SignInColumn[] = [
  col('createdDateTime', 'Date', 'date', (s) => s.createdDateTime),
  col('id', 'Request ID', 'id', (s) => s.id),
  col('user', 'User', 'text', (s) => userText(s)),
  col('userPrincipalName', 'Username', 'text', (s) => text(s.userPrincipalName)),
  col('userId', 'User ID', 'id', (s) => text(s.userId)),
  col('userType', 'User type', 'text', (s) => text(s.userType)),
  col('signInIdentifier', 'Sign-in identifier', 'text', (s) => text(s.signInIdentifier)),
  col('appDisplayName', 'Application', 'text', (s) => text(s.appDisplayName)),
  col('appId', 'Application ID', 'id', (s) => text(s.appId)),
  col('resourceDisplayName', 'Resource', 'text', (s) => text(s.resourceDisplayName)),
  col('resourceId', 'Resource ID', 'id', (s) => text(s.resourceId)),
  col('resourceTenantId', 'Resource tenant ID', 'id', (s) => text(s.resourceTenantId)),
  col('homeTenantId', 'Home tenant ID', 'id', (s) => text(s.homeTenantId)),
  col('homeTenantName', 'Home tenant name', 'text', (s) => text(s.homeTenantName)),
  col('crossTenantAccessType', 'Cross tenant access type', 'text', (s) => text(s.crossTenantAccessType)),
  col('status', 'Status', 'text', (s) => statusOfErrorCode(s.status.errorCode)),
  col('errorCode', 'Sign-in error code', 'text', (s) => text(s.status.errorCode)),
  col('failureReason', 'Failure reason', 'text', (s) => text(s.status.failureReason)),
  col('ipAddress', 'IP address', 'text', (s) => text(s.ipAddress)),
  col('ipAddressFromResourceProvider', 'IP address (seen by resource)', 'text', (s) =>
    text(s.ipAddressFromResourceProvider),
  ),
  col('location', 'Location', 'text', (s) => locationText(s.location)),
  col('autonomousSystemNumber', 'Autonomous system number', 'text', (s) => text(s.autonomousSystemNumber)),
  col('conditionalAccessStatus', 'Conditional Access', 'text', (s) =>
    conditionalAccessLabel(s.conditionalAccessStatus),
  ),
  col('authenticationRequirement', 'Authentication requirement', 'text', (s) =>
    authenticationRequirementText(s.authenticationRequirement),
  ),
  col('mfaResult', 'Multifactor authentication result', 'text', (s) =>
    s.authenticationRequirement === 'multiFactorAuthentication' ? text(s.status.additionalDetails) : null,
  ),
  col('mfaAuthMethod', 'Multifactor authentication auth method', 'text', (s) =>
    text(s.mfaDetail?.authMethod),
  ),
  col('mfaAuthDetail', 'Multifactor authentication auth detail', 'text', (s) =>
    text(s.mfaDetail?.authDetail),
  ),
  col('clientAppUsed', 'Client app', 'text', (s) => text(s.clientAppUsed)),
  col('clientCredentialType', 'Client credential type', 'text', (s) => text(s.clientCredentialType)),
  col('deviceId', 'Device ID', 'id', (s) => text(s.deviceDetail?.deviceId)),
  col('browser', 'Browser', 'text', (s) => text(s.deviceDetail?.browser)),
  col('operatingSystem', 'Operating System', 'text', (s) => text(s.deviceDetail?.operatingSystem)),
  col('isCompliant', 'Compliant', 'text', (s) => yesNo(s.deviceDetail?.isCompliant)),
  col('isManaged', 'Managed', 'text', (s) => yesNo(s.deviceDetail?.isManaged)),
  col('trustType', 'Join Type', 'text', (s) => text(s.deviceDetail?.trustType)),
  col('correlationId', 'Correlation ID', 'id', (s) => text(s.correlationId)),
  col('userAgent', 'User agent', 'text', (s) => text(s.userAgent)),
  col('tokenIssuerType', 'Token issuer type', 'text', (s) => text(s.tokenIssuerType)),
  col('tokenIssuerName', 'Token issuer name', 'text', (s) => text(s.tokenIssuerName)),
  col('incomingTokenType', 'Incoming token type', 'text', (s) => text(s.incomingTokenType)),
  col('authenticationProtocol', 'Authentication Protocol', 'text', (s) => text(s.authenticationProtocol)),
  col('originalTransferMethod', 'Original transfer method', 'text', (s) => text(s.originalTransferMethod)),
  col('uniqueTokenIdentifier', 'Unique token identifier', 'id', (s) => text(s.uniqueTokenIdentifier)),
  col('sessionId', 'Session ID', 'id', (s) => text(s.sessionId)),
  col('processingTimeInMilliseconds', 'Latency', 'text', (s) =>
    s.processingTimeInMilliseconds === null ? null : `${s.processingTimeInMilliseconds} ms`,
  ),
  col('flaggedForReview', 'Flagged for review', 'text', (s) => yesNo(s.flaggedForReview)),
  col('isThroughGlobalSecureAccess', 'Through Global Secure Access', 'text', (s) =>
    yesNo(s.isThroughGlobalSecureAccess),
  ),
  col('globalSecureAccessIpAddress', 'Global Secure Access IP address', 'text', (s) =>
    text(s.globalSecureAccessIpAddress),
  ),
  col('tokenProtectionSignInSession', 'Token Protection - Sign In Session', 'text', (s) =>
    text(s.tokenProtectionStatusDetails?.signInSessionStatus),
  ),
  col('tokenProtectionSignInSessionCode', 'Token Protection – Sign-in session status code', 'text', (s) =>
    text(s.tokenProtectionStatusDetails?.signInSessionStatusCode),
  ),
  col('appOwnerTenantId', 'App owner tenant ID', 'id', (s) => text(s.appOwnerTenantId)),
  col('resourceOwnerTenantId', 'Resource owner tenant ID', 'id', (s) => text(s.resourceOwnerTenantId)),
  col('continuousAccessEvaluation', 'Continuous access evaluation', 'text', (s) => {
    const entry = s.authenticationProcessingDetails.find((detail) => detail.key === 'Is CAE Token')
    return text(entry?.value)
  }),
  col('msiType', 'Managed Identity type', 'text', (s) => text(s.managedServiceIdentity?.msiType)),
  col('associatedResourceId', 'Associated Resource Id', 'id', (s) =>
    text(s.managedServiceIdentity?.associatedResourceId),
  ),
  col('federatedTokenId', 'Federated Token Id', 'id', (s) =>
    text(s.managedServiceIdentity?.federatedTokenId),
  ),
  col('federatedTokenIssuer', 'Federated Token Issuer', 'text', (s) =>
    text(s.managedServiceIdentity?.federatedTokenIssuer),
  ),
]

/** §1.3 default visible columns of the interactive tab, in order. */
export const defaultInteractiveColumnIds: readonly string[] = [
  'createdDateTime',
  'id',
  'user',
  'appDisplayName',
  'status',
  'ipAddress',
  'location',
  'conditionalAccessStatus',
  'crossTenantAccessType',
  'homeTenantId',
  'resourceTenantId',
  'authenticationRequirement',
]

/** Columns in catalogue order for a picked set; unknown ids (old storage) are dropped. */
export function interactiveColumnsFor(ids: readonly string[]): SignInColumn[] {
  const wanted = new Set(ids)
  return interactiveColumnCatalogue.filter((column) => wanted.has(column.id))
}

const grouped = (
  id: string,
  label: string,
  kind: ColumnKind,
  summaryValue: GroupedColumn['summaryValue'],
  signInValue: GroupedColumn['signInValue'],
): GroupedColumn => ({ id, label, kind, summaryValue, signInValue })

const dateColumn = grouped(
  'date',
  'Date',
  'date',
  // §1.2: the group row shows its bucket start; children show their own time.
  (s) => s.aggregationDateTime,
  (s) => s.createdDateTime,
)
// Graph's summarizedSignIn `id` is not a request id; children carry their own (§1.2).
const requestIdColumn = grouped(
  'requestId',
  'Request ID',
  'id',
  () => null,
  (s) => s.id,
)
const statusColumn = grouped(
  'status',
  'Status',
  'text',
  (s) => statusOfErrorCode(s.status.errorCode),
  (s) => statusOfErrorCode(s.status.errorCode),
)
const ipColumn = grouped(
  'ipAddress',
  'IP address',
  'text',
  (s) => text(s.ipAddress),
  (s) => text(s.ipAddress),
)
const resourceColumn = grouped(
  'resource',
  'Resource',
  'text',
  (s) => text(s.resourceDisplayName),
  (s) => text(s.resourceDisplayName),
)
const resourceIdColumn = grouped(
  'resourceId',
  'Resource ID',
  'id',
  (s) => text(s.resourceId),
  (s) => text(s.resourceId),
)
/** Children are single sign-ins: the count cell stays blank for them. */
const countColumn = grouped(
  'signInCount',
  '# Sign-ins',
  'count',
  (s) => String(s.signInCount),
  () => null,
)

/** §1.3 fixed column sets of the grouped tabs. */
export const groupedColumnsByTab: Record<Exclude<TabId, 'interactive'>, readonly GroupedColumn[]> = {
  'non-interactive': [
    dateColumn,
    requestIdColumn,
    grouped(
      'user',
      'User',
      'text',
      (s) => text(s.userPrincipalName),
      (s) => userText(s),
    ),
    grouped(
      'application',
      'Application',
      'text',
      (s) => text(s.appDisplayName),
      (s) => text(s.appDisplayName),
    ),
    statusColumn,
    ipColumn,
    resourceIdColumn,
    countColumn,
  ],
  'service-principal': [
    dateColumn,
    requestIdColumn,
    grouped(
      'servicePrincipal',
      'Service principal name',
      'text',
      (s) => text(s.servicePrincipalName) ?? text(s.servicePrincipalId),
      (s) => text(s.servicePrincipalName) ?? text(s.servicePrincipalId),
    ),
    statusColumn,
    ipColumn,
    resourceColumn,
    resourceIdColumn,
    countColumn,
  ],
  'managed-identity': [
    dateColumn,
    grouped(
      'managedIdentityId',
      'Managed identity ID',
      'id',
      (s) => text(s.servicePrincipalId),
      (s) => text(s.servicePrincipalId),
    ),
    grouped(
      'managedIdentityName',
      'Managed identity name',
      'text',
      (s) => text(s.servicePrincipalName),
      (s) => text(s.servicePrincipalName),
    ),
    statusColumn,
    resourceColumn,
    resourceIdColumn,
    countColumn,
  ],
}
