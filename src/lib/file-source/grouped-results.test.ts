// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { GroupingBounds } from './grouped-results.ts'
import { createNodeStore } from './node-duckdb.testing.ts'
import type { FileRecord } from './read-file.ts'
import type { AggregationWindow, SignInStore } from './sign-in-store.ts'

/** Non-interactive sign-ins over three days, by four users on three apps: dozens of groups per window. */
function records(count: number, first = 0): FileRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const n = first + index
    const at = new Date(Date.UTC(2026, 10, 20) + ((n * 97) % (72 * 60)) * 60_000).toISOString()
    return {
      signIn: {
        id: `s${n}`,
        createdDateTime: at,
        signInEventTypes: ['nonInteractiveUser'],
        userId: `u${n % 4}`,
        userPrincipalName: `u${n % 4}@contoso.example`,
        appId: `app${n % 3}`,
        appDisplayName: `App ${n % 3}`,
        ipAddress: `10.0.0.${n % 2}`,
        status: { errorCode: n % 5 === 0 ? 50126 : 0, failureReason: null, additionalDetails: null },
      },
      raw: { n },
      file: 'a.ndjson',
      line: n + 1,
    }
  })
}

/** A store that counts its full groupings (each a GROUP BY over the records) and its kept tables. */
async function countingStore(bounds?: GroupingBounds) {
  const ran = { groupings: 0, created: new Set<string>(), dropped: new Set<string>() }
  const store = await createNodeStore(undefined, {
    groupingBounds: bounds,
    onQuery: (sql) => {
      if (/GROUP BY/.test(sql)) ran.groupings++
      const created = /CREATE TEMP TABLE (\w+)/.exec(sql)?.[1]
      if (created) ran.created.add(created)
      const dropped = /DROP TABLE IF EXISTS (\w+)/.exec(sql)?.[1]
      if (dropped) ran.dropped.add(dropped)
    },
  })
  const kept = () => [...ran.created].filter((table) => !ran.dropped.has(table)).length
  return { store, ran, kept }
}

const day = (window: AggregationWindow = 'd1', filter?: string) =>
  ({ eventType: 'nonInteractiveUser', window, filter }) as const

const ids = (groups: Awaited<ReturnType<SignInStore['summarize']>>) =>
  groups.map((group) => [group.bucketStart, group.signInCount, group.newest.id])

async function allPages(store: SignInStore, window: AggregationWindow, top: number, filter?: string) {
  const pages = []
  for (let skip = 0; ; skip += top) {
    const page = await store.summarize({ ...day(window, filter), top, skip })
    pages.push(...page)
    if (page.length < top) return pages
  }
}

describe('kept groupings (real duckdb-wasm)', () => {
  it('pages a grouping from one GROUP BY, the same groups in the same order as a store asked once', async () => {
    const { store, ran } = await countingStore()
    await store.insert(records(400))
    const fresh = await createNodeStore()
    await fresh.insert(records(400))
    const filter = 'status/errorCode eq 0 and aggregationDateTime ge 2026-11-21T00:00:00Z'
    for (const window of ['h1', 'd1'] as const) {
      const whole = await fresh.summarize({ ...day(window, filter), top: 10_000 })
      expect(whole.length).toBeGreaterThan(20)
      const before = ran.groupings
      expect(ids(await allPages(store, window, 7, filter))).toEqual(ids(whole))
      expect(ran.groupings - before).toBe(1)
    }
    // A grouping asked again is still kept.
    const again = await store.summarize({ ...day('h1', filter), top: 5, skip: 10 })
    expect(ran.groupings).toBe(2)
    expect(ids(again)).toEqual(
      ids((await fresh.summarize({ ...day('h1', filter), top: 10_000 })).slice(10, 15)),
    )
  }, 60_000)

  it('groups records stored later anew, and keeps answering a snapshot as it was', async () => {
    const { store, ran } = await countingStore()
    const upTo = await store.insert(records(100))
    const before = await store.summarize({ ...day(), top: 1000 })
    await store.insert(records(50, 100))
    const after = await store.summarize({ ...day(), top: 1000 })
    expect(after.reduce((sum, group) => sum + group.signInCount, 0)).toBe(150)
    expect(before.reduce((sum, group) => sum + group.signInCount, 0)).toBe(100)
    expect(ids(await store.summarize({ ...day(), top: 1000, upTo }))).toEqual(ids(before))
    expect(ran.groupings).toBe(2)
  }, 60_000)

  it('keeps only the most recent groupings within the bounds, and none once closed', async () => {
    const { store, ran, kept } = await countingStore({ groupings: 2, groups: 1_000_000 })
    await store.insert(records(200))
    for (const window of ['d1', 'h6', 'h1'] as const) await store.summarize({ ...day(window), top: 1 })
    expect(kept()).toBe(2)
    await store.summarize({ ...day('h6'), top: 1, skip: 1 })
    expect(ran.groupings).toBe(3)
    // d1 was the least recently used: grouped again.
    await store.summarize({ ...day('d1'), top: 1, skip: 1 })
    expect(ran.groupings).toBe(4)
    expect(kept()).toBe(2)
    await store.close()
    expect(kept()).toBe(0)

    const small = await countingStore({ groupings: 10, groups: 100 })
    await small.store.insert(records(200))
    const daily = await small.store.summarize({ ...day('d1'), top: 1000 })
    const hourly = await small.store.summarize({ ...day('h1'), top: 1000 })
    expect(daily.length).toBeLessThan(100)
    expect(daily.length + hourly.length).toBeGreaterThan(100)
    // Together past the bound: only the newest is kept.
    expect(small.kept()).toBe(1)
  }, 60_000)
})
