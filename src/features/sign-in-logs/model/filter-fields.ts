/**
 * The "+ Add filters" fields per filter set (portal-ui.md §2.6). Where each one applies (Graph's
 * `$filter`, the summaries, or the loaded rows) is decided by the filter plan (../filter-plan), not here.
 */
import {
  authenticationRequirementLabels,
  conditionalAccessStatusLabels,
  incomingTokenTypeLabels,
  msiTypeLabels,
  protocolTypeLabels,
  signInAccessTypeLabels,
  signInUserTypeLabels,
  tokenIssuerTypeLabels,
  type EnumLabels,
} from './enum-labels.ts'
import type { FilterSet } from './tabs.ts'

export type FilterFieldId =
  | 'requestId'
  | 'correlationId'
  | 'user'
  | 'application'
  | 'status'
  | 'ipAddress'
  | 'location'
  | 'resource'
  | 'resourceId'
  | 'conditionalAccess'
  | 'clientApp'
  | 'operatingSystem'
  | 'browser'
  | 'authenticationRequirement'
  | 'isCaeToken'
  | 'crossTenantAccessType'
  | 'authenticationProtocol'
  | 'incomingTokenType'
  | 'tokenIssuerType'
  | 'userType'
  | 'uniqueTokenIdentifier'
  | 'sessionId'
  | 'signInIdentifier'
  | 'homeTenantId'
  | 'resourceTenantId'
  | 'flaggedForReview'
  | 'tokenProtectionStatusCode'
  | 'servicePrincipalId'
  | 'servicePrincipalName'
  | 'applicationId'
  | 'credentialKeyId'
  | 'managedIdentityId'
  | 'managedIdentityName'
  | 'managedIdentityType'

export interface FilterChoice {
  value: string
  label: string
  group?: string
}

export interface FilterFieldDefinition {
  id: FilterFieldId
  label: string
  valueType: 'text' | 'id' | 'choice' | 'multi' | 'bool'
  choices?: FilterChoice[]
}

/** One value for text/id/choice/bool, several for multi. */
export interface FilterPill {
  field: FilterFieldId
  values: string[]
  /**
   * "is not" (issue #12's "Filter out"): the sign-ins that do not match. Graph's `$filter` has no `ne` on
   * these properties and no `not` (graph-api.md §2.2), so the plan applies it to loaded rows.
   */
  negated?: boolean
}

const MODERN = 'Modern authentication clients'
const LEGACY = 'Legacy authentication clients'
// Values are Graph's clientAppUsed strings; labels are the portal's (portal-ui.md §2.6).
const clientAppChoices: FilterChoice[] = [
  { value: 'Browser', label: 'Browser', group: MODERN },
  { value: 'Mobile Apps and Desktop clients', label: 'Mobile apps and desktop clients', group: MODERN },
  ...[
    'Authenticated SMTP',
    'Autodiscover',
    'Exchange ActiveSync',
    'Exchange Online PowerShell',
    'Exchange Web Services',
    'IMAP4',
    'MAPI Over HTTP',
    'Offline Address Book',
    'Outlook Anywhere (RPC over HTTP)',
    'Outlook Service',
    'POP3',
    'Reporting Web Services',
    'Other clients',
  ].map((value) => ({ value, label: value === 'MAPI Over HTTP' ? 'MAPI over HTTP' : value, group: LEGACY })),
]

const choices = (pairs: [string, string][]): FilterChoice[] =>
  pairs.map(([value, label]) => ({ value, label }))

/** Choices of Graph enum members, worded as the grid and details pane show them (model/enum-labels.ts). */
const enumChoices = <Members extends readonly string[]>(
  labels: EnumLabels<Members>,
  members: Members,
): FilterChoice[] => members.map((value) => ({ value, label: labels[value as Members[number]] }))

const text = (id: FilterFieldId, label: string): FilterFieldDefinition => ({ id, label, valueType: 'text' })
const id = (fieldId: FilterFieldId, label: string): FilterFieldDefinition => ({
  id: fieldId,
  label,
  valueType: 'id',
})
const choice = (fieldId: FilterFieldId, label: string, options: FilterChoice[]): FilterFieldDefinition => ({
  id: fieldId,
  label,
  valueType: 'choice',
  choices: options,
})
const bool = (fieldId: FilterFieldId, label: string): FilterFieldDefinition => ({
  id: fieldId,
  label,
  valueType: 'bool',
})

const requestId = id('requestId', 'Request ID')
const correlationId = id('correlationId', 'Correlation ID')
const status = choice(
  'status',
  'Status',
  choices([
    ['Success', 'Success'],
    ['Failure', 'Failure'],
    ['Interrupted', 'Interrupted'],
  ]),
)
const ipAddress = text('ipAddress', 'IP address')
const location = text('location', 'Location')
const resource = text('resource', 'Resource')
const resourceId = id('resourceId', 'Resource ID')
const conditionalAccess = choice(
  'conditionalAccess',
  'Conditional Access',
  enumChoices(conditionalAccessStatusLabels, ['notApplied', 'success', 'failure'] as const),
)

