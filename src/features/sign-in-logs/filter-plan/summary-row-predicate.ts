/**
 * The summary-row emitter: a condition as a predicate on one `summarizedSignIn` row, for the fields a row
 * carries (§1.2). Null when the row cannot answer: the grouped tab then builds its groups from sign-ins.
 * Each test means the same as ./record-predicate.ts on every sign-in of the group, because the row's
 * properties are the group's keys or are constant within it.
 */
import type { SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { looksLikeGuid, looksLikeUserPrincipalName } from '../api/odata-literals.ts'
import type { FilterFieldId } from '../model/filter-fields.ts'
import { isNegation, type FilterCondition } from './conditions.ts'
import { hasPrefix, ipMatches, same, statusMatches, tokenIssuerMatches } from './record-predicate.ts'

type RowTest = (row: SummarizedSignIn, value: string) => boolean

const rowTests: Partial<Record<FilterFieldId, RowTest>> = {
  user: (row, value) => hasPrefix(row.userPrincipalName, value),
  application: (row, value) =>
    looksLikeGuid(value) ? same(row.appId, value) : hasPrefix(row.appDisplayName, value),
  applicationId: (row, value) => same(row.appId, value),
  status: (row, value) => statusMatches(row.status.errorCode, value),
  ipAddress: (row, value) => ipMatches(row.ipAddress, value),
  resource: (row, value) => same(row.resourceDisplayName, value),
  resourceId: (row, value) => same(row.resourceId, value),
  conditionalAccess: (row, value) => same(row.conditionalAccessStatus, value),
  servicePrincipalId: (row, value) => same(row.servicePrincipalId, value),
  managedIdentityId: (row, value) => same(row.servicePrincipalId, value),
  servicePrincipalName: (row, value) => hasPrefix(row.servicePrincipalName, value),
  managedIdentityName: (row, value) => hasPrefix(row.servicePrincipalName, value),
  managedIdentityType: (row, value) => row.managedServiceIdentity?.msiType === value,
  tokenIssuerType: (row, value) => tokenIssuerMatches(row.tokenIssuerType, value),
}

/** A condition as a summary-row predicate, or null when a row cannot answer one of its values. */
export function summaryRowPredicate(condition: FilterCondition): ((row: SummarizedSignIn) => boolean) | null {
  const test = rowTests[condition.field]
  if (!test) return null
  // Rows carry neither the userId nor the display name: of a user, only a whole UPN can be answered.
  if (condition.field === 'user' && !condition.values.every(looksLikeUserPrincipalName)) return null
  const matches = (row: SummarizedSignIn) => condition.values.some((value) => test(row, value))
  // A row's tested properties are constant within its group, so "none of its sign-ins" is "not the row".
  return isNegation(condition.operator) ? (row) => !matches(row) : matches
}
