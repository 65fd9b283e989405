import { test as base, expect, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'

/**
 * Every page test fails on a console error or an uncaught exception (brief: "console free of
 * errors"); the Sign-in logs page object comes ready.
 */
export const test = base.extend<{ consoleErrors: string[]; logs: SignInLogsPage }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await use(errors)
    expect(errors, 'console errors').toEqual([])
  },
  logs: async ({ page, consoleErrors }, use) => {
    void consoleErrors
    await use(new SignInLogsPage(page))
  },
})
export { expect }

export class SignInLogsPage {
  constructor(readonly page: Page) {}

  async open(search = '') {
    await this.page.goto(`/${search}`)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
  }

  tab(name: string) {
    return this.page
      .getByRole('tablist', { name: 'Sign-in log type' })
      .getByRole('tab', { name, exact: true })
  }

  get grid() {
    return this.page.getByRole('grid')
  }

  get treegrid() {
    return this.page.getByRole('treegrid')
  }

  /** Data rows (header row is aria-rowindex 1). */
  rows(container = this.page.locator('[role=grid],[role=treegrid]')) {
    return container.locator('tbody tr')
  }

  get detailsPane() {
    return this.page.getByRole('dialog', { name: 'Activity Details: Sign-ins' })
  }

  /** Adds a Status pill through Add filters, as a user does, and waits for the pill. */
  async addStatusFilter(status: 'Success' | 'Failure' | 'Interrupted') {
    await this.page.getByRole('button', { name: 'Add filters' }).click()
    await this.page.getByRole('checkbox', { name: 'Status', exact: true }).click()
    await this.page.getByRole('button', { name: 'Apply' }).click()
    await this.page.getByRole('radio', { name: status, exact: true }).click()
    await this.page.getByRole('button', { name: 'Apply' }).click()
    await expect(this.page.getByRole('button', { name: `Status : ${status}`, exact: true })).toBeVisible()
  }

  async setTheme(name: 'Light' | 'Dark') {
    await this.page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: name })
  }

  async expectAxeClean() {
    const results = await new AxeBuilder({ page: this.page }).exclude('[data-tabster-dummy]').analyze()
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([])
  }
}
