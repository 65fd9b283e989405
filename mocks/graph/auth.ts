/**
 * Mock bearer-token check (notes/interfaces.md "Mock auth"; spec §4.2 401 rows). Any non-empty opaque token is
 * accepted; a token shaped like a JWT (2+ dots) must decode, and its `exp`/`nbf` are honoured so clients can
 * exercise their token-refresh path.
 */
import { decodeBase64Url } from './base64url.ts'
import { GraphError } from './envelope.ts'

/** Spec §4.2 [obs]: 401 responses carry this challenge. */
export const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'

export type AuthOutcome =
  | { ok: true; /** throttling key: app + tenant (spec §4.3) */ principalKey: string }
  | { ok: false; error: GraphError }

const unauthorized = (message: string) =>
  new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': WWW_AUTHENTICATE })

export const EMPTY_TOKEN_MESSAGE = 'Access token is empty.'
export const EXPIRED_TOKEN_MESSAGE = 'Access token has expired or is not yet valid.'
// The numeric code is what Graph reports for a token it cannot split into a JWS ([obs]).
export const MALFORMED_TOKEN_MESSAGE = 'CompactToken parsing failed with error code: 80049217'

/** Spec §4.2: the `expired-token` scenario answers every authenticated request with this. */
export const expiredTokenError = (): GraphError => unauthorized(EXPIRED_TOKEN_MESSAGE)

/** Opaque tokens (e.g. the app's `Bearer mock-tenant-token`) all share one throttling bucket. */
const OPAQUE_PRINCIPAL = 'mock-app|mock-tenant'

export function authenticate(authorization: string | null, nowMs: number): AuthOutcome {
  const match = /^\s*Bearer\s+(.*)$/is.exec(authorization ?? '')
  const token = match?.[1]?.trim() ?? ''
  if (token === '') return { ok: false, error: unauthorized(EMPTY_TOKEN_MESSAGE) }
  const parts = token.split('.')
  if (parts.length < 3) return { ok: true, principalKey: OPAQUE_PRINCIPAL }

  const header = decodeJsonSegment(parts[0] ?? '')
  const claims = decodeJsonSegment(parts[1] ?? '')
  if (!header || !claims) return { ok: false, error: unauthorized(MALFORMED_TOKEN_MESSAGE) }

  const nowSeconds = nowMs / 1000
  const exp = claims['exp']
  const nbf = claims['nbf']
  if ((typeof exp === 'number' && exp <= nowSeconds) || (typeof nbf === 'number' && nbf > nowSeconds)) {
    return { ok: false, error: unauthorized(EXPIRED_TOKEN_MESSAGE) }
  }
  const app = stringClaim(claims, 'appid') ?? stringClaim(claims, 'azp') ?? 'unknown-app'
  const tenant = stringClaim(claims, 'tid') ?? 'unknown-tenant'
  return { ok: true, principalKey: `${app}|${tenant}` }
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** base64url → JSON object, or undefined when the segment is not one (the 401 path, not an exception). */
export function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(segment)
  if (!bytes) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof TypeError) return undefined
    throw error
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined
}
