/**
 * The "Microsoft Graph" DataSource: the production Graph client with a different base URL and token source,
 * behind the client-side rate limiter. Everything else in the app is the same as for the mock tenant.
 */
import type { DataSource } from '../../lib/data-source/data-source.tsx'
import { createGraphClient, type GraphClientOptions } from '../../lib/graph/index.ts'
import { createRateLimitedFetch, rateLimiterFor, type RateLimiter } from './rate-limited-fetch.ts'

/** Where the access token comes from; never the token itself, so this object is safe to keep in state. */
export interface GraphCredential {
  kind: 'pasted' | 'msal'
  getAccessToken(): Promise<string>
  /** who is calling, for the label and the limiter key (per app per tenant, graph-api.md §4.3) */
  appId: string | null
  tenantId: string | null
  principal: string | null
}

export interface GraphResponseInfo {
  status: number
  requestId: string | null
}

export interface GraphDataSourceOptions {
  baseUrl: string
  credential: GraphCredential
  /** increases with every new credential, so query keys change and nothing cached under the old one is reused */
  connectionId: number
  /** observes every answer (e.g. 401 → "Paste a new token" / "Sign in again"); no token is passed */
  onResponse?: (info: GraphResponseInfo) => void
  onRequest?: GraphClientOptions['onRequest']
  /** defaults to the page-wide limiter for this app + tenant */
  rateLimiter?: RateLimiter
  fetch?: typeof fetch
  /** the client's retry policy; tests shorten it */
  retry?: GraphClientOptions['retry']
}

export function graphDataSourceId(
  credential: GraphCredential,
  baseUrl: string,
  connectionId: number,
): string {
  return `graph:${baseUrl}:${credential.tenantId ?? 'unknown-tenant'}:${connectionId}`
}

export function createConnectedGraphSource(
  options: GraphDataSourceOptions,
): DataSource & { rateLimiter: RateLimiter } {
  const { credential, baseUrl, connectionId } = options
  const rateLimiter =
    options.rateLimiter ??
    rateLimiterFor(credential.appId ?? 'unknown-app', credential.tenantId ?? 'unknown-tenant')
  const clientAt = (priority: 'foreground' | 'background') => {
    const limited = createRateLimitedFetch(rateLimiter, options.fetch, priority)
    const observed: typeof fetch = async (input, init) => {
      const response = await limited(input, init)
      options.onResponse?.({ status: response.status, requestId: response.headers.get('request-id') })
      return response
    }
    return createGraphClient({
      baseUrl,
      getAccessToken: () => credential.getAccessToken(),
      fetch: observed,
      onRequest: options.onRequest,
      retry: options.retry,
    })
  }
  const who = credential.principal ? ` (${credential.principal})` : ''
  return {
    id: graphDataSourceId(credential, baseUrl, connectionId),
    kind: 'graph',
    label: `Microsoft Graph${who}`,
    client: clientAt('foreground'),
    backgroundClient: clientAt('background'),
    scheduler: rateLimiter,
    rateLimiter,
  }
}
