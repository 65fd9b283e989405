/**
 * What makes one group of each `getSummarized*` function (portal-ui.md §1.1, graph-api.md §1.2; the managed
 * identity docs dropped IP address): the summarizedSignIn properties whose values, within one aggregation window,
 * a group's sign-ins share. Written as `$filter` paths, since a group's children are listed by filtering on them.
 * The one list: the page's own grouping of loaded sign-ins and the files engine's SQL grouping both read it.
 */
import type { BetaSignIn } from './sign-in.ts'
import type { SignInEventType } from './enum-values.ts'

export type SummarizedEventType = Exclude<SignInEventType, 'interactiveUser'>

export const summaryGroupingKeys = {
  nonInteractiveUser: ['appId', 'userPrincipalName', 'ipAddress', 'status/errorCode', 'resourceId'],
  servicePrincipal: ['servicePrincipalId', 'status/errorCode', 'ipAddress', 'resourceId'],
  managedIdentity: ['servicePrincipalId', 'status/errorCode', 'resourceId'],
} as const satisfies Record<SummarizedEventType, readonly string[]>

export type SummaryGroupingKey = (typeof summaryGroupingKeys)[SummarizedEventType][number]

/** A sign-in's value of one grouping key: the group it falls in has that value. */
export function summaryGroupingKeyValue(
  signIn: Pick<BetaSignIn, Exclude<SummaryGroupingKey, 'status/errorCode'>> & {
    status: Pick<BetaSignIn['status'], 'errorCode'>
  },
  key: SummaryGroupingKey,
): string | number | null {
  return key === 'status/errorCode' ? signIn.status.errorCode : signIn[key]
}
