/**
 * Column → Graph mapping of every CSV file (downloads.md §2.1–2.4 "Column-to-Graph mapping").
 * The labels repeat the header constants on purpose: the tests check that each column list spells
 * its header exactly, so a mapping can never drift from the header it is written under.
 * Nested arrays (CA policies, …) are not in the CSV (§1.3, [D 3]); grid column choices never change
 * these lists (§1.3).
 */
import type { AuthenticationDetail, BetaSignIn } from '../../../../contract/sign-in.ts'
import {
  AUTH_DETAILS_HEADER,
  MSI_HEADER_UNVERIFIED,
  SERVICE_PRINCIPAL_SIGN_INS_HEADER,
  USER_SIGN_INS_HEADER,
} from './csv-headers.ts'
import {
  bool,
  enumLabel,
  errorCode,
  integer,
  latency,
  location,
  statusLabel,
  text,
  utcTimestamp,
} from './csv-values.ts'

export interface CsvColumn<Row> {
  label: string
  value: (row: Row) => string
}

type SignInColumn = CsvColumn<BetaSignIn>

const col = (label: string, value: (row: BetaSignIn) => string): SignInColumn => ({ label, value })

// Columns shared by several files, defined once.
const date = col('Date (UTC)', (r) => utcTimestamp(r.createdDateTime))
const requestId = col('Request ID', (r) => r.id)
const correlationId = col('Correlation ID', (r) => text(r.correlationId))
const application = col('Application', (r) => text(r.appDisplayName))
const applicationId = col('Application ID ', (r) => text(r.appId))
const appOwnerTenantId = col('App owner tenant ID', (r) => text(r.appOwnerTenantId))
const resource = col('Resource', (r) => text(r.resourceDisplayName))
const resourceId = col('Resource ID ', (r) => text(r.resourceId))
const resourceTenantId = col('Resource tenant ID', (r) => text(r.resourceTenantId))
const resourceOwnerTenantId = col('Resource owner tenant ID', (r) => text(r.resourceOwnerTenantId))
const homeTenantId = col('Home tenant ID', (r) => text(r.homeTenantId))
const homeTenantName = col('Home tenant name', (r) => text(r.homeTenantName))
const ipAddress = col('IP address', (r) => text(r.ipAddress))
const locationColumn = col('Location', (r) => location(r.location))
const status = col('Status', (r) => statusLabel(r.status))
const signInErrorCode = col('Sign-in error code', (r) => errorCode(r.status))
const failureReason = col('Failure reason', (r) => text(r.status?.failureReason))
const conditionalAccess = col('Conditional Access', (r) => enumLabel(r.conditionalAccessStatus))
const incomingTokenType = col('Incoming token type', (r) => enumLabel(r.incomingTokenType))
const servicePrincipalId = col('Service principal ID', (r) => text(r.servicePrincipalId))
const servicePrincipalName = col('Service principal name', (r) => text(r.servicePrincipalName))
const msiType = col('Managed Identity type', (r) => enumLabel(r.managedServiceIdentity?.msiType))
const associatedResourceId = col('Associated Resource Id', (r) =>
  text(r.managedServiceIdentity?.associatedResourceId),
)
const federatedTokenId = col('Federated Token Id', (r) => text(r.managedServiceIdentity?.federatedTokenId))
const federatedTokenIssuer = col('Federated Token Issuer', (r) =>
  text(r.managedServiceIdentity?.federatedTokenIssuer),
)

