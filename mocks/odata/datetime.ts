import type { Literal } from './ast.ts'

/**
 * ISO-8601 date-times as OData writes them unquoted in $filter (spec §2.3): `2024-01-13T14:13:32Z`,
 * fractions of up to 7 digits (Graph's 100 ns ticks), `+01:00` offsets, and date-only `2018-01-24`.
 * A JS Date holds milliseconds only, so an instant also keeps the sub-millisecond ticks to compare exactly.
 */
export interface Instant {
  /** Epoch milliseconds, floored (so comparisons on `ms` alone stay conservative). */
  readonly ms: number
  /** 100 ns ticks inside that millisecond, 0..9999. */
  readonly ticks: number
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2}))?$/i

/** Longest prefix of `text` from `start` that looks like a date-time token (validated by parseInstant). */
export const DATE_TIME_TOKEN = /\d{4}-\d{2}-\d{2}(?:T[0-9:.]*(?:Z|[+-]\d{2}:\d{2})?)?/iy

const MAX_MS = 8.64e15 // ECMAScript Date range

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** Parses an OData date-time / date literal; undefined when it is not one (bad shape or out of range). */
export function parseInstant(text: string): Instant | undefined {
  const m = DATE_TIME.exec(text)
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const fraction = (m[7] ?? '').padEnd(7, '0')
  let offsetMinutes = 0
  const zone = m[8]
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const offHour = Number(zone.slice(1, 3))
    const offMinute = Number(zone.slice(4, 6))
    if (offHour > 23 || offMinute > 59) return undefined
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offHour * 60 + offMinute)
  }
  // Plain arithmetic instead of Date objects: this runs for every scanned record (evaluateFilter).
  const ms =
    daysFromCivil(year, month, day) * 86_400_000 +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    Number(fraction.slice(0, 3))
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_MS) return undefined
  return { ms, ticks: Number(fraction.slice(3)) }
}

// One-entry memo: a time window (`ge … and le …`) reads the same record string twice in a row.
let lastText: string | undefined
let lastInstant: Instant | undefined

/** Instant of a record value: ISO strings as Graph serializes them, or a Date. */
export function instantOf(value: unknown): Instant | undefined {
  if (typeof value === 'string') {
    if (value !== lastText) {
      lastText = value
      lastInstant = parseInstant(value)
    }
    return lastInstant
  }
  if (value instanceof Date && Number.isFinite(value.getTime())) return { ms: value.getTime(), ticks: 0 }
  return undefined
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.ms !== b.ms ? Math.sign(a.ms - b.ms) : Math.sign(a.ticks - b.ticks)
}

// A filter is evaluated against every scanned record: parse each date-time literal once.
const literalInstants = new WeakMap<Literal, Instant | undefined>()

/** The instant of a datetime literal: from `text` (keeps the ticks), else from `value` (hand-built ASTs). */
export function literalInstant(literal: Literal & { kind: 'datetime' }): Instant | undefined {
  if (!literalInstants.has(literal)) {
    literalInstants.set(literal, parseInstant(literal.text) ?? instantOf(literal.value))
  }
  return literalInstants.get(literal)
}
