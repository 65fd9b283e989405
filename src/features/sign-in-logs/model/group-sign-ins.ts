/**
 * Groups built from individual sign-ins, as `getSummarized*` builds them (portal-ui.md §1.1, graph-api.md
 * §1.2): the tab's grouping keys within one UTC-aligned 24 h / 6 h / 1 h bucket, `signInCount` counted from
 * the sign-ins. Used when the summaries cannot carry every pill; each group keeps the sign-ins it counts,
 * which are exactly its children.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import { summaryGroupingKeyValue } from '../../../../contract/summary-grouping-keys.ts'
import { groupingKeys, type TabId } from './tabs.ts'
import { aggregationWindowMs, type AggregationWindow } from './view-state.ts'

export type GroupedTabId = Exclude<TabId, 'interactive'>

export interface SignInGroup {
  /** Shaped as a summary row, so one grid renders both kinds of group. */
  summary: SummarizedSignIn
  /** Newest first, as loaded. */
  signIns: BetaSignIn[]
}

/** Graph prints bucket starts without a fraction (`2025-03-04T12:00:00Z`, §1.2 example). */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

export function bucketStartOf(createdDateTime: string, window: AggregationWindow): number {
  const size = aggregationWindowMs[window]
  return Math.floor(Date.parse(createdDateTime) / size) * size
}

function summaryOf(id: string, bucketStartMs: number, first: BetaSignIn): SummarizedSignIn {
  return {
    id,
    agent: first.agent,
    aggregationDateTime: isoSeconds(bucketStartMs),
    appDisplayName: first.appDisplayName,
    appId: first.appId,
    conditionalAccessStatus: first.conditionalAccessStatus,
    firstSignInDateTime: first.createdDateTime,
    ipAddress: first.ipAddress,
    managedServiceIdentity: first.managedServiceIdentity,
    resourceDisplayName: first.resourceDisplayName,
    resourceId: first.resourceId,
    servicePrincipalId: first.servicePrincipalId,
    servicePrincipalName: first.servicePrincipalName,
    signInCount: 0,
    status: first.status,
    tenantId: first.homeTenantId,
    tokenIssuerType: first.tokenIssuerType ?? 'AzureAD',
    userPrincipalName: first.userPrincipalName,
  }
}

/**
 * The groups of `signIns` on a grouped tab: newest bucket first, then the largest group (the summaries'
 * order), then by id so the order is stable as more pages load.
 */
export function groupSignIns(
  tab: GroupedTabId,
  window: AggregationWindow,
  signIns: readonly BetaSignIn[],
): SignInGroup[] {
  const keys = groupingKeys[tab]
  const groups = new Map<string, SignInGroup>()
  for (const signIn of signIns) {
    const bucketStartMs = bucketStartOf(signIn.createdDateTime, window)
    // JSON keeps null, '' and numbers apart, so different keys never collide; encoded, it is safe in
    // attributes and selectors (the grid's data-row-id).
    const id = encodeURIComponent(
      JSON.stringify([
        tab,
        window,
        bucketStartMs,
        ...keys.map((key) => summaryGroupingKeyValue(signIn, key)),
      ]),
    )
    let group = groups.get(id)
    if (!group) {
      group = { summary: summaryOf(id, bucketStartMs, signIn), signIns: [] }
      groups.set(id, group)
    }
    group.signIns.push(signIn)
    group.summary.signInCount += 1
    if (signIn.createdDateTime < group.summary.firstSignInDateTime) {
      group.summary.firstSignInDateTime = signIn.createdDateTime
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.summary.aggregationDateTime.localeCompare(a.summary.aggregationDateTime) ||
      b.summary.signInCount - a.summary.signInCount ||
      (a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0),
  )
}
