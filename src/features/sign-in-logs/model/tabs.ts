/** The four log tabs of the Sign-in logs page (portal-ui.md §1) and how each maps onto Graph (graph-api.md §1.1, §1.2). */
import type { BetaSignIn, SignInEventType } from '../../../../contract/sign-in.ts'
import { summaryGroupingKeys, type SummaryGroupingKey } from '../../../../contract/summary-grouping-keys.ts'

export type TabId = 'interactive' | 'non-interactive' | 'service-principal' | 'managed-identity'

export type SummaryFunction =
  'getSummarizedNonInteractiveSignIns' | 'getSummarizedServicePrincipalSignIns' | 'getSummarizedMSISignIns'

/**
 * Both user tabs share one filter set; the app tabs keep their own (portal-ui.md §2.6). `all`: the pills every
 * log type takes, for the "All sign-ins" tab (issue #12).
 */
export type FilterSet = 'user' | 'servicePrincipal' | 'managedIdentity' | 'all'

/** A tab of the page: one of the four log types, or "All sign-ins", which merges them (issue #12). */
export type ViewTabId = TabId | 'all'

/** What the page's shared parts (tab list, filter bar, empty state) need to know of any tab. */
export interface ViewTab {
  id: ViewTabId
  /** Exact portal label (portal-ui.md §1) for the four log types. */
  label: string
  grouped: boolean
  filterSet: FilterSet
}

export interface TabDefinition extends ViewTab {
  id: TabId
  eventType: SignInEventType
  summaryFunction: SummaryFunction | null
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

/** After the four portal tabs, which keep their labels and order. */
export const allSignInsTab: ViewTab = { id: 'all', label: 'All sign-ins', grouped: false, filterSet: 'all' }

export const viewTabs: readonly ViewTab[] = [...tabDefinitions, allSignInsTab]
export const viewTabIds: readonly ViewTabId[] = viewTabs.map((tab) => tab.id)

export function viewTabById(id: ViewTabId): ViewTab {
  return id === 'all' ? allSignInsTab : tabById(id)
}

/**
 * The tab whose filter plan a view's pills follow. "All sign-ins" is flat like the interactive tab, and its pills
 * (the ones every type takes) mean the same on every type's list, so it plans as the interactive tab does.
 */
export function planTabOf(tab: ViewTab): TabDefinition {
  return tab.id === 'all' ? tabById('interactive') : tabById(tab.id)
}

/** The Sign-in type column's words for each log type (issue #12). */
export const signInTypeLabels: Readonly<Record<TabId, string>> = {
  interactive: 'Interactive user',
  'non-interactive': 'Non-interactive user',
  'service-principal': 'Service principal',
  'managed-identity': 'Managed identity',
}

export function tabById(id: TabId): TabDefinition {
  const tab = tabDefinitions.find((definition) => definition.id === id)
  if (!tab) throw new Error(`Unknown tab id: ${id}`)
  return tab
}

/** The keys of each grouped tab's groups: those of its summary function (contract/summary-grouping-keys.ts). */
export const groupingKeys = {
  'non-interactive': summaryGroupingKeys.nonInteractiveUser,
  'service-principal': summaryGroupingKeys.servicePrincipal,
  'managed-identity': summaryGroupingKeys.managedIdentity,
} as const satisfies Record<Exclude<TabId, 'interactive'>, readonly SummaryGroupingKey[]>

/** The log type a record belongs to, from its own `signInEventTypes` (null when Graph sent none we know). */
export function signInTypeOf(signIn: Pick<BetaSignIn, 'signInEventTypes'>): TabId | null {
  const types = signIn.signInEventTypes
  if (types.includes('managedIdentity')) return 'managed-identity'
  if (types.includes('servicePrincipal')) return 'service-principal'
  if (types.includes('nonInteractiveUser')) return 'non-interactive'
  if (types.includes('interactiveUser')) return 'interactive'
  return null
}

/** The Sign-in type column's text for a record. */
export function signInTypeText(signIn: Pick<BetaSignIn, 'signInEventTypes'>): string | null {
  const type = signInTypeOf(signIn)
  return type && signInTypeLabels[type]
}
