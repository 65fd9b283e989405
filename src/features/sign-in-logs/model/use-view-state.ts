/** React binding of view-state.ts: history.pushState/replaceState + popstate, so Back/Forward move through views. */
import { useCallback, useMemo, useSyncExternalStore } from 'react'
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
  const search = useSyncExternalStore(subscribe, currentSearch, () => '')
  const { state, problems } = useMemo(() => parseViewState(search), [search])
  const update = useCallback((change: ViewStateUpdate, opts?: { replace?: boolean }) => {
    // Read the URL afresh, so two updates in one event both apply.
    const current = parseViewState(window.location.search).state
    const next = typeof change === 'function' ? change(current) : { ...current, ...change }
    const query = serializeViewState(next)
    if (query === window.location.search) return
    const url = `${window.location.pathname}${query}${window.location.hash}`
    // `replace` is for typing: one history entry per edit session, not per keystroke.
    if (opts?.replace) window.history.replaceState(window.history.state, '', url)
    else window.history.pushState(window.history.state, '', url)
    window.dispatchEvent(new Event(LOCATION_CHANGE))
  }, [])
  return [state, update, problems]
}
