/**
 * The one place a sign-in (or a summary row) becomes the text a user reads: grid cells (columns.ts),
 * the details pane (components/details) and the CSV (export/csv-columns.ts) all call these readers, so
 * the three never disagree on wording. Enums read as display text (enum-labels.ts), never Graph's
 * camelCase. `null` means "no value": the screen shows a blank, the CSV an empty cell.
 *
 * What stays outside: dates (formatted per "Show dates as" on screen, UTC ISO in the CSV) and the CSV's
 * own formats for booleans, latency, error code 0 and location (downloads.md §4, export/csv-values.ts).
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import {
  authenticationRequirementLabels,
  clientCredentialTypeLabels,
  conditionalAccessStatusLabels,
  enumText,
  incomingTokenTypeLabels,
  msiTypeLabels,
  originalTransferMethodLabels,
  protocolTypeLabels,
  signInAccessTypeLabels,
  signInUserTypeLabels,
  tokenIssuerTypeLabels,
  tokenProtectionStatusLabels,
} from './enum-labels.ts'
import { statusOfErrorCode } from './status.ts'

/** Empty strings and missing values are both "no value". */
export function text(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value)
}

/** Booleans on screen (grid and details); the CSV writes `true`/`false` (downloads.md §4). */
export function yesNo(value: boolean | null | undefined): string | null {
  return value === null || value === undefined ? null : value ? 'Yes' : 'No'
}

const CAE_KEY = 'is cae token'

/**
 * Whether the token was a Continuous Access Evaluation token: the "Is CAE Token" entry of
 * `authenticationProcessingDetails` (portal-ui.md §2.6, §3.2), `True`/`False` in Graph. Key and value are
 * read case-insensitively; no entry, or a value that is neither, is `null` (unknown).
 */
export function isCaeToken(signIn: Pick<BetaSignIn, 'authenticationProcessingDetails'>): boolean | null {
  const entry = signIn.authenticationProcessingDetails.find((kv) => kv.key?.trim().toLowerCase() === CAE_KEY)
  const value = entry?.value?.trim().toLowerCase()
  return value === 'true' ? true : value === 'false' ? false : null
}

/** `City, State, Country` with empty parts dropped (portal-ui.md §1.3); the CSV keeps empty segments. */
export function locationText(location: BetaSignIn['location'] | null | undefined): string | null {
  if (!location) return null
  const parts = [location.city, location.state, location.countryOrRegion].filter((part): part is string =>
    Boolean(part),
  )
  return parts.length ? parts.join(', ') : null
}

/** Fallback order for "User" per portal-ui.md §1.3: display name, else UPN, else object id. */
export function userText(signIn: Pick<BetaSignIn, 'userDisplayName' | 'userPrincipalName' | 'userId'>) {
  return text(signIn.userDisplayName) ?? text(signIn.userPrincipalName) ?? text(signIn.userId)
}

/** [D 22]: `tokenProtectionStatusDetails` replaced the older flat property; fall back to it. */
function tokenProtectionStatus(signIn: BetaSignIn): string | null {
  return enumText(
    tokenProtectionStatusLabels,
    signIn.tokenProtectionStatusDetails?.signInSessionStatus ?? signIn.signInTokenProtectionStatus,
  )
}

type SignInReader = (signIn: BetaSignIn) => string | null

/**
 * Display text of every sign-in field the page shows, by field. Booleans read Yes/No here; the CSV
 * takes the raw boolean instead.
 */
