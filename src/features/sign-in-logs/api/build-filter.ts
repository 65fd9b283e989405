/**
 * Request `$filter` text from the filter plan (../filter-plan): the signIns list (graph-api.md §2.2, §2.3),
 * the summarized functions (§1.2), a grouped tab's sign-ins and one group's children (portal-ui.md §1.2).
 * This module adds what every request of a kind carries (event type, date window, group keys); which pill
 * goes where is the plan's decision alone.
 */
import type { SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { errorCodeClause, type FilterPlan } from '../filter-plan/index.ts'
import { groupingKeys, type TabDefinition } from '../model/tabs.ts'
import { aggregationWindowMs, type AggregationWindow } from '../model/view-state.ts'
import { odataDateTime, quoteODataString } from './odata-literals.ts'

export { quoteODataString } from './odata-literals.ts'

export interface DateWindow {
  from: Date
  to: Date
}

/** Graph lists only interactive sign-ins unless told otherwise (graph-api.md §1.1). */
function eventTypeClause(tab: TabDefinition): string[] {
  return tab.eventType === 'interactiveUser' ? [] : [`signInEventTypes/any(t: t eq '${tab.eventType}')`]
}

/** The individual sign-ins of the range (interactive list, downloads). */
export function buildSignInFilter(plan: FilterPlan, range: DateWindow): string {
  return [
    ...eventTypeClause(plan.tab),
    // The docs recommend always sending a window, to avoid timeouts (§1.1).
    `createdDateTime ge ${odataDateTime(range.from)}`,
    `createdDateTime le ${odataDateTime(range.to, 'ceil')}`,
    ...plan.signIns.clauses,
  ].join(' and ')
}

/**
 * The whole UTC-aligned buckets a range touches, end exclusive. A group is a whole bucket (that is what
 * Graph counts, §1.2), so the bucket straddling the range start is kept whole rather than clipped, and its
 * children are exactly the sign-ins it counts.
 */
export function bucketRange(range: DateWindow, window: AggregationWindow): DateWindow {
  const size = aggregationWindowMs[window]
  const floor = (date: Date) => Math.floor(date.getTime() / size) * size
  return { from: new Date(floor(range.from)), to: new Date(floor(range.to) + size) }
}

/** Summary buckets are selected by their start (aggregationDateTime, §1.2). */
export function buildSummaryFilter(plan: FilterPlan, buckets: DateWindow): string {
  return [
    `aggregationDateTime ge ${odataDateTime(buckets.from)}`,
    `aggregationDateTime lt ${odataDateTime(buckets.to)}`,
    ...plan.summaries.clauses,
  ].join(' and ')
}

/**
 * A grouped tab's sign-ins, grouped on the client when the summaries cannot carry every pill: the same
 * whole buckets as the summaries. The bucket end is exclusive (`lt`, which Graph answers though only
 * ge/le are documented, §2.2).
 */
export function buildGroupedSignInsFilter(plan: FilterPlan, buckets: DateWindow): string {
  return [
    ...eventTypeClause(plan.tab),
    `createdDateTime ge ${odataDateTime(buckets.from)}`,
    `createdDateTime lt ${odataDateTime(buckets.to)}`,
    ...plan.signIns.clauses,
  ].join(' and ')
}

export type GroupRow = Pick<
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
  // The code comes from a response: validated as an integer before it becomes filter text.
  if (key === 'status/errorCode') return errorCodeClause(row.status.errorCode)
  const value = row[key as keyof Omit<GroupRow, 'status' | 'aggregationDateTime'>]
  // A missing key (null) is part of the group's identity too: `eq null` keeps exactly those sign-ins.
  return value === null ? `${key} eq null` : `${key} eq ${quoteODataString(value)}`
}

/** The sign-ins one summary row counts: its keys (portal-ui.md §1.1), its whole bucket, and every pill. */
export function buildGroupChildrenFilter(plan: FilterPlan, row: GroupRow, window: AggregationWindow): string {
  const { tab } = plan
  if (tab.id === 'interactive') throw new Error('The interactive tab has no groups')
  const bucketStart = new Date(row.aggregationDateTime)
  const bucketEnd = new Date(bucketStart.getTime() + aggregationWindowMs[window])
  return [
    ...eventTypeClause(tab),
    `createdDateTime ge ${odataDateTime(bucketStart)}`,
    `createdDateTime lt ${odataDateTime(bucketEnd)}`,
    ...groupingKeys[tab.id].map((key) => keyClause(key, row)),
    ...plan.signIns.clauses,
  ].join(' and ')
}
