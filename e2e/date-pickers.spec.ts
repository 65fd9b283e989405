/** Issue #11: the custom interval's calendar and time picker, with the keyboard, axe clean in both themes. */
import { expect, test } from './fixtures.ts'

for (const theme of ['Light', 'Dark'] as const) {
  test(`custom interval pickers set Start and End (${theme}), axe clean while open`, async ({
    logs,
    page,
  }) => {
    await logs.open()
    if (theme === 'Dark') await logs.setTheme('Dark')
    await page.getByRole('button', { name: 'Date : Last 24 hours' }).click()
    await page.getByRole('radio', { name: 'Custom time interval' }).click()

    const startDate = page.getByRole('combobox', { name: 'Start date' })
    await startDate.click()
    const calendar = page.locator('[role=dialog]').filter({ hasText: 'November 2026' }).last()
    await expect(calendar).toBeVisible()
    await logs.expectAxeClean()
    // The calendar opens on the selected day (29th, from the typed text); the keyboard moves to the 28th.
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await expect(calendar).toBeHidden()
    await expect(page.getByRole('textbox', { name: 'Start', exact: true })).toHaveValue(/^2026-11-28 /)

    const endTime = page.getByRole('combobox', { name: 'End time' })
    await endTime.click()
    await expect(page.getByRole('option', { name: '09:00' })).toBeVisible()
    await logs.expectAxeClean()
    await page.getByRole('option', { name: '09:00' }).click()
    await expect(page.getByRole('textbox', { name: 'End', exact: true })).toHaveValue(/ 09:00$/)

    await page.getByRole('textbox', { name: 'Start', exact: true }).fill('2026-11-29T06:00:00Z')
    await page.getByRole('textbox', { name: 'End', exact: true }).fill('2026-11-30 10:00Z')
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/range=custom/)
    await expect(page).toHaveURL(/start=2026-11-29T06/)
  })
}