export const signInText = {
  requestId: (s) => text(s.id),
  correlationId: (s) => text(s.correlationId),
  user: (s) => userText(s),
  userDisplayName: (s) => text(s.userDisplayName),
  userPrincipalName: (s) => text(s.userPrincipalName),
  userId: (s) => text(s.userId),
  userType: (s) => enumText(signInUserTypeLabels, s.userType),
  signInIdentifier: (s) => text(s.signInIdentifier),
  appDisplayName: (s) => text(s.appDisplayName),
  appId: (s) => text(s.appId),
  appOwnerTenantId: (s) => text(s.appOwnerTenantId),
  resourceDisplayName: (s) => text(s.resourceDisplayName),
  resourceId: (s) => text(s.resourceId),
  resourceTenantId: (s) => text(s.resourceTenantId),
  resourceOwnerTenantId: (s) => text(s.resourceOwnerTenantId),
  resourceServicePrincipalId: (s) => text(s.resourceServicePrincipalId),
  homeTenantId: (s) => text(s.homeTenantId),
  homeTenantName: (s) => text(s.homeTenantName),
  crossTenantAccessType: (s) => enumText(signInAccessTypeLabels, s.crossTenantAccessType),
  status: (s) => statusOfErrorCode(s.status.errorCode),
  errorCode: (s) => String(s.status.errorCode),
  failureReason: (s) => text(s.status.failureReason),
  /** Basic info "Additional details" (portal-ui.md §3.2). */
  additionalDetails: (s) => text(s.status.additionalDetails),
  ipAddress: (s) => text(s.ipAddress),
  ipAddressFromResourceProvider: (s) => text(s.ipAddressFromResourceProvider),
  location: (s) => locationText(s.location),
  autonomousSystemNumber: (s) => text(s.autonomousSystemNumber),
  network: (s) => {
    const names = s.networkLocationDetails.flatMap((detail) => detail.networkNames)
    return names.length ? names.join(', ') : null
  },
  isThroughGlobalSecureAccess: (s) => yesNo(s.isThroughGlobalSecureAccess),
  globalSecureAccessIpAddress: (s) => text(s.globalSecureAccessIpAddress),
  conditionalAccessStatus: (s) => enumText(conditionalAccessStatusLabels, s.conditionalAccessStatus),
  authenticationRequirement: (s) => enumText(authenticationRequirementLabels, s.authenticationRequirement),
  // Probable mapping (downloads.md §2.1, one imitation does it so [T 20]); the grid and CSV share it.
  mfaResult: (s) => text(s.status.additionalDetails),
  mfaAuthMethod: (s) => text(s.mfaDetail?.authMethod),
  mfaAuthDetail: (s) => text(s.mfaDetail?.authDetail),
  clientAppUsed: (s) => text(s.clientAppUsed),
  clientCredentialType: (s) => enumText(clientCredentialTypeLabels, s.clientCredentialType),
  deviceId: (s) => text(s.deviceDetail?.deviceId),
  deviceName: (s) => text(s.deviceDetail?.displayName),
  browser: (s) => text(s.deviceDetail?.browser),
  operatingSystem: (s) => text(s.deviceDetail?.operatingSystem),
  isCompliant: (s) => yesNo(s.deviceDetail?.isCompliant),
  isManaged: (s) => yesNo(s.deviceDetail?.isManaged),
  // Graph already writes trustType as display text ("Hybrid Azure AD joined") [T 27].
  trustType: (s) => text(s.deviceDetail?.trustType),
  userAgent: (s) => text(s.userAgent),
  tokenIssuerType: (s) => enumText(tokenIssuerTypeLabels, s.tokenIssuerType),
  tokenIssuerName: (s) => text(s.tokenIssuerName),
  incomingTokenType: (s) => enumText(incomingTokenTypeLabels, s.incomingTokenType),
  authenticationProtocol: (s) => enumText(protocolTypeLabels, s.authenticationProtocol),
  originalTransferMethod: (s) => enumText(originalTransferMethodLabels, s.originalTransferMethod),
  uniqueTokenIdentifier: (s) => text(s.uniqueTokenIdentifier),
  sessionId: (s) => text(s.sessionId),
  latency: (s) => (s.processingTimeInMilliseconds === null ? null : `${s.processingTimeInMilliseconds} ms`),
  flaggedForReview: (s) => yesNo(s.flaggedForReview),
  tokenProtectionSignInSession: tokenProtectionStatus,
  tokenProtectionSignInSessionCode: (s) => text(s.tokenProtectionStatusDetails?.signInSessionStatusCode),
  /** Basic info shows both in one line, like "Unbound (Status code: 1003)" [portal-ui.md §3.2, T 35]. */
  tokenProtectionSummary: (s) => {
    const status = tokenProtectionStatus(s)
    const code = s.tokenProtectionStatusDetails?.signInSessionStatusCode
    if (status === null) return null
    return code === null || code === undefined ? status : `${status} (Status code: ${code})`
  },
  continuousAccessEvaluation: (s) => yesNo(isCaeToken(s)),
  servicePrincipalId: (s) => text(s.servicePrincipalId),
  servicePrincipalName: (s) => text(s.servicePrincipalName),
  servicePrincipalCredentialKeyId: (s) => text(s.servicePrincipalCredentialKeyId),
  servicePrincipalCredentialThumbprint: (s) => text(s.servicePrincipalCredentialThumbprint),
  federatedCredentialId: (s) => text(s.federatedCredentialId),
  msiType: (s) => enumText(msiTypeLabels, s.managedServiceIdentity?.msiType),
  associatedResourceId: (s) => text(s.managedServiceIdentity?.associatedResourceId),
  federatedTokenId: (s) => text(s.managedServiceIdentity?.federatedTokenId),
  federatedTokenIssuer: (s) => text(s.managedServiceIdentity?.federatedTokenIssuer),
} satisfies Record<string, SignInReader>

export type SignInTextField = keyof typeof signInText

type SummaryReader = (summary: SummarizedSignIn) => string | null

/** Display text of a group row (`summarizedSignIn`) of the grouped tabs (portal-ui.md §1.2–1.3). */
export const summaryText = {
  // Summary rows carry no display name or user id: the UPN is the user (§1.1).
  user: (s) => text(s.userPrincipalName),
  appDisplayName: (s) => text(s.appDisplayName),
  status: (s) => statusOfErrorCode(s.status.errorCode),
  ipAddress: (s) => text(s.ipAddress),
  resourceDisplayName: (s) => text(s.resourceDisplayName),
  resourceId: (s) => text(s.resourceId),
  servicePrincipalId: (s) => text(s.servicePrincipalId),
  servicePrincipalName: (s) => text(s.servicePrincipalName),
  conditionalAccessStatus: (s) => enumText(conditionalAccessStatusLabels, s.conditionalAccessStatus),
  tokenIssuerType: (s) => enumText(tokenIssuerTypeLabels, s.tokenIssuerType),
  msiType: (s) => enumText(msiTypeLabels, s.managedServiceIdentity?.msiType),
  signInCount: (s) => String(s.signInCount),
} satisfies Record<string, SummaryReader>
