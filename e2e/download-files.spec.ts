/**
 * Downloads end to end (issues #5, #13, downloads.md): each tab × format through the toolbar's Download
 * menu, the real file streamed into the Origin Private File System and handed to the browser as a normal
 * download (no save picker: Playwright's `download` event receives it), parsed, and compared with the API's
 * answer for the same query — paged straight through the in-page fake Graph (e2e/mock-graph.ts).
 */
import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import type { Page } from '@playwright/test'
import {
  mockGraphExchanges,
  mockGraphRecords,
  waitForMockGraphAnswer,
  type MockGraphWindow,
} from './mock-graph.ts'
import type { BetaSignIn } from '../contract/sign-in.ts'
import {
  AUTH_DETAILS_HEADER,
  MSI_HEADER_UNVERIFIED,
  SERVICE_PRINCIPAL_SIGN_INS_HEADER,
  USER_SIGN_INS_HEADER,
} from '../src/features/sign-in-logs/export/csv-headers.ts'
import { statusOfErrorCode } from '../src/features/sign-in-logs/model/status.ts'
import { SignInLogsPage, expect, test } from './fixtures.ts'

type Format = 'csv' | 'json'
type Content = 'signIns' | 'authDetails'

interface FileCase {
  tab: string
  tabLabel: string
  format: Format
  /** Index of the entry in the pane (table order, downloads.md §1.2). */
  index: number
  prefix: string
  content: Content
  header?: string
}

const CASES: FileCase[] = [
  {
    tab: 'interactive',
    tabLabel: 'User sign-ins (interactive)',
    format: 'csv',
    index: 0,
    prefix: 'InteractiveSignIns',
    content: 'signIns',
    header: USER_SIGN_INS_HEADER,
  },
  {
    tab: 'interactive',
    tabLabel: 'User sign-ins (interactive)',
    format: 'csv',
    index: 1,
    prefix: 'InteractiveSignIns_AuthDetails',
    content: 'authDetails',
    header: AUTH_DETAILS_HEADER,
  },
  {
    tab: 'interactive',
    tabLabel: 'User sign-ins (interactive)',
    format: 'json',
    index: 0,
    prefix: 'InteractiveSignIns',
    content: 'signIns',
  },
  {
    tab: 'non-interactive',
    tabLabel: 'User sign-ins (non-interactive)',
    format: 'csv',
    index: 2,
    prefix: 'NonInteractiveSignIns',
    content: 'signIns',
    header: USER_SIGN_INS_HEADER,
  },
  {
    tab: 'non-interactive',
    tabLabel: 'User sign-ins (non-interactive)',
    format: 'csv',
    index: 3,
    prefix: 'NonInteractiveSignIns_AuthDetails',
    content: 'authDetails',
    header: AUTH_DETAILS_HEADER,
  },
  {
    tab: 'non-interactive',
    tabLabel: 'User sign-ins (non-interactive)',
    format: 'json',
    index: 1,
    prefix: 'NonInteractiveSignIns',
    content: 'signIns',
  },
  {
    tab: 'service-principal',
    tabLabel: 'Service principal sign-ins',
    format: 'csv',
    index: 4,
    prefix: 'ApplicationSignIns',
    content: 'signIns',
    header: SERVICE_PRINCIPAL_SIGN_INS_HEADER,
  },
  {
    tab: 'service-principal',
    tabLabel: 'Service principal sign-ins',
    format: 'json',
    index: 2,
    prefix: 'ApplicationSignIns',
    content: 'signIns',
  },
  {
    tab: 'managed-identity',
    tabLabel: 'Managed identity sign-ins',
    format: 'csv',
    index: 5,
    prefix: 'MSISignIns',
    content: 'signIns',
    header: MSI_HEADER_UNVERIFIED,
  },
  {
    tab: 'managed-identity',
    tabLabel: 'Managed identity sign-ins',
    format: 'json',
    index: 3,
    prefix: 'MSISignIns',
    content: 'signIns',
  },
]

const paneTitle = (format: Format) => `Download Sign-ins in ${format.toUpperCase()} format`
const LIST_REQUEST = /\/auditLogs\/signIns\?/i
const isListRequest = (url: string) => LIST_REQUEST.test(url)

