/**
 * Issue #15 "Memory": the standalone fake Graph's peak RSS (VmHWM) on the default tenant for the issue's
 * workload: 99 pages of 1,000 non-interactive sign-ins over 30 days (following nextLinks), then 7 interleaved
 * rounds of page 1, page 100, the three 30-day summaries (h1, h6, d1) and a one-user filter. Page times are
 * reported too, so a memory fix that costs speed shows here.
 */
import { startFakeGraph, BENCH_TENANT } from '../lib/fake-graph.mjs'
import { timedGet } from '../lib/http.mjs'
import { loadAppModules } from '../lib/app-modules.mjs'
import { cpuMillis, peakRssBytes } from '../lib/processes.mjs'
import { interleave, median } from '../lib/stats.mjs'

export const description = 'fake Graph server peak RSS on the 1,000-record paging + summaries workload'

const PAGE_SIZE = 1000
const DEEP_PAGE = 100
const ROUNDS = 7
/** Issue #15 target. */
const PEAK_RSS_MAX_MB = 400

export async function run({ emit, log, reps }) {
  const app = await loadAppModules()
  const now = new Date(BENCH_TENANT.MOCK_NOW)
  const server = await startFakeGraph()
  try {
    const url = (request) =>
      app.buildRequestUrl(server.url, request.path, { ...request.params, $top: String(PAGE_SIZE) })
    const monthState = { ...app.defaultViewState, range: { preset: '1m' } }
    const tab = app.tabById('non-interactive')
    const pageOne = url(app.signInsRequest(tab, monthState, now))
    const summaries = ['h1', 'h6', 'd1'].map((aggregate) =>
      url(app.summariesRequest(tab, { ...monthState, aggregate }, now)),
    )

    log(`walking ${DEEP_PAGE - 1} nextLinks of ${PAGE_SIZE} non-interactive sign-ins`)
    const walkTimes = []
    let next = pageOne
    let firstUserId
    for (let page = 1; page < DEEP_PAGE; page += 1) {
      const reply = await timedGet(next)
      walkTimes.push(reply.ms)
      firstUserId ??= reply.body.value.find((record) => record.userId)?.userId
      next = reply.body['@odata.nextLink']
      if (!next) throw new Error(`the non-interactive list ended at page ${page}`)
    }
    const deepPage = next
    if (!firstUserId) throw new Error('no user id on the first pages')
    // The app's user pill with a GUID becomes `userId eq` (build-filter.ts).
    const oneUser = url(
      app.signInsRequest(
        tab,
        {
          ...monthState,
          filters: { ...monthState.filters, user: [{ field: 'user', values: [firstUserId] }] },
        },
        now,
      ),
    )

    const timed = (target) => async () => (await timedGet(target)).ms
    const cpuBefore = cpuMillis(server.pid)
    const samples = await interleave(
      {
        page1: timed(pageOne),
        page100: timed(deepPage),
        h1: timed(summaries[0]),
        h6: timed(summaries[1]),
        d1: timed(summaries[2]),
        oneUser: timed(oneUser),
      },
      { reps: reps(ROUNDS) },
    )
    const requests = Object.values(samples).reduce((sum, values) => sum + values.length, 0)
    const cpuPerRequest = (cpuMillis(server.pid) - cpuBefore) / requests
    const rss = peakRssBytes(server.pid)
    // MB as in the issue (its 551 MB figure), not MiB.
    const peakMB = rss === null ? null : rss / 1e6
    emit({
      name: 'fakeMemory.server.peakRss',
      value: peakMB,
      unit: 'MB',
      target: `<= ${PEAK_RSS_MAX_MB} MB`,
      met: peakMB !== null && peakMB <= PEAK_RSS_MAX_MB,
      note: `VmHWM after ${DEEP_PAGE - 1} pages of ${PAGE_SIZE} + ${samples.page1.length} rounds (issue #15 workload)`,
    })
    emit({
      name: 'fakeMemory.server.cpuPerRequest',
      value: cpuPerRequest,
      unit: 'ms',
      samples: requests,
      note: 'server CPU time (user + system) per request of the rounds; steadier than wall time on a busy machine',
    })
    emit({
      name: 'fakeMemory.walk.pageMedian',
      value: median(walkTimes),
      unit: 'ms',
      samples: walkTimes.length,
      note: `pages 1-${DEEP_PAGE - 1} of ${PAGE_SIZE}, first time`,
    })
    for (const [name, values] of Object.entries(samples)) {
      emit({
        name: `fakeMemory.replay.${name}`,
        value: median(values),
        unit: 'ms',
        samples: values.length,
        note: 'median of the interleaved rounds',
      })
    }
  } finally {
    await server.stop()
  }
}
