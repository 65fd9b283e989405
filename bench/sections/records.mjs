/**
 * Issue #15: every Graph page is checked against the contract schemas before the app uses it
 * (src/features/sign-in-logs/api/read-records.ts), with zod's interpreted parser (jitless: the CSP forbids eval).
 * Time to check one page of 1,000 beta sign-ins (Graph's largest page, what downloads ask for) and one page of
 * 1,000 summary rows, from the fake tenant at the bench's fixed seed and clock.
 */
import { loadAppModules } from '../lib/app-modules.mjs'
import { BENCH_TENANT } from '../lib/fake-graph.mjs'
import { median, percentile } from '../lib/stats.mjs'

export const description = 'checking Graph pages against the contract: 1,000 sign-ins, 1,000 summary rows'

const PAGE_SIZE = 1000
/** A page of 1,000 arrives over the network in about a second at best; checking it should cost a tenth of that. */
const TARGET_MS = 100

export async function run({ emit, log, reps }) {
  const app = await loadAppModules()
  const tenant = app.createTenant({
    seed: Number(BENCH_TENANT.MOCK_SEED),
    now: new Date(BENCH_TENANT.MOCK_NOW),
    size: BENCH_TENANT.MOCK_SIZE,
  })
  const signIns = []
  for (let hour = tenant.hourCount - 1; signIns.length < PAGE_SIZE; hour -= 1) {
    signIns.push(...tenant.signInsInHour('nonInteractiveUser', hour))
  }
  const summaries = []
  for (let day = 0; summaries.length < PAGE_SIZE && day < 30; day += 1) {
    const start = new Date(Date.parse(BENCH_TENANT.MOCK_NOW) - (day + 1) * 86_400_000)
    start.setUTCHours(0, 0, 0, 0)
    summaries.push(...tenant.summariesInWindow('nonInteractiveUser', 'd1', start))
  }
  const pages = {
    signIns: { value: signIns.slice(0, PAGE_SIZE), nextLink: null, requestId: null },
    summaries: { value: summaries.slice(0, PAGE_SIZE), nextLink: null, requestId: null },
  }
  const readers = { signIns: app.readSignInPage, summaries: app.readSummaryPage }
  const rounds = reps(15)
  log(`${rounds} rounds of ${PAGE_SIZE} sign-ins and ${pages.summaries.value.length} summary rows`)
  for (const [name, page] of Object.entries(pages)) {
    const read = readers[name]
    for (let warm = 0; warm < 3; warm += 1) await read(page)
    const samples = []
    for (let round = 0; round < rounds; round += 1) {
      const started = performance.now()
      const checked = await read(page)
      samples.push(performance.now() - started)
      if (checked.leftOut.length > 0) {
        throw new Error(`the fake's own ${name} were left out: ${JSON.stringify(checked.leftOut[0])}`)
      }
    }
    const value = median(samples)
    emit({
      name: `records.check.${name}.${PAGE_SIZE}`,
      value,
      unit: 'ms',
      samples: samples.length,
      target: `< ${TARGET_MS} ms`,
      met: value < TARGET_MS,
      note: `median of ${samples.length}; p90 ${percentile(samples, 90).toFixed(1)} ms; ${page.value.length} records`,
    })
  }
}
