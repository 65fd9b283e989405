/**
 * The sign-ins a filter pins down by an indexed key (`userId eq`, `correlationId eq`): which categories, which
 * hours and which groups of each hour can hold them. The scan then builds only those groups' records, so a
 * one-user or one-correlation query costs about what its answer costs, not a 30-day scan (issue #12).
 */
import type { SignInEventType } from '../../contract/sign-in.ts'
import { decodeCorrelationId } from './correlation.ts'
import type { Directory } from './directory.ts'
import type { GroupSelector } from './records.ts'
import { typeCode } from './volume.ts'

export interface SubsetCriteria {
  /** Values of `userId eq '…'` / `correlationId eq '…'` ANDed at the top of the filter. */
  readonly userIds: readonly string[]
  readonly correlationIds: readonly string[]
}

export interface SignInSubset {
  /** Stable text naming the subset (cache keys). */
  readonly key: string
  /** Categories that can hold a match; empty = nothing matches. */
  readonly types: readonly SignInEventType[]
  /** Inclusive range of tenant hour indexes (0 = retention start) that can hold a match. */
  readonly firstHour: number
  readonly lastHour: number
  /** The groups of one (category, hour) bucket that can hold a match. */
  readonly selectorFor: (type: SignInEventType) => GroupSelector
}

const USER_TYPES: readonly SignInEventType[] = ['interactiveUser', 'nonInteractiveUser']
const ALL_TYPES: readonly SignInEventType[] = [
  'interactiveUser',
  'nonInteractiveUser',
  'servicePrincipal',
  'managedIdentity',
]
const EVERYTHING: GroupSelector = () => true

const userIndexes = new WeakMap<Directory, Map<string, number>>()

function userIndexOf(dir: Directory, userId: string): number | undefined {
  let byId = userIndexes.get(dir)
  if (!byId)
    userIndexes.set(dir, (byId = new Map(dir.users.map((user) => [user.id.toLowerCase(), user.index]))))
  return byId.get(userId.toLowerCase())
}

interface Constraint {
  types: readonly SignInEventType[]
  firstHour: number
  lastHour: number
  select: (type: SignInEventType) => GroupSelector
}

/** Undefined when the criteria name no indexed key (the caller scans as usual). */
export function subsetOf(
  dir: Directory,
  baseHour: number,
  hourCount: number,
  criteria: SubsetCriteria,
): SignInSubset | undefined {
  const constraints: Constraint[] = []
  for (const userId of criteria.userIds) {
    const user = userIndexOf(dir, userId)
    constraints.push({
      types: user === undefined ? [] : USER_TYPES,
      firstHour: 0,
      lastHour: hourCount - 1,
      select: () => (group) => group.principal === user,
    })
  }
  for (const correlationId of criteria.correlationIds) {
    const key = decodeCorrelationId(dir.seed, correlationId)
    if (!key) constraints.push({ types: [], firstHour: 0, lastHour: -1, select: () => EVERYTHING })
    else if (key.kind === 'session') {
      constraints.push({
        types: USER_TYPES,
        firstHour: key.day * 24 - baseHour,
        lastHour: key.day * 24 + 23 - baseHour,
        select: () => (group) =>
          group.principal === key.user && dir.clients[group.client]?.family === key.family,
      })
    } else {
      const hour = key.absoluteHour - baseHour
      constraints.push({
        types: ALL_TYPES.filter((type) => typeCode(type) === key.typeCode),
        firstHour: hour,
        lastHour: hour,
        select: () => (group, firstIndex) => firstIndex <= key.index && key.index < firstIndex + group.count,
      })
    }
  }
  if (constraints.length === 0) return undefined
  const types = ALL_TYPES.filter((type) => constraints.every((c) => c.types.includes(type)))
  return {
    key: `subset:${[...criteria.userIds, ...criteria.correlationIds].map((id) => id.toLowerCase()).join('&')}`,
    types,
    firstHour: Math.max(0, ...constraints.map((c) => c.firstHour)),
    lastHour: Math.min(hourCount - 1, ...constraints.map((c) => c.lastHour)),
    selectorFor: (type) => {
      const selectors = constraints.map((c) => c.select(type))
      return (group, firstIndex) => selectors.every((select) => select(group, firstIndex))
    },
  }
}
