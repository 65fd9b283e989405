/**
 * Issue #12's investigation views in Chromium against the in-page fake (VITE_MOCK_SEED=7, now 2026-11-30T12:00Z):
 * the "All sign-ins" tab and Related sign-ins, each compared with what the fake's API answers for the same query.
 */
import type { Page } from '@playwright/test'
import type { BetaSignIn } from '../contract/sign-in.ts'
import { expect, test } from './fixtures.ts'
import { mockGraphRecords } from './mock-graph.ts'

const NOW = Date.parse('2026-11-30T12:00:00Z')
const SIGN_INS = 'https://graph.microsoft.com/beta/auditLogs/signIns'
const typeClauses = {
  interactiveUser: "signInEventTypes/any(t: t eq 'interactiveUser')",
  nonInteractiveUser: "signInEventTypes/any(t: t eq 'nonInteractiveUser')",
  servicePrincipal: "signInEventTypes/any(t: t eq 'servicePrincipal')",
  managedIdentity: "signInEventTypes/any(t: t eq 'managedIdentity')",
} as const
const typeLabels: Record<keyof typeof typeClauses, string> = {
  interactiveUser: 'Interactive user',
  nonInteractiveUser: 'Non-interactive user',
  servicePrincipal: 'Service principal',
  managedIdentity: 'Managed identity',
}
const allTypes = `signInEventTypes/any(t: ${Object.keys(typeClauses)
  .map((type) => `t eq '${type}'`)
  .join(' or ')})`

/** Every record of one query, paged to the end from the page through the fake Graph, as the app's client asks. */
function apiRecords(page: Page, filter: string): Promise<BetaSignIn[]> {
  const first = `${SIGN_INS}?${new URLSearchParams({ $filter: filter, $top: '1000' }).toString()}`
  return mockGraphRecords<BetaSignIn>(page, first)
}

const newestFirst = (a: BetaSignIn, b: BetaSignIn) =>
  Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const typeOf = (record: BetaSignIn) => record.signInEventTypes[0] as keyof typeof typeClauses
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')
const rangeFilter = (from: string, to: string) => `createdDateTime ge ${from} and createdDateTime le ${to}`

/** The four types' sign-ins in a range, merged newest first: what the All tab must show. */
async function mergedFromApi(page: Page, from: string, to: string): Promise<BetaSignIn[]> {
  const lists = await Promise.all(
    Object.entries(typeClauses).map(([type, clause]) =>
      apiRecords(
        page,
        type === 'interactiveUser' ? rangeFilter(from, to) : `${clause} and ${rangeFilter(from, to)}`,
      ),
    ),
  )
  return lists.flat().sort(newestFirst)
}

/** The shortest stretch of the last hour holding sign-ins of all four types: a view that fits on one screen. */
async function windowWithAllFourTypes(page: Page): Promise<{ start: string; end: string }> {
  const records = await mergedFromApi(page, isoSeconds(NOW - 3_600_000), isoSeconds(NOW))
  let best: { from: number; to: number } | null = null
  for (let first = 0; first < records.length; first++) {
    const seen = new Set<string>()
    for (let last = first; last < records.length && last - first < 15; last++) {
      seen.add(typeOf(records[last]!))
      if (seen.size === 4) {
        const to = Date.parse(records[first]!.createdDateTime)
        const from = Date.parse(records[last]!.createdDateTime)
        if (!best || to - from < best.to - best.from) best = { from, to }
        break
      }
    }
  }
  if (!best) throw new Error('no stretch of the last hour holds sign-ins of all four types')
  const start = Math.floor(best.from / 1000) * 1000
  const end = Math.min(Math.floor(best.to / 1000) * 1000 + 1000, NOW)
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() }
}

