/**
 * One source of truth for the app's security headers: the Content-Security-Policy and its companions.
 *
 * - Production and e2e builds: a CSP <meta> in index.html (so even a host that sends no headers enforces it), and
 *   `vite preview` sends the same policy as a header, plus what only a header can carry (frame-ancestors).
 * - `vite dev` (`npm start`): the same headers, so development runs under the policy production has. Two dev-only
 *   additions, because the dev server needs them and production must not have them:
 *   - a nonce in script-src: @vitejs/plugin-react injects an inline React-refresh preamble into index.html, which
 *     `script-src 'self'` forbids. Vite stamps `html.cspNonce` on every script tag it serves, so the preamble
 *     carries the nonce, and nothing else inline runs. A hash would break whenever the plugin changes its preamble;
 *     'unsafe-inline' would allow any injected script. The nonce is random per dev-server start, not per response
 *     (Vite writes it into the transformed HTML), which is acceptable on a development machine only.
 *   - loopback on any port in connect-src, so Settings can point at `npm run mock:serve` (as the e2e build does).
 * - Static hosting: public/_headers (Netlify, Cloudflare Pages) and public/staticwebapp.config.json (Azure Static
 *   Web Apps) carry the production headers, and the engine worker's policy on the folder the build puts its
 *   scripts in (ENGINE_WORKER_DIR); a test checks that every built path gets from each file what `vite preview`
 *   sends for it (`responseHeaders`).
 *
 * Directives and why:
 * - script-src 'self' 'wasm-unsafe-eval': no inline scripts, no JavaScript eval; Vite emits only external module
 *   scripts. 'wasm-unsafe-eval' lets the file engine (DuckDB-WASM, issue #14) compile its WebAssembly from our origin.
 * - style-src 'self' 'unsafe-inline': Fluent UI's CSS-in-JS (Griffel) inserts <style> elements at run time, and a
 *   static page cannot hand out a per-response nonce. Styles cannot run script, so this is the accepted cost.
 * - connect-src: our origin (assets), Microsoft Graph, and login.microsoftonline.com
 *   (MSAL's metadata and token endpoints), plus the Graph base URL's origin when one is set at build time
 *   (VITE_GRAPH_BASE_URL), e.g. the standalone fake on http://127.0.0.1:4010. The e2e build and the dev server also
 *   allow loopback on any port (the standalone fake on a free port). Any other base URL typed into Settings is
 *   blocked by the browser; the Graph client also refuses to follow a nextLink off the base URL's origin.
 * - frame-src: MSAL renews tokens in a hidden iframe that goes to login.microsoftonline.com and comes back to our
 *   own origin (the redirect URI), where MSAL reads the response from the frame's URL: both must be allowed.
 * - frame-ancestors 'self' (header only; a <meta> cannot carry it): no other site may frame the app. Not 'none',
 *   because that same hidden MSAL iframe loads our origin inside our own page; 'none' would block it and break
 *   silent renewal. The app itself also refuses to start inside any frame (src/app/refuse-framing.ts).
 * - worker-src 'self': the fake Graph's engine worker (mock tenant mode, mocks/engine.ts),
 *   and the file engine's workers (ours and DuckDB's, both from our origin; no blob: workers).
 */
import { randomBytes } from 'node:crypto'
import type { Connect, Plugin } from 'vite'

export const graphOrigin = 'https://graph.microsoft.com'
export const loginOrigin = 'https://login.microsoftonline.com'
// CSP host sources cannot name IPv6 literals, so http://[::1] stays blocked by the browser even where allowed.
const loopbackAnyPort = ['http://127.0.0.1:*', 'http://localhost:*']

export interface ContentSecurityPolicyOptions {
  /** the build-time Graph base URL, if any; only its origin is used */
  graphBaseUrl?: string
  /** allow http loopback on any port (the e2e build's and the dev server's standalone fake) */
  allowLoopback?: boolean
  /** dev server only: the nonce Vite stamps on the scripts it injects (the React refresh preamble) */
  scriptNonce?: string
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
  // 'wasm-unsafe-eval' compiles WebAssembly (the file engine, DuckDB-WASM, from our own origin); it allows no eval
  // of JavaScript and no inline script.
  const script = [
    "'self'",
    "'wasm-unsafe-eval'",
    ...(options.scriptNonce ? [`'nonce-${options.scriptNonce}'`] : []),
  ]
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': script,
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': [...connect],
    'frame-src': ["'self'", loginOrigin],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** The response headers for `policy`: what a host should send with every page and asset. */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': `${policy}; frame-ancestors 'self'`,
    // Our windows keep their handle on the MSAL sign-in popup; no other site's window keeps one on ours.
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'X-Content-Type-Options': 'nosniff',
    // Page URLs carry the view's filters (user names, IPs): none of it goes to another site as a Referer.
    'Referrer-Policy': 'no-referrer',
  }
}

