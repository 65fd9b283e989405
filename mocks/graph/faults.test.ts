import { describe, expect, it } from 'vitest'
import { createTokenBuckets } from './faults.ts'

const config = { capacity: 5, windowMs: 10_000 }

describe('throttle token buckets', () => {
  it('allows 5 requests per 10 s per principal and names the wait', () => {
    let now = 0
    const buckets = createTokenBuckets(config, () => now)
    for (let i = 0; i < 5; i++) expect(buckets.take('app|tenant')).toBe(0)
    expect(buckets.take('app|tenant')).toBe(2)
    expect(buckets.take('other|tenant')).toBe(0)
    now += 2_000
    expect(buckets.take('app|tenant')).toBe(0)
  })

  it('forgets principals whose bucket has refilled, so idle callers cost nothing', () => {
    let now = 0
    const buckets = createTokenBuckets(config, () => now)
    for (let i = 0; i < 50; i++) buckets.take(`token-${i}`)
    expect(buckets.size).toBe(50)
    now += config.windowMs / config.capacity // one token back: each bucket is full again
    buckets.take('late')
    expect(buckets.size).toBe(1)
  })

  it('keeps at most maxPrincipals buckets under a flood of distinct tokens, dropping the least recently used', () => {
    let now = 0
    const buckets = createTokenBuckets(config, () => now, 100)
    for (let i = 0; i < 5; i++) buckets.take('busy')
    for (let i = 0; i < 10_000; i++) {
      now += 1
      buckets.take(`flood-${i}`)
      expect(buckets.size).toBeLessThanOrEqual(100)
    }
    // The flood evicted the busy principal long ago; a recently used one keeps its spent token.
    buckets.take('recent')
    for (let i = 0; i < 4; i++) expect(buckets.take('recent')).toBe(0)
    expect(buckets.take('recent')).toBeGreaterThan(0)
  })
})
