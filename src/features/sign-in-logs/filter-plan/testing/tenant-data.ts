/**
 * Tests only: the fake tenant's records and summaries of one tab, and filter values drawn from them, so
 * the plan's emitters are judged against the fake's own OData evaluator on realistic data.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../../contract/sign-in.ts'
import { createTenant } from '../../../../../mocks/tenant/index.ts'
import { filterField, type FilterFieldId } from '../../model/filter-fields.ts'
import type { TabDefinition } from '../../model/tabs.ts'
import type { AggregationWindow } from '../../model/view-state.ts'

export const tenantNow = new Date('2026-11-20T12:00:00Z')
const tenant = createTenant({ seed: 11, now: tenantNow, size: 'small' })

const recordsByType = new Map<string, BetaSignIn[]>()
export function tenantSignIns(tab: TabDefinition): BetaSignIn[] {
  let records = recordsByType.get(tab.eventType)
  if (!records) {
    records = []
    for (let hour = 0; hour < tenant.hourCount; hour++)
      records.push(...tenant.signInsInHour(tab.eventType, hour))
    recordsByType.set(tab.eventType, records)
  }
  return records
}

const windowMs: Record<AggregationWindow, number> = { h1: 3_600_000, h6: 21_600_000, d1: 86_400_000 }
const summaryCache = new Map<string, SummarizedSignIn[]>()
export function tenantSummaries(tab: TabDefinition, window: AggregationWindow): SummarizedSignIn[] {
  if (tab.eventType === 'interactiveUser') throw new Error('The interactive tab has no summaries')
  const key = `${tab.eventType}/${window}`
  let rows = summaryCache.get(key)
  if (!rows) {
    rows = []
    const size = windowMs[window]
    const end = tenantNow.getTime()
    for (let start = Math.floor(tenant.retentionStart.getTime() / size) * size; start <= end; start += size)
      rows.push(...tenant.summariesInWindow(tab.eventType, window, new Date(start)))
    summaryCache.set(key, rows)
  }
  return rows
}

const prefix = (text: string | null | undefined, length = 3) => (text ? [text.slice(0, length)] : [])
const whole = (text: string | null | undefined) => (text ? [text] : [])

/** Values a user could type for a text or ID field, taken from one record. */
const fromRecord: Partial<Record<FilterFieldId, (r: BetaSignIn) => string[]>> = {
  requestId: (r) => whole(r.id),
  correlationId: (r) => whole(r.correlationId),
  user: (r) => [...whole(r.userPrincipalName), ...whole(r.userId), ...prefix(r.userDisplayName)],
  application: (r) => [...whole(r.appId), ...prefix(r.appDisplayName, 5)],
  applicationId: (r) => whole(r.appId),
  ipAddress: (r) => [...whole(r.ipAddress), ...prefix(r.ipAddress, 4)],
  location: (r) => [...prefix(r.location?.city), ...whole(r.location?.countryOrRegion)],
  resource: (r) => whole(r.resourceDisplayName),
  resourceId: (r) => whole(r.resourceId),
  clientApp: (r) => whole(r.clientAppUsed),
  operatingSystem: (r) => prefix(r.deviceDetail?.operatingSystem),
  browser: (r) => prefix(r.deviceDetail?.browser),
  uniqueTokenIdentifier: (r) => whole(r.uniqueTokenIdentifier),
  sessionId: (r) => whole(r.sessionId),
  signInIdentifier: (r) => prefix(r.signInIdentifier, 4),
  homeTenantId: (r) => whole(r.homeTenantId),
  resourceTenantId: (r) => whole(r.resourceTenantId),
  tokenProtectionStatusCode: (r) => {
    const code = r.tokenProtectionStatusDetails?.signInSessionStatusCode
    return code == null ? [] : [String(code)]
  },
  servicePrincipalId: (r) => whole(r.servicePrincipalId),
  managedIdentityId: (r) => whole(r.servicePrincipalId),
  servicePrincipalName: (r) => prefix(r.servicePrincipalName, 4),
  managedIdentityName: (r) => prefix(r.servicePrincipalName, 4),
  credentialKeyId: (r) => whole(r.servicePrincipalCredentialKeyId),
}

/** Every value worth trying for a field on this data: its choices, or values seen in a spread of records. */
export function candidateValues(fieldId: FilterFieldId, records: readonly BetaSignIn[]): string[] {
  const field = filterField(fieldId)
  if (field.valueType === 'bool') return ['true', 'false']
  if (field.choices) return field.choices.map((choice) => choice.value)
  const read = fromRecord[fieldId]
  if (!read) throw new Error(`No sample values for ${fieldId}`)
  const step = Math.max(1, Math.floor(records.length / 25))
  const values = new Set<string>()
  for (let i = 0; i < records.length; i += step) for (const value of read(records[i]!)) values.add(value)
  return [...values]
}
