/**
 * Log Analytics / Sentinel rows (CSV exports and row-object JSON) → the beta signIn shape. The mapping table is
 * log-analytics.md §1.2; the type traps of §1.3 (JSON text in string columns, `X_dynamic`/`X_string` pairs,
 * ` [UTC]` suffixes, `ResultType` as text) are undone here.
 */
import {
  boolValue,
  intValue,
  jsonValue,
  logTypeOfEventTypes,
  logTypeOfName,
  RecordError,
  textValue,
  toIsoUtc,
  withGraphSpelling,
  withoutAbsent,
  type FileSignIn,
  type MappedRecord,
} from './record-shape.ts'

type Kind = 'text' | 'json' | 'int' | 'bool' | 'lowerFirst'

/** Column → Graph beta property (§1.2). Envelope and bookkeeping columns have no property and stay in the raw record. */
export const LOG_ANALYTICS_COLUMNS: ReadonlyArray<readonly [column: string, property: string, kind: Kind]> = [
  ['Id', 'id', 'text'],
  ['AppId', 'appId', 'text'],
  ['AppDisplayName', 'appDisplayName', 'text'],
  ['AlternateSignInName', 'alternateSignInName', 'text'],
  ['AppliedEventListeners', 'appliedEventListeners', 'json'],
  ['AuthenticationContextClassReferences', 'authenticationContextClassReferences', 'json'],
  ['AuthenticationDetails', 'authenticationDetails', 'json'],
  ['AuthenticationProcessingDetails', 'authenticationProcessingDetails', 'json'],
  ['AuthenticationProtocol', 'authenticationProtocol', 'text'],
  ['AuthenticationRequirement', 'authenticationRequirement', 'text'],
  ['AuthenticationRequirementPolicies', 'authenticationRequirementPolicies', 'json'],
  ['AutonomousSystemNumber', 'autonomousSystemNumber', 'int'],
  ['ClientAppUsed', 'clientAppUsed', 'text'],
  ['ConditionalAccessPolicies', 'appliedConditionalAccessPolicies', 'json'],
  ['ConditionalAccessStatus', 'conditionalAccessStatus', 'text'],
  ['CorrelationId', 'correlationId', 'text'],
  ['CrossTenantAccessType', 'crossTenantAccessType', 'text'],
  ['DeviceDetail', 'deviceDetail', 'json'],
  ['FederatedCredentialId', 'federatedCredentialId', 'text'],
  ['FlaggedForReview', 'flaggedForReview', 'bool'],
  ['HomeTenantId', 'homeTenantId', 'text'],
  ['IPAddress', 'ipAddress', 'text'],
  ['IPAddressFromResourceProvider', 'ipAddressFromResourceProvider', 'text'],
  ['IsInteractive', 'isInteractive', 'bool'],
  ['LocationDetails', 'location', 'json'],
  ['MfaDetail', 'mfaDetail', 'json'],
  ['NetworkLocationDetails', 'networkLocationDetails', 'json'],
  ['OriginalRequestId', 'originalRequestId', 'text'],
  ['ProcessingTimeInMilliseconds', 'processingTimeInMilliseconds', 'int'],
  ['ProcessingTimeInMs', 'processingTimeInMilliseconds', 'int'],
  ['ResourceDisplayName', 'resourceDisplayName', 'text'],
  // Not `ResourceId`: that column is the `/tenants/…/providers/Microsoft.aadiam` envelope (§1.2).
  ['ResourceIdentity', 'resourceId', 'text'],
  ['ResourceServicePrincipalId', 'resourceServicePrincipalId', 'text'],
  ['ResourceTenantId', 'resourceTenantId', 'text'],
  ['RiskDetail', 'riskDetail', 'text'],
  ['RiskEventTypes_V2', 'riskEventTypes_v2', 'json'],
  ['RiskLevelAggregated', 'riskLevelAggregated', 'text'],
  ['RiskLevelDuringSignIn', 'riskLevelDuringSignIn', 'text'],
  ['RiskState', 'riskState', 'text'],
  ['ServicePrincipalId', 'servicePrincipalId', 'text'],
  ['ServicePrincipalName', 'servicePrincipalName', 'text'],
  ['ServicePrincipalCredentialKeyId', 'servicePrincipalCredentialKeyId', 'text'],
  ['ServicePrincipalCredentialThumbprint', 'servicePrincipalCredentialThumbprint', 'text'],
  ['SessionLifetimePolicies', 'sessionLifetimePolicies', 'json'],
  ['SignInIdentifier', 'signInIdentifier', 'text'],
  ['SignInIdentifierType', 'signInIdentifierType', 'text'],
  ['TokenIssuerName', 'tokenIssuerName', 'text'],
  ['TokenIssuerType', 'tokenIssuerType', 'text'],
  ['UniqueTokenIdentifier', 'uniqueTokenIdentifier', 'text'],
  ['UserAgent', 'userAgent', 'text'],
  ['UserDisplayName', 'userDisplayName', 'text'],
  ['UserId', 'userId', 'text'],
  ['UserPrincipalName', 'userPrincipalName', 'text'],
  // LA writes `Member`/`Guest`, Graph `member`/`guest` (§1.2).
  ['UserType', 'userType', 'lowerFirst'],
]

