/**
 * A pasted access token (e.g. from `az account get-access-token --resource-type ms-graph`), held in a closure:
 * never in localStorage, sessionStorage, cookies, the URL or a log line. Reloading the page forgets it.
 * Callers see its claims (for "expires at …") but only `getAccessToken` hands out the token, to the Graph client.
 */
import { describeAccessToken, type AccessTokenDescription } from './access-token-claims.ts'

export interface PastedToken {
  readonly description: AccessTokenDescription
  getAccessToken(): Promise<string>
  /** forgets the token (sign-out); later getAccessToken calls fail with "sign in again" */
  clear(): void
}

export type PastedTokenResult = { ok: true; token: PastedToken } | { ok: false; problem: string }

export function holdPastedToken(input: string): PastedTokenResult {
  // People paste the whole header, or the JSON field with its quotes: accept those, nothing else.
  const raw = input
    .trim()
    .replace(/^Authorization:\s*/i, '')
    .replace(/^Bearer\s+/i, '')
    .replace(/^"(.*)"$/s, '$1')
    .trim()
  if (raw.length === 0) return { ok: false, problem: 'Paste an access token for Microsoft Graph.' }
  if (/\s/.test(raw)) {
    return {
      ok: false,
      problem: 'An access token has no spaces or line breaks. Paste only the token itself.',
    }
  }
  // Header values must be visible ASCII (RFC 9110 §5.5); anything else would make fetch throw a TypeError.
  if (!/^[\x21-\x7e]+$/.test(raw))
    return { ok: false, problem: 'An access token contains only plain ASCII characters.' }

  let secret: string | null = raw
  return {
    ok: true,
    token: {
      description: describeAccessToken(raw),
      async getAccessToken() {
        if (secret === null) throw new Error('The pasted token was removed. Paste a new token or sign in.')
        return secret
      },
      clear() {
        secret = null
      },
    },
  }
}
