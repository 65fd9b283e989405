/**
 * Issue #6 end to end: the "Microsoft Graph" data source against the fake's standalone server (a child process on
 * a free port), i.e. the production client with only its base URL changed, in the production (e2e) build under
 * its Content-Security-Policy. Also: a pasted token never reaches storage, the URL or the console; Graph values
 * render as text; a 401 offers "Paste a new token".
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { test as base, type ConsoleMessage, type Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

let fake: { url: string; child: ChildProcess } | null = null

base.beforeAll(async () => {
  // No MOCK_NOW: the fake's clock is the real one, like Graph's, so "Last 24 hours" finds its sign-ins.
  const child = spawn(process.execPath, ['mocks/serve.mjs'], {
    env: { ...process.env, MOCK_PORT: '0', MOCK_SIZE: 'small', MOCK_SEED: '11' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`standalone fake did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/[^\s]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`standalone fake exited with ${code}:\n${output}`)))
  })
  fake = { url, child }
})

base.afterAll(async () => {
  const child = fake?.child
  if (!child || child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
})

function fakeUrl(): string {
  if (!fake) throw new Error('the standalone fake is not running')
  return fake.url
}

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** An unsigned JWT the fake accepts; `marker` makes the token string easy to search for. */
function pastedToken(marker: string, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000)
  const claims = {
    aud: 'https://graph.microsoft.com',
    exp: now + lifetimeSeconds,
    nbf: now - 60,
    appid: `e2e-app-${marker}`,
    tid: '3f6c9a1e-0000-4000-8000-00000000000a',
    upn: 'auditor@contoso.example',
    scp: 'AuditLog.Read.All Directory.Read.All',
    marker,
  }
  return `${base64Url({ alg: 'none', typ: 'JWT' })}.${base64Url(claims)}.${marker}SIGNATURE`
}

