import { test, expect } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'

test('the page opens with its title and no accessibility violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze()
  expect(results.violations).toEqual([])
})
