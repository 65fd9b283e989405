/**
 * correlationId values that say which sign-ins they belong to, so `correlationId eq '…'` is answered by building
 * only those sign-ins (issue #12's "Same correlation ID"), never by a 30-day scan.
 *
 * As in real tenants (see the DataDog exports among the real fixtures): a user's client session keeps one
 * correlation id across its interactive sign-in and the non-interactive token refreshes that follow, here per
 * user, app family (FOCI apps share one session) and UTC day; a workload's sign-in (service principal, managed
 * identity) has its own. Both are encoded like sign-in ids (ids.ts) under another key: they look random, and
 * decoding re-encodes and compares, so foreign GUIDs are rejected.
 */
import { decodeSignInId, encodeSignInId } from './ids.ts'

const CORRELATION_KEY = 0x0c0e1a7e
/** Marks a user session; workload sign-ins use their own category code (2 or 3). */
const SESSION_CODE = 0
const FAMILIES = 256
const MAX_USERS = 2 ** 20 / FAMILIES

export type CorrelationKey =
  | { readonly kind: 'session'; readonly user: number; readonly family: number; readonly day: number }
  | {
      readonly kind: 'request'
      readonly typeCode: number
      readonly absoluteHour: number
      readonly index: number
    }

const keyOf = (seed: number) => (seed ^ CORRELATION_KEY) | 0

export function sessionCorrelationId(seed: number, user: number, family: number, day: number): string {
  if (family < 0 || family >= FAMILIES || user < 0 || user >= MAX_USERS)
    throw new RangeError(`session correlation out of range: user ${user}, family ${family}`)
  return encodeSignInId(keyOf(seed), {
    typeCode: SESSION_CODE,
    absoluteHour: day,
    index: user * FAMILIES + family,
  })
}

export function requestCorrelationId(
  seed: number,
  typeCode: number,
  absoluteHour: number,
  index: number,
): string {
  if (typeCode === SESSION_CODE) throw new RangeError('user sign-ins share their session correlation id')
  return encodeSignInId(keyOf(seed), { typeCode, absoluteHour, index })
}

export function decodeCorrelationId(seed: number, id: string): CorrelationKey | undefined {
  const payload = decodeSignInId(keyOf(seed), id)
  if (!payload) return undefined
  if (payload.typeCode !== SESSION_CODE) return { kind: 'request', ...payload }
  return {
    kind: 'session',
    user: Math.floor(payload.index / FAMILIES),
    family: payload.index % FAMILIES,
    day: payload.absoluteHour,
  }
}
