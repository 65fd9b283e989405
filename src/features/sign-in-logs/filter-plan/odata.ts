/**
 * OData emitters (graph-api.md §1.2, §2.2, §2.3): one condition → a `/signIns` clause or a
 * `getSummarized*` clause, or null when that endpoint cannot express it (it is then matched on the
 * loaded records or summary rows, see ./record-predicate.ts and ./summary-row-predicate.ts).
 */
import { INTERRUPT_CODES } from '../model/status.ts'
import {
  looksLikeFullIpAddress,
  looksLikeGuid,
  looksLikeUserPrincipalName,
  quoteODataString,
} from '../api/odata-literals.ts'
import type { FilterFieldId } from '../model/filter-fields.ts'
import { FilterValueError, isNegation, type FilterCondition } from './conditions.ts'

const eq = (path: string, value: string) => `${path} eq ${quoteODataString(value)}`
const startsWith = (path: string, value: string) => `startswith(${path},${quoteODataString(value)})`
/** OR chains are parenthesised so that they AND correctly with the rest. */
const anyOf = (clauses: readonly string[]) =>
  clauses.length === 1 ? (clauses[0] ?? '') : `(${clauses.join(' or ')})`

/**
 * `status/errorCode` takes a bare integer (§2.3), so nothing but an integer may be spelled there: a value
 * like `0 or true` would otherwise rewrite the whole filter.
 */
export function errorCodeLiteral(value: unknown): string {
  const code = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value
  if (typeof code !== 'number' || !Number.isSafeInteger(code)) {
    throw new FilterValueError(`A sign-in error code must be a whole number; got ${JSON.stringify(value)}.`)
  }
  return String(code)
}

export const errorCodeClause = (code: unknown) => `status/errorCode eq ${errorCodeLiteral(code)}`

/**
 * Interrupted is sent as an `or` chain of the 20 interrupt codes rather than classified on loaded rows:
 * interrupts are a small share of sign-ins, so filtering loaded pages would mean paging through most of
 * the range under a 5-requests-per-10-s throttle (§4.3). Failure has no such chain (errorCode allows only
 * `eq`, §2.2), so it is classified on the loaded rows.
 */
function statusClause(value: string): string | null {
  if (value === 'Success') return errorCodeClause(0)
  if (value === 'Interrupted') return anyOf(INTERRUPT_CODES.map(errorCodeClause))
  return null
}

const ipClause = (value: string) =>
  looksLikeFullIpAddress(value) ? eq('ipAddress', value) : startsWith('ipAddress', value)

/** One value as a clause, or null when the endpoint cannot express it. */
type ValueClause = (value: string) => string | null
type ClauseTable = Readonly<Partial<Record<FilterFieldId, ValueClause>>>

/** The whole condition, or null when any of its values cannot be expressed. */
function eachValue(condition: FilterCondition, clause: ValueClause): string | null {
  const clauses = condition.values.map(clause)
  return clauses.every((text): text is string => text !== null) && clauses.length > 0 ? anyOf(clauses) : null
}

/** A field missing from a table has no path in that endpoint's `$filter`; it is matched on loaded rows. */
function clauseFor(table: ClauseTable, condition: FilterCondition): string | null {
  // "is not": `ne` exists only on signInEventTypes and agent, `not` is undocumented (graph-api.md §2.2),
  // and the summary functions take `eq` and `startswith` only (§1.2).
  if (isNegation(condition.operator)) return null
  const clause = table[condition.field]
  return clause ? eachValue(condition, clause) : null
}

/** The paths `/signIns` and the summary functions spell alike. */
const commonClauses = {
  applicationId: (value) => eq('appId', value),
  status: statusClause,
  ipAddress: ipClause,
  resource: (value) => eq('resourceDisplayName', value),
  resourceId: (value) => eq('resourceId', value),
  conditionalAccess: (value) => eq('conditionalAccessStatus', value),
  // A managed identity signs in as its service principal (portal-ui.md §1.1: "name or ID").
  servicePrincipalId: (value) => eq('servicePrincipalId', value),
  managedIdentityId: (value) => eq('servicePrincipalId', value),
  servicePrincipalName: (value) => startsWith('servicePrincipalName', value),
  managedIdentityName: (value) => startsWith('servicePrincipalName', value),
} as const satisfies ClauseTable

/** The `*` fields of portal-ui.md §2.6 and managedServiceIdentity are absent: the signIns $filter has no such path. */
const signInsClauses: ClauseTable = {
  ...commonClauses,
  requestId: (value) => eq('id', value),
  correlationId: (value) => eq('correlationId', value),
  user: (value) => {
    if (looksLikeGuid(value)) return eq('userId', value)
    // A whole UPN names one user; UPNs are lower-case (§2.2). Summary rows answer the same question.
    if (looksLikeUserPrincipalName(value)) return startsWith('userPrincipalName', value.toLowerCase())
    return anyOf([startsWith('userPrincipalName', value), startsWith('userDisplayName', value)])
  },
  application: (value) => (looksLikeGuid(value) ? eq('appId', value) : startsWith('appDisplayName', value)),
  location: (value) =>
    anyOf(['location/city', 'location/state', 'location/countryOrRegion'].map((p) => startsWith(p, value))),
  clientApp: (value) => eq('clientAppUsed', value),
  operatingSystem: (value) => startsWith('deviceDetail/operatingSystem', value),
  browser: (value) => startsWith('deviceDetail/browser', value),
  authenticationRequirement: (value) => eq('authenticationRequirement', value),
}

const summariesClauses: ClauseTable = {
  ...commonClauses,
  // By name: summaries take only `eq` on appDisplayName (§1.2); the rows answer the prefix.
  application: (value) => (looksLikeGuid(value) ? eq('appId', value) : null),
  managedIdentityType: (value) => eq('managedServiceIdentity/msiType', value),
}

/** A condition as `/signIns` `$filter` text, or null when Graph cannot apply it there. */
export const signInsClause = (condition: FilterCondition): string | null =>
  clauseFor(signInsClauses, condition)

/** A condition as `getSummarized*` `$filter` text (§1.2), or null when the summary functions cannot take it. */
export const summariesClause = (condition: FilterCondition): string | null =>
  clauseFor(summariesClauses, condition)
