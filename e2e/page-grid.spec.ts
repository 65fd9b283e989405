import { test, expect } from './fixtures.ts'

test('treegrid keyboard: arrows, expand/collapse, Home/End, Enter opens a child', async ({ logs, page }) => {
  await logs.open('?tab=non-interactive')
  const tree = logs.treegrid
  const first = logs.rows(tree).first()
  await expect(first).toBeVisible()
  await first.focus()
  await expect(first).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('ArrowRight')
  await expect(first).toHaveAttribute('aria-expanded', 'true')
  const child = tree.locator('tbody tr[aria-level="2"]').first()
  await expect(child).toBeVisible()
  await expect(child).toHaveAttribute('aria-posinset', '1')
  await page.keyboard.press('ArrowRight')
  await expect(child).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(child).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(logs.detailsPane).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(logs.detailsPane).toBeHidden()
  await expect(child).toBeFocused()
  await page.keyboard.press('Home')
  await expect(first).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(first).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('End')
  await expect(page.locator(':focus')).toHaveAttribute('aria-level', '1')
})

test('details pane: fields, copy with confirmation, Escape returns focus to the row', async ({
  logs,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await logs.open()
  const row = logs.rows(logs.grid).first()
  await expect(row).toBeVisible()
  const requestId = await row.getAttribute('data-row-id')
  await row.click()
  await expect(logs.detailsPane).toBeVisible()
  await expect(logs.detailsPane.getByText(requestId!, { exact: true })).toBeVisible()
  await logs.detailsPane.getByRole('button', { name: 'Copy to clipboard: Request ID' }).click()
  await expect(logs.detailsPane.getByText('Copied', { exact: true }).first()).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requestId)
  await logs.detailsPane.getByRole('tab', { name: 'Device info' }).click()
  await expect(logs.detailsPane.getByText('Operating System')).toBeVisible()
  await logs.expectAxeClean()
  await page.keyboard.press('Escape')
  await expect(logs.detailsPane).toBeHidden()
  await expect(page.locator(`[data-row-id="${requestId}"]`)).toBeFocused()
})

test('a selected id in the URL opens its details after a reload, even if the row is not loaded', async ({
  logs,
  page,
}) => {
  await logs.open()
  const row = logs.rows(logs.grid).first()
  const requestId = await row.getAttribute('data-row-id')
  await row.click()
  await expect(logs.detailsPane).toBeVisible()
  await page.reload()
  await expect(logs.detailsPane).toBeVisible()
  await expect(logs.detailsPane.getByText(requestId!, { exact: true })).toBeVisible()
})
