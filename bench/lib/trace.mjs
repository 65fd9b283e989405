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