for (const theme of ['Light', 'Dark'] as const) {
  test(`All sign-ins shows the four types merged as the API answers them, axe-clean (${theme})`, async ({
    logs,
    page,
  }) => {
    // Several API queries from the page and axe scans, on a shared 2-core machine.
    test.slow()
    await page.setViewportSize({ width: 1440, height: 900 })
    await logs.open()
    if (theme === 'Dark') await logs.setTheme('Dark')
    await expect(logs.rows().first()).toBeVisible()
    const range = await windowWithAllFourTypes(page)
    await logs.tab('All sign-ins').click()
    await expect(page).toHaveURL(/tab=all/)
    // The custom range goes through the URL, as a shared view would.
    await logs.open(
      `?tab=all&range=custom&start=${encodeURIComponent(range.start)}&end=${encodeURIComponent(range.end)}`,
    )
    const grid = page.getByRole('grid', { name: 'All sign-ins' })
    await expect(logs.rows(grid).first()).toBeVisible()
    const expected = await mergedFromApi(
      page,
      isoSeconds(Date.parse(range.start)),
      isoSeconds(Math.ceil(Date.parse(range.end) / 1000) * 1000),
    )
    expect(new Set(expected.map(typeOf)).size).toBe(4)
    await expect(page.getByText(`All ${expected.length} matching sign-ins of the range`)).toBeVisible()
    const rows = logs.rows(grid)
    await expect(rows).toHaveCount(expected.length)
    const shownIds = await rows.evaluateAll((elements) =>
      elements.map((element) => (element.getAttribute('data-row-id') ?? '').slice(-36)),
    )
    expect(shownIds).toEqual(expected.map((record) => record.id))
    const shownTypes = await rows.evaluateAll((elements) =>
      elements.map((element) => element.querySelectorAll('td')[1]?.textContent ?? ''),
    )
    expect(shownTypes).toEqual(expected.map((record) => typeLabels[typeOf(record)]))
    await logs.expectAxeClean()

    // The details pane opens from the merged timeline for any type.
    const managed = expected.findIndex((record) => typeOf(record) === 'managedIdentity')
    await rows.nth(managed).click()
    await expect(logs.detailsPane).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`selected=${expected[managed]!.id}`))
    await expect(logs.detailsPane.getByRole('tab', { name: 'Related sign-ins' })).toBeVisible()
  })

  test(`Related sign-ins equals the API's answer for the correlation ID, and rows open their details (${theme})`, async ({
    logs,
    page,
  }) => {
    // Several API queries from the page and axe scans, on a shared 2-core machine.
    test.slow()
    await page.setViewportSize({ width: 1440, height: 900 })
    await logs.open()
    if (theme === 'Dark') await logs.setTheme('Dark')
    await expect(logs.rows().first()).toBeVisible()
    // An interactive sign-in whose session refreshed tokens: its correlation ID spans two log types.
    const month = rangeFilter(isoSeconds(NOW - 29 * 86_400_000), isoSeconds(NOW))
    let start: BetaSignIn | undefined
    let related: BetaSignIn[] = []
    for (const candidate of await apiRecords(page, month)) {
      related = await apiRecords(page, `${allTypes} and correlationId eq '${candidate.correlationId ?? ''}'`)
      if (related.some((record) => typeOf(record) === 'nonInteractiveUser')) {
        start = candidate
        break
      }
    }
    if (!start) throw new Error('no interactive sign-in of the last month has token refreshes')
    related.sort(newestFirst)
    expect(related.length).toBeGreaterThan(1)

    // A URL with `selected=` opens the details pane, a modal that hides the page's heading from the
    // accessibility tree as soon as it opens: wait for the pane, not for open()'s heading.
    await page.goto(`/?range=1m&selected=${start.id}`)
    const pane = logs.detailsPane
    await expect(pane).toBeVisible()
    await pane.getByRole('tab', { name: 'Related sign-ins' }).click()
    const table = pane.getByRole('table', { name: 'Sign-ins with the same correlation ID' })
    const bodyRows = table.locator('tbody tr')
    await expect(bodyRows).toHaveCount(related.length)
    const shownTypes = await bodyRows.evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''),
    )
    expect(shownTypes).toEqual(related.map((record) => typeLabels[typeOf(record)]))
    await expect(pane.getByText(/Graph cannot filter on session ID/)).toBeVisible()
    await expect(pane.getByRole('table', { name: 'Sign-ins in the same session' })).toBeVisible()
    await logs.expectAxeClean()

    // Keyboard: the first related row's link opens that sign-in; Back returns to this one.
    const other = related.find((record) => record.id !== start.id)!
    const link = table.getByRole('button', { name: /^Open the .+ sign-in of / }).first()
    await link.focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`selected=${other.id}`))
    await expect(pane.getByRole('tab', { name: 'Basic info' })).toBeFocused()
    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`selected=${start.id}`))
    await expect(pane).toBeVisible()
  })
}
