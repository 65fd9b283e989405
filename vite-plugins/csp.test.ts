/**
 * The static-hosting header files must say exactly what the dev and preview servers send for a production build.
 * After changing the policy: WRITE_SECURITY_HEADERS=1 npx vitest run vite-plugins/csp.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import {
  contentSecurityPolicy,
  ENGINE_WORKER_SCRIPT,
  engineWorkerPolicy,
  headersFile,
  securityHeaders,
  staticWebAppConfig,
} from './csp.ts'

const production = securityHeaders(contentSecurityPolicy())
const files = [
  ['public/_headers', headersFile(production)],
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
