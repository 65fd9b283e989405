/**
 * The columns top values can be asked for on each tab, with the pill that matches a value ("Filter for").
 * Texts are the grid's (columns.ts, display-text.ts); the pill value is what the filter field takes
 * (filter-fields.ts): the raw enum member for choice fields, the record's own text for text fields.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { groupedColumnsByTab, interactiveColumnCatalogue } from './columns.ts'
import { isCaeToken } from './display-text.ts'
import { filterFieldsFor, type FilterFieldId } from './filter-fields.ts'
import { statusOfErrorCode } from './status.ts'
import type { TabId, ViewTab } from './tabs.ts'
import type { ValueReader } from './top-values.ts'

export type TopValueRow =
  { kind: 'signIn'; signIn: BetaSignIn } | { kind: 'summary'; summary: SummarizedSignIn }

export interface TopValueColumn {
  id: string
  label: string
  /** The filter field "Filter for" adds a pill of; null when the tab has no filter for the column. */
  filterField: FilterFieldId | null
  reader: ValueReader<TopValueRow>
}

type Raw<T> = (row: T) => string | null | undefined
const yesNoValue = (value: boolean | null | undefined) => (value == null ? null : String(value))

const signInFilters: Record<string, [FilterFieldId, Raw<BetaSignIn>]> = {
  id: ['requestId', (s) => s.id],
  correlationId: ['correlationId', (s) => s.correlationId],
  user: ['user', (s) => s.userPrincipalName],
  userPrincipalName: ['user', (s) => s.userPrincipalName],
  userId: ['user', (s) => s.userId],
  userType: ['userType', (s) => s.userType],
  signInIdentifier: ['signInIdentifier', (s) => s.signInIdentifier],
  appDisplayName: ['application', (s) => s.appDisplayName],
  appId: ['application', (s) => s.appId],
  resourceDisplayName: ['resource', (s) => s.resourceDisplayName],
  resourceId: ['resourceId', (s) => s.resourceId],
  resourceTenantId: ['resourceTenantId', (s) => s.resourceTenantId],
  homeTenantId: ['homeTenantId', (s) => s.homeTenantId],
  crossTenantAccessType: ['crossTenantAccessType', (s) => s.crossTenantAccessType],
  status: ['status', (s) => statusOfErrorCode(s.status.errorCode)],
  ipAddress: ['ipAddress', (s) => s.ipAddress],
  conditionalAccessStatus: ['conditionalAccess', (s) => s.conditionalAccessStatus],
  authenticationRequirement: ['authenticationRequirement', (s) => s.authenticationRequirement],
  clientAppUsed: ['clientApp', (s) => s.clientAppUsed],
  browser: ['browser', (s) => s.deviceDetail?.browser],
  operatingSystem: ['operatingSystem', (s) => s.deviceDetail?.operatingSystem],
  tokenIssuerType: ['tokenIssuerType', (s) => s.tokenIssuerType],
  incomingTokenType: ['incomingTokenType', (s) => s.incomingTokenType],
  authenticationProtocol: ['authenticationProtocol', (s) => s.authenticationProtocol],
  uniqueTokenIdentifier: ['uniqueTokenIdentifier', (s) => s.uniqueTokenIdentifier],
  sessionId: ['sessionId', (s) => s.sessionId],
  flaggedForReview: ['flaggedForReview', (s) => yesNoValue(s.flaggedForReview)],
  continuousAccessEvaluation: ['isCaeToken', (s) => yesNoValue(isCaeToken(s) ?? false)],
}

/** The properties a group row shares with its sign-ins, so one reader serves both. */
type GroupFields = Pick<
  SummarizedSignIn,
  | 'userPrincipalName'
  | 'appDisplayName'
  | 'status'
  | 'ipAddress'
  | 'resourceDisplayName'
  | 'resourceId'
  | 'servicePrincipalName'
  | 'servicePrincipalId'
>

const summaryFilters: Record<string, [FilterFieldId, Raw<GroupFields>]> = {
  user: ['user', (s) => s.userPrincipalName],
  application: ['application', (s) => s.appDisplayName],
  status: ['status', (s) => statusOfErrorCode(s.status.errorCode)],
  ipAddress: ['ipAddress', (s) => s.ipAddress],
  resource: ['resource', (s) => s.resourceDisplayName],
  resourceId: ['resourceId', (s) => s.resourceId],
  servicePrincipal: ['servicePrincipalName', (s) => s.servicePrincipalName],
  managedIdentityId: ['managedIdentityId', (s) => s.servicePrincipalId],
  managedIdentityName: ['managedIdentityName', (s) => s.servicePrincipalName],
}

/** A pill value the field accepts (a choice field takes only its choices), else null. */
function acceptedBy(tab: ViewTab, fieldId: FilterFieldId) {
  const field = filterFieldsFor(tab.filterSet).find((candidate) => candidate.id === fieldId)
  if (!field) return null
  const allowed =
    field.valueType === 'bool'
      ? ['true', 'false']
      : field.choices
        ? field.choices.map((choice) => choice.value)
        : null
  return (value: string | null | undefined): string | null => {
    if (value == null || value.trim() === '') return null
    return allowed === null || allowed.includes(value) ? value : null
  }
}

function signInColumns(tab: ViewTab): TopValueColumn[] {
  return interactiveColumnCatalogue
    .filter((column) => column.kind !== 'date')
    .map((column) => {
      const mapping = signInFilters[column.id]
      const accept = mapping ? acceptedBy(tab, mapping[0]) : null
      const raw = mapping?.[1]
      const signInOf = (row: TopValueRow) => (row.kind === 'signIn' ? row.signIn : null)
      return {
        id: column.id,
        label: column.label,
        filterField: accept && mapping ? mapping[0] : null,
        reader: {
          text: (row) => {
            const signIn = signInOf(row)
            return signIn ? column.value(signIn) : null
          },
          filterValue: (row) => {
            const signIn = signInOf(row)
            return signIn && accept && raw ? accept(raw(signIn)) : null
          },
        },
      }
    })
}

/**
 * Grouped tabs: over summary rows (a row weighs its signInCount) or, when the filter plan groups the
 * sign-ins on the client, over those sign-ins, read as the group column reads its child rows.
 */
function groupedColumns(tab: ViewTab): TopValueColumn[] {
  const columns = groupedColumnsByTab[tab.id as Exclude<TabId, 'interactive'>]
  return columns
    .filter((column) => column.kind !== 'date' && column.kind !== 'count' && column.id !== 'requestId')
    .map((column) => {
      const mapping = summaryFilters[column.id]
      const accept = mapping ? acceptedBy(tab, mapping[0]) : null
      const raw = mapping?.[1]
      const record = (row: TopValueRow): GroupFields => (row.kind === 'summary' ? row.summary : row.signIn)
      return {
        id: column.id,
        label: column.label,
        filterField: accept && mapping ? mapping[0] : null,
        reader: {
          text: (row) =>
            row.kind === 'summary' ? column.summaryValue(row.summary) : column.signInValue(row.signIn),
          filterValue: (row) => (accept && raw ? accept(raw(record(row))) : null),
          weight: (row) => (row.kind === 'summary' ? row.summary.signInCount : 1),
        },
      }
    })
}

/** The interactive tab and "All sign-ins" read sign-ins with the interactive columns. */
export function topValueColumnsFor(tab: ViewTab): TopValueColumn[] {
  return tab.grouped ? groupedColumns(tab) : signInColumns(tab)
}
