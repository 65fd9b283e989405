// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { BetaSignIn } from '../contract/sign-in.ts'
import {
  AUTH,
  expectGraphError,
  graphGet,
  TEST_NOW,
  walkPages,
  type CollectionPage,
  type GraphReply,
} from './graph/testing.ts'
import { startStandaloneServer } from './serve-entry.ts'

const env = { MOCK_SIZE: 'small', MOCK_SEED: '7', MOCK_NOW: TEST_NOW.toISOString() }

describe('npm run mock:serve (child process)', () => {
  let child: ChildProcess | undefined
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
  })

  it('prints its URL, serves Graph pages with working nextLinks, and exits cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url))], {
      env: { ...process.env, ...env, MOCK_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const base = await new Promise<string>((resolve, reject) => {
      child!.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
        if (match) resolve(match[1]!)
      })
      child!.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)))
    })
    expect(stdout.trim().split('\n')).toHaveLength(1)

    const first = await graphGet<CollectionPage<BetaSignIn>>(`${base}/beta/auditLogs/signIns?$top=5`)
    expect(first.status).toBe(200)
    expect(first.body['@odata.context']).toBe(`${base}/beta/$metadata#auditLogs/signIns`)
    expect(first.body.value).toHaveLength(5)
    const next = first.body['@odata.nextLink']!
    expect(next.startsWith(`${base}/beta/auditLogs/signIns?$top=5&$skiptoken=`)).toBe(true)
    const second = await graphGet<CollectionPage<BetaSignIn>>(next)
    expect(second.body.value).toHaveLength(5)
    expect(second.body.value[0]!.id).not.toBe(first.body.value[0]!.id)

    expectGraphError(await graphGet(`${base}/beta/auditLogs/signIns`, {}), 401, 'InvalidAuthenticationToken')
    expectGraphError(await graphGet(`${base}/nope`), 400, 'BadRequest', 'Invalid version: nope')

    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })
})

describe('standalone server (in process)', () => {
  it('walks every page over real HTTP, answers preflights, and drops connections in the flaky scenario', async () => {
    const server = await startStandaloneServer({ env, port: 0 })
    try {
      const { items, pageSizes } = await walkPages<BetaSignIn>(
        `${server.url}/beta/auditLogs/signIns?$top=100`,
      )
      expect(items.length).toBeGreaterThan(0)
      expect(pageSizes.length).toBeGreaterThan(1)
      expect(new Set(items.map((r) => r.id)).size).toBe(items.length)

      const preflight = await fetch(`${server.url}/beta/auditLogs/signIns`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization')

      // `localhost` callers get `localhost` nextLinks.
      const local = await graphGet<CollectionPage<unknown>>(
        `${server.url.replace('127.0.0.1', 'localhost')}/beta/auditLogs/signIns?$top=1`,
      )
      expect(local.body['@odata.nextLink']).toMatch(/^http:\/\/localhost:\d+\/beta\//)

      server.scenarios.set('flaky')
      let dropped = 0
      let answered = 0
      for (let i = 0; i < 100; i++) {
        try {
          const response = await fetch(`${server.url}/beta/auditLogs/signIns?$top=1&i=${i}`, {
            headers: AUTH,
          })
          await response.arrayBuffer()
          answered++
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError)
          dropped++
        }
      }
      expect(dropped).toBeGreaterThan(0)
      expect(answered).toBeGreaterThan(dropped)
    } finally {
      await server.close()
    }
  })
})

/** node:http lets a test send any Host header (fetch forbids setting it). */
function getWithHost(base: string, host: string): Promise<GraphReply<unknown>> {
  const url = new URL(`${base}/beta/auditLogs/signIns?$top=1`)
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...AUTH, Host: host } }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      res.on('end', () => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(res.headers))
          if (typeof value === 'string') headers.set(name, value)
        resolve({ status: res.statusCode ?? 0, headers, body: JSON.parse(text) })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('standalone server: DNS rebinding', () => {
  it('answers only loopback Host names, any port, and refuses others with a Graph error', async () => {
    const server = await startStandaloneServer({ env, port: 0 })
    try {
      const port = new URL(server.url).port
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST`, `[::1]:8080`, '127.0.0.1']) {
        expect((await getWithHost(server.url, host)).status, host).toBe(200)
      }
      for (const host of [
        `evil.example:${port}`,
        'evil.example',
        `127.0.0.1.evil.example:${port}`,
        '10.0.0.1',
      ]) {
        const reply = await getWithHost(server.url, host)
        expectGraphError(reply, 421, 'Request_MisdirectedRequest', /only answers requests for 127\.0\.0\.1/)
      }
    } finally {
      await server.close()
    }
  })
})

describe('standalone server: MOCK_SCALE', () => {
  it('serves a scaled tenant: the same hours hold about MOCK_SCALE times the sign-ins', async () => {
    const plain = await startStandaloneServer({ env, port: 0 })
    const scaled = await startStandaloneServer({ env: { ...env, MOCK_SCALE: '4' }, port: 0 })
    try {
      expect(scaled.tenant.config.scale).toBe(4)
      const from = new Date(TEST_NOW.getTime() - 48 * 3_600_000).toISOString()
      const filter = `createdDateTime ge ${from} and signInEventTypes/any(t: t eq 'nonInteractiveUser')`
      const count = async (base: string) =>
        (
          await walkPages<BetaSignIn>(
            `${base}/beta/auditLogs/signIns?$top=1000&$filter=${encodeURIComponent(filter)}`,
          )
        ).items.length
      const [plainCount, scaledCount] = [await count(plain.url), await count(scaled.url)]
      expect(scaledCount / plainCount).toBeGreaterThan(3.5)
      expect(scaledCount / plainCount).toBeLessThan(4.5)
    } finally {
      await Promise.all([plain.close(), scaled.close()])
    }
  })
})
