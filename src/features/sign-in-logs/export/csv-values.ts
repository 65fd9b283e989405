/**
 * How one Graph value becomes the text of one CSV cell (downloads.md §4). Every choice the spec marks
 * [U] lives here, once, so a correction is a one-line change.
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

export function integer(value: number | null | undefined): string {
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

/**
 * Display labels of Graph enum members (§4 "Enum columns": display text, not camelCase [U overall]).
 * Members not listed fall back to `sentenceCase`, so a new Graph member still reads as words.
 */
const ENUM_LABELS: Readonly<Record<string, string>> = {
  // signInUserType
  member: 'Member',
  guest: 'Guest',
  // signInAccessType
  b2bCollaboration: 'B2B collaboration',
  b2bDirectConnect: 'B2B direct connect',
  microsoftSupport: 'Microsoft support',
  serviceProvider: 'Service provider',
  passthrough: 'Passthrough',
  // incomingTokenType
  primaryRefreshToken: 'Primary refresh token',
  saml11: 'SAML 1.1',
  saml20: 'SAML 2.0',
  remoteDesktopToken: 'Remote desktop token',
  refreshToken: 'Refresh token',
  // protocolType (a few; the rest fall back)
  oAuth2: 'OAuth 2.0',
  ropc: 'ROPC',
  wsFederation: 'WS-Federation',
  deviceCode: 'Device code',
  wsTrust: 'WS-Trust',
  // authenticationRequirement (a plain string in Graph)
  singleFactorAuthentication: 'Single-factor authentication',
  multiFactorAuthentication: 'Multifactor authentication',
  // tokenIssuerType (PascalCase in Graph)
  AzureAD: 'Azure AD',
  ADFederationServices: 'AD Federation Services',
  AzureADBackupAuth: 'Azure AD Backup Auth',
  ADFederationServicesMFAAdapter: 'AD Federation Services MFA Adapter',
  NPSExtension: 'NPS Extension',
  // conditionalAccessStatus: "Not Applied" as [T 6] shows it (casing [U])
  success: 'Success',
  failure: 'Failure',
  notApplied: 'Not Applied',
  // shared
  none: 'None',
  unknownFutureValue: 'Unknown future value',
}

/** `primaryRefreshToken` → `Primary refresh token`; leaves text that is already words alone. */
export function sentenceCase(value: string): string {
  if (/\s/.test(value)) return value
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
  return words
    .map((word, index) => {
      const isAcronym = word.length > 1 && word === word.toUpperCase()
      if (isAcronym) return word
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word.toLowerCase()
    })
    .join(' ')
}

/** One enum value, or a flags value (`a,b` joined by Graph) as `A, B`. */
export function enumLabel(value: string | null | undefined): string {
  if (!value) return ''
  return value
    .split(',')
    .map((member) => ENUM_LABELS[member] ?? sentenceCase(member))
    .join(', ')
}
