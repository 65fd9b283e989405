/**
 * Pills Graph cannot apply (portal-ui.md §2.6 `*` fields, Status = Failure) are applied to loaded rows here.
 * The predicates ignore server-side pills: Graph already applied those.
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
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { isCaeToken } from '../model/display-text.ts'
import { isPillServerSide, type FilterFieldId, type FilterPill } from '../model/filter-fields.ts'
import { statusOfErrorCode } from '../model/status.ts'
import { looksLikeGuid } from './odata-literals.ts'

const lower = (value: string) => value.trim().toLowerCase()
const sameId = (a: string | null | undefined, b: string) => a != null && lower(a) === lower(b)
const hasPrefix = (text: string | null | undefined, prefix: string) =>
  text != null && lower(text).startsWith(lower(prefix))

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
const tokenIssuerMatches = enumMatcher(tokenIssuerTypeValues)

type RecordTest = (record: BetaSignIn, value: string) => boolean

const signInTests: Partial<Record<FilterFieldId, RecordTest>> = {
  status: (record, value) => statusOfErrorCode(record.status.errorCode) === value,
  // A record without the entry is not a CAE token.
  isCaeToken: (record, value) => (isCaeToken(record) ?? false) === (value === 'true'),
  crossTenantAccessType: (record, value) => accessTypeMatches(record.crossTenantAccessType, value),
  authenticationProtocol: (record, value) => protocolMatches(record.authenticationProtocol, value),
  incomingTokenType: (record, value) => incomingTokenMatches(record.incomingTokenType, value),
  tokenIssuerType: (record, value) => tokenIssuerMatches(record.tokenIssuerType, value),
  userType: (record, value) => record.userType === value,
  uniqueTokenIdentifier: (record, value) => record.uniqueTokenIdentifier === value.trim(),
  sessionId: (record, value) => sameId(record.sessionId, value),
  signInIdentifier: (record, value) => hasPrefix(record.signInIdentifier, value),
  homeTenantId: (record, value) => sameId(record.homeTenantId, value),
  resourceTenantId: (record, value) => sameId(record.resourceTenantId, value),
  flaggedForReview: (record, value) => (record.flaggedForReview ?? false) === (value === 'true'),
  tokenProtectionStatusCode: (record, value) =>
    String(record.tokenProtectionStatusDetails?.signInSessionStatusCode ?? '') === value.trim(),
  credentialKeyId: (record, value) => sameId(record.servicePrincipalCredentialKeyId, value),
  managedIdentityType: (record, value) => record.managedServiceIdentity?.msiType === value,
}

/** For the signIns list (and downloads): keeps a record when every client-side pill accepts it. */
export function clientSideFilter(pills: FilterPill[]): (record: BetaSignIn) => boolean {
  const tests = pills
    .filter((pill) => pill.values.length > 0 && !isPillServerSide(pill))
    .map((pill) => {
      const test = signInTests[pill.field]
      if (!test) throw new Error(`No client-side rule for filter field ${pill.field}`)
      return (record: BetaSignIn) => pill.values.some((value) => test(record, value))
    })
  return (record) => tests.every((test) => test(record))
}

export type SummaryTest = (row: SummarizedSignIn, value: string) => boolean

/** The client-side pills a summary row can still answer, because it carries the property. */
export function summaryRowMatcher(pill: FilterPill): SummaryTest | null {
  switch (pill.field) {
    case 'user':
      // Summary rows have no display name or userId: the name typed is matched against the UPN.
      return (row, value) => !looksLikeGuid(value) && hasPrefix(row.userPrincipalName, value)
    case 'application':
      return (row, value) => hasPrefix(row.appDisplayName, value)
    case 'status':
      return (row, value) => statusOfErrorCode(row.status.errorCode) === value
    case 'tokenIssuerType':
      return (row, value) => tokenIssuerMatches(row.tokenIssuerType, value)
    default:
      return null
  }
}
