/**
 * Version projection and evolvable-enum collapsing (graph-api.md §2.5, §3.2).
 */
import {
  agentTypeValues,
  appliedConditionalAccessPolicyResultValues,
  conditionalAccessConditionsValues,
  conditionalAccessRuleValues,
  evolvableMembersOf,
  incomingTokenTypeValues,
  networkTypeValues,
  protocolTypeValues,
  requirementProviderValues,
  riskDetailValues,
  riskEventTypeValues,
  signInAccessTypeValues,
  tokenIssuerTypeValues,
  v1RiskDetailValues,
  type BetaSignIn,
  type V1SignIn,
} from '../../contract/sign-in.ts'

const v1RiskDetails = new Set<string>(v1RiskDetailValues)
const v1RiskEvents = new Set<string>(riskEventTypeValues)

/** The v1.0 shape of a beta record: 29 properties + id, narrower complex types (§3.2). */
export function toV1SignIn(beta: BetaSignIn): V1SignIn {
  const v1: V1SignIn = {
    id: beta.id,
    appDisplayName: beta.appDisplayName,
    appId: beta.appId,
    authenticationAppDeviceDetails: beta.authenticationAppDeviceDetails && {
      ...beta.authenticationAppDeviceDetails,
    },
    clientAppUsed: beta.clientAppUsed,
    conditionalAccessStatus: beta.conditionalAccessStatus,
    correlationId: beta.correlationId,
    createdDateTime: beta.createdDateTime,
    deviceDetail: beta.deviceDetail && {
      deviceId: beta.deviceDetail.deviceId,
      displayName: beta.deviceDetail.displayName,
      operatingSystem: beta.deviceDetail.operatingSystem,
      browser: beta.deviceDetail.browser,
      trustType: beta.deviceDetail.trustType,
      isCompliant: beta.deviceDetail.isCompliant,
      isManaged: beta.deviceDetail.isManaged,
    },
    homeTenantId: beta.homeTenantId,
    ipAddress: beta.ipAddress,
    isInteractive: beta.isInteractive,
    location: beta.location && {
      ...beta.location,
      geoCoordinates: beta.location.geoCoordinates && { ...beta.location.geoCoordinates },
    },
    resourceDisplayName: beta.resourceDisplayName,
    resourceId: beta.resourceId,
    resourceTenantId: beta.resourceTenantId,
    // The agent-related members exist on beta only; v1.0 would send its catch-all.
    riskDetail:
      beta.riskDetail === null
        ? null
        : v1RiskDetails.has(beta.riskDetail)
          ? (beta.riskDetail as V1SignIn['riskDetail'])
          : 'unknownFutureValue',
    riskEventTypes: beta.riskEventTypes_v2.filter((t) => v1RiskEvents.has(t)) as V1SignIn['riskEventTypes'],
    riskEventTypes_v2: [...beta.riskEventTypes_v2],
    riskLevelAggregated: beta.riskLevelAggregated,
    riskLevelDuringSignIn: beta.riskLevelDuringSignIn,
    riskState: beta.riskState,
    servicePrincipalId: beta.servicePrincipalId,
    servicePrincipalName: beta.servicePrincipalName,
    status: { ...beta.status },
    userAgent: beta.userAgent,
    userDisplayName: beta.userDisplayName,
    userId: beta.userId,
    userPrincipalName: beta.userPrincipalName,
  }
  if (beta.appliedConditionalAccessPolicies) {
    v1.appliedConditionalAccessPolicies = beta.appliedConditionalAccessPolicies.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      enforcedGrantControls: [...p.enforcedGrantControls],
      enforcedSessionControls: [...p.enforcedSessionControls],
      result: p.result,
    }))
  }
  return v1
}

