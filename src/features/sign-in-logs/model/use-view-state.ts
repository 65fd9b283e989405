/** React binding of view-state.ts: history.pushState/replaceState + popstate, so Back/Forward move through views. */
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useClock } from '../../../lib/clock/clock.tsx'
import { parseViewState, serializeViewState, type ViewState } from './view-state.ts'

const LOCATION_CHANGE = 'sign-in-logs:locationchange'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(LOCATION_CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(LOCATION_CHANGE, onChange)
  }
}

const currentSearch = () => window.location.search

export type ViewStateUpdate = Partial<ViewState> | ((state: ViewState) => ViewState)

export function useViewState(): [
  ViewState,
  (update: ViewStateUpdate, opts?: { replace?: boolean }) => void,
  string[],
] {
  const clock = useClock()
  const search = useSyncExternalStore(subscribe, currentSearch, () => '')
  // The page's clock, never the real time: a custom range valid for the page is valid for the parser.
  const { state, problems } = useMemo(() => parseViewState(search, clock()), [search, clock])
  const update = useCallback(
    (change: ViewStateUpdate, opts?: { replace?: boolean }) => {
      // Read the URL afresh, so two updates in one event both apply.
      const current = parseViewState(window.location.search, clock()).state
      const next = typeof change === 'function' ? change(current) : { ...current, ...change }
      const query = serializeViewState(next)
      if (query === window.location.search) return
      const url = `${window.location.pathname}${query}${window.location.hash}`
      // `replace` is for typing: one history entry per edit session, not per keystroke.
      if (opts?.replace) window.history.replaceState(window.history.state, '', url)
      else window.history.pushState(window.history.state, '', url)
      window.dispatchEvent(new Event(LOCATION_CHANGE))
    },
    [clock],
  )
  return [state, update, problems]
}
