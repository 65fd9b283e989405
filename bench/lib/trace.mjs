/**
 * Chromium tracing (CDP `Tracing`, through Playwright's browser.startTracing) around a piece of page work,
 * summarised as main-thread milliseconds spent in script, style, layout and paint. Each category is the
 * union of its events' intervals on the renderer main thread, so nested events are not counted twice;
 * style and layout forced from script count as style and layout, not as script.
 */
// Only the timeline's own events: adding blink, cc or v8 made a 180-frame trace larger than a JS string.
const categories = ['devtools.timeline']

const kindOfEvent = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  FireAnimationFrame: 'script',
  TimerFire: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'v8.run': 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
}

/** Runs `work()` while tracing `page`; resolves with its result and the main-thread summary. */
export async function traced(browser, page, work) {
  await browser.startTracing(page, { categories })
  let result
  let buffer
  try {
    result = await work()
  } finally {
    buffer = await browser.stopTracing()
  }
  return { result, summary: summarise(JSON.parse(buffer.toString('utf8'))) }
}

export function summarise(trace) {
  const events = trace.traceEvents ?? trace
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  )
  const intervals = { script: [], style: [], layout: [], paint: [] }
  for (const event of events) {
    const kind = kindOfEvent[event.name]
    if (!kind || event.ph !== 'X' || !mainThreads.has(`${event.pid}:${event.tid}`)) continue
    intervals[kind].push([event.ts, event.ts + (event.dur ?? 0)])
  }
  const styleLayout = unionMs([...intervals.style, ...intervals.layout])
  const scriptAndRest = unionMs([...intervals.script, ...intervals.style, ...intervals.layout])
  return {
    scriptMs: scriptAndRest - styleLayout,
    styleMs: unionMs(intervals.style),
    layoutMs: unionMs(intervals.layout),
    paintMs: unionMs(intervals.paint),
  }
}

/** Total length in ms of the union of [start, end] intervals given in µs. */
function unionMs(list) {
  const sorted = [...list].sort((a, b) => a[0] - b[0])
  let total = 0
  let current = null
  for (const [from, to] of sorted) {
    if (current && from <= current[1]) current[1] = Math.max(current[1], to)
    else {
      if (current) total += current[1] - current[0]
      current = [from, to]
    }
  }
  if (current) total += current[1] - current[0]
  return total / 1000
}

/** "script 120 / style 40 / layout 30 / paint 20 ms per 100 frames" */
export function perHundredFrames(summary, frames) {
  const per = (ms) => Math.round((ms * 100) / frames)
  return `script ${per(summary.scriptMs)} / style ${per(summary.styleMs)} / layout ${per(summary.layoutMs)} / paint ${per(summary.paintMs)} ms per 100 frames`
}

/** Categories for a start-up trace: the timeline, each thread's tasks, and the page's navigationStart. */
export const STARTUP_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
]

const THREADS = {
  main: 'CrRendererMain',
  engineWorker: 'DedicatedWorker thread',
}

/**
 * Where a first visit's time went up to `untilMs` (ms after navigation start): per thread, the ms it ran tasks
 * (the union of its RunTask intervals), and on the main thread the script / style / layout / paint split of
 * those. The rest of the main thread's time is waiting: for a download, a compile on another thread, a worker.
 */
export function summariseStartup(trace, untilMs) {
  const events = trace.traceEvents ?? trace
  const threadNames = new Map(
    events
      .filter((event) => event.name === 'thread_name')
      .map((event) => [`${event.pid}:${event.tid}`, event.args?.name]),
  )
  const navigation = events.filter((event) => event.name === 'navigationStart').map((event) => event.ts)
  if (navigation.length === 0) throw new Error('the trace has no navigationStart')
  const from = Math.min(...navigation)
  const to = from + untilMs * 1000
  const clip = (event) => [Math.max(from, event.ts), Math.min(to, event.ts + (event.dur ?? 0))]
  const inWindow = (event) => event.ph === 'X' && event.ts < to && event.ts + (event.dur ?? 0) > from
  const busy = {}
  for (const [key, name] of Object.entries(THREADS)) {
    const tasks = events.filter(
      (event) =>
        inWindow(event) && event.name === 'RunTask' && threadNames.get(`${event.pid}:${event.tid}`) === name,
    )
    busy[key] = unionMs(tasks.map(clip))
  }
  const mainEvents = events.filter(
    (event) => inWindow(event) && threadNames.get(`${event.pid}:${event.tid}`) === THREADS.main,
  )
  const main = summarise(
    mainEvents
      .map((event) => ({ ...event, ts: clip(event)[0], dur: clip(event)[1] - clip(event)[0] }))
      .concat(events.filter((event) => event.name === 'thread_name')),
  )
  return { busy, main }
}
