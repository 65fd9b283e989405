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
import { signInText as t, type SignInTextField } from '../model/display-text.ts'
import { bool, errorCode, latency, location, statusLabel, text, utcTimestamp } from './csv-values.ts'

export interface CsvColumn<Row> {
  label: string
  value: (row: Row) => string
}

type SignInColumn = CsvColumn<BetaSignIn>

const col = (label: string, value: (row: BetaSignIn) => string): SignInColumn => ({ label, value })

/**
 * A column whose cell is the screen's display text (model/display-text.ts), so the file and the page
 * word every value alike; only the formats downloads.md §4 sets apart (dates, booleans, latency, error
 * code 0, location) use their own CSV formatter.
 */
const shown = (label: string, field: SignInTextField): SignInColumn => {
  const read = t[field]
  return { label, value: (row) => read(row) ?? '' }
}

// Columns shared by several files, defined once.
const date = col('Date (UTC)', (r) => utcTimestamp(r.createdDateTime))
const requestId = col('Request ID', (r) => r.id)
const correlationId = shown('Correlation ID', 'correlationId')
const application = shown('Application', 'appDisplayName')
const applicationId = shown('Application ID ', 'appId')
const appOwnerTenantId = shown('App owner tenant ID', 'appOwnerTenantId')
const resource = shown('Resource', 'resourceDisplayName')
const resourceId = shown('Resource ID ', 'resourceId')
const resourceTenantId = shown('Resource tenant ID', 'resourceTenantId')
const resourceOwnerTenantId = shown('Resource owner tenant ID', 'resourceOwnerTenantId')
const homeTenantId = shown('Home tenant ID', 'homeTenantId')
const homeTenantName = shown('Home tenant name', 'homeTenantName')
const ipAddress = shown('IP address', 'ipAddress')
const locationColumn = col('Location', (r) => location(r.location))
const status = col('Status', (r) => statusLabel(r.status))
const signInErrorCode = col('Sign-in error code', (r) => errorCode(r.status))
const failureReason = shown('Failure reason', 'failureReason')
const conditionalAccess = shown('Conditional Access', 'conditionalAccessStatus')
const incomingTokenType = shown('Incoming token type', 'incomingTokenType')
const servicePrincipalId = shown('Service principal ID', 'servicePrincipalId')
const servicePrincipalName = shown('Service principal name', 'servicePrincipalName')
const msiType = shown('Managed Identity type', 'msiType')
const associatedResourceId = shown('Associated Resource Id', 'associatedResourceId')
const federatedTokenId = shown('Federated Token Id', 'federatedTokenId')
const federatedTokenIssuer = shown('Federated Token Issuer', 'federatedTokenIssuer')

/** §2.1, 57 columns, in header order. */
export const userSignInColumns: readonly SignInColumn[] = [
  date,
  requestId,
  shown('User agent', 'userAgent'),
  correlationId,
  shown('User ID', 'userId'),
  shown('User', 'userDisplayName'),
  shown('Username', 'userPrincipalName'),
  shown('User type', 'userType'),
  shown('Cross tenant access type', 'crossTenantAccessType'),
  incomingTokenType,
  shown('Authentication Protocol', 'authenticationProtocol'),
  shown('Unique token identifier', 'uniqueTokenIdentifier'),
  shown('Original transfer method', 'originalTransferMethod'),
  shown('Client credential type', 'clientCredentialType'),
  shown('Token Protection - Sign In Session', 'tokenProtectionSignInSession'),
  shown('Token Protection - Sign In Session StatusCode', 'tokenProtectionSignInSessionCode'),
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
  shown('Client app', 'clientAppUsed'),
  shown('Device ID', 'deviceId'),
  shown('Browser', 'browser'),
  shown('Operating System', 'operatingSystem'),
  col('Compliant', (r) => bool(r.deviceDetail?.isCompliant)),
  col('Managed', (r) => bool(r.deviceDetail?.isManaged)),
  shown('Join Type', 'trustType'),
  shown('Multifactor authentication result', 'mfaResult'),
  shown('Multifactor authentication auth method', 'mfaAuthMethod'),
  shown('Multifactor authentication auth detail', 'mfaAuthDetail'),
  shown('Authentication requirement', 'authenticationRequirement'),
  shown('Sign-in identifier', 'signInIdentifier'),
  shown('Session ID', 'sessionId'),
  shown('IP address (seen by resource)', 'ipAddressFromResourceProvider'),
  col('Through Global Secure Access', (r) => bool(r.isThroughGlobalSecureAccess)),
  shown('Global Secure Access IP address', 'globalSecureAccessIpAddress'),
  shown('Autonomous system  number', 'autonomousSystemNumber'),
  col('Flagged for review', (r) => bool(r.flaggedForReview)),
  shown('Token issuer type', 'tokenIssuerType'),
  // Same value as column 10 [U].
  incomingTokenType,
  shown('Token issuer name', 'tokenIssuerName'),
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
  shown('Credential key ID', 'servicePrincipalCredentialKeyId'),
  shown('Credential thumbprint', 'servicePrincipalCredentialThumbprint'),
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
