/**
 * The record emitter: a condition as a predicate on one beta sign-in. It covers every field, with the
 * semantics of the `$filter` text in ./odata.ts (Graph's `eq` ignores case, `startswith` ignores case,
 * §2.2), so the same condition keeps the same records whether Graph or the client applies it.
 */
// The zod-free value lists (enum-values.ts): importing them from sign-in.ts would build every schema and
// pull zod into the first screen (issue #7).
import {
  evolvableMembersOf,
  incomingTokenTypeValues,
  protocolTypeValues,
  signInAccessTypeValues,
  tokenIssuerTypeValues,
} from '../../../../contract/enum-values.ts'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { looksLikeFullIpAddress, looksLikeGuid, looksLikeUserPrincipalName } from '../api/odata-literals.ts'
import { isCaeToken } from '../model/display-text.ts'
import type { FilterFieldId } from '../model/filter-fields.ts'
import { INTERRUPT_CODES, statusOfErrorCode } from '../model/status.ts'
import { isNegation, type FilterCondition } from './conditions.ts'

const lower = (value: string) => value.trim().toLowerCase()
export const same = (recorded: string | null | undefined, wanted: string) =>
  recorded != null && lower(recorded) === lower(wanted)
export const hasPrefix = (recorded: string | null | undefined, prefix: string) =>
  recorded != null && lower(recorded).startsWith(lower(prefix))

/** Interrupted as Graph's `or` chain sees it: exactly the 20 codes (status.ts classifies the same way). */
const interruptCodes = new Set(INTERRUPT_CODES)
export function statusMatches(errorCode: number, wanted: string): boolean {
  if (wanted === 'Interrupted') return interruptCodes.has(errorCode)
  return statusOfErrorCode(errorCode) === wanted
}

export const ipMatches = (recorded: string | null | undefined, wanted: string) =>
  looksLikeFullIpAddress(wanted) ? same(recorded, wanted) : hasPrefix(recorded, wanted)

/**
 * Our client sends `Prefer: include-unknown-enum-members`, but a source that ignores it (an older export,
 * another client's file) carries the members declared after `unknownFutureValue` as the placeholder itself
 * (graph-api.md §2.5). Choosing such a member therefore also matches that placeholder; it may over-match
 * when an enum has several newer members.
 */
function enumMatcher(values: readonly string[]) {
  const placeholder = values.find((v) => v.toLowerCase() === 'unknownfuturevalue') ?? 'unknownFutureValue'
  const evolvable = new Set(evolvableMembersOf(values))
  return (recorded: string | null | undefined, wanted: string): boolean => {
    if (recorded == null) return false
    // Flags enums are one comma-joined string (§3.3).
    const members = recorded.split(',').map((member) => member.trim())
    return members.includes(wanted) || (evolvable.has(wanted) && members.includes(placeholder))
  }
}
const accessTypeMatches = enumMatcher(signInAccessTypeValues)
const protocolMatches = enumMatcher(protocolTypeValues)
const incomingTokenMatches = enumMatcher(incomingTokenTypeValues)
export const tokenIssuerMatches = enumMatcher(tokenIssuerTypeValues)

type RecordTest = (record: BetaSignIn, value: string) => boolean

function userMatches(record: BetaSignIn, value: string): boolean {
  if (looksLikeGuid(value)) return same(record.userId, value)
  if (looksLikeUserPrincipalName(value)) return hasPrefix(record.userPrincipalName, value)
  return hasPrefix(record.userPrincipalName, value) || hasPrefix(record.userDisplayName, value)
}

const recordTests: Record<FilterFieldId, RecordTest> = {
  requestId: (record, value) => same(record.id, value),
  correlationId: (record, value) => same(record.correlationId, value),
  user: userMatches,
  application: (record, value) =>
    looksLikeGuid(value) ? same(record.appId, value) : hasPrefix(record.appDisplayName, value),
  applicationId: (record, value) => same(record.appId, value),
  status: (record, value) => statusMatches(record.status.errorCode, value),
  ipAddress: (record, value) => ipMatches(record.ipAddress, value),
  location: ({ location }, value) =>
    hasPrefix(location?.city, value) ||
    hasPrefix(location?.state, value) ||
    hasPrefix(location?.countryOrRegion, value),
  resource: (record, value) => same(record.resourceDisplayName, value),
  resourceId: (record, value) => same(record.resourceId, value),
  conditionalAccess: (record, value) => same(record.conditionalAccessStatus, value),
  clientApp: (record, value) => same(record.clientAppUsed, value),
  operatingSystem: (record, value) => hasPrefix(record.deviceDetail?.operatingSystem, value),
  browser: (record, value) => hasPrefix(record.deviceDetail?.browser, value),
  authenticationRequirement: (record, value) => same(record.authenticationRequirement, value),
  // A record without the entry is not a CAE token.
  isCaeToken: (record, value) => (isCaeToken(record) ?? false) === (value === 'true'),
  crossTenantAccessType: (record, value) => accessTypeMatches(record.crossTenantAccessType, value),
  authenticationProtocol: (record, value) => protocolMatches(record.authenticationProtocol, value),
  incomingTokenType: (record, value) => incomingTokenMatches(record.incomingTokenType, value),
  tokenIssuerType: (record, value) => tokenIssuerMatches(record.tokenIssuerType, value),
  userType: (record, value) => record.userType === value,
  uniqueTokenIdentifier: (record, value) => record.uniqueTokenIdentifier === value,
  sessionId: (record, value) => same(record.sessionId, value),
  signInIdentifier: (record, value) => hasPrefix(record.signInIdentifier, value),
  homeTenantId: (record, value) => same(record.homeTenantId, value),
  resourceTenantId: (record, value) => same(record.resourceTenantId, value),
  flaggedForReview: (record, value) => (record.flaggedForReview ?? false) === (value === 'true'),
  tokenProtectionStatusCode: (record, value) =>
    String(record.tokenProtectionStatusDetails?.signInSessionStatusCode ?? '') === value,
  servicePrincipalId: (record, value) => same(record.servicePrincipalId, value),
  managedIdentityId: (record, value) => same(record.servicePrincipalId, value),
  servicePrincipalName: (record, value) => hasPrefix(record.servicePrincipalName, value),
  managedIdentityName: (record, value) => hasPrefix(record.servicePrincipalName, value),
  credentialKeyId: (record, value) => same(record.servicePrincipalCredentialKeyId, value),
  managedIdentityType: (record, value) => record.managedServiceIdentity?.msiType === value,
}

/** A condition as a record predicate: any of its values matches (none, for "is not"). */
export function recordPredicate(condition: FilterCondition): (record: BetaSignIn) => boolean {
  const test = recordTests[condition.field]
  const matches = (record: BetaSignIn) => condition.values.some((value) => test(record, value))
  return isNegation(condition.operator) ? (record) => !matches(record) : matches
}
