/**
 * Reads the claims of a pasted or MSAL-issued access token for DISPLAY ONLY (expiry, audience, who, tenant).
 * Nothing here verifies a signature: Graph does that, and answers 401 when the token is bad (graph-api.md §4.2).
 * The token string itself never leaves this function: callers get claims, never the token, so nothing
 * derived from it can end up in a log line or the URL.
 */

/** Graph's resource identifiers: an access token for Graph carries one of these as `aud` (graph-api.md §6.1). */
export const graphAudiences: readonly string[] = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.com/',
  '00000003-0000-0000-c000-000000000000',
]

export interface JwtTokenDescription {
  kind: 'jwt'
  /** null when the token has no numeric `exp` claim */
  expiresAt: Date | null
  notBefore: Date | null
  audience: string | null
  /** the signed-in user (upn / preferred_username / unique_name) or, for app-only tokens, the app id */
  principal: string | null
  principalKind: 'user' | 'app' | null
  appId: string | null
  tenantId: string | null
  /** delegated permissions (`scp`, space separated) */
  scopes: readonly string[]
  /** application permissions (`roles`) */
  roles: readonly string[]
}

export interface OpaqueTokenDescription {
  kind: 'opaque'
}

export type AccessTokenDescription = JwtTokenDescription | OpaqueTokenDescription

function decodeBase64Url(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return null
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/')
  // One leftover character cannot encode a byte: atob would throw InvalidCharacterError.
  if (base64.length % 4 === 1) return null
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (error) {
    // Not UTF-8: the caller treats the token as opaque ("expiry unknown"), which is a valid outcome.
    if (error instanceof TypeError) return null
    throw error
  }
}

function stringClaim(claims: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = claims[name]
    if (typeof value === 'string' && value.length > 0) return value
  }
  return null
}

function dateClaim(claims: Record<string, unknown>, name: string): Date | null {
  const value = claims[name]
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null
}

export function describeAccessToken(token: string): AccessTokenDescription {
  const parts = token.trim().split('.')
  // A JWS has three segments; Graph tokens are JWS. Anything else (e.g. an encrypted JWE, a reference token)
  // is accepted as opaque: Graph decides whether it is valid.
  if (parts.length !== 3 || !parts[1]) return { kind: 'opaque' }
  const json = decodeBase64Url(parts[1])
  if (json === null) return { kind: 'opaque' }
  let payload: unknown
  try {
    payload = JSON.parse(json)
  } catch (error) {
    if (error instanceof SyntaxError) return { kind: 'opaque' }
    throw error
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { kind: 'opaque' }
  const claims = payload as Record<string, unknown>
  const audClaim = claims['aud']
  const audience =
    typeof audClaim === 'string'
      ? audClaim
      : Array.isArray(audClaim)
        ? String(audClaim[0] ?? '') || null
        : null
  const user = stringClaim(claims, 'upn', 'preferred_username', 'unique_name', 'email')
  const appId = stringClaim(claims, 'appid', 'azp')
  const scp = stringClaim(claims, 'scp')
  const rolesClaim = claims['roles']
  return {
    kind: 'jwt',
    expiresAt: dateClaim(claims, 'exp'),
    notBefore: dateClaim(claims, 'nbf'),
    audience,
    principal: user ?? appId,
    principalKind: user ? 'user' : appId ? 'app' : null,
    appId,
    tenantId: stringClaim(claims, 'tid'),
    scopes: scp ? scp.split(' ').filter(Boolean) : [],
    roles: Array.isArray(rolesClaim) ? rolesClaim.filter((r): r is string => typeof r === 'string') : [],
  }
}

export type TokenValidity =
  | { state: 'unknown' }
  | { state: 'valid'; expiresAt: Date; secondsLeft: number }
  | { state: 'not-yet-valid'; notBefore: Date }
  | { state: 'expired'; expiresAt: Date }

export function tokenValidity(description: AccessTokenDescription, now: Date): TokenValidity {
  if (description.kind === 'opaque' || description.expiresAt === null) return { state: 'unknown' }
  if (description.notBefore && description.notBefore.getTime() > now.getTime()) {
    return { state: 'not-yet-valid', notBefore: description.notBefore }
  }
  const secondsLeft = Math.floor((description.expiresAt.getTime() - now.getTime()) / 1000)
  if (secondsLeft <= 0) return { state: 'expired', expiresAt: description.expiresAt }
  return { state: 'valid', expiresAt: description.expiresAt, secondsLeft }
}

/**
 * Plain-language warnings a user can act on before Graph answers 401/403 (graph-api.md §4.2, §4.4).
 * Opaque tokens get none: we cannot know.
 */
export function tokenWarnings(description: AccessTokenDescription): string[] {
  if (description.kind === 'opaque') return []
  const warnings: string[] = []
  if (description.audience !== null && !graphAudiences.includes(description.audience)) {
    warnings.push(
      `This token is for "${description.audience}", not Microsoft Graph, so Graph will refuse it (401). ` +
        'Get a token for https://graph.microsoft.com, for example with `az account get-access-token --resource-type ms-graph`.',
    )
  }
  const permissions = [...description.scopes, ...description.roles]
  if (permissions.length > 0 && !permissions.includes('AuditLog.Read.All')) {
    warnings.push(
      'This token does not carry the AuditLog.Read.All permission, so Graph will answer 403 for sign-in logs. ' +
        'Ask an administrator to grant and consent AuditLog.Read.All (and Directory.Read.All) to the app that issued it.',
    )
  }
  return warnings
}