/**
 * The file engine's worker scripts: ours (src/lib/file-source/engine.worker.ts) and DuckDB-WASM's, which ours
 * starts (built assets and, under `vite dev`, the source and package files). Chromium gives a nested worker its
 * creator's policy, so both carry the engine policy.
 */
export const ENGINE_WORKER_SCRIPT =
  /(duckdb-browser-(eh|mvp)\.worker(-[\w-]+)?\.js|\/engine\.worker(-[\w-]+\.js|\.ts))(\?.*)?$/

/**
 * The build puts those two scripts, and nothing else, in their own top-level folder: static hosts give headers by
 * path pattern, and a folder is the one pattern every host matches the same way.
 */
export const ENGINE_WORKER_DIR = 'file-engine'
const ENGINE_WORKER_NAME = /^(duckdb-browser-(eh|mvp)\.worker|engine\.worker)(\.js|\.ts)?$/

/** Rolldown's output file name for a chunk or asset named `name` (see vite.config.ts). */
export function builtFileName(name: string | undefined, extension: '.js' | '[extname]'): string {
  const folder = name && ENGINE_WORKER_NAME.test(name) ? ENGINE_WORKER_DIR : 'assets'
  return `${folder}/[name]-[hash]${extension}`
}

/**
 * The policy of DuckDB's worker only (a worker takes its CSP from its own script's response): its Emscripten glue
 * compiles JavaScript from strings (embind invokers, EM_ASM), so it needs 'unsafe-eval'. The page and the app's
 * own workers keep the strict policy. This worker has no DOM, and may fetch from our origin only: even with eval,
 * nothing it holds can be sent anywhere else.
 */
export function engineWorkerPolicy(): string {
  return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; connect-src 'self'"
}

/** The headers of the response to `path`: the engine's worker scripts get their own policy, all else the page's. */
export function responseHeaders(path: string, headers: Record<string, string>): Record<string, string> {
  return ENGINE_WORKER_SCRIPT.test(path)
    ? { ...headers, 'Content-Security-Policy': engineWorkerPolicy() }
    : headers
}

function sendHeaders(headers: Record<string, string>): Connect.NextHandleFunction {
  return (request, response, next) => {
    for (const [name, value] of Object.entries(responseHeaders(request.url ?? '', headers))) {
      response.setHeader(name, value)
    }
    next()
  }
}

export function contentSecurityPolicyPlugin(): Plugin {
  const devNonce = randomBytes(18).toString('base64')
  let isDevServer = false
  let policy = ''
  return {
    name: 'sign-in-logs-studio:csp',
    config(_config, { command, isPreview }) {
      isDevServer = command === 'serve' && !isPreview
      return isDevServer ? { html: { cspNonce: devNonce } } : undefined
    },
    configResolved(config) {
      const graphBaseUrl =
        typeof config.env.VITE_GRAPH_BASE_URL === 'string' ? config.env.VITE_GRAPH_BASE_URL : ''
      policy = contentSecurityPolicy({
        graphBaseUrl: graphBaseUrl || undefined,
        allowLoopback: isDevServer || config.mode === 'e2e',
        scriptNonce: isDevServer ? devNonce : undefined,
      })
    },
    configureServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders(policy)))
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders(policy)))
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) =>
        // The dev server sends the policy as a header; the <meta> is for built pages on hosts without headers.
        context.server
          ? []
          : [
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

const CSP = 'Content-Security-Policy'

/**
 * public/_headers (Netlify, Cloudflare Pages): the production headers on every path, the policy by path. A request
 * matching several rules gets every rule's headers (Cloudflare joins two values of one header with a comma, which
 * for a CSP means both policies apply), so no path may match two policies: the page's goes on the page and each
 * folder or file the build writes (`publicFiles`, the top-level files from public/), the engine's on its folder.
 */
export function headersFile(headers: Record<string, string>, publicFiles: readonly string[]): string {
  const { [CSP]: pagePolicy, ...everywhere } = headers
  const block = (path: string, entries: Record<string, string>) =>
    `${path}\n${Object.entries(entries)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join('\n')}\n`
  const pagePaths = ['/', '/index.html', '/assets/*', ...publicFiles.map((file) => `/${file}`)]
  return [
    block('/*', everywhere),
    ...pagePaths.map((path) => block(path, { [CSP]: pagePolicy ?? '' })),
    block(`/${ENGINE_WORKER_DIR}/*`, { [CSP]: engineWorkerPolicy() }),
  ].join('')
}

/**
 * public/staticwebapp.config.json (Azure Static Web Apps): the same headers as globalHeaders; a route's header
 * replaces the global one of the same name, so the engine's folder gets its policy by route.
 */
export function staticWebAppConfig(headers: Record<string, string>): string {
  const routes = [{ route: `/${ENGINE_WORKER_DIR}/*`, headers: { [CSP]: engineWorkerPolicy() } }]
  return `${JSON.stringify({ routes, globalHeaders: headers }, null, 2)}\n`
}
