import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import type { GraphRequestEvent } from '../graph/client.ts'

/**
 * Every Graph request the page made since it loaded, for the request inspector (issue #12). The composition root
 * creates one log and hands `record` to every Graph client it builds (mock tenant and real Graph alike) as
 * `onRequest`, so screens never report anything themselves.
 */
export interface LoggedRequest extends GraphRequestEvent {
  /** 1, 2, 3… in the order the answers arrived; stable across renders, so a key for lists */
  sequence: number
  /** epoch ms when the answer (or the failure) arrived */
  at: number
}

export interface RequestLogSnapshot {
  /** newest first, at most `limit` */
  entries: readonly LoggedRequest[]
  /** every request since the page loaded, including those dropped past the limit */
  total: number
}

export interface RequestLog {
  record(event: GraphRequestEvent): void
  get(): RequestLogSnapshot
  subscribe(listener: () => void): () => void
}

/** A long session pages through thousands of requests; the inspector only needs the recent ones. */
export const REQUEST_LOG_LIMIT = 500

export function createRequestLog(options: { limit?: number; clock?: () => number } = {}): RequestLog {
  const { limit = REQUEST_LOG_LIMIT, clock = Date.now } = options
  let snapshot: RequestLogSnapshot = { entries: [], total: 0 }
  const listeners = new Set<() => void>()
  return {
    // An arrow, not a method: callers pass `log.record` around as the client's `onRequest`.
    record: (event) => {
      const entry: LoggedRequest = {
        ...event,
        // The client already leaves the header out; dropping it here too keeps the log safe from any other caller.
        requestHeaders: withoutAuthorization(event.requestHeaders),
        sequence: snapshot.total + 1,
        at: clock(),
      }
      snapshot = { entries: [entry, ...snapshot.entries.slice(0, limit - 1)], total: snapshot.total + 1 }
      listeners.forEach((listener) => listener())
    },
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
  )
}

const RequestLogContext = createContext<RequestLog | null>(null)

export function RequestLogProvider({ log, children }: { log: RequestLog; children: ReactNode }) {
  return <RequestLogContext.Provider value={log}>{children}</RequestLogContext.Provider>
}

const EMPTY: RequestLogSnapshot = { entries: [], total: 0 }
const noSubscription = () => () => undefined

/** The log's current entries; re-renders on every new request. Empty outside a provider. */
export function useRequestLog(): RequestLogSnapshot {
  const log = useContext(RequestLogContext)
  return useSyncExternalStore(log?.subscribe ?? noSubscription, log?.get ?? (() => EMPTY), () => EMPTY)
}