const hidden = (values: readonly string[]) => new Set(evolvableMembersOf(values))
const H = {
  access: hidden(signInAccessTypeValues),
  incoming: hidden(incomingTokenTypeValues),
  issuer: hidden(tokenIssuerTypeValues),
  protocol: hidden(protocolTypeValues),
  risk: hidden(riskDetailValues),
  agent: hidden(agentTypeValues),
  caResult: hidden(appliedConditionalAccessPolicyResultValues),
  caCondition: hidden(conditionalAccessConditionsValues),
  caRule: hidden(conditionalAccessRuleValues),
  network: hidden(networkTypeValues),
  provider: hidden(requirementProviderValues),
}

function one<T>(value: T, members: Set<string>, fallback = 'unknownFutureValue'): T {
  return typeof value === 'string' && members.has(value) ? (fallback as T) : value
}
/** Flags: each hidden member becomes unknownFutureValue, once. */
function flags<T>(value: T, members: Set<string>): T {
  if (typeof value !== 'string' || !value.split(',').some((m) => members.has(m))) return value
  const parts = value.split(',').map((m) => (members.has(m) ? 'unknownFutureValue' : m))
  return [...new Set(parts)].join(',') as T
}

type Loose = Record<string, unknown>
const mapArray = (value: unknown, fn: (item: Loose) => Loose): unknown =>
  Array.isArray(value)
    ? value.map((item) => (item && typeof item === 'object' ? fn(item as Loose) : item))
    : value

/**
 * §2.5: members declared after `unknownFutureValue` are sent as `unknownFutureValue` unless the
 * request had `Prefer: include-unknown-enum-members`. Works on beta/v1.0 sign-ins and summary rows;
 * returns a copy, copying only the parts it changes.
 */
export function collapseEvolvableEnums<T>(record: T): T {
  if (!record || typeof record !== 'object') return record
  const r = { ...(record as Loose) }
  if ('crossTenantAccessType' in r) r.crossTenantAccessType = flags(r.crossTenantAccessType, H.access)
  if ('incomingTokenType' in r) r.incomingTokenType = flags(r.incomingTokenType, H.incoming)
  if ('authenticationProtocol' in r) r.authenticationProtocol = flags(r.authenticationProtocol, H.protocol)
  if ('tokenIssuerType' in r) r.tokenIssuerType = one(r.tokenIssuerType, H.issuer, 'UnknownFutureValue')
  if ('riskDetail' in r) r.riskDetail = one(r.riskDetail, H.risk)
  if (r.agent && typeof r.agent === 'object') {
    const agent = r.agent as Loose
    r.agent = {
      ...agent,
      agentType: one(agent.agentType, H.agent),
      ...('agentSubjectType' in agent ? { agentSubjectType: one(agent.agentSubjectType, H.agent) } : {}),
    }
  }
  if ('appliedConditionalAccessPolicies' in r) {
    const rule = (x: Loose): Loose => ({
      ...x,
      conditionalAccessCondition: flags(x.conditionalAccessCondition, H.caCondition),
      ruleSatisfied: one(x.ruleSatisfied, H.caRule),
    })
    r.appliedConditionalAccessPolicies = mapArray(r.appliedConditionalAccessPolicies, (p) => {
      const out: Loose = { ...p, result: one(p.result, H.caResult) }
      if ('conditionsSatisfied' in p) out.conditionsSatisfied = flags(p.conditionsSatisfied, H.caCondition)
      if ('conditionsNotSatisfied' in p)
        out.conditionsNotSatisfied = flags(p.conditionsNotSatisfied, H.caCondition)
      if ('includeRulesSatisfied' in p) out.includeRulesSatisfied = mapArray(p.includeRulesSatisfied, rule)
      if ('excludeRulesSatisfied' in p) out.excludeRulesSatisfied = mapArray(p.excludeRulesSatisfied, rule)
      return out
    })
  }
  if ('networkLocationDetails' in r)
    r.networkLocationDetails = mapArray(r.networkLocationDetails, (n) => ({
      ...n,
      networkType: one(n.networkType, H.network),
    }))
  if ('authenticationRequirementPolicies' in r) {
    r.authenticationRequirementPolicies = mapArray(r.authenticationRequirementPolicies, (p) => ({
      ...p,
      requirementProvider: one(p.requirementProvider, H.provider),
    }))
  }
  return r as T
}
