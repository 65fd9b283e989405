import { test, expect } from './fixtures.ts'

const bars = (page: import('@playwright/test').Page) =>
  page.getByRole('listbox', { name: /^Sign-ins per hour/ }).getByRole('option')

test('selecting a histogram bar narrows the range to its hour; Back restores it', async ({ logs, page }) => {
  await logs.open()
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  await expect(
    page.getByText(/^(From [\d,]+ of the range's sign-ins loaded|All [\d,]+ sign-ins)/),
  ).toBeVisible()
  const busy = page.getByRole('option', { name: /: [1-9][\d,]* sign-ins?:/ })
  const bar = busy.last()
  const name = (await bar.getAttribute('aria-label')) ?? ''
  expect(name).toMatch(/ to .*: [\d,]+ sign-ins?: [\d,]+ success, [\d,]+ failure, [\d,]+ interrupted$/)
  await bar.click()
  await expect(page).toHaveURL(/range=custom/)
  const url = new URL(page.url())
  const start = Date.parse(url.searchParams.get('start') ?? '')
  const end = Date.parse(url.searchParams.get('end') ?? '')
  expect(end - start).toBeLessThanOrEqual(3_600_000)
  expect(start % 3_600_000 === 0 || end % 3_600_000 === 0).toBe(true)
  await expect(page.getByRole('button', { name: /^Date : / })).not.toHaveAccessibleName(
    'Date : Last 24 hours',
  )
  // Every row shown lies in the chosen hour.
  await expect(logs.rows(logs.grid).first()).toBeVisible()

  await page.goBack()
  await expect(page).not.toHaveURL(/range=custom/)
  await expect(page.getByRole('button', { name: 'Date : Last 24 hours' })).toBeVisible()
})

test('on a grouped tab, Shift+arrows extend the selection and Enter applies it; the table gives the same numbers', async ({
  logs,
  page,
}) => {
  await logs.open('?tab=non-interactive')
  await expect(logs.rows(logs.treegrid).first()).toBeVisible()
  await expect(page.getByText(/^All [\d,]+ sign-ins of the range, from the hourly summaries$/)).toBeVisible()
  const count = await bars(page).count()
  expect(count).toBeGreaterThanOrEqual(24)
  const names = await bars(page).evaluateAll((options) => options.map((o) => o.getAttribute('aria-label')))

  await page.getByRole('switch', { name: 'Show as table' }).click()
  const table = page.getByRole('table', { name: 'Sign-ins per hour' })
  await expect(table.getByRole('row')).toHaveCount(count + 1)
  const last = names.at(-1) ?? ''
  const [, success, failure, interrupted] =
    /([\d,]+) success, ([\d,]+) failure, ([\d,]+) interrupted$/.exec(last) ?? []
  await expect(table.getByRole('row').last().getByRole('cell')).toHaveText([
    /.+/,
    success ?? '',
    failure ?? '',
    interrupted ?? '',
    /[\d,]+/,
  ])
  await page.getByRole('switch', { name: 'Show as table' }).click()

  const chart = page.getByRole('listbox', { name: /^Sign-ins per hour/ })
  await chart.focus()
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(chart.locator('[aria-selected=true]')).toHaveCount(3)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/range=custom/)
  const url = new URL(page.url())
  expect(
    Date.parse(url.searchParams.get('end') ?? '') - Date.parse(url.searchParams.get('start') ?? ''),
  ).toBe(3 * 3_600_000)
  await page.goBack()
  await expect(page).not.toHaveURL(/range=custom/)
})

test('top values list counts and shares; "Filter for" adds the pill and the rows follow; axe is clean in both themes', async ({
  logs,
  page,
}) => {
  await logs.open()
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  await page.getByRole('button', { name: 'Top values' }).click()
  const panel = page.getByRole('dialog', { name: 'Top values' })
  await expect(panel.getByRole('combobox', { name: 'Column' })).toHaveValue('status')
  const table = panel.getByRole('table', { name: 'Top values of Status' })
  await expect(table.getByRole('row').nth(1)).toBeVisible()
  await expect(panel.getByText(/^Over (all|the) [\d,]+ sign-ins/)).toBeVisible()
  const shares = (await table.locator('tbody tr td:nth-child(3)').allTextContents()).map((text) =>
    parseFloat(text),
  )
  expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(100, 0)

  for (const theme of ['Light', 'Dark'] as const) {
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await logs.setTheme(theme)
    await page.getByRole('button', { name: 'Top values' }).click()
    await expect(table.getByRole('row').nth(1)).toBeVisible()
    await logs.expectAxeClean()
  }

  await panel.getByRole('combobox', { name: 'Column' }).selectOption({ label: 'Application' })
  const appTable = panel.getByRole('table', { name: 'Top values of Application' })
  const firstApp = (await appTable.locator('tbody tr td').first().textContent()) ?? ''
  expect(firstApp).not.toBe('')
  await appTable.getByRole('button', { name: `Filter for ${firstApp}`, exact: true }).click()
  await expect(page).toHaveURL(/user\.application=/)
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('button', { name: `Application : ${firstApp}`, exact: true })).toBeVisible()
  const appCells = logs.rows(logs.grid).locator('td:nth-child(4)')
  await expect(appCells.first()).toHaveText(firstApp)
  for (const text of await appCells.allTextContents()) expect(text.startsWith(firstApp)).toBe(true)
})

test('"Filter out" adds an "is not" pill, applied to the loaded rows, and the value leaves the grid', async ({
  logs,
  page,
}) => {
  await logs.open()
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  await page.getByRole('button', { name: 'Top values' }).click()
  const panel = page.getByRole('dialog', { name: 'Top values' })
  const table = panel.getByRole('table', { name: 'Top values of Status' })
  await table.getByRole('button', { name: 'Filter out Success', exact: true }).click()
  await expect(page).toHaveURL(/user\.not\.status=Success/)
  // The list follows the filter: Success is no longer among the values.
  await expect(table.getByRole('button', { name: 'Filter out Failure', exact: true })).toBeVisible()
  await expect(table.getByRole('button', { name: 'Filter out Success', exact: true })).toHaveCount(0)
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(
    page.getByRole('button', { name: 'Status : is not Success (applied to loaded rows)', exact: true }),
  ).toBeVisible()
  const statusCells = logs.rows(logs.grid).locator('td:nth-child(5)')
  await expect(statusCells.first()).not.toHaveText('Success')
  const statuses = new Set(await statusCells.allTextContents())
  expect(statuses.size).toBeGreaterThan(0)
  expect(statuses.has('Success')).toBe(false)

  await page.goBack()
  await expect(page).not.toHaveURL(/not\.status/)
  await expect(statusCells.filter({ hasText: /^Success$/ }).first()).toBeVisible()
})

test('"All sign-ins" has the histogram and top values of its loaded merged rows', async ({ logs, page }) => {
  await logs.open('?tab=all')
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  await expect(
    page.getByText(/^(From [\d,]+ of the range's sign-ins loaded|All [\d,]+ sign-ins of the range)/),
  ).toBeVisible()
  await expect(bars(page).first()).toBeVisible()
  await page.getByRole('button', { name: 'Top values' }).click()
  const panel = page.getByRole('dialog', { name: 'Top values' })
  await expect(
    panel.getByRole('table', { name: 'Top values of Status' }).getByRole('row').nth(1),
  ).toBeVisible()
})
