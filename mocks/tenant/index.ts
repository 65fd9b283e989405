/**
 * The fake tenant: deterministic, seeded and large (default ≥ 1 M sign-ins / 30 days), generated on
 * demand per (category, hour) bucket and never materialised. See groups.ts for the design.
 */
import type {
  AggregationWindow,
  BetaSignIn,
  SignInEventType,
  SummarizedSignIn,
} from '../../contract/sign-in.ts'
import { signInEventTypes } from '../../contract/sign-in.ts'
import { buildDirectory, type Directory } from './directory.ts'
import { groupsInHour, type Group } from './groups.ts'
import { decodeSignInId } from './ids.ts'
import { buildRecords, type GroupSelector } from './records.ts'
import { subsetOf, type SignInSubset, type SubsetCriteria } from './subsets.ts'
import { assertWindowStart, summarize, windowHours } from './summaries.ts'
import { createVolumeModel, HOUR_MS, typeCode, type TenantSize } from './volume.ts'

export type { TenantSize } from './volume.ts'
export type { GroupSelector } from './records.ts'
export type { SignInSubset, SubsetCriteria } from './subsets.ts'
export { tenantConfigFromEnv } from './env.ts'
export { toV1SignIn, collapseEvolvableEnums } from './projection.ts'
export {
  errorCodes,
  interruptCodes,
  portalStatusOf,
  failureReasonOf,
  type PortalStatus,
} from './error-codes.ts'

export interface TenantConfig {
  seed: number
  now: Date
  size: TenantSize
  /** Multiplies the volume of every hour (MOCK_SCALE, default 1); nothing more is held in memory. */
  scale?: number
}

export interface Tenant {
  readonly config: TenantConfig
  /** now − 30 days, floored to the UTC hour (P1/P2 retention, graph-api.md §5). */
  readonly retentionStart: Date
  /** 1-hour buckets from retentionStart through the bucket containing now. */
  readonly hourCount: number
  /** The directory behind the data (users, apps, principals), for scenario code and tests. */
  readonly directory: Directory
  hourStart(hour: number): Date
  /** Bucket index (may be < 0 or ≥ hourCount). */
  hourOf(date: Date): number
  /** Number of sign-ins of `type` in bucket `hour` (of the selected groups), cheap (no record building). */
  countInHour(type: SignInEventType, hour: number, select?: GroupSelector): number
  /**
   * Beta-shaped sign-ins of `type` in bucket `hour`, newest first (ties by id), none after now; with `select`,
   * only those of the selected groups (same ids and order as in the whole bucket).
   */
  signInsInHour(type: SignInEventType, hour: number, select?: GroupSelector): BetaSignIn[]
  /** Where the sign-ins with these indexed keys can be (subsets.ts); undefined without any key. */
  subset(criteria: SubsetCriteria): SignInSubset | undefined
  /** Summaries of the window starting at `windowStart` (UTC-aligned), signInCount desc then id. */
  summariesInWindow(
    type: Exclude<SignInEventType, 'interactiveUser'>,
    window: 'h1' | 'h6' | 'd1',
    windowStart: Date,
  ): SummarizedSignIn[]
  /** Regenerates only the bucket its id points at. */
  findSignIn(id: string): BetaSignIn | undefined
}

// Groups are small (numbers only): keeping every bucket of all four categories (~200,000 groups, ~10 MB at
// default size) makes repeated 30-day summary scans pay only for building rows. A scaled tenant (MOCK_SCALE)
// has proportionally more groups, so the cache is capped by groups, least recently used first.
const GROUP_CACHE_MAX_GROUPS = 300_000

