/**
 * Issue #7 item 1: the fake Graph's latency through the standalone server (`node mocks/serve.mjs`, default
 * tenant ≥ 1 M sign-ins), with the app's own requests (signInsRequest / summariesRequest, $top 200):
 * first page of the default interactive list and of the non-interactive 30-day list, page 100 of the latter
 * (99 nextLinks followed first, then the 100th replayed), and the first page of the 30-day summaries at each
 * aggregation window. Replays are interleaved round by round and reported as medians. Peak RSS = VmHWM.
 */
import { startFakeGraph, BENCH_TENANT } from '../lib/fake-graph.mjs'
import { timedGet } from '../lib/http.mjs'
import { loadAppModules } from '../lib/app-modules.mjs'
import { peakRssBytes } from '../lib/processes.mjs'
import { interleave, median } from '../lib/stats.mjs'

export const description = 'fake Graph latency (first page, page 100, 30-day summaries) and server peak RSS'

const DEEP_PAGE = 100
/** Issue #7 targets. */
const PAGE_100_MAX_RATIO = 1.5
const SUMMARY_MAX_RATIO = 1.5

export async function run({ emit, log, reps }) {
  const app = await loadAppModules()
  const now = new Date(BENCH_TENANT.MOCK_NOW)
  const started = performance.now()
  const server = await startFakeGraph()
  emit({
    name: 'fake.server.startup',
    value: performance.now() - started,
    unit: 'ms',
    note: 'spawn to listening',
  })
  try {
    const url = (request) => app.buildRequestUrl(server.url, request.path, request.params)
    const monthState = { ...app.defaultViewState, range: { preset: '1m' } }
    const interactive = url(app.signInsRequest(app.tabById('interactive'), app.defaultViewState, now))
    const nonInteractive = url(app.signInsRequest(app.tabById('non-interactive'), monthState, now))
    const summaries = Object.fromEntries(
      ['h1', 'h6', 'd1'].map((aggregate) => [
        aggregate,
        url(app.summariesRequest(app.tabById('non-interactive'), { ...monthState, aggregate }, now)),
      ]),
    )

    log(`walking ${DEEP_PAGE - 1} nextLinks of the non-interactive list`)
    const walkTimes = []
    let next = nonInteractive
    let records = 0
    for (let page = 1; page < DEEP_PAGE; page += 1) {
      const reply = await timedGet(next)
      walkTimes.push(reply.ms)
      records += reply.body.value.length
      next = reply.body['@odata.nextLink']
      if (!next) throw new Error(`the non-interactive list ended at page ${page} (${records} records)`)
    }
    const deepPage = next
    // First requests of each URL (the fake's bucket caches are cold for them); the replays below are warm.
    const firstTime = { nonInteractive: walkTimes[0], deepPage: (await timedGet(deepPage)).ms }
    firstTime.interactive = (await timedGet(interactive)).ms
    for (const aggregate of ['h1', 'h6', 'd1'])
      firstTime[aggregate] = (await timedGet(summaries[aggregate])).ms
    emit({
      name: 'fake.nonInteractive.walk.pageMedian',
      value: median(walkTimes),
      unit: 'ms',
      samples: walkTimes.length,
      note: `pages 1-${DEEP_PAGE - 1} while following nextLinks, ${app.LIST_PAGE_SIZE} records each (first time)`,
    })
    for (const [name, value] of Object.entries(firstTime)) {
      emit({
        name: `fake.firstRequest.${name}`,
        value,
        unit: 'ms',
        samples: 1,
        note: 'first time this URL is asked',
      })
    }

    const samples = await interleave(
      {
        interactive: async () => (await timedGet(interactive)).ms,
        nonInteractive: async () => (await timedGet(nonInteractive)).ms,
        deepPage: async () => (await timedGet(deepPage)).ms,
        h1: async () => (await timedGet(summaries.h1)).ms,
        h6: async () => (await timedGet(summaries.h6)).ms,
        d1: async () => (await timedGet(summaries.d1)).ms,
      },
      { reps: reps(9), warmup: 1 },
    )
    // Replays reuse the fake's generated buckets, on both sides of every ratio alike.
    const replayNote = 'median of interleaved replays of the same URL'
    const count = samples.interactive.length
    const onePage = median(samples.nonInteractive)
    emit({ name: 'fake.interactive.page1', value: median(samples.interactive), unit: 'ms', samples: count })
    emit({ name: 'fake.nonInteractive.page1', value: onePage, unit: 'ms', samples: count })
    const deep = median(samples.deepPage)
    emit({
      name: 'fake.nonInteractive.page100',
      value: deep,
      unit: 'ms',
      baseline: onePage,
      ratio: deep / onePage,
      target: `<= ${PAGE_100_MAX_RATIO}x page 1`,
      met: deep / onePage <= PAGE_100_MAX_RATIO,
      samples: count,
      note: replayNote,
    })
    for (const aggregate of ['h1', 'h6', 'd1']) {
      const value = median(samples[aggregate])
      emit({
        name: `fake.nonInteractive.summary30d.${aggregate}`,
        value,
        unit: 'ms',
        baseline: onePage,
        ratio: value / onePage,
        target: `< ${SUMMARY_MAX_RATIO}x one list page`,
        met: value / onePage < SUMMARY_MAX_RATIO,
        samples: count,
        note: replayNote,
      })
    }
    const rss = peakRssBytes(server.pid)
    emit({
      name: 'fake.server.peakRss',
      value: rss === null ? null : rss / 2 ** 20,
      unit: 'MiB',
      note: 'VmHWM of the server process after all of the above',
    })
  } finally {
    await server.stop()
  }
}
