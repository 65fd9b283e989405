export type PropertyType = 'string' | 'int' | 'datetime' | 'bool' | 'stringCollection'

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'startswith' | 'any'

export interface FilterProperty {
  type: PropertyType
  /**
   * Allowed operators. For a `stringCollection` the only direct operator is `any`; the other entries are
   * what the lambda body may apply to the lambda variable (`signInEventTypes/any(t: t ne 'x')`).
   */
  ops: ReadonlyArray<FilterOperator>
  /** case-insensitive eq (most Graph strings); UPN eq is exact — see spec §2.2 */
  caseInsensitiveEq?: boolean
}

export interface FilterSchema {
  properties: Readonly<Record<string, FilterProperty>>
  /** `not` is undocumented for sign-ins (spec §2.2), so the Graph schemas set this to false → 400. */
  allowNot: boolean
}

const eq: FilterProperty = { type: 'string', ops: ['eq'], caseInsensitiveEq: true }
const eqStartsWith: FilterProperty = { type: 'string', ops: ['eq', 'startswith'], caseInsensitiveEq: true }
const eqNe: FilterProperty = { type: 'string', ops: ['eq', 'ne'], caseInsensitiveEq: true }
// Spec §2.2 / §7: sign-in UPNs are stored lower-case and `eq` on them is case-sensitive ([obs]).
const upn: FilterProperty = { type: 'string', ops: ['eq', 'startswith'], caseInsensitiveEq: false }
const errorCode: FilterProperty = { type: 'int', ops: ['eq'] } // spec §2.2: only eq (docs#7340)
// Spec §2.2: eq/le/ge documented, gt/lt undocumented but answered by Graph, so all five.
const createdDateTime: FilterProperty = { type: 'datetime', ops: ['eq', 'ge', 'le', 'gt', 'lt'] }
const collection = (...inner: FilterOperator[]): FilterProperty => ({
  type: 'stringCollection',
  ops: ['any', ...inner],
  caseInsensitiveEq: true,
})

/** Properties present on both v1.0 and beta signIn (spec §2.2 table ∩ §3.1 "v1.0 = y"). */
const sharedSignInProperties: Record<string, FilterProperty> = {
  id: eq,
  userId: eq,
  appId: eq,
  correlationId: eq,
  resourceId: eq,
  resourceDisplayName: eq,
  clientAppUsed: eq,
  conditionalAccessStatus: eq,
  riskDetail: eq,
  riskLevelAggregated: eq,
  riskLevelDuringSignIn: eq,
  riskState: eq,
  appDisplayName: eqStartsWith,
  userDisplayName: eqStartsWith,
  userPrincipalName: upn,
  ipAddress: eqStartsWith,
  userAgent: eqStartsWith,
  servicePrincipalId: eqStartsWith,
  servicePrincipalName: eqStartsWith,
  riskEventTypes_v2: collection('eq', 'startswith'),
  createdDateTime,
  'location/city': eqStartsWith,
  'location/state': eqStartsWith,
  'location/countryOrRegion': eqStartsWith,
  'deviceDetail/browser': eqStartsWith,
  'deviceDetail/operatingSystem': eqStartsWith,
  'status/errorCode': errorCode,
}

/** Beta signIns: spec §2.2, including `signInEventTypes/any(t: t eq|ne …)` and the agent properties. */
export const betaSignInFilterSchema: FilterSchema = {
  allowNot: false,
  properties: {
    ...sharedSignInProperties,
    originalRequestId: eq,
    tokenIssuerName: eq,
    tokenIssuerType: eq,
    appOwnerTenantId: eq,
    resourceOwnerTenantId: eq,
    resourceServicePrincipalId: eq,
    authenticationRequirement: eqStartsWith,
    conditionalAccessAudiences: collection('eq'),
    signInEventTypes: collection('eq', 'ne'),
    // Spec §1.1 / §7: `agent/agentType eq` is documented and `ne` is allowed on the agent properties.
    'agent/agentType': eqNe,
    'agent/agentSubjectType': eqNe,
  },
}

/** v1.0 signIns: only v1.0 properties (spec §3.1), no signInEventTypes (spec §1.1: 400 on v1.0). */
export const v1SignInFilterSchema: FilterSchema = {
  allowNot: false,
  properties: {
    ...sharedSignInProperties,
    // Spec §3.1: riskEventTypes exists on v1.0 only (2020 docs table: eq).
    riskEventTypes: collection('eq'),
  },
}

/** Sign-in window bounds on summaries: undocumented but used by scripts and the portal (spec §1.2). */
const summaryDateTime: FilterProperty = { type: 'datetime', ops: ['ge', 'le', 'gt', 'lt'] }

/** getSummarized*SignIns: the spec §1.2 table plus the date-scoping properties the fake accepts. */
export const summaryFilterSchema: FilterSchema = {
  allowNot: false,
  properties: {
    id: eq,
    userPrincipalName: { ...upn, ops: ['eq'] },
    appId: eq,
    appDisplayName: eq,
    conditionalAccessStatus: eq,
    resourceDisplayName: eq,
    resourceId: eq,
    tenantId: eq,
    servicePrincipalId: eq,
    'status/errorCode': errorCode,
    'managedServiceIdentity/msiType': eq,
    'agent/agentType': eqNe,
    // Spec §1.2 [obs]: scripts send `agent/agentSubjectType ne '…'`.
    'agent/agentSubjectType': eqNe,
    // Spec §1.2 [doc]: startswith on these two is case-insensitive.
    ipAddress: eqStartsWith,
    servicePrincipalName: eqStartsWith,
    firstSignInDateTime: summaryDateTime,
    aggregationDateTime: summaryDateTime,
  },
}

/**
 * Case rules the evaluator uses when no schema is given: the union of the Graph schemas. They agree on every
 * shared path (asserted by a test), so one table serves signIns and summaries of both versions.
 */
export const graphCaseRulesSchema: FilterSchema = {
  allowNot: false,
  properties: {
    ...summaryFilterSchema.properties,
    ...v1SignInFilterSchema.properties,
    ...betaSignInFilterSchema.properties,
  },
}
