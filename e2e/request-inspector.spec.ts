import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'
import { mockGraphExchanges, type MockGraphExchange } from './mock-graph.ts'

/** One Graph call as the fake Graph received it (mock mode: the in-page fake's own list, e2e/mock-graph.ts). */
interface SeenRequest {
  status: string
  path: string
  filter: string | null
}

/** Laid-out and one-line filters compare equal: parentheses hug their contents, runs of spaces are one. */
function normalizeFilter(filter: string | null): string | null {
  return filter === null
    ? null
    : filter.replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').replace(/\s+/g, ' ').trim()
}

function seenRequest(exchange: MockGraphExchange): SeenRequest {
  // Decoded once, as the inspector decodes it (URLSearchParams would read a '+' as a space).
  const [path, query = ''] = exchange.url.replace('https://graph.microsoft.com', '').split('?')
  const raw = query.split('&').find((pair) => pair.startsWith('$filter='))
  return {
    status: String(exchange.status),
    path: decodeURIComponent(path!),
    filter: normalizeFilter(raw ? decodeURIComponent(raw.slice('$filter='.length)) : null),
  }
}

async function inspectorEntries(page: Page): Promise<SeenRequest[]> {
  const pane = page.getByRole('dialog', { name: 'Request inspector' })
  const articles = pane.getByRole('list', { name: 'Graph requests, newest first' }).getByRole('article')
  const entries: SeenRequest[] = []
  for (const article of await articles.all()) {
    const heading = (await article.getByRole('heading', { level: 3 }).textContent()) ?? ''
    const [, status, path] = /^(\d+|failed)GET (.*)$/.exec(heading) ?? []
    const filterBlock = article.getByLabel('Query parameter $filter', { exact: true })
    const filter = (await filterBlock.count()) ? await filterBlock.textContent() : null
    entries.push({ status: status ?? heading, path: path ?? heading, filter: normalizeFilter(filter) })
  }
  return entries
}

const byText = (a: SeenRequest, b: SeenRequest) => JSON.stringify(a).localeCompare(JSON.stringify(b))

test('the inspector lists the same Graph requests the fake Graph received, copies curl without the token, axe clean in both themes', async ({
  logs,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await logs.open()
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  // A filter pill makes the $filter an and-chain, so the layout has something to lay out.
  await logs.addStatusFilter('Success')
  await expect(logs.rows(logs.grid).first()).toBeVisible()

  const opener = page.getByRole('button', { name: 'Request inspector' })
  await opener.click()
  const pane = page.getByRole('dialog', { name: 'Request inspector' })
  await expect(pane).toBeVisible()
  // Newest first in the pane, in asking order in the fake: compare as sets of (status, path, filter), once
  // nothing is in flight any more.
  let received: MockGraphExchange[] = []
  await expect(async () => {
    received = await mockGraphExchanges(page)
    const shown = await inspectorEntries(page)
    expect(shown.length).toBeGreaterThan(0)
    expect([...shown].sort(byText)).toEqual(received.map(seenRequest).sort(byText))
  }).toPass({ timeout: 30_000 })
  const filters = received.map((exchange) => seenRequest(exchange).filter ?? '')
  expect(filters.some((filter) => filter.includes('status/errorCode eq 0') && / and /.test(filter))).toBe(
    true,
  )
  // The layout itself: an and-chain is one clause a line.
  const newestFilter = await pane.getByLabel('Query parameter $filter', { exact: true }).first().textContent()
  expect(newestFilter).toMatch(/\nand /)

  // The page did send a token; the copy carries $TOKEN instead.
  const tokens = [
    ...new Set(received.map((exchange) => (exchange.authorization ?? '').replace(/^Bearer /, ''))),
  ]
  expect(tokens.length).toBeGreaterThan(0)
  await pane.getByRole('button', { name: 'Copy as curl' }).first().click()
  const curl = await page.evaluate(() => navigator.clipboard.readText())
  expect(curl).toContain('Authorization: Bearer $TOKEN')
  for (const token of tokens) {
    expect(token.length).toBeGreaterThan(0)
    expect(curl).not.toContain(token)
    expect(await pane.textContent()).not.toContain(token)
  }

  await logs.expectAxeClean()
  await page.keyboard.press('Escape')
  await expect(pane).toBeHidden()
  await expect(opener).toBeFocused()

  await logs.setTheme('Dark')
  await opener.press('Enter')
  await expect(pane).toBeVisible()
  await expect(pane.getByRole('article').first()).toBeVisible()
  await logs.expectAxeClean()
})
