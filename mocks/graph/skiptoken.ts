/**
 * Opaque `$skiptoken` (spec §2.4): base64url of a scan position plus a hash of the query it belongs to. A cursor,
 * not an offset, so page 100 costs about what page 1 costs. Tokens do not expire ([unverified] either way).
 */
import { decodeBase64Url, encodeBase64Url } from './base64url.ts'
import { badRequest } from './envelope.ts'

/** Where the next page's scan resumes: a bucket (hour index or window index) and an offset inside it. */
export interface ScanPosition {
  readonly bucket: number
  readonly offset: number
}

const TOKEN_VERSION = 1
const MAX_TOKEN_LENGTH = 512

/** [unverified] wording; the support guide's expired-token text is "Token not found: token is either invalid or expired". */
export const INVALID_SKIP_TOKEN_MESSAGE =
  'Invalid skip token: it is malformed or was issued for a different query.'

export function encodeSkipToken(position: ScanPosition, queryHash: string): string {
  return encodeBase64Url(
    JSON.stringify({ v: TOKEN_VERSION, b: position.bucket, o: position.offset, q: queryHash }),
  )
}

/** Decodes and checks a token; every failure is the same 400 so tokens stay opaque. */
export function decodeSkipToken(token: string, queryHash: string): ScanPosition {
  const invalid = () => badRequest(INVALID_SKIP_TOKEN_MESSAGE)
  if (token.length > MAX_TOKEN_LENGTH) throw invalid()
  const bytes = decodeBase64Url(token)
  if (!bytes) throw invalid()
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof TypeError) throw invalid()
    throw error
  }
  if (parsed === null || typeof parsed !== 'object') throw invalid()
  const { v, b, o, q } = parsed as Record<string, unknown>
  if (v !== TOKEN_VERSION || q !== queryHash || !isIndex(b) || !isIndex(o)) throw invalid()
  return { bucket: b, offset: o }
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** cyrb53: a fast, well-mixed 53-bit string hash (not cryptographic; tokens only need to detect mismatches). */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/**
 * Spec §2.4 / §6.3: the nextLink is absolute, on the request's own origin and path, keeping every original
 * parameter (as the caller encoded it) and replacing any previous `$skiptoken`.
 */
export function buildNextLink(requestUrl: URL, token: string): string {
  const kept = requestUrl.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !isSkipTokenParam(part))
  kept.push(`$skiptoken=${token}`)
  return `${requestUrl.origin}${requestUrl.pathname}?${kept.join('&')}`
}

function isSkipTokenParam(part: string): boolean {
  const rawName = part.split('=', 1)[0] ?? ''
  let name: string
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' '))
  } catch (error) {
    if (error instanceof URIError) return false
    throw error
  }
  return /^\$?skiptoken$/i.test(name.trim())
}
