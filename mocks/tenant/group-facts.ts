/**
 * What one group's sign-ins share, resolved from the directory: the principal, app, resource, IP,
 * place and Conditional Access outcome. Records (records.ts) and summary rows (summaries.ts) both
 * read these, so a summary's key fields always equal those of its records.
 */
import type { SignInEventType } from '../../contract/sign-in.ts'
import { hostilePlaces, type Place } from './catalog.ts'
import { evaluateConditionalAccess, type CaOutcome } from './conditional-access.ts'
import {
  userIp,
  type ClientApp,
  type Directory,
  type ManagedIdentityPrincipal,
  type Resource,
  type ServicePrincipal,
  type User,
} from './directory.ts'
import type { Group } from './groups.ts'
import { hashInts } from './random.ts'
import { typeCode } from './volume.ts'

const caCache = new WeakMap<Directory, Map<number, CaOutcome>>()

export interface GroupFacts {
  readonly user: User | undefined
  readonly app: ClientApp | undefined
  readonly sp: ServicePrincipal | undefined
  readonly mi: ManagedIdentityPrincipal | undefined
  readonly resource: Resource
  /** "" for managed identities, as in Azure Monitor exports of MSI sign-ins. */
  readonly ip: string
  readonly place: Place | null
  readonly ca: CaOutcome
}

export function groupFacts(dir: Directory, type: SignInEventType, g: Group, day: number): GroupFacts {
  const isUser = type === 'interactiveUser' || type === 'nonInteractiveUser'
  const user = isUser ? dir.users[g.principal] : undefined
  const app = isUser ? dir.clients[g.client] : undefined
  const sp = type === 'servicePrincipal' ? dir.servicePrincipals[g.principal] : undefined
  const mi = type === 'managedIdentity' ? dir.managedIdentities[g.principal] : undefined
  const resource = dir.resources[g.resource]!
  let ip = ''
  let place: Place | null = null
  if (user) {
    if (g.ipSlot === 3) {
      // One hostile address per user and day, from a place no user lives in.
      place = hostilePlaces[hashInts(dir.seed, user.index, day) % hostilePlaces.length] as Place
      ip = `${place.v4[0]}.${place.v4[1]}.${hashInts(dir.seed, user.index, day, 1) & 255}.${1 + (hashInts(dir.seed, user.index, day, 2) % 254)}`
    } else {
      place = user.place
      ip = userIp(dir, user, day, g.ipSlot)
    }
  } else if (sp) {
    place = sp.place
    ip = sp.ips[g.ipSlot] as string
  }
  // CA depends on key fields only, so its outcome is cached per (category, key).
  let cache = caCache.get(dir)
  if (!cache) caCache.set(dir, (cache = new Map()))
  const cacheKey = typeCode(type) * 2 ** 30 + g.key
  let ca = cache.get(cacheKey)
  if (!ca) {
    ca = evaluateConditionalAccess(dir, {
      user,
      resourceName: resource.displayName,
      ipSlot: g.ipSlot,
      errorCode: g.errorCode,
      servicePrincipal: !isUser,
    })
    cache.set(cacheKey, ca)
  }
  return { user, app, sp, mi, resource, ip, place, ca }
}
