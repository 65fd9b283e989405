/**
 * The one `$filter` builder: pills + date range → Graph filter text for the signIns list
 * (graph-api.md §2.2, §2.3), the summarized functions (§1.2) and a group's children (portal-ui.md §1.2).
 * Pills Graph cannot express are applied to loaded rows by ./client-side-filter.ts.
 */
import type { SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { isPillServerSide, type FilterPill } from '../model/filter-fields.ts'
import { INTERRUPT_CODES } from '../model/status.ts'
import { groupingKeys, type TabDefinition } from '../model/tabs.ts'
import type { AggregationWindow } from '../model/view-state.ts'
import {
  looksLikeFullIpAddress,
  looksLikeGuid,
  looksLikeUserPrincipalName,
  odataDateTime,
  quoteODataString,
} from './odata-literals.ts'
import { summaryRowMatcher } from './client-side-filter.ts'

export { quoteODataString } from './odata-literals.ts'
export { clientSideFilter } from './client-side-filter.ts'

export interface DateWindow {
  from: Date
  to: Date
}

const eq = (path: string, value: string) => `${path} eq ${quoteODataString(value)}`
const startsWith = (path: string, value: string) => `startswith(${path},${quoteODataString(value)})`
/** OR chains are parenthesised so that they AND correctly with the rest. */
const anyOf = (clauses: string[]) => (clauses.length === 1 ? (clauses[0] ?? '') : `(${clauses.join(' or ')})`)

/**
 * Interrupted is sent as an `or` chain of the 20 interrupt codes rather than classified client-side:
 * interrupts are a small share of sign-ins, so filtering loaded pages would mean paging through most of
 * the range to find them, under a 5-requests-per-10-s throttle (graph-api.md §4.3). Failure has no such
 * chain (errorCode allows only `eq`, §2.2), so it stays client-side (model/filter-fields.ts).
 */
const interruptedClause = anyOf(INTERRUPT_CODES.map((code) => `status/errorCode eq ${code}`))

function statusClause(value: string): string | null {
  if (value === 'Success') return 'status/errorCode eq 0'
  if (value === 'Interrupted') return interruptedClause
  return null
}

function ipClause(value: string): string {
  return looksLikeFullIpAddress(value) ? eq('ipAddress', value) : startsWith('ipAddress', value)
}

/** One pill as signIns `$filter` text, or null when Graph cannot apply it. */
function signInClause(pill: FilterPill): string | null {
  const value = pill.values[0]
  if (value === undefined || !isPillServerSide(pill)) return null
  switch (pill.field) {
    case 'requestId':
      return eq('id', value)
    case 'correlationId':
      return eq('correlationId', value)
    case 'user':
      return looksLikeGuid(value)
        ? eq('userId', value)
        : anyOf([startsWith('userPrincipalName', value), startsWith('userDisplayName', value)])
    case 'application':
      return looksLikeGuid(value) ? eq('appId', value) : startsWith('appDisplayName', value)
    case 'applicationId':
      return eq('appId', value)
    case 'status':
      return statusClause(value)
    case 'ipAddress':
      return ipClause(value)
    case 'location':
      return anyOf(
        ['location/city', 'location/state', 'location/countryOrRegion'].map((p) => startsWith(p, value)),
      )
    case 'resource':
      return eq('resourceDisplayName', value)
    case 'resourceId':
      return eq('resourceId', value)
    case 'conditionalAccess':
      return eq('conditionalAccessStatus', value)
    case 'clientApp':
      return anyOf(pill.values.map((app) => eq('clientAppUsed', app)))
    case 'operatingSystem':
      return startsWith('deviceDetail/operatingSystem', value)
    case 'browser':
      return startsWith('deviceDetail/browser', value)
    case 'authenticationRequirement':
      return eq('authenticationRequirement', value)
    // A managed identity signs in as its service principal (portal-ui.md §1.1: "name or ID").
    case 'servicePrincipalId':
    case 'managedIdentityId':
      return eq('servicePrincipalId', value)
    case 'servicePrincipalName':
    case 'managedIdentityName':
      return startsWith('servicePrincipalName', value)
    default:
      return null
  }
}

/** Graph lists only interactive sign-ins unless told otherwise (graph-api.md §1.1). */
function eventTypeClause(tab: TabDefinition): string[] {
  return tab.eventType === 'interactiveUser' ? [] : [`signInEventTypes/any(t: t eq '${tab.eventType}')`]
}

function withValues(pills: FilterPill[]): FilterPill[] {
  return pills.filter((pill) => pill.values.length > 0)
}

export function buildSignInFilter(tab: TabDefinition, pills: FilterPill[], range: DateWindow): string {
  const clauses = withValues(pills)
    .map(signInClause)
    .filter((clause): clause is string => clause !== null)
  return [
    ...eventTypeClause(tab),
    // The docs recommend always sending a window, to avoid timeouts (§1.1).
    `createdDateTime ge ${odataDateTime(range.from)}`,
    `createdDateTime le ${odataDateTime(range.to, 'ceil')}`,
    ...clauses,
  ].join(' and ')
}

// --- Summaries (getSummarized*SignIns) support far fewer properties (graph-api.md §1.2).

export type SummaryPlan = { kind: 'server'; clause: string } | { kind: 'client' } | { kind: 'unsupported' }

/** How a pill applies to summary rows: in the summary `$filter`, on loaded rows, or not at all. */
export function summaryPlan(pill: FilterPill): SummaryPlan {
  const value = pill.values[0]
  if (value === undefined) return { kind: 'client' }
  const server = (clause: string): SummaryPlan => ({ kind: 'server', clause })
  switch (pill.field) {
    case 'user':
      if (looksLikeGuid(value)) return { kind: 'unsupported' } // summaries carry no userId
      // Summary UPN supports `eq` only (§1.2) and UPNs are lower-case; a partial name is matched on the rows.
      return looksLikeUserPrincipalName(value)
        ? server(eq('userPrincipalName', value.trim().toLowerCase()))
        : { kind: 'client' }
    case 'application':
      return looksLikeGuid(value) ? server(eq('appId', value)) : { kind: 'client' }
    case 'applicationId':
      return server(eq('appId', value))
    case 'status': {
      const clause = statusClause(value)
      return clause ? server(clause) : { kind: 'client' }
    }
    case 'ipAddress':
      return server(ipClause(value))
    case 'resource':
      return server(eq('resourceDisplayName', value))
    case 'resourceId':
      return server(eq('resourceId', value))
    case 'conditionalAccess':
      return server(eq('conditionalAccessStatus', value))
    case 'servicePrincipalId':
    case 'managedIdentityId':
      return server(eq('servicePrincipalId', value))
    case 'servicePrincipalName':
    case 'managedIdentityName':
      return server(startsWith('servicePrincipalName', value))
    case 'managedIdentityType':
      return server(eq('managedServiceIdentity/msiType', value))
    default:
      return summaryRowMatcher(pill) ? { kind: 'client' } : { kind: 'unsupported' }
  }
}

/** `_tab`: every grouped tab takes the same summary properties (§1.2); kept for a uniform builder API. */
export function buildSummaryFilter(_tab: TabDefinition, pills: FilterPill[], range: DateWindow): string {
  const clauses = withValues(pills)
    .map(summaryPlan)
    .flatMap((plan) => (plan.kind === 'server' ? [plan.clause] : []))
  return [
    `aggregationDateTime ge ${odataDateTime(range.from)}`,
    `aggregationDateTime le ${odataDateTime(range.to, 'ceil')}`,
    ...clauses,
  ].join(' and ')
}

/** For summary rows: applies the pills the summary `$filter` could not carry but the rows can answer. */
export function summaryClientSideFilter(pills: FilterPill[]): (row: SummarizedSignIn) => boolean {
  const tests = pills
    .filter((pill) => pill.values.length > 0 && summaryPlan(pill).kind === 'client')
    .flatMap((pill) => {
      const test = summaryRowMatcher(pill)
      return test ? [(row: SummarizedSignIn) => pill.values.some((value) => test(row, value))] : []
    })
  return (row) => tests.every((test) => test(row))
}

/** The pills a grouped tab's rows cannot honour (neither Graph nor the loaded rows): the UI says so. */
export function unsupportedOnGroupedTab(tab: TabDefinition, pills: FilterPill[]): FilterPill[] {
  if (!tab.grouped) return []
  return withValues(pills).filter((pill) => summaryPlan(pill).kind === 'unsupported')
}

export const aggregationWindowMs: Record<AggregationWindow, number> = {
  h1: 3_600_000,
  h6: 6 * 3_600_000,
  d1: 24 * 3_600_000,
}

/**
 * Summary buckets are UTC-aligned and selected by their start (aggregationDateTime, §1.2). Flooring the
 * range start to a bucket boundary keeps the bucket that straddles it, so the sign-ins at the start of
 * "Last 24 hours" are not lost; its children are clipped to the range (buildGroupChildrenFilter).
 */
export function summaryWindowRange(range: DateWindow, window: AggregationWindow): DateWindow {
  const size = aggregationWindowMs[window]
  return { from: new Date(Math.floor(range.from.getTime() / size) * size), to: range.to }
}

type GroupRow = Pick<
  SummarizedSignIn,
  | 'aggregationDateTime'
  | 'appId'
  | 'userPrincipalName'
  | 'ipAddress'
  | 'status'
  | 'resourceId'
  | 'servicePrincipalId'
>

function keyClause(key: string, row: GroupRow): string {
  if (key === 'status/errorCode') return `status/errorCode eq ${row.status.errorCode}`
  const value = row[key as keyof Omit<GroupRow, 'status' | 'aggregationDateTime'>]
  // A missing key (null) is part of the group's identity too: `eq null` keeps exactly those sign-ins.
  return value === null ? `${key} eq null` : eq(key, value)
}

/** The sign-ins of one group: its keys (portal-ui.md §1.1) within [bucket start, bucket end), clipped to the range. */
export function buildGroupChildrenFilter(
  tab: TabDefinition,
  row: GroupRow,
  window: AggregationWindow,
  range: DateWindow,
): string {
  if (tab.id === 'interactive') throw new Error('The interactive tab has no groups')
  const bucketStart = new Date(row.aggregationDateTime)
  const bucketEnd = new Date(bucketStart.getTime() + aggregationWindowMs[window])
  const from = bucketStart < range.from ? range.from : bucketStart
  // The bucket end is exclusive (`lt`, which Graph answers though only ge/le are documented, §2.2).
  const upper =
    range.to < bucketEnd
      ? `createdDateTime le ${odataDateTime(range.to, 'ceil')}`
      : `createdDateTime lt ${odataDateTime(bucketEnd)}`
  return [
    ...eventTypeClause(tab),
    `createdDateTime ge ${odataDateTime(from)}`,
    upper,
    ...groupingKeys[tab.id].map((key) => keyClause(key, row)),
  ].join(' and ')
}
