/**
 * Issue #7 item 2: start-up in Chromium. Time from navigation start to the first data row of each tab (a
 * `tr[data-row-id]` in the grid/treegrid, seen by a MutationObserver installed before any page script), for
 * the production-like mock-mode build (`vite build --mode e2e`, bench tenant: default size, ≥ 1 M sign-ins,
 * served by `vite preview`), next to a blank Vite + React page built the same way that renders one grid row.
 * Every visit is a first visit (fresh browser context: no cache, no service worker yet). Interleaved, medians.
 */
import { DATA_ROW_SELECTOR, launchChromium } from '../lib/browser.mjs'
import { buildBlankApp, buildE2eApp, startPreview } from '../lib/builds.mjs'
import { interleave, median } from '../lib/stats.mjs'

export const description = 'time to first data row of each tab vs a blank Vite + React page (Chromium)'

const MAX_RATIO = 2
const tabs = {
  interactive: '/',
  'non-interactive': '/?tab=non-interactive',
  'service-principal': '/?tab=service-principal',
  'managed-identity': '/?tab=managed-identity',
}

/**
 * Runs in the page before its scripts: records performance.now() (ms since navigation start) when the first
 * heading (the app's shell; the blank page has none) and the first data row enter the DOM.
 */
function observeFirstDataRow(selector) {
  const observer = new MutationObserver(() => {
    if (window.benchFirstHeadingAt === undefined && document.querySelector('h1')) {
      window.benchFirstHeadingAt = performance.now()
    }
    if (document.querySelector(selector)) {
      window.benchFirstDataRowAt = performance.now()
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true })
}

export async function measureFirstDataRow(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  try {
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.addInitScript(observeFirstDataRow, DATA_ROW_SELECTOR)
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.benchFirstDataRowAt, undefined, { timeout: 60_000 })
    const marks = await page.evaluate(() => ({
      row: window.benchFirstDataRowAt,
      heading: window.benchFirstHeadingAt ?? null,
    }))
    if (errors.length > 0) throw new Error(`page errors at ${url}: ${errors.join('; ')}`)
    return marks
  } finally {
    await context.close()
  }
}

export async function run({ emit, log, reps }) {
  log('building the app (vite build --mode e2e) and a blank Vite + React page')
  const app = await buildE2eApp()
  const blank = await buildBlankApp()
  // Each server is stopped even when a later start fails (no orphaned previews on a crash).
  const stops = []
  try {
    const appServer = await startPreview({ outDir: app.outDir, mode: 'e2e' })
    stops.push(appServer.stop)
    const blankServer = await startPreview({ outDir: blank.outDir, cwd: blank.root })
    stops.push(blankServer.stop)
    const browser = await launchChromium()
    stops.push(() => browser.close())
    const sides = { blank: () => measureFirstDataRow(browser, blankServer.url) }
    for (const [tab, path] of Object.entries(tabs))
      sides[tab] = () => measureFirstDataRow(browser, appServer.url + path)
    const samples = await interleave(sides, { reps: reps(3), warmup: 1 })
    const baseline = median(samples.blank.map((marks) => marks.row))
    emit({ name: 'startup.blankPage.firstRow', value: baseline, unit: 'ms', samples: samples.blank.length })
    const headings = Object.keys(tabs).flatMap((tab) =>
      samples[tab].map((marks) => marks.heading ?? Number.NaN),
    )
    emit({
      name: 'startup.appShell.firstHeading',
      value: median(headings),
      unit: 'ms',
      samples: headings.length,
      note: 'navigation start to the page heading (app shell, before any data), all tabs',
    })
    for (const tab of Object.keys(tabs)) {
      const value = median(samples[tab].map((marks) => marks.row))
      emit({
        name: `startup.${tab}.firstRow`,
        value,
        unit: 'ms',
        baseline,
        ratio: value / baseline,
        target: `<= ${MAX_RATIO}x blank page`,
        met: value / baseline <= MAX_RATIO,
        samples: samples[tab].length,
        note: 'navigation start to first data row, first visit (MSW worker registered and the fake tenant built in the page)',
      })
    }
  } finally {
    for (const stop of stops.reverse()) await stop()
  }
}
