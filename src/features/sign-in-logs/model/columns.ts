/**
 * Grid columns per tab (portal-ui.md §1.3) and the interactive Columns picker catalogue (§1.4).
 * A column is data only: an id, the on-screen header and how to read the cell from a record.
 * Rendering (dates in Local/UTC, blank for empty) lives in the grid components.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { signInText as t, summaryText } from './display-text.ts'
import { signInTypeText, type TabId } from './tabs.ts'

/** `date` cells hold an ISO string and are formatted per "Show dates as" (§2.4). */
export type ColumnKind = 'text' | 'date' | 'id' | 'count'

export interface SignInColumn {
  id: string
  label: string
  kind: ColumnKind
  /** Display text (model/display-text.ts); null shows a blank cell. */
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

const col = (id: string, label: string, kind: ColumnKind, value: SignInColumn['value']): SignInColumn => ({
  id,
  label,
  kind,
  value,
})

/** Every pickable column, in the order of §1.4. Multi-valued fields are never columns (§1.4). */
export const interactiveColumnCatalogue: readonly SignInColumn[] = [
  col('createdDateTime', 'Date', 'date', (s) => s.createdDateTime),
  col('id', 'Request ID', 'id', t.requestId),
  col('user', 'User', 'text', t.user),
  col('userPrincipalName', 'Username', 'text', t.userPrincipalName),
  col('userId', 'User ID', 'id', t.userId),
  col('userType', 'User type', 'text', t.userType),
  col('signInIdentifier', 'Sign-in identifier', 'text', t.signInIdentifier),
  col('appDisplayName', 'Application', 'text', t.appDisplayName),
  col('appId', 'Application ID', 'id', t.appId),
  col('resourceDisplayName', 'Resource', 'text', t.resourceDisplayName),
  col('resourceId', 'Resource ID', 'id', t.resourceId),
  col('resourceTenantId', 'Resource tenant ID', 'id', t.resourceTenantId),
  col('homeTenantId', 'Home tenant ID', 'id', t.homeTenantId),
  col('homeTenantName', 'Home tenant name', 'text', t.homeTenantName),
  col('crossTenantAccessType', 'Cross tenant access type', 'text', t.crossTenantAccessType),
  col('status', 'Status', 'text', t.status),
  col('errorCode', 'Sign-in error code', 'text', t.errorCode),
  col('failureReason', 'Failure reason', 'text', t.failureReason),
  col('ipAddress', 'IP address', 'text', t.ipAddress),
  col(
    'ipAddressFromResourceProvider',
    'IP address (seen by resource)',
    'text',
    t.ipAddressFromResourceProvider,
  ),
  col('location', 'Location', 'text', t.location),
  col('autonomousSystemNumber', 'Autonomous system number', 'text', t.autonomousSystemNumber),
  col('conditionalAccessStatus', 'Conditional Access', 'text', t.conditionalAccessStatus),
  col('authenticationRequirement', 'Authentication requirement', 'text', t.authenticationRequirement),
  col('mfaResult', 'Multifactor authentication result', 'text', t.mfaResult),
  col('mfaAuthMethod', 'Multifactor authentication auth method', 'text', t.mfaAuthMethod),
  col('mfaAuthDetail', 'Multifactor authentication auth detail', 'text', t.mfaAuthDetail),
  col('clientAppUsed', 'Client app', 'text', t.clientAppUsed),
  col('clientCredentialType', 'Client credential type', 'text', t.clientCredentialType),
  col('deviceId', 'Device ID', 'id', t.deviceId),
  col('browser', 'Browser', 'text', t.browser),
  col('operatingSystem', 'Operating System', 'text', t.operatingSystem),
  col('isCompliant', 'Compliant', 'text', t.isCompliant),
  col('isManaged', 'Managed', 'text', t.isManaged),
  col('trustType', 'Join Type', 'text', t.trustType),
  col('correlationId', 'Correlation ID', 'id', t.correlationId),
  col('userAgent', 'User agent', 'text', t.userAgent),
  col('tokenIssuerType', 'Token issuer type', 'text', t.tokenIssuerType),
  col('tokenIssuerName', 'Token issuer name', 'text', t.tokenIssuerName),
  col('incomingTokenType', 'Incoming token type', 'text', t.incomingTokenType),
  col('authenticationProtocol', 'Authentication Protocol', 'text', t.authenticationProtocol),
  col('originalTransferMethod', 'Original transfer method', 'text', t.originalTransferMethod),
  col('uniqueTokenIdentifier', 'Unique token identifier', 'id', t.uniqueTokenIdentifier),
  col('sessionId', 'Session ID', 'id', t.sessionId),
  col('processingTimeInMilliseconds', 'Latency', 'text', t.latency),
  col('flaggedForReview', 'Flagged for review', 'text', t.flaggedForReview),
  col('isThroughGlobalSecureAccess', 'Through Global Secure Access', 'text', t.isThroughGlobalSecureAccess),
  col(
    'globalSecureAccessIpAddress',
    'Global Secure Access IP address',
    'text',
    t.globalSecureAccessIpAddress,
  ),
  col(
    'tokenProtectionSignInSession',
    'Token Protection - Sign In Session',
    'text',
    t.tokenProtectionSignInSession,
  ),
  col(
    'tokenProtectionSignInSessionCode',
    'Token Protection – Sign-in session status code',
    'text',
    t.tokenProtectionSignInSessionCode,
  ),
  col('appOwnerTenantId', 'App owner tenant ID', 'id', t.appOwnerTenantId),
  col('resourceOwnerTenantId', 'Resource owner tenant ID', 'id', t.resourceOwnerTenantId),
  col('continuousAccessEvaluation', 'Continuous access evaluation', 'text', t.continuousAccessEvaluation),
  col('msiType', 'Managed Identity type', 'text', t.msiType),
  col('associatedResourceId', 'Associated Resource Id', 'id', t.associatedResourceId),
  col('federatedTokenId', 'Federated Token Id', 'id', t.federatedTokenId),
  col('federatedTokenIssuer', 'Federated Token Issuer', 'text', t.federatedTokenIssuer),
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

const catalogueColumn = (id: string): SignInColumn => {
  const column = interactiveColumnCatalogue.find((candidate) => candidate.id === id)
  if (!column) throw new Error(`Unknown column: ${id}`)
  return column
}

/**
 * "All sign-ins" (issue #12): the Sign-in type, then the columns every log type fills. Who signed in is the user
 * on the user types and the principal on the others, so one "Identity" column holds either.
 */
export const allSignInsColumns: readonly SignInColumn[] = [
  catalogueColumn('createdDateTime'),
  col('signInType', 'Sign-in type', 'text', signInTypeText),
  catalogueColumn('id'),
  col(
    'identity',
    'Identity',
    'text',
    (s) => t.user(s) ?? t.servicePrincipalName(s) ?? t.servicePrincipalId(s),
  ),
  catalogueColumn('appDisplayName'),
  catalogueColumn('status'),
  catalogueColumn('ipAddress'),
  catalogueColumn('resourceDisplayName'),
  catalogueColumn('resourceId'),
  catalogueColumn('correlationId'),
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
const statusColumn = grouped('status', 'Status', 'text', summaryText.status, t.status)
const ipColumn = grouped('ipAddress', 'IP address', 'text', summaryText.ipAddress, t.ipAddress)
const resourceColumn = grouped(
  'resource',
  'Resource',
  'text',
  summaryText.resourceDisplayName,
  t.resourceDisplayName,
)
const resourceIdColumn = grouped('resourceId', 'Resource ID', 'id', summaryText.resourceId, t.resourceId)
/** Children are single sign-ins: the count cell stays blank for them. */
const countColumn = grouped('signInCount', '# Sign-ins', 'count', summaryText.signInCount, () => null)

/** §1.3 fixed column sets of the grouped tabs. */
export const groupedColumnsByTab: Record<Exclude<TabId, 'interactive'>, readonly GroupedColumn[]> = {
  'non-interactive': [
    dateColumn,
    requestIdColumn,
    grouped('user', 'User', 'text', summaryText.user, t.user),
    grouped('application', 'Application', 'text', summaryText.appDisplayName, t.appDisplayName),
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
      (s) => summaryText.servicePrincipalName(s) ?? summaryText.servicePrincipalId(s),
      (s) => t.servicePrincipalName(s) ?? t.servicePrincipalId(s),
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
      summaryText.servicePrincipalId,
      t.servicePrincipalId,
    ),
    grouped(
      'managedIdentityName',
      'Managed identity name',
      'text',
      summaryText.servicePrincipalName,
      t.servicePrincipalName,
    ),
    statusColumn,
    resourceColumn,
    resourceIdColumn,
    countColumn,
  ],
}