export function createTenant(config: TenantConfig): Tenant {
  const nowMs = config.now.getTime()
  if (!Number.isFinite(nowMs)) throw new Error('TenantConfig.now must be a valid Date')
  const seed = config.seed | 0
  const retentionStartMs = Math.floor((nowMs - 30 * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS
  const baseHour = retentionStartMs / HOUR_MS
  const hourCount = Math.floor((nowMs - retentionStartMs) / HOUR_MS) + 1
  const directory = buildDirectory(seed)
  const volume = createVolumeModel(directory, config.size, config.scale ?? 1)
  const ctx = { dir: directory, volume }
  const inRange = (hour: number) => Number.isInteger(hour) && hour >= 0 && hour < hourCount
  // The bucket containing now is cut at now (+1 ms so a sign-in at exactly `now` is allowed).
  const lengthMs = (hour: number) =>
    hour === hourCount - 1 ? nowMs - (retentionStartMs + hour * HOUR_MS) + 1 : HOUR_MS
  const fullCountInHour = (type: SignInEventType, hour: number) => {
    if (!inRange(hour)) return 0
    const full = volume.count(type, baseHour + hour)
    return hour === hourCount - 1 ? Math.floor((full * lengthMs(hour)) / HOUR_MS) : full
  }
  const groupCache = new Map<string, Group[]>()
  let cachedGroups = 0
  const groupsOf = (type: SignInEventType, hour: number): Group[] => {
    const cacheKey = `${type}:${hour}`
    const cached = groupCache.get(cacheKey)
    if (cached) {
      groupCache.delete(cacheKey)
      groupCache.set(cacheKey, cached)
      return cached
    }
    const groups = groupsInHour(ctx, type, baseHour + hour, fullCountInHour(type, hour), lengthMs(hour))
    for (const [oldKey, old] of groupCache) {
      if (cachedGroups + groups.length <= GROUP_CACHE_MAX_GROUPS) break
      groupCache.delete(oldKey)
      cachedGroups -= old.length
    }
    groupCache.set(cacheKey, groups)
    cachedGroups += groups.length
    return groups
  }
  const countInHour = (type: SignInEventType, hour: number, select?: GroupSelector) => {
    if (!select) return fullCountInHour(type, hour)
    if (!inRange(hour)) return 0
    let count = 0
    let firstIndex = 0
    for (const group of groupsOf(type, hour)) {
      if (select(group, firstIndex)) count += group.count
      firstIndex += group.count
    }
    return count
  }
  const bucketRecords = (type: SignInEventType, hour: number, select?: GroupSelector) =>
    buildRecords(
      directory,
      {
        type,
        absoluteHour: baseHour + hour,
        hourStartMs: retentionStartMs + hour * HOUR_MS,
        lengthMs: lengthMs(hour),
      },
      groupsOf(type, hour),
      select,
    )

  return {
    config,
    retentionStart: new Date(retentionStartMs),
    hourCount,
    directory,
    hourStart: (hour) => new Date(retentionStartMs + hour * HOUR_MS),
    hourOf: (date) => Math.floor((date.getTime() - retentionStartMs) / HOUR_MS),
    countInHour,
    subset: (criteria) => subsetOf(directory, baseHour, hourCount, criteria),
    signInsInHour(type, hour, select) {
      if (!inRange(hour)) return []
      return bucketRecords(type, hour, select).sort((a, b) =>
        a.createdDateTime === b.createdDateTime
          ? a.id < b.id
            ? -1
            : 1
          : a.createdDateTime < b.createdDateTime
            ? 1
            : -1,
      )
    },
    summariesInWindow(type, window: AggregationWindow, windowStart) {
      if (!(type in windowHoursByType)) throw new RangeError(`no summaries for sign-in type ${String(type)}`)
      assertWindowStart(window, windowStart)
      const windowStartMs = windowStart.getTime()
      const first = (windowStartMs - retentionStartMs) / HOUR_MS
      const hours = []
      for (let hour = Math.max(0, first); hour < Math.min(hourCount, first + windowHours[window]); hour++) {
        hours.push({
          absoluteHour: baseHour + hour,
          hourStartMs: retentionStartMs + hour * HOUR_MS,
          groups: groupsOf(type, hour),
        })
      }
      return summarize({ dir: directory, type, window, windowStartMs, hours })
    },
    findSignIn(id) {
      const payload = decodeSignInId(seed, id)
      if (!payload) return undefined
      const type = signInEventTypes[payload.typeCode]
      const hour = payload.absoluteHour - baseHour
      if (!type || !inRange(hour)) return undefined
      const record = bucketRecords(type, hour)[payload.index]
      return record?.id === id.toLowerCase() ? record : undefined
    },
  }
}

const windowHoursByType: Record<Exclude<SignInEventType, 'interactiveUser'>, true> = {
  nonInteractiveUser: true,
  servicePrincipal: true,
  managedIdentity: true,
}

export { typeCode }
