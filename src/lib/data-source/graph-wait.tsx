import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { GraphClient, WaitInfo } from '../graph/client.ts'

/**
 * While the Graph client sleeps before a retry (429 Retry-After, 5xx, dropped connection), the page
 * says so: "Throttled by Microsoft Graph, retrying in N s" (graph-api.md §4.3). The client reports
 * each wait through `onWait`; this store collects them from every request of one data source.
 */
export interface GraphWait {
  reason: WaitInfo['reason']
  attempt: number
  /** epoch ms when the wait was reported; the countdown never starts above the wait itself */
  reportedAt: number
  /** epoch ms when the retry fires */
  until: number
}

export interface GraphWaitStore {
  report(wait: WaitInfo): void
  get(): GraphWait | null
  subscribe(listener: () => void): () => void
}

export function createGraphWaitStore(clock: () => number = Date.now): GraphWaitStore {
  let current: GraphWait | null = null
  const listeners = new Set<() => void>()
  return {
    report(wait) {
      const reportedAt = clock()
      current = {
        reason: wait.reason,
        attempt: wait.attempt,
        reportedAt,
        until: reportedAt + wait.seconds * 1000,
      }
      listeners.forEach((listener) => listener())
    },
    get: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Every page request of the wrapped client reports its waits to `store` (callers' own onWait still runs). */
export function withWaitReporting(client: GraphClient, store: GraphWaitStore): GraphClient {
  return {
    baseUrl: client.baseUrl,
    getEntity: (path, opts) => client.getEntity(path, opts),
    getPage: (pathOrUrl, opts) =>
      client.getPage(pathOrUrl, {
        ...opts,
        onWait: (wait) => {
          opts?.onWait?.(wait)
          store.report(wait)
        },
      }),
    iteratePages: (pathOrUrl, opts) =>
      client.iteratePages(pathOrUrl, {
        ...opts,
        onWait: (wait) => {
          opts?.onWait?.(wait)
          store.report(wait)
        },
      }),
  }
}

const GraphWaitContext = createContext<GraphWaitStore | null>(null)

export function GraphWaitProvider({ store, children }: { store: GraphWaitStore; children: ReactNode }) {
  return <GraphWaitContext.Provider value={store}>{children}</GraphWaitContext.Provider>
}

/** Seconds left in the current retry wait (ticking once a second), or null when nothing waits. */
export function useGraphWait(): { reason: GraphWait['reason']; secondsLeft: number } | null {
  const store = useContext(GraphWaitContext)
  const wait = useSyncExternalStore(
    store?.subscribe ?? (() => () => undefined),
    store?.get ?? (() => null),
    () => null,
  )
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!wait) return
    // Ticks only while a wait is pending; the first tick corrects a stale `now` within 250 ms.
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [wait])
  // `now` may predate the wait (it last ticked during an earlier one, or at mount).
  const elapsedNow = wait ? Math.max(now, wait.reportedAt) : now
  if (!wait || wait.until <= elapsedNow) return null
  return { reason: wait.reason, secondsLeft: Math.ceil((wait.until - elapsedNow) / 1000) }
}
