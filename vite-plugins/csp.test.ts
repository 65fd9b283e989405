/**
 * The static-hosting header files must say exactly what the dev and preview servers send for a production build.
 * After changing the policy: WRITE_SECURITY_HEADERS=1 npx vitest run vite-plugins/csp.test.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import {
  builtFileName,
  contentSecurityPolicy,
  ENGINE_WORKER_DIR,
  ENGINE_WORKER_SCRIPT,
  engineWorkerPolicy,
  headersFile,
  responseHeaders,
  securityHeaders,
  staticWebAppConfig,
} from './csp.ts'

const production = securityHeaders(contentSecurityPolicy())
/** What the build copies from public/ to the top of the site (the host reads the two config files itself). */
const publicFiles = readdirSync('public').filter(
  (name) => name !== '_headers' && name !== 'staticwebapp.config.json',
)
const files = [
  ['public/_headers', headersFile(production, publicFiles)],
  ['public/staticwebapp.config.json', staticWebAppConfig(production)],
] as const

describe.each(files)('%s', (path, expected) => {
  test('equals the production headers', () => {
    if (process.env.WRITE_SECURITY_HEADERS === '1') writeFileSync(path, expected)
    expect(readFileSync(path, 'utf8')).toBe(expected)
  })
})

test('the production headers refuse other sites as framers and allow MSAL silent renewal', () => {
  const csp = production['Content-Security-Policy']
  expect(csp).toContain("frame-ancestors 'self'")
  expect(csp).toContain("frame-src 'self' https://login.microsoftonline.com")
  // WebAssembly for the file engine, and nothing else: no inline script, no JavaScript eval.
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';")
  expect(csp).not.toContain('127.0.0.1')
  expect(production).toMatchObject({
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  })
})

test('only the dev server adds a script nonce, and loopback only when asked', () => {
  expect(contentSecurityPolicy({ scriptNonce: 'abc' })).toContain(
    "script-src 'self' 'wasm-unsafe-eval' 'nonce-abc';",
  )
  expect(contentSecurityPolicy({ allowLoopback: true })).toContain('http://127.0.0.1:*')
  expect(contentSecurityPolicy({ graphBaseUrl: 'http://127.0.0.1:4010/' })).toContain(
    "connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com http://127.0.0.1:4010;",
  )
})

test('only DuckDB’s worker scripts get eval, and still no other origin', () => {
  expect(ENGINE_WORKER_SCRIPT.test('/assets/duckdb-browser-eh.worker-hQa-dcAV.js')).toBe(true)
  expect(
    ENGINE_WORKER_SCRIPT.test(
      '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?worker_file',
    ),
  ).toBe(true)
  expect(ENGINE_WORKER_SCRIPT.test('/assets/engine.worker-Cd-cMNyR.js')).toBe(true)
  expect(ENGINE_WORKER_SCRIPT.test('/assets/engine-worker-CIgHj325.js')).toBe(false)
  expect(ENGINE_WORKER_SCRIPT.test('/assets/index-Bun8SWJm.js')).toBe(false)
  expect(engineWorkerPolicy()).toContain("connect-src 'self'")
  expect(contentSecurityPolicy()).not.toContain("'unsafe-eval'")
})

/** A path pattern of either host: `*` matches any characters (both hosts' documented splat). */
const matches = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
  ).test(path)

/** The headers Cloudflare Pages sends for `path` from a _headers file: every matching rule's, values joined. */
function fromHeadersFile(text: string, path: string): Record<string, string> {
  const sent: Record<string, string[]> = {}
  let applies = false
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) applies = matches(line.trim(), path)
    else if (applies && line.trim() !== '') {
      const [name, ...value] = line.trim().split(': ')
      ;(sent[name!] ??= []).push(value.join(': '))
    }
  }
  return Object.fromEntries(Object.entries(sent).map(([name, values]) => [name, values.join(', ')]))
}

/** What Azure Static Web Apps sends: globalHeaders, a matching route's headers replacing those of the same name. */
function fromStaticWebAppConfig(text: string, path: string): Record<string, string> {
  const config = JSON.parse(text) as {
    globalHeaders: Record<string, string>
    routes: { route: string; headers: Record<string, string> }[]
  }
  const route = config.routes.find((candidate) => matches(candidate.route, path))
  return { ...config.globalHeaders, ...route?.headers }
}

describe('every built path gets from each host what vite preview sends', () => {
  // Names as the build writes them (vite.config.ts names them with builtFileName).
  const built = (name: string, extension: '.js' | '[extname]') =>
    `/${builtFileName(name, extension)
      .replace('[name]', name.replace(/\.(js|ts)$/, ''))
      .replace('[hash]', 'AbC-123')
      .replace('[extname]', '.js')}`
  const paths = [
    '/',
    '/index.html',
    '/assets/first-screen-AbC-123.js',
    '/assets/engine-worker-AbC-123.js',
    '/assets/duckdb-eh-AbC-123.wasm',
    ...publicFiles.map((file) => `/${file}`),
    built('engine.worker.ts', '.js'),
    built('duckdb-browser-eh.worker.js', '[extname]'),
    built('duckdb-browser-mvp.worker.js', '[extname]'),
  ]

  test('the engine’s worker scripts are built into their own folder, nothing else is', () => {
    expect(paths.filter((path) => path.startsWith(`/${ENGINE_WORKER_DIR}/`))).toEqual([
      `/${ENGINE_WORKER_DIR}/engine.worker-AbC-123.js`,
      `/${ENGINE_WORKER_DIR}/duckdb-browser-eh.worker-AbC-123.js`,
      `/${ENGINE_WORKER_DIR}/duckdb-browser-mvp.worker-AbC-123.js`,
    ])
  })

  test.each(paths)('%s', (path) => {
    const expected = responseHeaders(path, production)
    expect(fromHeadersFile(readFileSync('public/_headers', 'utf8'), path)).toEqual(expected)
    expect(fromStaticWebAppConfig(readFileSync('public/staticwebapp.config.json', 'utf8'), path)).toEqual(
      expected,
    )
    // Eval for DuckDB's Emscripten glue only where its workers run; the page keeps its strict policy.
    expect(expected['Content-Security-Policy']!.includes("'unsafe-eval'")).toBe(
      path.startsWith(`/${ENGINE_WORKER_DIR}/`),
    )
  })
})