/** The list requests' refusals and failures among the fake's exchanges after the first `since`. */
async function listFaults(page: Page, since: number) {
  const answers = (await mockGraphExchanges(page))
    .slice(since)
    .filter((exchange) => isListRequest(exchange.url))
  const count = (matches: (status: number | string) => boolean) =>
    answers.filter((exchange) => matches(exchange.status)).length
  return {
    throttled: count((status) => status === 429),
    server: count((status) => typeof status === 'number' && status >= 500),
    dropped: count((status) => status === 'failed'),
  }
}

/** The private files of downloads in the Origin Private File System ('download-<id>/<name>'). */
function privateDownloadFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Folder = FileSystemDirectoryHandle & { keys(): AsyncIterable<string> }
    const root = (await navigator.storage.getDirectory()) as Folder
    const exports = (await root.getDirectoryHandle('exports').catch(() => null)) as Folder | null
    const paths: string[] = []
    for await (const folder of exports?.keys() ?? []) {
      if (!folder.startsWith('download-')) continue
      const files = (await exports!.getDirectoryHandle(folder)) as Folder
      for await (const name of files.keys()) paths.push(`${folder}/${name}`)
    }
    return paths
  })
}

async function openPane(page: Page, format: Format) {
  await page
    .getByRole('toolbar', { name: 'Sign-in logs commands' })
    .getByRole('button', { name: 'Download' })
    .click()
  await page.getByRole('menuitem', { name: `Download ${format.toUpperCase()}` }).click()
  const pane = page.getByRole('dialog', { name: paneTitle(format) })
  await expect(pane).toBeVisible()
  return pane
}

/** Clicks one entry's Download, saves the real file and returns it with the download's first request. */
async function saveFile(page: Page, format: Format, index: number) {
  const pane = await openPane(page, format)
  const fileName = await pane.getByRole('textbox', { name: 'File Name' }).nth(index).inputValue()
  const before = (await mockGraphExchanges(page)).length
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    pane.getByRole('button', { name: 'Download', exact: true }).nth(index).click(),
  ])
  const text = await readFile(await download.path(), 'utf8')
  const requests = (await mockGraphExchanges(page))
    .slice(before)
    .map((exchange) => exchange.url)
    .filter(isListRequest)
  await expect(pane.getByText(/^Downloaded$/).first()).toBeVisible()
  // It came through the browser's private storage (kept until the browser has surely read it), not memory.
  expect(await privateDownloadFiles(page)).toContainEqual(expect.stringMatching(new RegExp(`/${fileName}$`)))
  await pane.getByRole('button', { name: 'Close' }).click()
  await expect(pane).toBeHidden()
  return { fileName, suggested: download.suggestedFilename(), text, firstRequest: requests[0] ?? '' }
}

/** The API's answer: the same query paged to the end from the page, through the fake Graph. */
function pagedRecords(page: Page, firstUrl: string): Promise<BetaSignIn[]> {
  // Same headers as the app's client; Prefer decides how evolvable enum members come back (graph-api.md §2.5).
  return mockGraphRecords<BetaSignIn>(page, firstUrl, { Prefer: 'include-unknown-enum-members' })
}

function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true })
  expect(result.errors).toEqual([])
  return result.data
}

