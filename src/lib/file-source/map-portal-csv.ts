/**
 * The Entra portal's CSV downloads (downloads.md §2.1, §2.3, §2.4) → the one shape. The portal writes display
 * text, so enum cells are turned back into Graph's camelCase names; what the CSV never carries (Conditional
 * Access policies, authentication steps, other nested details) stays absent.
 */
import {
  boolValue,
  intValue,
  RecordError,
  textValue,
  toIsoUtc,
  withoutAbsent,
  type FileSignIn,
  type LogType,
  type MappedRecord,
} from './record-shape.ts'

type Setter = (target: Record<string, unknown>, cell: string) => void

const set =
  (property: string, convert: (cell: string) => unknown = textValue): Setter =>
  (target, cell) => {
    const value = convert(cell)
    if (value !== undefined) target[property] = value
  }

const nested =
  (parent: string, property: string, convert: (cell: string) => unknown = textValue): Setter =>
  (target, cell) => {
    const value = convert(cell)
    if (value === undefined) return
    target[parent] = { ...(target[parent] as object | undefined), [property]: value }
  }

/** `Primary refresh token` → `primaryRefreshToken`; Graph's names are the display words in camelCase. */
export function enumOfDisplayText(cell: string): string | undefined {
  const words = cell
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
  if (words.length === 0) return undefined
  return words
    .map((word, index) =>
      index === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1),
    )
    .join('')
}

/** `Melbourne, Victoria, AU` (§4): empty parts stay empty segments. */
function location(target: Record<string, unknown>, cell: string): void {
  if (cell.trim() === '') return
  const [city, state, countryOrRegion] = cell.split(', ')
  target.location = {
    city: city || null,
    state: state || null,
    countryOrRegion: countryOrRegion || null,
    geoCoordinates: null,
  }
}

/** Blank error code with status Success is 0 (§4: successes leave the code empty). */
function errorCode(target: Record<string, unknown>, cell: string): void {
  const code = intValue(cell)
  const status = (target.status as Record<string, unknown> | undefined) ?? {
    errorCode: 0,
    failureReason: null,
    additionalDetails: null,
  }
  target.status = { ...status, errorCode: code ?? 0 }
}

function failureReason(target: Record<string, unknown>, cell: string): void {
  const status = (target.status as Record<string, unknown> | undefined) ?? {
    errorCode: 0,
    failureReason: null,
    additionalDetails: null,
  }
  target.status = { ...status, failureReason: textValue(cell) ?? null }
}

const ms = (cell: string) => intValue(cell.replace(/ms$/, ''))

/** Header label → how its cell lands on the signIn. Labels keep the portal's quirks (trailing spaces, casing). */
export const PORTAL_CSV_COLUMNS: Readonly<Record<string, Setter>> = {
  'Date (UTC)': set('createdDateTime', (cell) => toIsoUtc(cell) ?? undefined),
  'Request ID': set('id'),
  'User agent': set('userAgent'),
  'Correlation ID': set('correlationId'),
  'User ID': set('userId'),
  User: set('userDisplayName'),
  Username: set('userPrincipalName'),
  'User type': set('userType', enumOfDisplayText),
  'Cross tenant access type': set('crossTenantAccessType', enumOfDisplayText),
  'Incoming token type': set('incomingTokenType', enumOfDisplayText),
  'Authentication Protocol': set('authenticationProtocol', enumOfDisplayText),
  'Unique token identifier': set('uniqueTokenIdentifier'),
  'Original transfer method': set('originalTransferMethod', enumOfDisplayText),
  'Client credential type': set('clientCredentialType', enumOfDisplayText),
  'Token Protection - Sign In Session StatusCode': nested(
    'tokenProtectionStatusDetails',
    'signInSessionStatusCode',
    intValue,
  ),
  Application: set('appDisplayName'),
  'Application ID ': set('appId'),
  'App owner tenant ID': set('appOwnerTenantId'),
  Resource: set('resourceDisplayName'),
  'Resource ID ': set('resourceId'),
  'Resource tenant ID': set('resourceTenantId'),
  'Resource owner tenant ID': set('resourceOwnerTenantId'),
  'Home tenant ID': set('homeTenantId'),
  'Home tenant name': set('homeTenantName'),
  'IP address': set('ipAddress'),
  Location: location,
  'Sign-in error code': errorCode,
  'Failure reason': failureReason,
  'Client app': set('clientAppUsed'),
  'Device ID': nested('deviceDetail', 'deviceId'),
  Browser: nested('deviceDetail', 'browser'),
  'Operating System': nested('deviceDetail', 'operatingSystem'),
  Compliant: nested('deviceDetail', 'isCompliant', boolValue),
  Managed: nested('deviceDetail', 'isManaged', boolValue),
  'Join Type': nested('deviceDetail', 'trustType'),
  'Multifactor authentication auth method': nested('mfaDetail', 'authMethod'),
  'Multifactor authentication auth detail': nested('mfaDetail', 'authDetail'),
  'Authentication requirement': set('authenticationRequirement', enumOfDisplayText),
  'Sign-in identifier': set('signInIdentifier'),
  'Session ID': set('sessionId'),
  'IP address (seen by resource)': set('ipAddressFromResourceProvider'),
  'Through Global Secure Access': set('isThroughGlobalSecureAccess', boolValue),
  'Global Secure Access IP address': set('globalSecureAccessIpAddress'),
  'Autonomous system  number': set('autonomousSystemNumber', intValue),
  'Flagged for review': set('flaggedForReview', boolValue),
  'Token issuer type': set('tokenIssuerType', enumOfDisplayText),
  'Token issuer name': set('tokenIssuerName'),
  Latency: set('processingTimeInMilliseconds', ms),
  'Conditional Access': set('conditionalAccessStatus', enumOfDisplayText),
  'Service principal ID': set('servicePrincipalId'),
  'Service principal name': set('servicePrincipalName'),
  'Credential key ID': set('servicePrincipalCredentialKeyId'),
  'Credential thumbprint': set('servicePrincipalCredentialThumbprint'),
  'Managed Identity type': nested('managedServiceIdentity', 'msiType', enumOfDisplayText),
  'Associated Resource Id': nested('managedServiceIdentity', 'associatedResourceId'),
  'Federated Token Id': nested('managedServiceIdentity', 'federatedTokenId'),
  'Federated Token Issuer': nested('managedServiceIdentity', 'federatedTokenIssuer'),
}

