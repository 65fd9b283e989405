/**
 * Issue #11: Refresh reloads in place (an expanded group stays expanded with its sign-ins), and the keyboard
 * never gets stuck in a pane: a download done with the keyboard alone keeps focus in the pane, Escape closes it
 * and focus is back on the Download button that opened it.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { mockGraphExchanges, waitForMockGraphAnswer } from './mock-graph.ts'

const SUMMARY_REQUEST = /getSummarized\w+\(/i

test('Refresh reloads the data and keeps the expanded group with its sign-ins', async ({ logs, page }) => {
  await logs.open('?tab=service-principal')
  const tree = page.getByRole('treegrid', { name: 'Service principal sign-ins' })
  const group = logs.rows(tree).first()
  await expect(group).toBeVisible()
  const groupId = await group.getAttribute('data-row-id')
  await group.click()
  await expect(group).toHaveAttribute('aria-expanded', 'true')
  const children = tree.locator('tbody tr[aria-level="2"]')
  await expect(children.first()).toBeVisible()

  const seen = (await mockGraphExchanges(page)).length
  await page
    .getByRole('toolbar', { name: 'Sign-in logs commands' })
    .getByRole('button', { name: 'Refresh' })
    .click()
  const reload = await waitForMockGraphAnswer(page, SUMMARY_REQUEST, { seen })
  expect(reload.status).toBe(200)

  const sameGroup = tree.locator(`tbody tr[data-row-id="${groupId}"]`)
  await expect(sameGroup).toHaveAttribute('aria-expanded', 'true')
  await expect(children.first()).toBeVisible()
})

/** Tabs forward (at most `limit` times) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 20) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

test('keyboard-only download: focus stays in the pane, Escape closes it, focus is back on Download', async ({
  logs,
  page,
}) => {
  await logs.open('?range=7d')
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  const toolbarDownload = page
    .getByRole('toolbar', { name: 'Sign-in logs commands' })
    .getByRole('button', { name: 'Download' })
  await tabTo(page, toolbarDownload, 40)
  await page.keyboard.press('Enter')
  const csv = page.getByRole('menuitem', { name: 'Download CSV' })
  await expect(csv).toBeFocused()
  await page.keyboard.press('Enter')

  const pane = page.getByRole('dialog', { name: 'Download Sign-ins in CSV format' })
  await expect(pane).toBeVisible()
  const fileDownload = pane.getByRole('button', { name: 'Download', exact: true }).first()
  await tabTo(page, fileDownload)
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(download.suggestedFilename()).toMatch(/^InteractiveSignIns_.*\.csv$/)
  await expect(pane.getByText(/^Downloaded$/).first()).toBeVisible()
  // Still inside the pane, not on the page body: the pane hears the keyboard.
  expect(await pane.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  await expect(fileDownload).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(pane).toBeHidden()
  await expect(toolbarDownload).toBeFocused()
})

test('keyboard: when Cancel disappears focus returns to its file, and every dialog closes on Escape', async ({
  logs,
  page,
}) => {
  // A month of interactive sign-ins is more than one page: the download is still running when Cancel is pressed.
  await logs.open('?range=1m')
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  const toolbar = page.getByRole('toolbar', { name: 'Sign-in logs commands' })

  // Columns dialog: Escape closes it and focus returns to Columns.
  // The toolbar is one tab stop; arrow keys move inside it (Download, Export all sign-ins, Refresh, Columns, …).
  const columns = toolbar.getByRole('button', { name: 'Columns' })
  await tabTo(page, toolbar.getByRole('button', { name: 'Download' }), 40)
  for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight')
  await expect(columns).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Columns' })
  await expect(dialog).toBeVisible()
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(columns).toBeFocused()
  // Closed with the mouse, too: Fluent restores focus only after keyboard use, so it fell to the page's body.
  await columns.click()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(columns).toBeFocused()

  // Download pane: a slow download cancelled from the keyboard leaves focus on its Download button.
  const toolbarDownload = toolbar.getByRole('button', { name: 'Download' })
  for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowLeft')
  await expect(toolbarDownload).toBeFocused()
  await page.getByRole('combobox', { name: 'Mock scenario' }).selectOption('slow')
  await toolbarDownload.focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  const pane = page.getByRole('dialog', { name: 'Download Sign-ins in CSV format' })
  await expect(pane).toBeVisible()
  const fileDownload = pane.getByRole('button', { name: 'Download', exact: true }).first()
  await tabTo(page, fileDownload)
  await page.keyboard.press('Enter')
  const cancel = pane.getByRole('button', { name: 'Cancel' })
  await tabTo(page, cancel)
  await page.keyboard.press('Enter')
  await expect(pane.getByText('No file was saved.')).toBeVisible()
  await expect(fileDownload).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(pane).toBeHidden()
  await expect(toolbarDownload).toBeFocused()
})

test('keyboard: the connect dialog keeps focus inside, Escape closes it, focus is back on Data source', async ({
  logs,
  page,
}) => {
  await logs.open()
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  const picker = page.getByRole('combobox', { name: 'Data source' })
  await picker.focus()
  await picker.selectOption({ label: 'Microsoft Graph' })
  const dialog = page.getByRole('dialog', { name: 'Connect to Microsoft Graph' })
  await expect(dialog).toBeVisible()
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(picker).toBeFocused()
  // Closed with the mouse: focus is back on Data source too, not on the page's body.
  await picker.selectOption({ label: 'Microsoft Graph' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(picker).toBeFocused()
})