/** Checks one saved file against the API's records; returns the ids in file order. */
function checkFile(file: FileCase, text: string, records: BetaSignIn[]) {
  if (file.format === 'json') {
    const parsed = JSON.parse(text) as BetaSignIn[]
    expect(parsed).toEqual(records)
    return parsed.map((record) => record.id)
  }
  expect(text.charCodeAt(0)).not.toBe(0xfeff)
  expect(text.slice(0, text.indexOf('\r\n'))).toBe(file.header)
  const [, ...rows] = parseCsv(text)
  if (file.content === 'authDetails') {
    const expected = records.flatMap((record) => record.authenticationDetails.map(() => record.id))
    expect(rows.map((row) => row[0])).toEqual(expected)
    return rows.map((row) => row[0] ?? '')
  }
  expect(rows.map((row) => row[1])).toEqual(records.map((record) => record.id))
  for (const row of rows) expect(row[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  return rows.map((row) => row[1] ?? '')
}

for (const tab of [...new Set(CASES.map((file) => file.tab))]) {
  test(`downloads of the ${tab} tab hold exactly the API's records for the view (CSV and JSON)`, async ({
    logs,
    page,
  }) => {
    test.setTimeout(120_000)
    const cases = CASES.filter((file) => file.tab === tab)
    await logs.open(`?tab=${tab}&range=7d`)
    await expect(logs.tab(cases[0]!.tabLabel)).toHaveAttribute('aria-selected', 'true')
    for (const file of cases) {
      const saved = await saveFile(page, file.format, file.index)
      expect(saved.fileName).toMatch(
        new RegExp(`^${file.prefix}_\\d{4}-\\d\\d-\\d\\d_\\d{4}-\\d\\d-\\d\\d\\.${file.format}$`),
      )
      const [start, end] = saved.fileName.slice(file.prefix.length + 1, -file.format.length - 1).split('_')
      expect(Date.parse(end!) - Date.parse(start!)).toBe(7 * 86_400_000)
      expect(saved.suggested).toBe(saved.fileName)
      // Grouped tabs download the individual sign-ins: the list endpoint, filtered to the tab's event type.
      expect(saved.firstRequest).toMatch(/\/beta\/auditLogs\/signIns\?/)
      if (tab !== 'interactive')
        expect(new URL(saved.firstRequest).searchParams.get('$filter')).toContain('signInEventTypes')
      const records = await pagedRecords(page, saved.firstRequest)
      expect(records.length).toBeGreaterThan(0)
      const ids = checkFile(file, saved.text, records)
      if (file.content === 'signIns') expect(new Set(ids).size).toBe(ids.length)
    }
  })
}

test('the file follows the grid: same $filter, server-side and client-side pills both applied', async ({
  logs,
  page,
}) => {
  await logs.open('?tab=interactive&range=7d&user.conditionalAccess=notApplied&user.status=Failure')
  const gridRequest = await waitForMockGraphAnswer(page, LIST_REQUEST)
  const gridFilter = new URL(gridRequest.url).searchParams.get('$filter')
  const saved = await saveFile(page, 'csv', 0)
  const downloadFilter = new URL(saved.firstRequest).searchParams.get('$filter') ?? ''
  // Same pills as the grid's request (the date window is checked in the next test).
  const pillsOf = (filter: string) => filter.replace(/createdDateTime (ge|le) [^ ]+( and )?/g, '')
  expect(pillsOf(downloadFilter)).toBe(pillsOf(gridFilter ?? ''))
  expect(downloadFilter).toContain("conditionalAccessStatus eq 'notApplied'")
  expect(downloadFilter).not.toContain('errorCode')
  // Failure has no Graph predicate: applied to each page client-side, like the grid does.
  const expected = (await pagedRecords(page, saved.firstRequest)).filter(
    (record) => statusOfErrorCode(record.status.errorCode) === 'Failure',
  )
  expect(expected.length).toBeGreaterThan(0)
  const [, ...rows] = parseCsv(saved.text)
  expect(rows.map((row) => row[1])).toEqual(expected.map((record) => record.id))
  expect(new Set(rows.map((row) => row[27]))).toEqual(new Set(['Failure']))
})

test("the file covers the grid's date window (the page's now, not the pane's)", async ({ logs, page }) => {
  await logs.open('?tab=interactive&range=7d')
  const gridRequest = await waitForMockGraphAnswer(page, LIST_REQUEST)
  const gridFilter = new URL(gridRequest.url).searchParams.get('$filter')
  const saved = await saveFile(page, 'csv', 0)
  expect(new URL(saved.firstRequest).searchParams.get('$filter')).toBe(gridFilter)
})

async function setScenario(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Mock scenario' }).selectOption(name)
}

/**
 * Opens a month of non-interactive sign-ins and saves a clean JSON file to compare faulty runs with. The fake's
 * refusals never reach the network (e2e/mock-graph.ts), so no console error is expected at all, faults included.
 */
async function cleanFileWithFaultWatch(page: Page) {
  const unexpected: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') unexpected.push(message.text())
  })
  page.on('pageerror', (error) => unexpected.push(error.message))
  const logs = new SignInLogsPage(page)
  // A month of non-interactive sign-ins spans several 1,000-record pages: enough requests to be throttled.
  await logs.open('?tab=non-interactive&range=1m')
  const clean = await saveFile(page, 'json', 1)
  const cleanRecords = await pagedRecords(page, clean.firstRequest)
  expect((JSON.parse(clean.text) as BetaSignIn[]).map((r) => r.id)).toEqual(cleanRecords.map((r) => r.id))
  return { clean, unexpected }
}

