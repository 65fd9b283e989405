/**
 * The CSV's own value formats (downloads.md §4), where the file differs from the screen. Every choice the
 * spec marks [U] lives here, once, so a correction is a one-line change. Enum and other display text comes
 * from model/display-text.ts, shared with the grid and the details pane.
 */
import type { SignInLocation, SignInStatus } from '../../../../contract/sign-in.ts'
import { statusOfErrorCode } from '../model/status.ts'

/**
 * Empty values are empty cells, never "null"/"undefined" (§4 "Empty values"). A value that is not text although
 * Graph's schema says it is (a number, an object) is written as its JSON rather than failing the file (issue #15).
 */
export function text(value: string | null | undefined): string {
  if (typeof value === 'string') return value
  return value === null || value === undefined ? '' : anyValueText(value)
}

/** Text of a value of unexpected type: JSON for objects and arrays, else its string form. */
export function anyValueText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** Booleans as lowercase `true`/`false` (§4; the one real transcription shows `false` [T 23]). */
export function bool(value: boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * ISO 8601 UTC with `Z`, whole seconds, e.g. `2025-12-04T08:19:41Z` (§4 "Date (UTC)"). Graph sends
 * both `…Z` and 7-digit fractions (graph-api.md §3.1); tools split on `T` and read `HH:mm:ss`, so the
 * fraction is dropped. Whatever "Show dates as" says, files are UTC (§1.3, [D 2]).
 */
export function utcTimestamp(value: string | null | undefined): string {
  if (!value) return ''
  const millis = Date.parse(value)
  if (Number.isNaN(millis)) return value
  return `${new Date(millis).toISOString().slice(0, 19)}Z`
}

/** `City, State, CountryCode`; empty parts stay as empty segments [U]; no location at all → empty cell. */
export function location(value: SignInLocation | null | undefined): string {
  if (!value) return ''
  const parts = [value.city, value.state, value.countryOrRegion].map((part) => part ?? '')
  return parts.every((part) => part === '') ? '' : parts.join(', ')
}

/** portal-ui.md §4.1: Success / Interrupted / Failure from `status.errorCode` (the one rule, in model/status.ts). */
export function statusLabel(status: SignInStatus | null | undefined): string {
  return status ? statusOfErrorCode(status.errorCode) : ''
}

/** Sign-in error code: blank for successes [U, one imitation blanks 0 [T 20]]. */
export function errorCode(status: SignInStatus | null | undefined): string {
  if (!status || status.errorCode === 0) return ''
  return String(status.errorCode)
}

/** Latency in milliseconds with the `ms` suffix one parser of real files strips (§4, [T 6]) [U]. */
export function latency(milliseconds: number | null | undefined): string {
  return milliseconds === null || milliseconds === undefined ? '' : `${milliseconds}ms`
}
