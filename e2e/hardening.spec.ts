/**
 * Issue #15 fault injection, through the production (e2e) build on the real-Graph path: a pasted token and a Graph
 * base URL on loopback, answered by a scripted server that plays a broken or hostile Graph. Each case checks the
 * page stays up and says what happened, and what the browser did (or did not) send. Also: the app refuses to run
 * inside a frame, and `vite preview` sends the security headers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { makeSignIn } from '../src/features/sign-in-logs/export/test-sign-in.ts'
import { expect, SignInLogsPage, test } from './fixtures.ts'

interface Seen {
  method: string
  url: string
  authorization: string | undefined
}

/** A loopback HTTP server that records every request and answers with `respond` (CORS open, like Graph). */
class ScriptedServer {
  readonly seen: Seen[] = []
  respond: (url: URL) => { status: number; body: unknown; headers?: Record<string, string> } = () => ({
    status: 404,
    body: {},
  })
  private server: Server | null = null
  origin = ''

  async start(): Promise<void> {
    this.server = createServer((request: IncomingMessage, response) => {
      this.seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        authorization: request.headers.authorization,
      })
      response.setHeader('Access-Control-Allow-Origin', '*')
      response.setHeader('Access-Control-Allow-Headers', '*')
      response.setHeader('Access-Control-Expose-Headers', 'Retry-After, request-id')
      if (request.method === 'OPTIONS') {
        response.writeHead(204).end()
        return
      }
      if (request.url?.startsWith('/frame')) {
        const target = new URL(request.url, this.origin).searchParams.get('src') ?? ''
        response.setHeader('Content-Type', 'text/html')
        response.end(
          `<!doctype html><title>Framing site</title><iframe title="framed app" src="${target}"></iframe>`,
        )
        return
      }
      const answer = this.respond(new URL(request.url ?? '/', this.origin))
      response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers })
      response.end(JSON.stringify(answer.body))
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}

const graph = new ScriptedServer()
const elsewhere = new ScriptedServer()

test.beforeAll(async () => {
  await Promise.all([graph.start(), elsewhere.start()])
})
test.afterAll(async () => {
  await Promise.all([graph.stop(), elsewhere.stop()])
})
test.beforeEach(() => {
  graph.seen.length = 0
  elsewhere.seen.length = 0
})

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** An unsigned JWT in Graph's shape; `marker` makes it easy to look for. Each test gets its own app id (limiter). */
function pastedToken(marker: string): string {
  const now = Math.floor(Date.now() / 1000)
  const claims = {
    aud: 'https://graph.microsoft.com',
    exp: now + 3600,
    nbf: now - 60,
    appid: `hardening-${marker}`,
    tid: '3f6c9a1e-0000-4000-8000-00000000000b',
    upn: 'auditor@contoso.example',
    scp: 'AuditLog.Read.All Directory.Read.All',
  }
  return `${base64Url({ alg: 'none', typ: 'JWT' })}.${base64Url(claims)}.${marker}`
}

/** Opens the app and connects it to the scripted Graph; console errors are collected (429s log one each). */
async function connect(
  page: Page,
): Promise<{ logs: SignInLogsPage; consoleErrors: string[]; token: string }> {
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  const logs = new SignInLogsPage(page)
  await logs.open()
  const token = pastedToken(`tok${Date.now()}`)
  await page.getByRole('combobox', { name: 'Data source' }).selectOption({ label: 'Microsoft Graph' })
  const dialog = page.getByRole('dialog', { name: 'Connect to Microsoft Graph' })
  await dialog.getByRole('tab', { name: 'Settings' }).click()
  await dialog.getByRole('textbox', { name: /Graph base URL/ }).fill(graph.origin)
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog.getByText('Settings saved.')).toBeVisible()
  await dialog.getByRole('tab', { name: 'Paste a token' }).click()
  await dialog.getByRole('textbox', { name: 'Access token' }).fill(token)
  await dialog.getByRole('button', { name: 'Use this token' }).click()
  await expect(dialog).toBeHidden()
  return { logs, consoleErrors, token }
}

const SIGN_INS = '/beta/auditLogs/signIns'
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
const guid = (n: number) => `8a1c2d3e-0000-4000-8000-${String(n).padStart(12, '0')}`
const onePage = (n: number, nextLink: string | null) => ({
  status: 200,
  body: {
    value: [makeSignIn({ id: guid(n), createdDateTime: minutesAgo(n + 1), userDisplayName: `User ${n}` })],
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
  },
})

