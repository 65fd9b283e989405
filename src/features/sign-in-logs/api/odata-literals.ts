/** OData literal spelling for Graph `$filter` text (graph-api.md §2.3). */

/** Strings are single-quoted and an embedded quote is doubled: `'Conan O''Brien'`. */
export function quoteODataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/** DateTimeOffset is unquoted ISO 8601 UTC; whole seconds keep it readable. `ceil` rounds an upper bound up. */
export function odataDateTime(date: Date, rounding: 'floor' | 'ceil' = 'floor'): string {
  const ms = date.getTime()
  const seconds = rounding === 'floor' ? Math.floor(ms / 1000) : Math.ceil(ms / 1000)
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export function looksLikeGuid(value: string): boolean {
  return GUID.test(value.trim())
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
/** A complete address is matched exactly; a partial one ("10.0.") by prefix. */
export function looksLikeFullIpAddress(value: string): boolean {
  const trimmed = value.trim()
  if (IPV4.test(trimmed)) return true
  // IPv6: eight groups, or a `::` abbreviation; a trailing colon means the user is still typing a prefix.
  if (!/^[0-9a-f:]+$/i.test(trimmed) || trimmed.endsWith(':')) return false
  const groups = trimmed.split(':')
  return trimmed.includes('::') ? groups.length <= 8 : groups.length === 8
}

/** Sign-in UPNs are lower-case (graph-api.md §2.2); a whole UPN can use the summaries' `eq`. */
export function looksLikeUserPrincipalName(value: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim())
}
