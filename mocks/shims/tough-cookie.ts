/**
 * Stands in for `tough-cookie` in the browser build (vite.config.ts aliases it here; issue #16). msw's browser
 * client keeps a cookie jar (msw/lib/core/utils/cookieStore) that reads the jar for every intercepted request
 * and stores a mocked response's Set-Cookie. The fake Graph neither reads cookies nor sets any (Graph calls
 * authenticate with a bearer token), so an always-empty jar behaves the same, and the page no longer parses
 * tough-cookie and its public-suffix list (`tldts`, the larger part of it) before the first rows.
 * Tests in Node keep the real package (the alias applies to browser builds only).
 */

interface StoredCookie {
  key: string
  value: string
  domain: string | null
  path: string | null
  toString(): string
  toJSON(): unknown
}

/** msw only revives cookies it persisted itself; with an empty jar there are none. */
export const Cookie = {
  fromJSON: (): StoredCookie | null => null,
}

export class MemoryCookieStore {
  idx: Record<string, Record<string, Record<string, StoredCookie>>> = {}
}

export class CookieJar {
  constructor(readonly store: MemoryCookieStore) {}
  getCookiesSync(): StoredCookie[] {
    return []
  }
  async setCookie(): Promise<void> {}
}
