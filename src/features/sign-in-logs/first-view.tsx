/**
 * The first view's rows, asked for before React's first render (issue #16, start-up). The composition root
 * reads the address, starts the query the grid will show first, and hands the page the "now" it used: the page's
 * first window then has the same key, so the grid joins the request already on its way instead of asking again
 * once its effects run. Traces put ~170 ms of main-thread work (the shell's first render) between the app's chunk
 * and the page's own request; the fake (or Graph) answers meanwhile.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import type { DataSource } from '../../lib/data-source/data-source.tsx'
import { summaryListQuery } from './api/queries.ts'
import { countsSummaries, gridSignInsQuery } from './components/volume/grid-queries.ts'
import { tabById, viewTabById } from './model/tabs.ts'
import { parseViewState } from './model/view-state.ts'

/** The instant the first view's window ends at, for the first page of `sourceId` (and only its first mount). */
export interface FirstView {
  sourceId: string
  now: Date
  /** Until the page that used it has mounted; a later page of the same source reads the clock again. */
  isUnused(): boolean
  markUsed(): void
}

function createFirstView(sourceId: string, now: Date): FirstView {
  let used = false
  return {
    sourceId,
    now,
    isUnused: () => !used,
    markUsed: () => {
      used = true
    },
  }
}

/**
 * Starts the first rows' query of the view in `search` on `source` and returns the view's "now". All sign-ins is
 * left to its page: its merge is a chunk of its own that the first screen does not load.
 */
export function prefetchFirstView(
  queryClient: QueryClient,
  source: DataSource,
  search: string,
  now: Date,
): FirstView {
  const { state } = parseViewState(search, now)
  const firstView = createFirstView(source.id, now)
  if (state.tab === 'all') return firstView
  const tab = tabById(state.tab)
  if (countsSummaries(viewTabById(state.tab), state)) {
    void queryClient.prefetchInfiniteQuery(summaryListQuery(source, tab, state, now))
  } else void queryClient.prefetchInfiniteQuery(gridSignInsQuery(source, tab, state, now))
  return firstView
}

const FirstViewContext = createContext<FirstView | null>(null)

export function FirstViewProvider({ value, children }: { value: FirstView | null; children: ReactNode }) {
  return <FirstViewContext.Provider value={value}>{children}</FirstViewContext.Provider>
}

/**
 * The page's first "now": the prefetched view's on its first mount for that source, else `clock()`. Called from a
 * state initializer, which Strict Mode runs twice before any effect: both runs get the same answer.
 */
export function useFirstViewNow(sourceId: string): (clock: () => Date) => Date {
  const firstView = useContext(FirstViewContext)
  useEffect(() => {
    if (firstView?.sourceId === sourceId) firstView.markUsed()
  }, [firstView, sourceId])
  return (clock) =>
    firstView && firstView.isUnused() && firstView.sourceId === sourceId ? firstView.now : clock()
}