async function connectWithPastedToken(page: Page, token: string) {
  await page.getByRole('combobox', { name: 'Data source' }).selectOption({ label: 'Microsoft Graph' })
  const dialog = page.getByRole('dialog', { name: 'Connect to Microsoft Graph' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('tab', { name: 'Settings' }).click()
  await dialog.getByRole('textbox', { name: /Graph base URL/ }).fill(fakeUrl())
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog.getByText('Settings saved.')).toBeVisible()
  await dialog.getByRole('tab', { name: 'Paste a token' }).click()
  await dialog.getByRole('textbox', { name: 'Access token' }).fill(token)
  await dialog.getByRole('button', { name: 'Use this token' }).click()
  await expect(dialog).toBeHidden()
}

/** Every place a token could leak to in the page; IndexedDB by database name (MSAL's would be "msal.db"). */
async function pageStorageDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Array.from(
        { length: storage.length },
        (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`,
      )
    const databases = (await indexedDB.databases()).map((db) => db.name ?? '')
    const caches = 'caches' in window ? await window.caches.keys() : []
    return [
      ...dump(localStorage),
      ...dump(sessionStorage),
      document.cookie,
      location.href,
      ...databases,
      ...caches,
    ].join('\n')
  })
}

test('browse the fake through the real-Graph path; the pasted token is never stored, logged or put in a URL', async ({
  page,
  logs,
}) => {
  // Browsing plus a download at 5 requests per 11 s (the client-side limiter, graph-api.md §4.3) takes a while.
  test.setTimeout(180_000)
  const marker = `tok${Date.now()}`
  const token = pastedToken(marker)
  const consoleTexts: string[] = []
  page.on('console', (message: ConsoleMessage) => consoleTexts.push(message.text()))
  const requestUrls: string[] = []
  page.on('request', (request) => requestUrls.push(request.url()))

  await logs.open()
  const firstGraphResponse = page.waitForResponse((r) =>
    r.url().startsWith(`${fakeUrl()}/beta/auditLogs/signIns`),
  )
  await connectWithPastedToken(page, token)
  const response = await firstGraphResponse
  expect(response.status()).toBe(200)
  expect(await response.request().headerValue('authorization')).toBe(`Bearer ${token}`)
  // The network answered, not the in-page fake (it is only the mock tenant's transport): the same URL asked of
  // the standalone fake directly gives the same sign-ins, while the in-page tenant (another seed and clock) would
  // not.
  type GraphPageBody = { value: { id: string }[] }
  const direct = await fetch(response.url(), { headers: { Authorization: `Bearer ${token}` } })
  const ids = (body: GraphPageBody) => body.value.map((signIn) => signIn.id)
  expect(ids((await response.json()) as GraphPageBody)).toEqual(ids((await direct.json()) as GraphPageBody))
  await expect(page.getByLabel('Microsoft Graph connection')).toContainText(
    'Pasted token for auditor@contoso.example',
  )
  await expect(page.getByLabel('Microsoft Graph connection')).toContainText(
    /Token expires at .* \(in 59 min\)/,
  )
  await expect(logs.rows(logs.grid).first()).toBeVisible()

  await logs.tab('User sign-ins (non-interactive)').click()
  await expect(logs.rows(logs.treegrid).first()).toBeVisible()

  // Download through the same source (the downloads pane pages through the fake at its own origin).
  let downloaded = ''
  await logs.tab('User sign-ins (interactive)').click()
  await page
    .getByRole('toolbar', { name: 'Sign-in logs commands' })
    .getByRole('button', { name: 'Download' })
    .click()
  await page.getByRole('menuitem', { name: 'Download JSON' }).click()
  const pane = page.getByRole('dialog', { name: 'Download Sign-ins in JSON format' })
  await expect(pane).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    pane.getByRole('button', { name: 'Download', exact: true }).first().click(),
  ])
  downloaded = await readFile(await download.path(), 'utf8')
  expect(JSON.parse(downloaded)).toEqual(expect.any(Array))
  await pane.getByRole('button', { name: 'Close' }).click()
  await expect(pane).toBeHidden()

  const everything = [await pageStorageDump(page), ...consoleTexts, ...requestUrls, downloaded].join('\n')
  expect(everything).not.toContain(token)
  expect(everything).not.toContain(marker)
  expect(requestUrls.some((url) => url.startsWith(fakeUrl()))).toBe(true)
  // Only the three settings were persisted.
  expect(await page.evaluate(() => localStorage.getItem('sign-in-logs-studio:graph-settings'))).toBe(
    JSON.stringify({ clientId: '', tenantId: '', graphBaseUrl: fakeUrl() }),
  )

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('combobox', { name: 'Data source' })).toHaveValue('mock')
})

base('a 401 (expired token) says so with the request-id and offers "Paste a new token"', async ({ page }) => {
  const consoleTexts: string[] = []
  page.on('console', (message) => consoleTexts.push(message.text()))
  await page.goto('/')
  const expired = pastedToken(`exp${Date.now()}`, -120)
  await connectWithPastedToken(page, expired)
  const banner = page.getByRole('group', { name: 'Your access token has expired' })
  await expect(banner).toBeVisible()
  // Graph's 401 came back too: its request-id is on the banner, and the grid says what to do.
  await expect(banner).toContainText(/Request ID: [0-9a-f-]{36}/)
  await expect(page.getByText(/Your sign-in is no longer valid/).first()).toBeVisible()

  const fresh = pastedToken(`new${Date.now()}`)
  await page.getByRole('button', { name: 'Paste a new token' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect to Microsoft Graph' })
  await dialog.getByRole('textbox', { name: 'Access token' }).fill(fresh)
  await dialog.getByRole('button', { name: 'Use this token' }).click()
  await expect(page.getByRole('grid').locator('tbody tr').first()).toBeVisible()
  await expect(page.getByText('Your access token has expired')).toBeHidden()
  const everything = [await pageStorageDump(page), ...consoleTexts].join('\n')
  expect(everything).not.toContain(expired)
  expect(everything).not.toContain(fresh)
})

base('values from Graph render as text: a hostile app name runs no script', async ({ page }) => {
  // The fake tenant plants this app name (mocks/tenant/hostile.ts); the URL's filter asks Graph for it.
  const hostile = 'Contoso <script>alert("xss")</script> Portal'
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  await page.goto(`/?range=1m&user.application=${encodeURIComponent('Contoso <script>')}`)
  const graphAnswer = page.waitForResponse(
    (r) => r.url().startsWith(`${fakeUrl()}/beta/auditLogs/signIns`) && r.url().includes('appDisplayName'),
  )
  await connectWithPastedToken(page, pastedToken(`xss${Date.now()}`))
  expect((await graphAnswer).status()).toBe(200)
  const grid = page.getByRole('grid')
  await expect(grid.getByText(hostile, { exact: true }).first()).toBeVisible()
  await grid.locator('tbody tr').first().click()
  const details = page.getByRole('dialog', { name: 'Activity Details: Sign-ins' })
  await expect(details.getByText(hostile, { exact: true }).first()).toBeVisible()
  // Only the app's own bundle is a script; the text became a text node, and no alert() ran.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src || s.textContent))
  expect(scripts.every((source) => !source?.includes('alert'))).toBe(true)
  expect(dialogs).toBe(0)
})

base(
  'the production build carries the CSP: inline scripts are refused, Graph and sign-in origins allowed',
  async ({ page }) => {
    await page.goto('/')
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("style-src 'self' 'unsafe-inline'")
    expect(policy).toMatch(
      /connect-src 'self' https:\/\/graph\.microsoft\.com https:\/\/login\.microsoftonline\.com/,
    )
    // 'self': MSAL's silent-renewal iframe comes back to our origin (redirect URI).
    expect(policy).toContain("frame-src 'self' https://login.microsoftonline.com")
    expect(policy).toContain("worker-src 'self'")
    await expect(page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), {
          once: true,
        }),
      )
      const script = document.createElement('script')
      script.textContent = 'window.inlineScriptRan = true'
      document.head.append(script)
      const directive = await violation
      return { directive, ran: (window as { inlineScriptRan?: boolean }).inlineScriptRan ?? false }
    })
    expect(outcome).toEqual({ directive: 'script-src-elem', ran: false })
  },
)

test('switching back to the mock tenant resumes the in-page fake with its scenarios', async ({
  page,
  logs,
}) => {
  test.setTimeout(120_000)
  await logs.open()
  await expect(page.getByRole('combobox', { name: 'Mock scenario' })).toBeVisible()
  const fromStandalone = page.waitForResponse((r) =>
    r.url().startsWith(`${fakeUrl()}/beta/auditLogs/signIns`),
  )
  await connectWithPastedToken(page, pastedToken(`back${Date.now()}`))
  expect((await fromStandalone).status()).toBe(200)
  // Talking to a real Graph, the mock's scenario picker has no meaning and is gone.
  await expect(page.getByRole('combobox', { name: 'Mock scenario' })).toBeHidden()

  await page.getByRole('combobox', { name: 'Data source' }).selectOption({ label: 'Mock tenant' })
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  // The mock tenant answers again from the in-page fake, with the chosen fault: Graph's licence 403, not a
  // connection error from the (closed) network.
  await page.getByRole('combobox', { name: 'Mock scenario' }).selectOption('non-premium')
  await expect(page.getByText(/needs a Microsoft Entra ID P1 or P2 licence/).first()).toBeVisible()
})
