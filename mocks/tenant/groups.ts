/**
 * Each (category, hour) bucket deterministically yields GROUPS: a grouping key (portal-ui.md §1.1)
 * plus how many sign-ins share it and when the first one happened. Records are the expansion of
 * groups (records.ts); summaries merge groups (summaries.ts) without building any record.
 *
 * Grouping keys: non-interactive = app, user, IP, status, resource; service principal = SP,
 * status, IP, resource; managed identity = MSI, status, resource. Interactive sign-ins are not
 * grouped by the portal; here each is a group of one so that one code path builds every record.
 */
import type { SignInEventType } from '../../contract/sign-in.ts'
import type { Directory } from './directory.ts'
import { failureMix } from './error-codes.ts'
import { cumulativeOf, hashInts, mulberry32, pickCumulative, pickIndex, type Random } from './random.ts'
import { typeCode, type VolumeModel } from './volume.ts'

export interface Group {
  /** Numeric grouping key, equal for equal key fields within one UTC day. */
  readonly key: number
  /** User, service principal or managed identity index. */
  readonly principal: number
  /** Client app index (user categories); -1 otherwise. */
  readonly client: number
  readonly resource: number
  /** User: 0 office, 1 home, 2 mobile, 3 hostile; SP: index into its IPs; MSI: -1 (no IP). */
  readonly ipSlot: number
  readonly errorCode: number
  readonly count: number
  /** Offset of the group's first sign-in from the hour start (ms). */
  readonly firstOffsetMs: number
  /** Per-group seed for the per-record details. */
  readonly seed: number
}

/** Codes per category with success first; the index is part of the numeric key. */
const codeTables = Object.fromEntries(
  (Object.keys(failureMix) as SignInEventType[]).map((type) => {
    const mix = failureMix[type]
    const failures = mix.reduce((sum, [, w]) => sum + w, 0)
    const codes = [0, ...mix.map(([code]) => code)]
    return [type, { codes, cumulative: cumulativeOf([1000 - failures, ...mix.map(([, w]) => w)]) }]
  }),
) as Record<SignInEventType, { codes: number[]; cumulative: Float64Array }>

const meanGroupSize: Record<SignInEventType, number> = {
  interactiveUser: 1,
  nonInteractiveUser: 12,
  servicePrincipal: 15,
  managedIdentity: 15,
}

function groupSize(random: Random, type: SignInEventType, remaining: number): number {
  if (type === 'interactiveUser') return 1
  const size = 1 + Math.floor(-Math.log(1 - random()) * (meanGroupSize[type] - 1))
  return Math.min(size, remaining)
}

const pickWeighted = <T extends { weight: number }>(random: Random, items: readonly T[]): number => {
  let total = 0
  for (const item of items) total += item.weight
  let target = random() * total
  for (let i = 0; i < items.length; i++) {
    target -= (items[i] as T).weight
    if (target < 0) return i
  }
  return items.length - 1
}

/**
 * A user works in a few "sessions" per day (client app, resource, network), e.g. Teams on the
 * laptop at the office; each hour's groups of that user come from these, which is what makes
 * d1 summaries fold many hourly groups into one row, as in real tenants.
 */
function userSession(dir: Directory, userIndex: number, day: number, weekend: boolean, draw: number) {
  const user = dir.users[userIndex]!
  const sessions = 2 + (hashInts(dir.seed, userIndex, day, 0x5e) % 4)
  const s = Math.floor(draw * sessions)
  const h = hashInts(dir.seed, userIndex, day, s)
  const client = user.clients[h % user.clients.length] as number
  const app = dir.clients[client]!
  const resource = app.resources[(h >>> 8) % 10 < 6 ? 0 : (h >>> 12) % app.resources.length] as number
  const mobileOnly = !app.kinds.includes('windows') && !app.kinds.includes('mac')
  const hasMobileKind = app.kinds.includes('ios') || app.kinds.includes('android')
  const inOffice = !weekend && !user.isGuest && hashInts(dir.seed, userIndex, day, 0x0f) % 10 < 6
  const ipSlot = mobileOnly || (hasMobileKind && (h >>> 20) % 10 === 0) ? 2 : inOffice ? 0 : 1
  return { client, resource, ipSlot }
}

export interface GroupContext {
  readonly dir: Directory
  readonly volume: VolumeModel
}

/**
 * Groups of one bucket. `count` is the bucket's total and `lengthMs` how much of the hour exists
 * (shorter only for the bucket containing `now`): every sign-in lies in [0, lengthMs).
 */
export function groupsInHour(
  ctx: GroupContext,
  type: SignInEventType,
  absoluteHour: number,
  count: number,
  lengthMs: number,
): Group[] {
  const { dir } = ctx
  const random = mulberry32(hashInts(dir.seed, 0x6a0f, typeCode(type), absoluteHour))
  const table = codeTables[type]
  const groups: Group[] = []
  const hod = absoluteHour % 24
  const day = Math.floor(absoluteHour / 24)
  const weekend = (day + 4) % 7 === 0 || (day + 4) % 7 === 6
  let remaining = count
  while (remaining > 0) {
    const size = groupSize(random, type, remaining)
    remaining -= size
    const codeIndex = pickCumulative(table.cumulative, random())
    const errorCode = table.codes[codeIndex] as number
    let principal: number
    let client = -1
    let resource: number
    let ipSlot = -1
    let key: number
    if (type === 'interactiveUser' || type === 'nonInteractiveUser') {
      principal = pickCumulative(ctx.volume.userWeightsAt(hod), random())
      const session = userSession(dir, principal, day, weekend, random())
      client = session.client
      resource = session.resource
      ipSlot = session.ipSlot
      // Password spray and lock-outs mostly come from somewhere else (§4.2: 50126, 50053).
      if ((errorCode === 50126 || errorCode === 50053) && random() < 0.6) ipSlot = 3
      key = (((principal * 64 + client) * 32 + resource) * 4 + ipSlot) * 128 + codeIndex
    } else if (type === 'servicePrincipal') {
      principal = pickWeighted(random, dir.servicePrincipals)
      const sp = dir.servicePrincipals[principal]!
      resource = sp.resources[pickIndex(random, sp.resources.length)] as number
      ipSlot = pickIndex(random, sp.ips.length)
      key = ((principal * 32 + resource) * 4 + ipSlot) * 128 + codeIndex
    } else {
      principal = pickWeighted(random, dir.managedIdentities)
      const mi = dir.managedIdentities[principal]!
      resource = mi.resources[pickIndex(random, mi.resources.length)] as number
      key = (principal * 32 + resource) * 128 + codeIndex
    }
    const firstOffsetMs = Math.floor(random() * lengthMs)
    groups.push({
      key,
      principal,
      client,
      resource,
      ipSlot,
      errorCode,
      count: size,
      firstOffsetMs,
      seed: hashInts(random() * 4294967296),
    })
  }
  return groups
}
