/**
 * Issue #15 fault injection, "bad data never blanks the page": Microsoft Graph answers with records of the wrong
 * shape. The app runs its production "Microsoft Graph" path (a pasted token, a loopback base URL the e2e CSP allows)
 * and Playwright answers that URL itself (`context.route`: the stopped MSW worker still passes requests through
 * its service worker, which `page.route` would not see). The pages are built from the fake tenant's own records,
 * then broken on purpose. The page must stay up, render the readable rows and say what was left out; the console
 * guard of fixtures.ts stays on: no error may be logged.
 */
import type { BrowserContext, Page, Route } from '@playwright/test'
import { createTenant } from '../mocks/tenant/index.ts'
import { expect, test } from './fixtures.ts'

/** Nothing listens here: every request to it is answered by the routes below, or fails the test. */
const GRAPH_BASE = 'http://127.0.0.1:9'
const tenant = createTenant({ seed: 7, now: new Date('2026-11-30T12:00:00Z'), size: 'small' })

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** An unsigned JWT with the claims the paste panel reads; nothing checks its signature here. */
function pastedToken(): string {
  const now = Math.floor(Date.now() / 1000)
  const claims = {
    aud: 'https://graph.microsoft.com',
    exp: now + 3600,
    nbf: now - 60,
    appid: 'e2e-bad-data',
    tid: '3f6c9a1e-0000-4000-8000-00000000000a',
    upn: 'auditor@contoso.example',
    scp: 'AuditLog.Read.All',
  }
  return `${base64Url({ alg: 'none', typ: 'JWT' })}.${base64Url(claims)}.sig`
}

function newestSignIns(type: 'interactiveUser' | 'servicePrincipal', count: number) {
  const found = []
  for (let hour = tenant.hourCount - 1; found.length < count && hour >= 0; hour -= 1) {
    found.push(...tenant.signInsInHour(type, hour))
  }
  return found.slice(0, count)
}

function json(route: Route, body: unknown, requestId: string) {
  return route.fulfill({
    status: 200,
    contentType: 'application/json',
    // Graph exposes its request-id to browser apps the same way.
    headers: {
      'request-id': requestId,
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'request-id, client-request-id',
    },
    body: JSON.stringify(body),
  })
}

/** Answers the routed Graph; `unexpected` collects any request no route was written for. */
async function routeGraph(context: BrowserContext, pages: { signIns: unknown[]; summaries: unknown[] }) {
  const unexpected: string[] = []
  await context.route(`${GRAPH_BASE}/**`, async (route) => {
    const request = route.request()
    if (request.method() === 'OPTIONS') {
      return route.fulfill({
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': '*',
          'access-control-allow-methods': 'GET',
        },
      })
    }
    const url = new URL(request.url())
    if (url.pathname === '/beta/auditLogs/signIns')
      return json(route, { value: pages.signIns }, 'req-bad-list')
    if (url.pathname.startsWith('/beta/auditLogs/getSummarizedServicePrincipalSignIns')) {
      return json(route, { value: pages.summaries }, 'req-bad-summary')
    }
    unexpected.push(request.url())
    return route.fulfill({ status: 404, body: '' })
  })
  return unexpected
}

async function connect(page: Page) {
  await page.getByRole('combobox', { name: 'Data source' }).selectOption({ label: 'Microsoft Graph' })
  const dialog = page.getByRole('dialog', { name: 'Connect to Microsoft Graph' })
  await dialog.getByRole('tab', { name: 'Settings' }).click()
  await dialog.getByRole('textbox', { name: /Graph base URL/ }).fill(GRAPH_BASE)
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog.getByText('Settings saved.')).toBeVisible()
  await dialog.getByRole('tab', { name: 'Paste a token' }).click()
  await dialog.getByRole('textbox', { name: 'Access token' }).fill(pastedToken())
  await dialog.getByRole('button', { name: 'Use this token' }).click()
  await expect(dialog).toBeHidden()
}

test('malformed records and null objects: the readable rows render, the rest are named', async ({
  page,
  context,
  logs,
}) => {
  const [good, malformed, nullStatus, nullObjects, last] = newestSignIns('interactiveUser', 5)
  const unexpected = await routeGraph(context, {
    signIns: [
      good,
      { ...malformed, createdDateTime: 12345, authenticationDetails: 'none' },
      { ...nullStatus, status: null },
      // Graph allows these to be null: the row renders, and so do its details.
      { ...nullObjects, location: null, deviceDetail: null },
      last,
    ],
    summaries: [],
  })
  await logs.open()
  await connect(page)

  const rows = logs.rows(logs.grid)
  await expect(rows).toHaveCount(3)
  for (const signIn of [good, nullObjects, last]) await expect(logs.grid).toContainText(signIn!.id)
  const notice = page.getByText('2 sign-ins could not be read and are left out.')
  await expect(notice).toBeVisible()
  await page.getByText('What was wrong').click()
  await expect(
    page.getByText(
      `Record 2 (id ${malformed!.id}), request ID req-bad-list: createdDateTime should be text, not the number 12345; authenticationDetails should be a list, not the text "none".`,
    ),
  ).toBeVisible()
  await expect(
    page.getByText(
      `Record 3 (id ${nullStatus!.id}), request ID req-bad-list: status should be an object, not null.`,
    ),
  ).toBeVisible()

  // The notice reads well to a screen reader in both themes. Reduced motion: Fluent's colour transitions end at
  // once, so the scan after the switch sees dark colours, not a mix of both themes.
  await logs.expectAxeClean()
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await logs.setTheme('Dark')
  await expect(page.locator('.fui-FluentProvider').first()).toHaveAttribute('data-theme', 'dark')
  await logs.expectAxeClean()

  // The row with null location and device opens, and its Location and Device info tabs draw.
  await rows.filter({ hasText: nullObjects!.id }).click()
  const pane = logs.detailsPane
  await expect(pane).toBeVisible()
  await pane.getByRole('tab', { name: 'Location' }).click()
  await expect(pane.getByRole('tabpanel', { name: 'Location' })).toBeVisible()
  await pane.getByRole('tab', { name: 'Device info' }).click()
  await expect(pane.getByRole('tabpanel', { name: 'Device info' })).toBeVisible()
  await expect(page.getByText(/could not be shown/)).toHaveCount(0)
  expect(unexpected).toEqual([])
})

test('a summary row with a bad aggregationDateTime is left out; the other group still expands', async ({
  page,
  context,
  logs,
}) => {
  const dayStart = new Date('2026-11-30T00:00:00Z')
  const [good, bad] = tenant.summariesInWindow('servicePrincipal', 'd1', dayStart)
  const unexpected = await routeGraph(context, {
    signIns: newestSignIns('servicePrincipal', 3),
    summaries: [good, { ...bad, aggregationDateTime: 'tomorrow-ish' }],
  })
  await logs.open('?tab=service-principal')
  await connect(page)

  const rows = logs.rows(logs.treegrid)
  await expect(rows).toHaveCount(1)
  await expect(page.getByText('1 group could not be read and is left out.')).toBeVisible()
  await page.getByText('What was wrong').click()
  await expect(
    page.getByText(
      `Record 2 (id ${bad!.id}), request ID req-bad-summary: aggregationDateTime should be a date and time, not the text "tomorrow-ish".`,
    ),
  ).toBeVisible()
  await rows.first().focus()
  await page.keyboard.press('ArrowRight')
  await expect(rows.first()).toHaveAttribute('aria-expanded', 'true')
  await expect(logs.treegrid.locator('tbody tr[aria-level="2"]').first()).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
  expect(unexpected).toEqual([])
})
