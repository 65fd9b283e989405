/**
 * Injects a Content-Security-Policy <meta> into index.html for production (and e2e) builds.
 *
 * Not in `vite dev`: the dev server's React refresh preamble is an inline script, which `script-src 'self'`
 * forbids. A <meta> CSP cannot carry frame-ancestors, report-uri or sandbox; a host that can send headers should
 * send the same policy as a header and add `frame-ancestors 'none'`.
 *
 * Directives and why:
 * - script-src 'self': no inline scripts, no eval; Vite emits only external module scripts.
 * - style-src 'self' 'unsafe-inline': Fluent UI's CSS-in-JS (Griffel) inserts <style> elements at run time, and a
 *   static page cannot hand out a per-response nonce. Styles cannot run script, so this is the accepted cost.
 * - connect-src: our origin (the mock service worker, assets), Microsoft Graph, and login.microsoftonline.com
 *   (MSAL's metadata and token endpoints), plus the Graph base URL's origin when one is set at build time
 *   (VITE_GRAPH_BASE_URL) — e.g. the standalone fake on http://127.0.0.1:4010. The e2e build also allows
 *   loopback on any port, because its tests start the standalone fake on a free port. Any other base URL typed
 *   into Settings is blocked by the browser: a bearer token can only go where this list says.
 * - frame-src: MSAL renews tokens in a hidden iframe on login.microsoftonline.com.
 * - worker-src 'self': the MSW service worker (mock tenant mode).
 */
import type { Plugin } from 'vite'

export const graphOrigin = 'https://graph.microsoft.com'
export const loginOrigin = 'https://login.microsoftonline.com'
const loopbackAnyPort = ['http://127.0.0.1:*', 'http://localhost:*']

export interface ContentSecurityPolicyOptions {
  /** the build-time Graph base URL, if any; only its origin is used */
  graphBaseUrl?: string
  /** allow http loopback on any port (the e2e build's standalone fake) */
  allowLoopback?: boolean
}

function originOf(url: string): string {
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`VITE_GRAPH_BASE_URL must be an http(s) URL, got ${url}`)
  }
  return parsed.origin
}

export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const connect = new Set(["'self'", graphOrigin, loginOrigin])
  if (options.graphBaseUrl) connect.add(originOf(options.graphBaseUrl))
  if (options.allowLoopback) for (const source of loopbackAnyPort) connect.add(source)
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': [...connect],
    'frame-src': [loginOrigin],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

export function contentSecurityPolicyPlugin(): Plugin {
  let policy = ''
  return {
    name: 'sign-in-logs-studio:csp',
    apply: 'build',
    configResolved(config) {
      const graphBaseUrl =
        typeof config.env.VITE_GRAPH_BASE_URL === 'string' ? config.env.VITE_GRAPH_BASE_URL : ''
      policy = contentSecurityPolicy({
        graphBaseUrl: graphBaseUrl || undefined,
        allowLoopback: config.mode === 'e2e',
      })
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        // First in <head>: a CSP <meta> only governs what comes after it.
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}