/** §2.1, 57 columns, in header order. */
export const userSignInColumns: readonly SignInColumn[] = [
  date,
  requestId,
  col('User agent', (r) => text(r.userAgent)),
  correlationId,
  col('User ID', (r) => text(r.userId)),
  col('User', (r) => text(r.userDisplayName)),
  col('Username', (r) => text(r.userPrincipalName)),
  col('User type', (r) => enumLabel(r.userType)),
  col('Cross tenant access type', (r) => enumLabel(r.crossTenantAccessType)),
  incomingTokenType,
  col('Authentication Protocol', (r) => enumLabel(r.authenticationProtocol)),
  col('Unique token identifier', (r) => text(r.uniqueTokenIdentifier)),
  col('Original transfer method', (r) => enumLabel(r.originalTransferMethod)),
  col('Client credential type', (r) => enumLabel(r.clientCredentialType)),
  // [D 22]: the details object replaced the older flat property; fall back to it.
  col('Token Protection - Sign In Session', (r) =>
    enumLabel(r.tokenProtectionStatusDetails?.signInSessionStatus ?? r.signInTokenProtectionStatus),
  ),
  col('Token Protection - Sign In Session StatusCode', (r) =>
    integer(r.tokenProtectionStatusDetails?.signInSessionStatusCode),
  ),
  application,
  applicationId,
  appOwnerTenantId,
  resource,
  resourceId,
  resourceTenantId,
  resourceOwnerTenantId,
  homeTenantId,
  homeTenantName,
  ipAddress,
  locationColumn,
  status,
  signInErrorCode,
  failureReason,
  col('Client app', (r) => text(r.clientAppUsed)),
  col('Device ID', (r) => text(r.deviceDetail?.deviceId)),
  col('Browser', (r) => text(r.deviceDetail?.browser)),
  col('Operating System', (r) => text(r.deviceDetail?.operatingSystem)),
  col('Compliant', (r) => bool(r.deviceDetail?.isCompliant)),
  col('Managed', (r) => bool(r.deviceDetail?.isManaged)),
  // Graph already writes trustType as display text ("Hybrid Azure AD joined") [T 27].
  col('Join Type', (r) => text(r.deviceDetail?.trustType)),
  // Probable mapping, one unattributed imitation does it so [T 20].
  col('Multifactor authentication result', (r) => text(r.status?.additionalDetails)),
  col('Multifactor authentication auth method', (r) => text(r.mfaDetail?.authMethod)),
  col('Multifactor authentication auth detail', (r) => text(r.mfaDetail?.authDetail)),
  col('Authentication requirement', (r) => enumLabel(r.authenticationRequirement)),
  col('Sign-in identifier', (r) => text(r.signInIdentifier)),
  col('Session ID', (r) => text(r.sessionId)),
  col('IP address (seen by resource)', (r) => text(r.ipAddressFromResourceProvider)),
  col('Through Global Secure Access', (r) => bool(r.isThroughGlobalSecureAccess)),
  col('Global Secure Access IP address', (r) => text(r.globalSecureAccessIpAddress)),
  col('Autonomous system  number', (r) => integer(r.autonomousSystemNumber)),
  col('Flagged for review', (r) => bool(r.flaggedForReview)),
  col('Token issuer type', (r) => enumLabel(r.tokenIssuerType)),
  // Same value as column 10 [U].
  incomingTokenType,
  col('Token issuer name', (r) => text(r.tokenIssuerName)),
  col('Latency', (r) => latency(r.processingTimeInMilliseconds)),
  conditionalAccess,
  msiType,
  associatedResourceId,
  federatedTokenId,
  federatedTokenIssuer,
]

/** §2.3, 22 columns. */
export const servicePrincipalSignInColumns: readonly SignInColumn[] = [
  date,
  requestId,
  correlationId,
  servicePrincipalId,
  servicePrincipalName,
  col('Credential key ID', (r) => text(r.servicePrincipalCredentialKeyId)),
  col('Credential thumbprint', (r) => text(r.servicePrincipalCredentialThumbprint)),
  application,
  applicationId,
  appOwnerTenantId,
  resource,
  resourceId,
  resourceTenantId,
  resourceOwnerTenantId,
  homeTenantId,
  homeTenantName,
  ipAddress,
  locationColumn,
  status,
  signInErrorCode,
  failureReason,
  conditionalAccess,
]

/** §2.4, 19 columns (reconstruction, unverified). */
export const managedIdentitySignInColumns: readonly SignInColumn[] = [
  date,
  requestId,
  correlationId,
  servicePrincipalId,
  servicePrincipalName,
  application,
  applicationId,
  resource,
  resourceId,
  resourceTenantId,
  ipAddress,
  locationColumn,
  status,
  signInErrorCode,
  failureReason,
  msiType,
  associatedResourceId,
  federatedTokenId,
  federatedTokenIssuer,
]

/** One row of an AuthDetails file: a step of `authenticationDetails[]` joined to its sign-in by Request ID (§2.2). */
export interface AuthDetailRow {
  signIn: BetaSignIn
  step: AuthenticationDetail
}

const step = (label: string, value: (row: AuthDetailRow) => string): CsvColumn<AuthDetailRow> => ({
  label,
  value,
})

/** §2.2, 7 columns (order and `Requirement` unverified). */
export const authDetailColumns: readonly CsvColumn<AuthDetailRow>[] = [
  step('Request ID', (r) => r.signIn.id),
  step('Date', (r) => utcTimestamp(r.step.authenticationStepDateTime)),
  step('Authentication method', (r) => text(r.step.authenticationMethod)),
  step('Authentication method detail', (r) => text(r.step.authenticationMethodDetail)),
  step('Succeeded', (r) => bool(r.step.succeeded)),
  step('Result detail', (r) => text(r.step.authenticationStepResultDetail)),
  step('Requirement', (r) => text(r.step.authenticationStepRequirement)),
]

/** The header constant each column list is written under (tests tie them together). */
export const csvLayouts = {
  user: { header: USER_SIGN_INS_HEADER, columns: userSignInColumns },
  servicePrincipal: { header: SERVICE_PRINCIPAL_SIGN_INS_HEADER, columns: servicePrincipalSignInColumns },
  managedIdentity: { header: MSI_HEADER_UNVERIFIED, columns: managedIdentitySignInColumns },
  authDetails: { header: AUTH_DETAILS_HEADER, columns: authDetailColumns },
} as const
