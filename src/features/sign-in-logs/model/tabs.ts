/** The four log tabs of the Sign-in logs page (portal-ui.md §1) and how each maps onto Graph (graph-api.md §1.1, §1.2). */
import type { SignInEventType } from '../../../../contract/sign-in.ts'

export type TabId = 'interactive' | 'non-interactive' | 'service-principal' | 'managed-identity'

export type SummaryFunction =
  'getSummarizedNonInteractiveSignIns' | 'getSummarizedServicePrincipalSignIns' | 'getSummarizedMSISignIns'

/** Both user tabs share one filter set; the app tabs keep their own (portal-ui.md §2.6). */
export type FilterSet = 'user' | 'servicePrincipal' | 'managedIdentity'

export interface TabDefinition {
  id: TabId
  /** Exact portal label (portal-ui.md §1). */
  label: string
  eventType: SignInEventType
  grouped: boolean
  summaryFunction: SummaryFunction | null
  filterSet: FilterSet
}

export const tabDefinitions: readonly TabDefinition[] = [
  {
    id: 'interactive',
    label: 'User sign-ins (interactive)',
    eventType: 'interactiveUser',
    grouped: false,
    summaryFunction: null,
    filterSet: 'user',
  },
  {
    id: 'non-interactive',
    label: 'User sign-ins (non-interactive)',
    eventType: 'nonInteractiveUser',
    grouped: true,
    summaryFunction: 'getSummarizedNonInteractiveSignIns',
    filterSet: 'user',
  },
  {
    id: 'service-principal',
    label: 'Service principal sign-ins',
    eventType: 'servicePrincipal',
    grouped: true,
    summaryFunction: 'getSummarizedServicePrincipalSignIns',
    filterSet: 'servicePrincipal',
  },
  {
    id: 'managed-identity',
    label: 'Managed identity sign-ins',
    eventType: 'managedIdentity',
    grouped: true,
    summaryFunction: 'getSummarizedMSISignIns',
    filterSet: 'managedIdentity',
  },
]

export const tabIds: readonly TabId[] = tabDefinitions.map((tab) => tab.id)

export function isTabId(value: string): value is TabId {
  return (tabIds as readonly string[]).includes(value)
}

export function tabById(id: TabId): TabDefinition {
  const tab = tabDefinitions.find((definition) => definition.id === id)
  if (!tab) throw new Error(`Unknown tab id: ${id}`)
  return tab
}

/**
 * The summarizedSignIn properties that make up one group, per grouped tab (portal-ui.md §1.1; the
 * managed identity docs dropped IP address). Paths are $filter paths (graph-api.md §2.2).
 */
export const groupingKeys = {
  'non-interactive': ['appId', 'userPrincipalName', 'ipAddress', 'status/errorCode', 'resourceId'],
  'service-principal': ['servicePrincipalId', 'status/errorCode', 'ipAddress', 'resourceId'],
  'managed-identity': ['servicePrincipalId', 'status/errorCode', 'resourceId'],
} as const satisfies Record<Exclude<TabId, 'interactive'>, readonly string[]>

export type GroupingKey = (typeof groupingKeys)[keyof typeof groupingKeys][number]
