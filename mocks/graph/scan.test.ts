// @vitest-environment node
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GraphError } from './envelope.ts'
import type { BucketSource, ScanBudget, ScanPage } from './scan.ts'
import { scanBuckets } from './scan.ts'
import type { ScanPosition } from './skiptoken.ts'
import { buildNextLink, decodeSkipToken, encodeSkipToken } from './skiptoken.ts'

interface Row {
  bucket: number
  n: number
}

/** Bucket b holds sizes[b] rows, newest first (n descending). */
function source(sizes: number[]): BucketSource<Row> & { materialised: number[] } {
  const materialised: number[] = []
  return {
    materialised,
    bucketCount: sizes.length,
    sizeHint: (b) => sizes[b] ?? 0,
    records: (b) => {
      materialised.push(b)
      return Array.from({ length: sizes[b] ?? 0 }, (_, i) => ({ bucket: b, n: (sizes[b] ?? 0) - 1 - i }))
    },
  }
}

function walkAll(
  src: BucketSource<Row>,
  opts: { descending: boolean; pageSize: number; budget: ScanBudget; matches?: (r: Row) => boolean },
) {
  const pages: ScanPage<Row>[] = []
  let start: ScanPosition | undefined
  do {
    const page = scanBuckets(
      src,
      {
        firstBucket: 0,
        lastBucket: src.bucketCount - 1,
        descending: opts.descending,
        pageSize: opts.pageSize,
        matches: opts.matches ?? (() => true),
        start,
      },
      opts.budget,
    )
    pages.push(page)
    start = page.next
  } while (start && pages.length < 10_000)
  return pages
}

const key = (r: Row) => r.bucket * 1000 + r.n

describe('scanBuckets', () => {
  it('visits every matching row exactly once, in order, for any sizes, page size, budget and direction', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        (sizes, pageSize, maxBuckets, maxCandidates, descending, modulus) => {
          const matches = (r: Row) => r.n % modulus === 0
          const pages = walkAll(source(sizes), {
            descending,
            pageSize,
            budget: { maxBuckets, maxCandidates },
            matches,
          })
          const seen = pages.flatMap((p) => p.items).map(key)
          const expected = sizes
            .flatMap((size, bucket) => Array.from({ length: size }, (_, n) => ({ bucket, n })))
            .filter(matches)
            .map(key)
            .sort((a, b) => (descending ? b - a : a - b))
          expect(seen).toEqual(expected)
          for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(pageSize)
          expect(pages[pages.length - 1]?.next).toBeUndefined()
        },
      ),
      { numRuns: 300 },
    )
  })

  it('stops at the candidate budget with a short page and a cursor', () => {
    const src = source([0, 50, 50, 50])
    const page = scanBuckets(
      src,
      {
        firstBucket: 0,
        lastBucket: 3,
        descending: true,
        pageSize: 10,
        matches: () => false,
        start: undefined,
      },
      { maxBuckets: 10, maxCandidates: 60 },
    )
    expect(page.items).toEqual([])
    expect(page.next).toEqual({ bucket: 2, offset: 10 })
  })

  it('materialises at most maxBuckets non-empty buckets and skips empty ones for free', () => {
    const src = source([5, 0, 0, 5, 0, 5, 5])
    const page = scanBuckets(
      src,
      {
        firstBucket: 0,
        lastBucket: 6,
        descending: true,
        pageSize: 100,
        matches: () => true,
        start: undefined,
      },
      { maxBuckets: 2, maxCandidates: 1000 },
    )
    expect(src.materialised).toEqual([6, 5])
    expect(page.items).toHaveLength(10)
    expect(page.next).toEqual({ bucket: 3, offset: 0 })
  })

  it('gives no cursor when the page fills exactly at the end of the last non-empty bucket', () => {
    const page = scanBuckets(
      source([0, 0, 3, 0]),
      {
        firstBucket: 0,
        lastBucket: 3,
        descending: false,
        pageSize: 3,
        matches: () => true,
        start: undefined,
      },
      { maxBuckets: 10, maxCandidates: 1000 },
    )
    expect(page.items).toHaveLength(3)
    expect(page.next).toBeUndefined()
  })

  it('rejects positions outside the range or past a bucket end as invalid skip tokens', () => {
    const run = (start: ScanPosition) => () =>
      scanBuckets(
        source([3, 3]),
        { firstBucket: 0, lastBucket: 1, descending: true, pageSize: 2, matches: () => true, start },
        { maxBuckets: 10, maxCandidates: 100 },
      )
    expect(run({ bucket: 2, offset: 0 })).toThrow(GraphError)
    expect(run({ bucket: 0, offset: 4 })).toThrow(/Invalid skip token/)
  })
})

describe('skiptoken', () => {
  it('round-trips a position and is bound to its query hash', () => {
    const token = encodeSkipToken({ bucket: 700, offset: 12 }, 'abc')
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeSkipToken(token, 'abc')).toEqual({ bucket: 700, offset: 12 })
    expect(() => decodeSkipToken(token, 'abd')).toThrow(/Invalid skip token/)
  })

  it('rejects garbage with a 400 GraphError', () => {
    for (const token of ['', '!!!', 'a', 'eyJ2IjoxfQ', 'bnVsbA', 'x'.repeat(600)]) {
      let caught: unknown
      try {
        decodeSkipToken(token, 'abc')
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(GraphError)
      expect((caught as GraphError).status).toBe(400)
    }
  })

  it('builds an absolute nextLink keeping the caller-encoded parameters and replacing $skiptoken', () => {
    const url = new URL(
      'https://graph.microsoft.com/beta/auditLogs/signins?%24filter=startsWith(appDisplayName%2c%27Azure%27)&$top=10&$skiptoken=old&x=1',
    )
    expect(buildNextLink(url, 'NEW')).toBe(
      'https://graph.microsoft.com/beta/auditLogs/signins?%24filter=startsWith(appDisplayName%2c%27Azure%27)&$top=10&x=1&$skiptoken=NEW',
    )
    expect(buildNextLink(new URL('http://127.0.0.1:4010/v1.0/auditLogs/signIns'), 'T')).toBe(
      'http://127.0.0.1:4010/v1.0/auditLogs/signIns?$skiptoken=T',
    )
  })
})