test('Retry-After: 99999999999 — the page stays up, says it waits at most 120 s, and does not spin', async ({
  page,
}) => {
  graph.respond = () => ({
    status: 429,
    body: { error: { code: 'UnknownError', message: 'This request is throttled.' } },
    headers: { 'Retry-After': '99999999999' },
  })
  // The page's timers run on Playwright's clock, so the test can move time on without sleeping.
  await page.clock.install()
  const { logs, consoleErrors } = await connect(page)
  const notice = page.getByText(/Throttled by Microsoft Graph, retrying in \d+ s/)
  await expect(notice).toBeVisible()
  const secondsShown = async () => Number(/retrying in (\d+) s/.exec((await notice.textContent()) ?? '')?.[1])
  const seconds = await secondsShown()
  expect(seconds).toBeGreaterThan(100)
  expect(seconds).toBeLessThanOrEqual(120)
  const requestsSoFar = graph.seen.filter((r) => r.method === 'GET').length
  await expect(logs.page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
  // A spinning limiter or client would have asked again within a minute; the clamped wait has not passed.
  await page.clock.runFor(60_000)
  await expect.poll(secondsShown).toBeLessThanOrEqual(seconds - 59)
  expect(graph.seen.filter((r) => r.method === 'GET')).toHaveLength(requestsSoFar)
  expect(requestsSoFar).toBe(1)
  expect(consoleErrors.filter((text) => !/status of 429/.test(text))).toEqual([])
})

test('a nextLink to another origin is refused: the page says which host, and that host gets nothing', async ({
  page,
}) => {
  graph.respond = () => onePage(1, `${elsewhere.origin}${SIGN_INS}?$skiptoken=steal`)
  const { logs, consoleErrors } = await connect(page)
  await expect(logs.rows(logs.grid)).toHaveCount(1)
  const host = new URL(elsewhere.origin).host
  // The grid's error bar and the volume histogram (which counts the same query) both say it.
  await expect(
    page.getByText(`the server's next-page link points to another host (${host})`).first(),
  ).toBeVisible()
  await expect(logs.page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
  expect(elsewhere.seen).toEqual([])
  expect(
    graph.seen.filter((r) => r.method === 'GET').every((r) => r.authorization?.startsWith('Bearer ')),
  ).toBe(true)
  expect(consoleErrors).toEqual([])
})

test('a repeated nextLink stops paging with a message; the rows loaded before the loop stay', async ({
  page,
}) => {
  const link = (token: string) => `${graph.origin}${SIGN_INS}?$skiptoken=${token}`
  // Page 1 -> a -> b -> a again: a cycle Graph never sends.
  await page.clock.install()
  graph.respond = (url) => {
    const token = url.searchParams.get('$skiptoken')
    if (token === 'a') return onePage(2, link('b'))
    if (token === 'b') return onePage(3, link('a'))
    return onePage(1, link('a'))
  }
  const { logs, consoleErrors } = await connect(page)
  await expect(page.getByText(/same next-page link twice/).first()).toBeVisible()
  await expect(logs.rows(logs.grid)).toHaveCount(2)
  await expect(logs.page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
  // The URLs, so that a failure shows which page was asked for again.
  const gets = () => graph.seen.filter((r) => r.method === 'GET').map((r) => r.url)
  expect(gets()).toHaveLength(3)
  // Time moves on (no sleep): a client that kept following the loop would ask again.
  await page.clock.runFor(30_000)
  await expect(logs.rows(logs.grid)).toHaveCount(2)
  expect(gets()).toHaveLength(3)
  expect(consoleErrors).toEqual([])
})

test('the app does not run inside another site’s frame, nor inside its own', async ({ page, baseURL }) => {
  // Another site: the frame-ancestors header stops the page from loading at all.
  await page.goto(`${elsewhere.origin}/frame?src=${encodeURIComponent(`${baseURL}/`)}`)
  const foreign = page.frameLocator('iframe[title="framed app"]')
  // Chromium replaces a frame refused by frame-ancestors with its error page; wait for that rather than sleeping.
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith('chrome-error://'))).toBe(true)
  await expect(foreign.getByRole('heading', { name: 'Sign-in logs', exact: true })).toHaveCount(0)

  // Its own origin (allowed by the header, for MSAL's silent iframe): the app itself refuses to start.
  const logs = new SignInLogsPage(page)
  await logs.open()
  await page.evaluate(() => {
    const frame = document.createElement('iframe')
    frame.title = 'self-framed app'
    frame.src = '/'
    document.body.append(frame)
  })
  const own = page.frameLocator('iframe[title="self-framed app"]')
  await expect(
    own.getByRole('heading', { name: 'Sign-in Logs Studio cannot run inside a frame' }),
  ).toBeVisible()
  await expect(own.getByRole('link', { name: 'Open Sign-in Logs Studio in a new tab' })).toBeVisible()
  await expect(own.getByRole('heading', { name: 'Sign-in logs', exact: true })).toHaveCount(0)
})

test('vite preview sends the security headers', async ({ request }) => {
  const response = await request.get('/')
  const headers = response.headers()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
  expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';")
  expect(headers['content-security-policy']).toContain("frame-src 'self' https://login.microsoftonline.com")
  expect(headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')
})
