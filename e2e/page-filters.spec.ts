import { test, expect } from './fixtures.ts'

test('add and remove a filter pill: the Graph query follows', async ({ logs, page }) => {
  await logs.open()
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  await logs.addStatusFilter('Success')
  await expect(page).toHaveURL(/Success/)
  // The fake Graph applies `status/errorCode eq 0`: every row that comes back is a success.
  const statusCells = logs.rows(logs.grid).locator('td:nth-child(5)')
  await expect(statusCells.first()).toHaveText('Success')
  expect(new Set(await statusCells.allTextContents())).toEqual(new Set(['Success']))

  // Failure has no single Graph predicate, so it is classified on loaded rows (§4.1) and the pill says so.
  await page.getByRole('button', { name: 'Status : Success', exact: true }).click()
  await page.getByRole('radio', { name: 'Failure', exact: true }).click()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(
    page.getByRole('button', { name: 'Status : Failure (applied to loaded rows)', exact: true }),
  ).toBeVisible()
  await expect(page).toHaveURL(/Failure/)

  await page.getByRole('button', { name: /Remove filter Status$/ }).click()
  await expect(page.getByRole('button', { name: /^Status : / })).toHaveCount(0)
  await expect(page).not.toHaveURL(/Failure/)
})

test('custom time interval validates typed and pasted date-times inline', async ({ logs, page }) => {
  await logs.open()
  await page.getByRole('button', { name: 'Date : Last 24 hours' }).click()
  await page.getByRole('radio', { name: 'Custom time interval' }).click()
  const start = page.getByRole('textbox', { name: 'Start' })
  const end = page.getByRole('textbox', { name: 'End' })
  await start.fill('2026-11-29T10:00:00Z')
  await end.fill('2026-11-29T08:00:00Z')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByText('End must be after start')).toBeVisible()
  await start.fill('2026-09-01 10:00')
  await expect(page.getByText('Start must be within the last 30 days')).toBeVisible()
  await start.fill('not a date')
  await expect(page.getByText(/Enter a date and time/).first()).toBeVisible()
  await logs.expectAxeClean()
  await start.fill('2026-11-29T06:00:00Z')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/custom/)
  await expect(page.getByRole('button', { name: /^Date : / })).not.toHaveText('Date : Last 24 hours')
})

test('URL round-trip: reload keeps the view, Back/Forward move between views', async ({ logs, page }) => {
  await logs.open()
  await logs.tab('Service principal sign-ins').click()
  await expect(page).toHaveURL(/tab=service-principal/)
  await page.getByRole('button', { name: 'Show dates as : Local' }).click()
  await page.getByRole('radio', { name: 'UTC' }).click()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('button', { name: 'Show dates as : UTC' })).toBeVisible()
  await page.reload()
  await expect(logs.tab('Service principal sign-ins')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('button', { name: 'Show dates as : UTC' })).toBeVisible()
  await expect(logs.rows(logs.treegrid).first()).toContainText('UTC')
  await page.goBack()
  await expect(page.getByRole('button', { name: 'Show dates as : Local' })).toBeVisible()
  await page.goBack()
  await expect(logs.tab('User sign-ins (interactive)')).toHaveAttribute('aria-selected', 'true')
  await page.goForward()
  await expect(logs.tab('Service principal sign-ins')).toHaveAttribute('aria-selected', 'true')
})

test('scenario picker: a failing Graph shows its state with Retry', async ({ logs, page }) => {
  await logs.open()
  await expect(logs.rows(logs.grid).first()).toBeVisible()
  await page.getByRole('combobox', { name: 'Mock scenario' }).selectOption('non-premium')
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible()
  await expect(page.getByText(/Code: /)).toBeVisible()
  // The fake's 403 never reaches the network, so the console stays clean (the fixture checks it).
})

test('scenario picker: a chunk that failed to load comes back with Retry, without a reload', async ({
  logs,
  page,
  consoleErrors,
}) => {
  let refused = 0
  // The first request for the picker's chunk fails as a dropped connection would; the Retry's request goes through.
  await page
    .context()
    .route(/\/assets\/ScenarioPicker-[\w-]+\.js$/, (route) =>
      refused++ === 0 ? route.abort('connectionfailed') : route.continue(),
    )
  await logs.open()
  await expect(page.getByText('The mock scenario picker could not be shown')).toBeVisible()
  await logs.expectAxeClean()
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('combobox', { name: 'Mock scenario' })).toBeVisible()
  await expect(page.getByText('The mock scenario picker could not be shown')).toBeHidden()
  expect(refused).toBe(2)
  // The refused chunk as the browser and React report it: that is the failure this test makes, not an app error.
  const expected =
    /ScenarioPicker|net::ERR_CONNECTION_FAILED|dynamically imported module|The above error occurred/
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((text) => !expected.test(text)))
})
