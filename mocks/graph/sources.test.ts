import { describe, expect, it } from 'vitest'
import { BucketCache } from './sources.ts'

const rows = (n: number) => Array.from({ length: n }, (_, i) => i)

describe('BucketCache', () => {
  it('builds a bucket once and serves it again while it stays cached', () => {
    const cache = new BucketCache<number>(4)
    let builds = 0
    const build = () => (builds++, rows(3))
    expect(cache.get('a', build)).toBe(cache.get('a', build))
    expect(builds).toBe(1)
  })

  it('keeps at most `capacity` buckets, dropping the least recently used', () => {
    const cache = new BucketCache<number>(2)
    cache.get('a', () => rows(1))
    cache.get('b', () => rows(1))
    cache.get('a', () => rows(1)) // a is now the most recent
    cache.get('c', () => rows(1))
    let rebuilt = ''
    cache.get('a', () => ((rebuilt += 'a'), rows(1)))
    cache.get('b', () => ((rebuilt += 'b'), rows(1)))
    expect(rebuilt).toBe('b')
  })

  it('holds at most maxItems records in all, but always the bucket just built', () => {
    const cache = new BucketCache<number>(16, 1000)
    for (let i = 0; i < 10; i++) cache.get(`hour-${i}`, () => rows(400))
    expect(cache.size).toEqual({ entries: 2, items: 800 })
    cache.get('busy-hour', () => rows(2500))
    expect(cache.size).toEqual({ entries: 1, items: 2500 })
  })
})