/**
 * Members after `unknownFutureValue` (graph-api.md §2.5) arrive as `unknownFutureValue` because the app
 * sends no `Prefer: include-unknown-enum-members`; the client-side match accounts for that.
 */
const userFields: readonly FilterFieldDefinition[] = [
  requestId,
  correlationId,
  text('user', 'User'),
  text('application', 'Application'),
  status,
  ipAddress,
  location,
  resource,
  resourceId,
  conditionalAccess,
  { id: 'clientApp', label: 'Client app', valueType: 'multi', choices: clientAppChoices },
  text('operatingSystem', 'Operating system'),
  text('browser', 'Device browser'),
  choice(
    'authenticationRequirement',
    'Authentication requirement',
    enumChoices(authenticationRequirementLabels, [
      'singleFactorAuthentication',
      'multiFactorAuthentication',
    ] as const),
  ),
  bool('isCaeToken', 'Is CAE Token'),
  choice(
    'crossTenantAccessType',
    'Cross tenant access type',
    enumChoices(signInAccessTypeLabels, [
      'none',
      'b2bCollaboration',
      'b2bDirectConnect',
      'microsoftSupport',
      'serviceProvider',
      'passthrough',
    ] as const),
  ),
  choice(
    'authenticationProtocol',
    'Authentication protocol',
    enumChoices(protocolTypeLabels, [
      'none',
      'oAuth2',
      'ropc',
      'wsFederation',
      'saml20',
      'deviceCode',
      'authenticationTransfer',
      'nativeAuth',
    ] as const),
  ),
  choice(
    'incomingTokenType',
    'Incoming token type',
    enumChoices(incomingTokenTypeLabels, [
      'none',
      'primaryRefreshToken',
      'saml11',
      'saml20',
      'remoteDesktopToken',
      'refreshToken',
    ] as const),
  ),
  choice(
    'tokenIssuerType',
    'Token issuer type',
    enumChoices(tokenIssuerTypeLabels, [
      'AzureAD',
      'ADFederationServices',
      'AzureADBackupAuth',
      'ADFederationServicesMFAAdapter',
      'NPSExtension',
    ] as const),
  ),
  choice('userType', 'User type', enumChoices(signInUserTypeLabels, ['member', 'guest'] as const)),
  id('uniqueTokenIdentifier', 'Unique token identifier'),
  id('sessionId', 'Session ID'),
  text('signInIdentifier', 'Sign-in identifier'),
  id('homeTenantId', 'Home tenant ID'),
  id('resourceTenantId', 'Resource tenant ID'),
  bool('flaggedForReview', 'Flagged for review'),
  text('tokenProtectionStatusCode', 'Token Protection – Sign-in session status code'),
]

const servicePrincipalFields: readonly FilterFieldDefinition[] = [
  id('servicePrincipalId', 'Service principal ID'),
  text('servicePrincipalName', 'Service principal name'),
  requestId,
  correlationId,
  status,
  ipAddress,
  location,
  resource,
  resourceId,
  id('applicationId', 'Application ID'),
  id('credentialKeyId', 'Credential key ID'),
  conditionalAccess,
]

const managedIdentityFields: readonly FilterFieldDefinition[] = [
  id('managedIdentityId', 'Managed identity ID'),
  text('managedIdentityName', 'Managed identity name'),
  requestId,
  correlationId,
  status,
  resource,
  resourceId,
  // The signIns $filter has no managedServiceIdentity path (graph-api.md §2.2); the summaries do (§1.2).
  choice(
    'managedIdentityType',
    'Managed identity type',
    enumChoices(msiTypeLabels, ['systemAssigned', 'userAssigned'] as const),
  ),
]

/** "All sign-ins" takes the pills every log type takes (issue #12), in the user set's order. */
const sharedFields: readonly FilterFieldDefinition[] = userFields.filter(
  (field) => servicePrincipalFields.includes(field) && managedIdentityFields.includes(field),
)

const fieldsBySet: Record<FilterSet, readonly FilterFieldDefinition[]> = {
  user: userFields,
  servicePrincipal: servicePrincipalFields,
  managedIdentity: managedIdentityFields,
  all: sharedFields,
}

export function filterFieldsFor(filterSet: FilterSet): readonly FilterFieldDefinition[] {
  return fieldsBySet[filterSet]
}

const allFields = new Map<FilterFieldId, FilterFieldDefinition>(
  Object.values(fieldsBySet).flatMap((fields) => fields.map((field) => [field.id, field] as const)),
)

/** A field's definition; the same id means the same definition in every filter set. */
export function filterField(fieldId: FilterFieldId): FilterFieldDefinition {
  const field = allFields.get(fieldId)
  if (!field) throw new Error(`Unknown filter field: ${fieldId}`)
  return field
}

export function isFilterFieldId(value: string): value is FilterFieldId {
  return allFields.has(value as FilterFieldId)
}