const convert: Record<Kind, (value: unknown) => unknown> = {
  text: textValue,
  json: jsonValue,
  int: intValue,
  bool: boolValue,
  lowerFirst: (value) => {
    const text = textValue(value)
    return text ? text[0]!.toLowerCase() + text.slice(1) : undefined
  },
}

/** Columns a Log Analytics export always has, and Graph/portal files never: how the format is recognised. */
export const LOG_ANALYTICS_MARKERS = [
  'TimeGenerated',
  'ResultType',
  'Category',
  'Type',
  'IPAddress',
  'ResourceIdentity',
]

/** Header names as the mapping table knows them: ` [UTC]` stripped (§2.1). */
export function columnName(header: string): string {
  return header.replace(/\s*\[UTC\]$/i, '').trim()
}

/**
 * One value per column: a union's `X_dynamic`/`X_string` pair becomes `X`, taking whichever is filled (§2.2).
 * Empty CSV cells are absent values, as LA writes nulls.
 */
export function logAnalyticsColumns(row: Record<string, unknown>): Record<string, unknown> {
  const columns: Record<string, unknown> = {}
  for (const [header, value] of Object.entries(row)) {
    const name = columnName(header)
    const pair = /^(.*)_(dynamic|string)$/.exec(name)
    const key = pair ? pair[1]! : name
    if (value === '' || value === null || value === undefined) {
      if (!(key in columns)) columns[key] = undefined
      continue
    }
    columns[key] = value
  }
  return columns
}

export function isLogAnalyticsRow(row: Record<string, unknown>): boolean {
  const names = new Set(
    Object.keys(row)
      .map(columnName)
      .map((name) => name.replace(/_(dynamic|string)$/, '')),
  )
  return names.has('Id') && LOG_ANALYTICS_MARKERS.filter((marker) => names.has(marker)).length >= 2
}

/** The sign-in time: CreatedDateTime, else TimeGenerated (SP/MI have no CreatedDateTime), else the first step (§2.1). */
function createdDateTime(columns: Record<string, unknown>, authenticationDetails: unknown): string | null {
  const direct = toIsoUtc(columns.CreatedDateTime) ?? toIsoUtc(columns.TimeGenerated)
  if (direct) return direct
  if (Array.isArray(authenticationDetails)) {
    for (const step of authenticationDetails) {
      const time = toIsoUtc((step as { authenticationStepDateTime?: unknown })?.authenticationStepDateTime)
      if (time) return time
    }
  }
  return null
}

export function mapLogAnalyticsRow(row: Record<string, unknown>): MappedRecord {
  const columns = logAnalyticsColumns(row)
  const mapped: Record<string, unknown> = {}
  for (const [column, property, kind] of LOG_ANALYTICS_COLUMNS) {
    if (columns[column] === undefined || mapped[property] !== undefined) continue
    mapped[property] = convert[kind](columns[column])
  }
  const id = textValue(mapped.id)
  if (!id) throw new RecordError('the row has no Id')
  const time = createdDateTime(columns, mapped.authenticationDetails)
  if (!time)
    throw new RecordError('the row has no CreatedDateTime, TimeGenerated or authentication step time')
  const errorCode = intValue(columns.ResultType)
  const status = jsonValue(columns.Status)
  const logType =
    logTypeOfEventTypes(jsonValue(columns.SignInEventTypes)) ??
    logTypeOfName(columns.Type) ??
    logTypeOfName(columns.Category)
  const signIn = withoutAbsent({
    ...withGraphSpelling(mapped),
    id,
    createdDateTime: time,
    // SP/MI tables have no Status column: build it from ResultType/ResultDescription (§1.2).
    status:
      status && typeof status === 'object'
        ? { errorCode: errorCode ?? 0, failureReason: null, additionalDetails: null, ...status }
        : errorCode === undefined
          ? undefined
          : {
              errorCode,
              failureReason: textValue(columns.ResultDescription) ?? null,
              additionalDetails: null,
            },
    signInEventTypes: logType ? [logType] : undefined,
  }) as FileSignIn
  return { signIn, logType }
}
