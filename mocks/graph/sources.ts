/**
 * Adapts the tenant's hour buckets and aggregation windows to the scan engine's BucketSource, and turns a
 * $filter's date bounds into the bucket range worth scanning (spec §1.1: a time window keeps queries cheap).
 */
import type {
  AggregationWindow,
  BetaSignIn,
  SignInEventType,
  SummarizedSignIn,
} from '../../contract/sign-in.ts'
import type { SignInSubset, Tenant } from '../tenant/index.ts'
import type { BucketSource } from './scan.ts'

export const HOUR_MS = 3_600_000
export const WINDOW_MS: Readonly<Record<AggregationWindow, number>> = {
  h1: HOUR_MS,
  h6: 6 * HOUR_MS,
  d1: 24 * HOUR_MS,
}

export type SummaryEventType = Exclude<SignInEventType, 'interactiveUser'>

export interface BucketRange {
  first: number
  last: number
}

/**
 * Small LRU of materialised buckets, so consecutive pages of one walk don't regenerate the same hour. Bounded by
 * entries and by the records they hold together (a busy hour of the default tenant is ~2,500 sign-ins of
 * ~1.5 kB each); the bucket just built is always kept, however large.
 */
export class BucketCache<T> {
  private readonly entries = new Map<string, readonly T[]>()
  private items = 0
  constructor(
    private readonly capacity: number,
    private readonly maxItems = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string, build: () => readonly T[]): readonly T[] {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const value = build()
    this.entries.set(key, value)
    this.items += value.length
    for (const [oldKey, old] of this.entries) {
      if (oldKey === key || (this.entries.size <= this.capacity && this.items <= this.maxItems)) break
      this.entries.delete(oldKey)
      this.items -= old.length
    }
    return value
  }

  /** Records held now (for tests and memory checks). */
  get size(): { entries: number; items: number } {
    return { entries: this.entries.size, items: this.items }
  }
}

/** Newest first; equal instants ordered by id so every request sees one total order (spec §1: desc). */
function sortNewestFirst<T extends { id: string }>(rows: T[], instant: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, ms: Date.parse(instant(row)) }))
  keyed.sort((a, b) => b.ms - a.ms || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0))
  return keyed.map((entry) => entry.row)
}

/**
 * With a subset (a userId / correlationId lookup), hours are sized and built from its groups only. Those are a
 * few records each, cheap to rebuild, and a 30-day lookup touches hundreds of hours: caching them would only
 * push the busy hours of ordinary walks out of the cache.
 */
export function signInSource(
  tenant: Tenant,
  types: readonly SignInEventType[],
  cache: BucketCache<BetaSignIn>,
  subset?: SignInSubset,
): BucketSource<BetaSignIn> {
  const selectors = types.map((type) => subset?.selectorFor(type))
  return {
    bucketCount: tenant.hourCount,
    sizeHint: (hour) => types.reduce((sum, type, i) => sum + tenant.countInHour(type, hour, selectors[i]), 0),
    records: (hour) => {
      const build = () =>
        sortNewestFirst(
          types.flatMap((type, i) => tenant.signInsInHour(type, hour, selectors[i])),
          (row) => row.createdDateTime,
        )
      return subset ? build() : cache.get(`${types.join(',')}@${hour}`, build)
    },
  }
}

/**
 * Hour buckets whose hour can hold a record in [from, to]. A range before retentionStart simply yields an empty
 * page (spec §7 allows "empty page or 400"; the fake picks the empty page, like an expired-data window).
 */
export function hourRange(tenant: Tenant, bounds: { from?: Date; to?: Date }): BucketRange {
  const origin = tenant.retentionStart.getTime()
  const first = bounds.from ? Math.floor((bounds.from.getTime() - origin) / HOUR_MS) : 0
  const last = bounds.to ? Math.floor((bounds.to.getTime() - origin) / HOUR_MS) : tenant.hourCount - 1
  return { first: Math.max(0, first), last: Math.min(tenant.hourCount - 1, last) }
}

/** UTC-aligned windows from the one containing retentionStart to the one containing now. */
export function windowGrid(tenant: Tenant, window: AggregationWindow): { firstStart: number; count: number } {
  const size = WINDOW_MS[window]
  const firstStart = Math.floor(tenant.retentionStart.getTime() / size) * size
  const lastStart = Math.floor(tenant.config.now.getTime() / size) * size
  return { firstStart, count: (lastStart - firstStart) / size + 1 }
}

export function summarySource(
  tenant: Tenant,
  type: SummaryEventType,
  window: AggregationWindow,
  cache: BucketCache<SummarizedSignIn>,
): BucketSource<SummarizedSignIn> {
  const size = WINDOW_MS[window]
  const { firstStart, count } = windowGrid(tenant, window)
  const origin = tenant.retentionStart.getTime()
  const hoursPerWindow = size / HOUR_MS
  return {
    bucketCount: count,
    sizeHint: (index) => {
      const firstHour = (firstStart + index * size - origin) / HOUR_MS
      let total = 0
      for (let h = Math.max(0, firstHour); h < firstHour + hoursPerWindow && h < tenant.hourCount; h++) {
        total += tenant.countInHour(type, h)
      }
      return total
    },
    records: (index) =>
      cache.get(`${type}/${window}@${index}`, () =>
        sortNewestFirst(
          [...tenant.summariesInWindow(type, window, new Date(firstStart + index * size))],
          (row) => row.firstSignInDateTime,
        ),
      ),
  }
}

/** Windows whose start (= each row's aggregationDateTime) lies in [from, to] (spec §1.2 date scoping). */
export function windowRange(
  tenant: Tenant,
  window: AggregationWindow,
  bounds: { from?: Date; to?: Date },
): BucketRange {
  const size = WINDOW_MS[window]
  const { firstStart, count } = windowGrid(tenant, window)
  const first = bounds.from ? Math.ceil((bounds.from.getTime() - firstStart) / size) : 0
  const last = bounds.to ? Math.floor((bounds.to.getTime() - firstStart) / size) : count - 1
  return { first: Math.max(0, first), last: Math.min(count - 1, last) }
}
