/**
 * Merging newest-first paged streams into one newest-first timeline (issue #12, "All sign-ins"). Pure: the caller
 * fetches pages; this decides what can be shown. A record is emitted only when every stream that still has pages
 * has a buffered record at or after it in the merged order: a stream with an empty buffer might still hold a newer
 * record on its next page, so emitting past it could put rows out of order, or lose them across a page boundary.
 */

export interface Timed {
  id: string
  createdDateTime: string
}

export interface MergeStream<T extends Timed> {
  /** Fetched and not yet emitted, in the stream's own (newest-first) order. */
  buffered: readonly T[]
  /** No more pages: an empty buffer no longer blocks the others. */
  exhausted: boolean
}

export interface MergeState<T extends Timed> {
  streams: readonly MergeStream<T>[]
  /** The last record emitted; the same sign-in listed by two streams is emitted once. */
  last: Timed | null
}

/** Newest first; equal times by id, so the order never depends on which stream answered first. */
export function compareNewestFirst(a: Timed, b: Timed): number {
  const byTime = Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime)
  if (byTime !== 0) return byTime
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Whether more can be emitted without another page: false while a stream with pages left has nothing buffered. */
export function canEmit<T extends Timed>(streams: readonly MergeStream<T>[]): boolean {
  return streams.every((stream) => stream.exhausted || stream.buffered.length > 0)
}

/** Streams that must fetch their next page before anything more is emitted. */
export function blockingStreams<T extends Timed>(streams: readonly MergeStream<T>[]): number[] {
  return streams.flatMap((stream, index) =>
    !stream.exhausted && stream.buffered.length === 0 ? [index] : [],
  )
}

export function isMergeDone<T extends Timed>(streams: readonly MergeStream<T>[]): boolean {
  return streams.every((stream) => stream.exhausted && stream.buffered.length === 0)
}

/**
 * Emits up to `limit` records in merged order, as far as the buffers allow. Within one stream the stream's own
 * order is kept (only heads are compared), so a stream whose ties are ordered differently still loses nothing.
 */
export function takeMerged<T extends Timed>(
  state: MergeState<T>,
  limit = Number.POSITIVE_INFINITY,
): { emitted: T[]; state: MergeState<T> } {
  const buffers = state.streams.map((stream) => [...stream.buffered])
  const positions = buffers.map(() => 0)
  const exhausted = state.streams.map((stream) => stream.exhausted)
  const emitted: T[] = []
  let last = state.last
  const headOf = (index: number) => buffers[index]?.[positions[index] ?? 0]
  const ready = () => buffers.every((_, index) => exhausted[index] || headOf(index) !== undefined)
  while (emitted.length < limit && ready()) {
    let best = -1
    for (let index = 0; index < buffers.length; index++) {
      const head = headOf(index)
      const current = best >= 0 ? headOf(best) : undefined
      if (head && (!current || compareNewestFirst(head, current) < 0)) best = index
    }
    const record = best >= 0 ? headOf(best) : undefined
    if (!record) break
    positions[best] = (positions[best] ?? 0) + 1
    const duplicate =
      last !== null && last.id === record.id && last.createdDateTime === record.createdDateTime
    if (!duplicate) emitted.push(record)
    last = record
  }
  return {
    emitted,
    state: {
      streams: state.streams.map((stream, index) => ({
        buffered: buffers[index]?.slice(positions[index]) ?? [],
        exhausted: stream.exhausted,
      })),
      last: last && { id: last.id, createdDateTime: last.createdDateTime },
    },
  }
}
