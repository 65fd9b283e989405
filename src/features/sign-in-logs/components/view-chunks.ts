/**
 * The result views that load with their tab (issue #16: the first tab is the flat grid, so the grouped tabs'
 * treegrid and the All sign-ins merge are not in the first-screen chunk). A page opened on one of those tabs (a
 * shared link, a reload) would fetch its view only after the first render, and its first request only after that;
 * the page's first script (src/app/main.tsx) calls preloadTabView so the view loads alongside the app's chunk.
 * Small on purpose: main.tsx imports it, and vite.config.ts keeps it out of the first-screen chunk.
 */
import { viewTabs } from '../model/tabs.ts'

export const loadGroupedView = () => import('./GroupedSignInView.tsx')
export const loadAllSignInsView = () => import('./AllSignInsView.tsx')

const viewLoaders = { grouped: loadGroupedView, all: loadAllSignInsView }

type ViewLoaders = Record<keyof typeof viewLoaders, () => Promise<unknown>>

/**
 * Starts loading the view of the tab that `search` (the address's query) opens, if it loads with its tab. Settles
 * once it is in, or at once when the tab's view is in the first-screen chunk; never rejects: it is only a head
 * start, and if it fails the page's lazy view loads it again and shows the failure.
 */
export function preloadTabView(search: string, loaders: ViewLoaders = viewLoaders): Promise<void> {
  const tab = viewTabs.find((candidate) => candidate.id === new URLSearchParams(search).get('tab'))
  const load = tab?.id === 'all' ? loaders.all : tab?.grouped ? loaders.grouped : null
  return load
    ? load().then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve()
}

/** Runs `run` when the browser is idle; returns a cancel. */
export type IdleScheduler = (run: () => void) => () => void

export const whenBrowserIdle: IdleScheduler = (run) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 5_000 })
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(run, 1_000)
  return () => clearTimeout(handle)
}

/**
 * Opened files (issue #14) are investigated across the tabs, and their grouped tabs answer from the engine in a
 * fraction of a second: the first click on one would otherwise wait mostly for its view's code. So once files are
 * opened, the views that load with their tab load when the browser is next idle.
 */
export function preloadTabViewsWhenIdle(
  idle: IdleScheduler = whenBrowserIdle,
  loaders: ViewLoaders = viewLoaders,
): () => void {
  return idle(() => {
    for (const load of Object.values(loaders)) load().catch(() => undefined)
  })
}
