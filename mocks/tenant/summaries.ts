/**
 * `summarizedSignIn` rows (graph-api.md §1.2) computed from groups only — no record is built, so a
 * 30-day scan of d1 windows costs about as much as one page of records.
 */
import type { AggregationWindow, SignInEventType, SummarizedSignIn } from '../../contract/sign-in.ts'
import type { Directory } from './directory.ts'
import { failureReasonOf } from './error-codes.ts'
import { groupFacts } from './group-facts.ts'
import type { Group } from './groups.ts'
import { guidOf } from './random.ts'
import { managedIdentityOf, noAgent } from './records.ts'
import { HOUR_MS, typeCode } from './volume.ts'

export const windowHours: Record<AggregationWindow, number> = { h1: 1, h6: 6, d1: 24 }
const windowCode: Record<AggregationWindow, number> = { h1: 1, h6: 6, d1: 24 }

/** Graph prints bucket starts without a fraction (`2025-03-04T12:00:00Z`, §1.2 example). */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

export function assertWindowStart(window: AggregationWindow, windowStart: Date): void {
  const ms = windowStart.getTime()
  if (!Number.isFinite(ms) || ms % (windowHours[window] * HOUR_MS) !== 0) {
    throw new RangeError(
      `aggregation window ${window} must start on a UTC ${window === 'h1' ? 'hour' : window === 'h6' ? '00/06/12/18 hour' : 'midnight'}; got ${String(windowStart)}`,
    )
  }
}

// Values equal on many rows are shared and frozen (rows are read-only; collapseEvolvableEnums copies).
const AGENT = Object.freeze(noAgent())
const NO_MSI = Object.freeze(managedIdentityOf(undefined))
const statuses = new Map<number, SummarizedSignIn['status']>()
function statusOf(errorCode: number): SummarizedSignIn['status'] {
  let status = statuses.get(errorCode)
  if (!status) {
    status = Object.freeze({ errorCode, failureReason: failureReasonOf(errorCode), additionalDetails: null })
    statuses.set(errorCode, status)
  }
  return status
}

interface Merged {
  group: Group
  count: number
  firstMs: number
}

export interface SummaryInput {
  readonly dir: Directory
  readonly type: Exclude<SignInEventType, 'interactiveUser'>
  readonly window: AggregationWindow
  readonly windowStartMs: number
  /** The window's hours that exist (clipped to retention and now): absolute hour + its groups. */
  readonly hours: readonly { absoluteHour: number; hourStartMs: number; groups: readonly Group[] }[]
}

export function summarize({ dir, type, window, windowStartMs, hours }: SummaryInput): SummarizedSignIn[] {
  const merged = new Map<number, Merged>()
  for (const { hourStartMs, groups } of hours) {
    for (const group of groups) {
      const firstMs = hourStartMs + group.firstOffsetMs
      const entry = merged.get(group.key)
      if (!entry) merged.set(group.key, { group, count: group.count, firstMs })
      else {
        entry.count += group.count
        if (firstMs < entry.firstMs) entry.firstMs = firstMs
      }
    }
  }
  const day = Math.floor(windowStartMs / (24 * HOUR_MS))
  const windowStartHour = windowStartMs / HOUR_MS
  const aggregationDateTime = isoSeconds(windowStartMs)
  const rows: SummarizedSignIn[] = []
  for (const { group, count, firstMs } of merged.values()) {
    const { user, app, sp, mi, resource, ip, ca } = groupFacts(dir, type, group, day)
    rows.push({
      id: guidOf(dir.seed, 0x5a, typeCode(type), windowCode[window], windowStartHour, group.key),
      agent: AGENT,
      aggregationDateTime,
      appDisplayName: app?.displayName ?? sp?.name ?? mi?.name ?? null,
      appId: app?.appId ?? sp?.appId ?? mi?.appId ?? null,
      conditionalAccessStatus: ca.status,
      firstSignInDateTime: new Date(firstMs).toISOString(),
      ipAddress: ip,
      managedServiceIdentity: mi ? managedIdentityOf(mi) : NO_MSI,
      resourceDisplayName: resource.displayName,
      resourceId: resource.appId,
      // User rows: `""` id and null name, as in the docs example (§1.2).
      servicePrincipalId: sp?.id ?? mi?.id ?? '',
      servicePrincipalName: sp?.name ?? mi?.name ?? null,
      signInCount: count,
      status: statusOf(group.errorCode),
      tenantId: dir.tenantId,
      tokenIssuerType: 'AzureAD',
      userPrincipalName: user?.upn ?? '',
    })
  }
  return rows.sort((a, b) => b.signInCount - a.signInCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
