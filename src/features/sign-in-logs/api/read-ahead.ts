/**
 * One page read ahead per paged list (issue #16, bulk loading). A list's pages are a chain: page N+1 can only be
 * asked for with page N's nextLink, and React Query runs one fetch of a query at a time, so without this the
 * next request waited until page N had been parsed, checked against the contract and rendered, and Graph (or
 * the fake's worker) sat idle meanwhile. Once the user has scrolled to a page beyond the first, the request for
 * the page after it starts as soon as its nextLink is known; the grid's next fetch takes that answer instead of
 * asking again. So at most one page is asked for that nobody scrolled to, and never on the first screen.
 *
 * The read-ahead goes through the same Graph client as the list (its scheduler, retries and request log).
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import type { GraphPage } from '../../../lib/graph/client.ts'

interface PendingPage {
  link: string
  page: Promise<GraphPage<unknown>>
  controller: AbortController
}

export interface ReadAheadSlot {
  /** Starts fetching `link` unless it is already on its way; a different link replaces (and aborts) the old one. */
  start(link: string, fetchPage: (signal: AbortSignal) => Promise<GraphPage<unknown>>): void
  /** The answer for `link` when it was read ahead (taken once), else null. Aborting `signal` aborts it. */
  take(link: string, signal: AbortSignal): Promise<GraphPage<unknown>> | null
  /** Forgets (and aborts) what was read ahead: a refetch from the first page must not get older answers. */
  clear(): void
}

function createReadAheadSlot(): ReadAheadSlot {
  let pending: PendingPage | null = null
  const clear = () => {
    pending?.controller.abort()
    pending = null
  }
  return {
    start(link, fetchPage) {
      if (pending?.link === link) return
      clear()
      const controller = new AbortController()
      const page = fetchPage(controller.signal)
      // Its failure belongs to whoever takes it; a page read ahead that nobody takes must not go unhandled.
      page.catch(() => undefined)
      pending = { link, page, controller }
    },
    take(link, signal) {
      if (pending?.link !== link) return null
      const { page, controller } = pending
      pending = null
      if (signal.aborted) controller.abort()
      else signal.addEventListener('abort', () => controller.abort(), { once: true })
      return page
    },
    clear,
  }
}

/**
 * Slots live with their query in the cache (held weakly): a list that is garbage-collected drops what it read
 * ahead, and two lists (or two data sources, whose keys differ) never share one.
 */
const slots = new WeakMap<object, ReadAheadSlot>()

export function readAheadSlotOf(client: QueryClient, queryKey: QueryKey): ReadAheadSlot | null {
  const query = client.getQueryCache().find({ queryKey, exact: true })
  if (!query) return null
  let slot = slots.get(query)
  if (!slot) {
    slot = createReadAheadSlot()
    slots.set(query, slot)
  }
  return slot
}