/**
 * What the portal's CSV never carries, as the details pane names it: the nested details it leaves out or flattens
 * into one cell. `path` is the beta signIn property (dot-separated) a mapped row lacks; a test keeps the list true.
 */
export const PORTAL_CSV_MISSING: ReadonlyArray<{ path: string; words: string }> = [
  {
    path: 'authenticationDetails',
    words: 'Authentication details (the portal saves them in a separate …AuthDetails… file)',
  },
  { path: 'appliedConditionalAccessPolicies', words: 'Conditional Access and report-only policies' },
  { path: 'authenticationProcessingDetails', words: 'Additional details' },
  { path: 'status.additionalDetails', words: 'The status’s additional details' },
  {
    path: 'location.geoCoordinates',
    words: 'Location coordinates (the CSV has city, state and country in one cell)',
  },
  { path: 'networkLocationDetails', words: 'Network location details' },
  { path: 'deviceDetail.displayName', words: 'Device name' },
  { path: 'sessionLifetimePolicies', words: 'Session lifetime policies' },
]

/**
 * The log type a portal header says: the user header is shared by interactive and non-interactive sign-ins, so
 * the file name (`NonInteractiveSignIns_…`) decides between them; null when neither tells (the user picks).
 */
export function portalLogType(headers: readonly string[], fileName: string): LogType | null {
  if (headers.includes('Managed Identity type') && !headers.includes('Username')) return 'managedIdentity'
  if (headers.includes('Credential key ID')) return 'servicePrincipal'
  if (!headers.includes('Username')) return null
  if (/^NonInteractiveSignIns_/i.test(fileName)) return 'nonInteractiveUser'
  if (/^InteractiveSignIns_/i.test(fileName)) return 'interactiveUser'
  return null
}

/** A CSV is the portal's when its first column is `Date (UTC)` and it has a `Request ID`. */
export function isPortalHeader(headers: readonly string[]): boolean {
  return headers[0] === 'Date (UTC)' && headers.includes('Request ID')
}

export function isPortalAuthDetailsHeader(headers: readonly string[]): boolean {
  return headers[0] === 'Request ID' && headers.includes('Authentication method')
}

export function mapPortalCsvRow(
  headers: readonly string[],
  cells: readonly string[],
  logType: LogType | null,
): MappedRecord {
  const target: Record<string, unknown> = {}
  headers.forEach((header, index) => PORTAL_CSV_COLUMNS[header]?.(target, cells[index] ?? ''))
  if (!textValue(target.id)) throw new RecordError('the row has no Request ID')
  if (!target.createdDateTime) throw new RecordError('the row has no readable Date (UTC)')
  const signIn = withoutAbsent({ ...target, signInEventTypes: logType ? [logType] : undefined }) as FileSignIn
  return { signIn, logType }
}
