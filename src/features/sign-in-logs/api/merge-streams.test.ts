import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import {
  blockingStreams,
  compareNewestFirst,
  isMergeDone,
  takeMerged,
  type MergeState,
  type Timed,
} from './merge-streams.ts'

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 0, minute)).toISOString()
const record = (id: string, minute: number): Timed => ({ id, createdDateTime: at(minute) })

/** Pages are delivered one at a time, only when the merge asks for them, as the All tab does. */
function runMerge(streams: Timed[][][], limits: number[]): Timed[] {
  const pagesLeft = streams.map((pages) => [...pages])
  let state: MergeState<Timed> = {
    streams: streams.map(() => ({ buffered: [], exhausted: false })),
    last: null,
  }
  const out: Timed[] = []
  for (let step = 0; !isMergeDone(state.streams); step++) {
    const result = takeMerged(state, limits[step % limits.length])
    out.push(...result.emitted)
    state = result.state
    for (const index of blockingStreams(state.streams)) {
      const page = pagesLeft[index]?.shift() ?? []
      state = {
        ...state,
        streams: state.streams.map((stream, i) =>
          i === index ? { buffered: page, exhausted: (pagesLeft[index]?.length ?? 0) === 0 } : stream,
        ),
      }
    }
    if (step > 10_000) throw new Error('the merge made no progress')
  }
  return out
}

/** A stream's records cut into pages of random sizes, empty pages included (Graph sends some, §2.4). */
const pagedStream = (prefix: string) =>
  fc
    .uniqueArray(
      fc.record({ id: fc.integer({ min: 0, max: 999 }), minute: fc.integer({ min: 0, max: 20 }) }),
      {
        selector: (r) => r.id,
        maxLength: 40,
      },
    )
    .chain((raw) => {
      const records = raw
        .map((r) => record(`${prefix}-${String(r.id).padStart(3, '0')}`, r.minute))
        .sort(compareNewestFirst)
      return fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 12 }).map((sizes) => {
        const pages: Timed[][] = []
        for (let i = 0, offset = 0; offset < records.length || i < sizes.length; i++) {
          // Past the drawn sizes, pages hold at least one record, so the stream ends.
          const size = Math.max(sizes[i % sizes.length] ?? 1, i < sizes.length ? 0 : 1)
          pages.push(records.slice(offset, offset + size))
          offset += size
        }
        return pages
      })
    })

describe('merging four paged sign-in streams', () => {
  it('gives every record once, newest first, ties by id, whatever the pages and ties', () => {
    fc.assert(
      fc.property(
        fc.tuple(pagedStream('a'), pagedStream('b'), pagedStream('c'), pagedStream('d')),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        (streams, limits) => {
          const expected = streams.flat(2).sort(compareNewestFirst)
          expect(runMerge(streams, limits)).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('emits nothing past a stream that may still hold a newer record on its next page', () => {
    const state: MergeState<Timed> = {
      streams: [
        { buffered: [record('a', 10), record('b', 5)], exhausted: false },
        { buffered: [], exhausted: false },
      ],
      last: null,
    }
    const result = takeMerged(state)
    expect(result.emitted).toEqual([])
    expect(blockingStreams(result.state.streams)).toEqual([1])
  })

  it('emits up to the point where a stream runs dry, and keeps the rest buffered', () => {
    const state: MergeState<Timed> = {
      streams: [
        { buffered: [record('a', 10), record('b', 5)], exhausted: false },
        { buffered: [record('c', 7)], exhausted: false },
        { buffered: [], exhausted: true },
      ],
      last: null,
    }
    const result = takeMerged(state)
    expect(result.emitted.map((r) => r.id)).toEqual(['a', 'c'])
    expect(result.state.streams[0]?.buffered.map((r) => r.id)).toEqual(['b'])
    expect(blockingStreams(result.state.streams)).toEqual([1])
  })

  it('a sign-in listed by two streams is emitted once, also across a page boundary', () => {
    const same = record('x', 3)
    const first = takeMerged({
      streams: [
        { buffered: [same], exhausted: true },
        { buffered: [same, record('y', 1)], exhausted: false },
      ],
      last: null,
    })
    expect(first.emitted.map((r) => r.id)).toEqual(['x', 'y'])
    const later = takeMerged({
      streams: [{ buffered: [same], exhausted: true }],
      last: first.emitted[0] ?? null,
    })
    expect(later.emitted).toEqual([])
  })
})
