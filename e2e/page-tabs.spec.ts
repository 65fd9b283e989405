import { mkdirSync } from 'node:fs'
import { test, expect } from './fixtures.ts'

const tabs = [
  { name: 'User sign-ins (interactive)', slug: 'interactive', role: 'grid' },
  { name: 'User sign-ins (non-interactive)', slug: 'non-interactive', role: 'treegrid' },
  { name: 'Service principal sign-ins', slug: 'service-principal', role: 'treegrid' },
  { name: 'Managed identity sign-ins', slug: 'managed-identity', role: 'treegrid' },
] as const

test.beforeAll(() => mkdirSync('/tmp/shots', { recursive: true }))

for (const theme of ['Light', 'Dark'] as const) {
  test(`every tab shows rows and is axe-clean in the ${theme} theme`, async ({ logs, page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await logs.open()
    if (theme === 'Dark') await logs.setTheme('Dark')
    for (const tab of tabs) {
      await logs.tab(tab.name).click()
      await expect(logs.tab(tab.name)).toHaveAttribute('aria-selected', 'true')
      const container = page.getByRole(tab.role, { name: tab.name })
      await expect(logs.rows(container).first()).toBeVisible()
      if (tab.role === 'treegrid') {
        // One expanded group, so the screenshot shows children too.
        await logs.rows(container).first().click()
        await expect(container.locator('tbody tr[aria-level="2"]').first()).toBeVisible()
      }
      await logs.expectAxeClean()
      await page.screenshot({ path: `/tmp/shots/${tab.slug}-${theme.toLowerCase()}.png` })
    }
  })
}

test('the theme choice survives a reload', async ({ logs, page }) => {
  await logs.open()
  await logs.setTheme('Dark')
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')
})