test('a throttled Graph still produces exactly the same file, each page refused at most once', async ({
  page,
}) => {
  test.setTimeout(240_000)
  const { clean, unexpected } = await cleanFileWithFaultWatch(page)
  await setScenario(page, 'throttle')
  // Spend the fake's budget (5 requests / 10 s, graph-api.md §4.3) first, so the downloads start on a refusing
  // Graph whatever the machine's speed; waiting on timing alone made this test flaky.
  const spent = await page.evaluate(async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i += 1) {
      const { studioMockGraph } = window as unknown as MockGraphWindow
      const response = await studioMockGraph.fetch(
        'https://graph.microsoft.com/beta/auditLogs/signIns?$top=1',
        {
          headers: { Authorization: 'Bearer mock-tenant-token' },
        },
      )
      statuses.push(response.status)
    }
    return statuses
  })
  expect(spent).toContain(429)
  // Only the downloads' own refusals count below.
  const since = (await mockGraphExchanges(page)).length
  for (let run = 0; run < 2; run += 1) expect((await saveFile(page, 'json', 1)).text).toBe(clean.text)
  // The page's requests share one scheduler (src/lib/scheduler) that keeps to the budget from the first 429 on,
  // so the two downloads' many pages are refused at most once each, however long they page.
  expect((await listFaults(page, since)).throttled).toBeLessThanOrEqual(2)
  await setScenario(page, 'none')
  expect(unexpected).toEqual([])
})

test('a flaky Graph (5xx, dropped connections) still produces exactly the same file', async ({ page }) => {
  test.setTimeout(240_000)
  const { clean, unexpected } = await cleanFileWithFaultWatch(page)
  await setScenario(page, 'flaky')
  const since = (await mockGraphExchanges(page)).length
  for (let run = 0; run < 4; run += 1) expect((await saveFile(page, 'json', 1)).text).toBe(clean.text)
  const faults = await listFaults(page, since)
  expect(faults.server + faults.dropped).toBeGreaterThan(0)
  await setScenario(page, 'none')
  expect(unexpected).toEqual([])
})

test('Cancel stops the download, saves nothing and deletes the partial private file', async ({
  logs,
  page,
}) => {
  await logs.open('?tab=non-interactive&range=1m')
  await setScenario(page, 'slow')
  const pane = await openPane(page, 'csv')
  let downloads = 0
  page.on('download', () => (downloads += 1))
  await pane.getByRole('button', { name: 'Download', exact: true }).nth(2).click()
  await expect(pane.getByRole('progressbar').first()).toBeVisible()
  await expect.poll(() => privateDownloadFiles(page)).toHaveLength(1)
  await pane.getByRole('button', { name: 'Cancel' }).click()
  await expect(pane.getByText('No file was saved.')).toBeVisible()
  expect(await privateDownloadFiles(page)).toEqual([])
  // Nothing more is asked for: no list request within 2 s of the cancel.
  const seen = (await mockGraphExchanges(page)).length
  const afterCancel = await page
    .waitForFunction(
      (since) =>
        (window as unknown as MockGraphWindow).studioMockGraph.exchanges
          .slice(since)
          .some((exchange) => /\/auditLogs\/signIns\?/i.test(exchange.url)),
      seen,
      { timeout: 2000 },
    )
    .then(
      () => 'asked again',
      () => null,
    )
  expect(afterCancel).toBeNull()
  expect(downloads).toBe(0)
  await pane.getByRole('button', { name: 'Close' }).click()
  await setScenario(page, 'none')
})
