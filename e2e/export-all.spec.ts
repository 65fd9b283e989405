/**
 * "Export all sign-ins" end to end (issue #13) in Chromium, with real OPFS (through the worker) and IndexedDB:
 * all four types, the page reloaded mid-way, the export resumed from its IndexedDB checkpoint under the `flaky`
 * scenario, every file saved through a normal download and its ids compared with the API's answer for that type;
 * and Cancel deleting the partial files from OPFS. The range is 30 days, not the 24 hours: the small e2e
 * tenant's 24 hours are one page per type, so a reload could not land inside a type.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { BetaSignIn } from '../contract/sign-in.ts'
import type { ExportManifest } from '../src/features/sign-in-logs/export/all/manifest.ts'
import { SignInLogsPage, expect, test } from './fixtures.ts'
import { mockGraphRecords } from './mock-graph.ts'

/** Every console error fails the test: the flaky fake's refusals never reach the network (e2e/mock-graph.ts). */
function guardConsole(page: Page): string[] {
  const unexpected: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') unexpected.push(message.text())
  })
  page.on('pageerror', (error) => unexpected.push(error.message))
  return unexpected
}

async function openDrawer(page: Page) {
  await page.getByRole('button', { name: 'Export all sign-ins' }).click()
  const drawer = page.getByRole('dialog', { name: 'Export all sign-ins' })
  await expect(drawer).toBeVisible()
  return drawer
}

async function startExportAndReloadMidway(page: Page, logs: SignInLogsPage) {
  await logs.open('?tab=interactive')
  // The small e2e tenant's 24 hours are one 1,000-record page per type, so no type can be reloaded mid-way; its
  // 30 days give non-interactive three pages. Under `slow` (0.6–1.5 s a response) the reload then lands
  // deterministically after that type's first checkpointed page and before its last.
  await page.getByRole('combobox', { name: 'Mock scenario' }).selectOption('slow')
  const drawer = await openDrawer(page)
  await expect(drawer.getByRole('combobox', { name: 'Range' })).toHaveValue('24h')
  await drawer.getByRole('combobox', { name: 'Range' }).selectOption('30d')
  await expect(drawer.getByRole('region', { name: 'Plan' }).getByRole('listitem')).toHaveText([
    'User sign-ins (interactive): NDJSON',
    'User sign-ins (non-interactive): NDJSON',
    'Service principal sign-ins: NDJSON',
    'Managed identity sign-ins: NDJSON',
  ])
  await drawer.getByRole('button', { name: 'Start export' }).click()
  // Mid-way: the job has written its first page (a checkpoint is in IndexedDB) and is still running.
  await expect(drawer.getByRole('progressbar').first()).toHaveAttribute(
    'aria-valuetext',
    /^[1-9][\d,]* records/,
  )
  await expect(drawer.getByRole('button', { name: /^Pause Export/ })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in logs' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Mock scenario' }).selectOption('flaky')
  const reopened = await openDrawer(page)
  await expect(reopened.getByText('Status: Unfinished')).toBeVisible()
  // The rest runs under `flaky`: 503/504 and dropped connections, retried by the client.
  return reopened
}

async function saveFile(page: Page, drawer: ReturnType<Page['getByRole']>, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    drawer.getByRole('button', { name: `Save ${name}`, exact: true }).click(),
  ])
  expect(download.suggestedFilename()).toBe(name)
  return readFile(await download.path(), 'utf8')
}

/** The API's answer for one type: its $filter paged to the end from the page through the fake Graph. */
async function apiIds(page: Page, filter: string): Promise<string[]> {
  const first = `https://graph.microsoft.com/beta/auditLogs/signIns?$filter=${encodeURIComponent(filter)}&$top=1000`
  return (await mockGraphRecords<{ id: string }>(page, first)).map((record) => record.id)
}

test('all four types of 30 days survive a reload mid-way, resume, and save files equal to the API', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const unexpected = guardConsole(page)
  const logs = new SignInLogsPage(page)
  const drawer = await startExportAndReloadMidway(page, logs)
  await drawer.getByRole('button', { name: /^Resume Export/ }).click()
  await expect(drawer.locator('output')).toHaveText('Export finished.', { timeout: 120_000 })
  await expect(drawer.getByText(/^Storage used: .+ of .+ quota/)).toBeVisible()

  const manifest = JSON.parse(await saveFile(page, drawer, 'manifest.json')) as ExportManifest
  expect(manifest.files.map((file) => file.name.replace(/_.*/, ''))).toEqual([
    'InteractiveSignIns',
    'NonInteractiveSignIns',
    'ApplicationSignIns',
    'MSISignIns',
  ])
  // The API is asked without faults: the comparison is about the export, not the fake's flakiness.
  await page.getByRole('combobox', { name: 'Mock scenario' }).selectOption('none')
  for (const file of manifest.files) {
    const text = await saveFile(page, drawer, file.name)
    const ids = text
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as BetaSignIn).id)
    expect(ids, file.name).toEqual(await apiIds(page, file.filter))
    expect(file.records, file.name).toBe(ids.length)
  }

  // Reduced motion: Fluent's colour transitions end at once, so the scan after a switch sees one theme's colours.
  await page.emulateMedia({ reducedMotion: 'reduce' })
  for (const theme of ['Light', 'Dark'] as const) {
    await logs.setTheme(theme)
    await expect(page.locator('.fui-FluentProvider').first()).toHaveAttribute(
      'data-theme',
      theme.toLowerCase(),
    )
    await logs.expectAxeClean()
  }
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(page.getByRole('button', { name: 'Export all sign-ins' })).toBeFocused()
  expect(unexpected).toEqual([])
})

test('Cancel deletes the partial files of an unfinished export', async ({ page }) => {
  test.setTimeout(120_000)
  const unexpected = guardConsole(page)
  const drawer = await startExportAndReloadMidway(page, new SignInLogsPage(page))
  const stored = () =>
    page.evaluate(async () => {
      const root = await navigator.storage.getDirectory()
      const exports = await root.getDirectoryHandle('exports', { create: true })
      const names: string[] = []
      for await (const [name] of exports as unknown as AsyncIterable<[string, FileSystemHandle]>)
        names.push(name)
      return names
    })
  expect(await stored()).toHaveLength(1)
  await drawer.getByRole('button', { name: /^Cancel Export/ }).click()
  await expect(drawer.locator('output')).toHaveText('Export cancelled and its files deleted.')
  await expect(drawer.getByText('No exports stored in this browser.')).toBeVisible()
  expect(await stored()).toEqual([])
  expect(unexpected).toEqual([])
})
