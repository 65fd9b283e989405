// @vitest-environment node
/**
 * Issue #12's investigation views on the fake: related sign-ins share ids as in real data, and the pivots
 * (`correlationId eq`, `userId eq` + range) answer exactly what a full scan would, from an index.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BetaSignIn } from '../../contract/sign-in.ts'
import { signInEventTypes } from '../../contract/sign-in.ts'
import { createGraphHandlers } from '../handlers.ts'
import { createMockGraphServer } from '../node.ts'
import { GRAPH, graphGet, TEST_NOW, TEST_SEED, walkPages, type CollectionPage } from './testing.ts'

const { server, tenant, scenarios } = createMockGraphServer({ seed: TEST_SEED, now: TEST_NOW, size: 'small' })
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SIGNINS = `${GRAPH}/beta/auditLogs/signIns`
const ALL_TYPES = `signInEventTypes/any(t: ${signInEventTypes.map((type) => `t eq '${type}'`).join(' or ')})`
const url = (filter: string, top = 1000) =>
  `${SIGNINS}?${new URLSearchParams({ $filter: filter, $top: String(top) }).toString()}`

const everything: BetaSignIn[] = signInEventTypes.flatMap((type) =>
  Array.from({ length: tenant.hourCount }, (_, hour) => tenant.signInsInHour(type, hour)).flat(),
)
const newestFirst = (rows: BetaSignIn[]) =>
  [...rows].sort((a, b) =>
    a.createdDateTime === b.createdDateTime
      ? a.id < b.id
        ? -1
        : 1
      : a.createdDateTime < b.createdDateTime
        ? 1
        : -1,
  )
const ids = (rows: readonly BetaSignIn[]) => rows.map((row) => row.id)
const interactive = everything.filter((row) => row.isInteractive)
const nonInteractiveUser = everything.filter((row) => row.signInEventTypes[0] === 'nonInteractiveUser')

/** Interactive sign-ins followed, the same day, by non-interactive refreshes of the same client session. */
const sessionsWithRefreshes = interactive.filter((row) =>
  nonInteractiveUser.some((other) => other.correlationId === row.correlationId),
)

describe('related sign-ins in the generated tenant', () => {
  it('an interactive sign-in and the token refreshes of its client session share correlationId and sessionId', () => {
    expect(sessionsWithRefreshes.length).toBeGreaterThan(10)
    for (const row of sessionsWithRefreshes.slice(0, 50)) {
      const related = nonInteractiveUser.filter((other) => other.correlationId === row.correlationId)
      for (const other of related) {
        expect(other.userId).toBe(row.userId)
        expect(other.sessionId).toBe(row.sessionId)
        expect(other.createdDateTime.slice(0, 10)).toBe(row.createdDateTime.slice(0, 10))
      }
    }
  })

  it("a user's session id is shared by interactive and non-interactive sign-ins, and not by other users", () => {
    const bySession = new Map<string, BetaSignIn[]>()
    for (const row of everything) {
      if (row.sessionId) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row])
    }
    const mixed = [...bySession.values()].filter(
      (rows) => new Set(rows.map((row) => row.isInteractive)).size === 2,
    )
    expect(mixed.length).toBeGreaterThan(10)
    for (const rows of bySession.values()) expect(new Set(rows.map((row) => row.userId)).size).toBe(1)
  })

  it('workload sign-ins (service principal, managed identity) each have their own correlation id', () => {
    const workload = everything.filter((row) => !row.userId)
    expect(workload.length).toBeGreaterThan(100)
    expect(new Set(workload.map((row) => row.correlationId)).size).toBe(workload.length)
  })
})

describe('correlationId eq across the four log types', () => {
  const samples = [
    ...sessionsWithRefreshes.slice(0, 3),
    everything.find((row) => row.signInEventTypes[0] === 'servicePrincipal')!,
    everything.find((row) => row.signInEventTypes[0] === 'managedIdentity')!,
  ]

  it('returns exactly the sign-ins of any type with that correlation id, newest first', async () => {
    for (const sample of samples) {
      const expected = newestFirst(everything.filter((row) => row.correlationId === sample.correlationId))
      const { items } = await walkPages<BetaSignIn>(
        url(`correlationId eq '${sample.correlationId}' and ${ALL_TYPES}`, 5),
      )
      expect(ids(items)).toEqual(ids(expected))
    }
    // The session samples span both user logs.
    const session = everything.filter((row) => row.correlationId === samples[0]!.correlationId)
    expect(new Set(session.map((row) => row.signInEventTypes[0])).size).toBe(2)
  })

  it('lists interactive sign-ins only without a signInEventTypes filter (graph-api.md §1.1), also in upper case', async () => {
    const sample = samples[0]!
    const reply = await graphGet<CollectionPage<BetaSignIn>>(
      url(`correlationId eq '${sample.correlationId!.toUpperCase()}'`),
    )
    const expected = newestFirst(interactive.filter((row) => row.correlationId === sample.correlationId))
    expect(ids(reply.body.value)).toEqual(ids(expected))
    expect(reply.body['@odata.nextLink']).toBeUndefined()
  })

  it('answers an unknown correlation id with an empty page and no nextLink', async () => {
    for (const unknown of ['00000000-0000-0000-0000-000000000000', 'not-a-guid']) {
      const reply = await graphGet<CollectionPage<BetaSignIn>>(
        url(`correlationId eq '${unknown}' and ${ALL_TYPES}`),
      )
      expect(reply.status).toBe(200)
      expect(reply.body.value).toEqual([])
      expect(reply.body['@odata.nextLink']).toBeUndefined()
    }
  })
})

describe('indexed pivots', () => {
  // The newest such session, so the range (its day through now) holds its sign-ins of both user logs.
  const user = newestFirst(sessionsWithRefreshes)[0]!
  const from = `${user.createdDateTime.slice(0, 10)}T00:00:00Z`
  const to = TEST_NOW.toISOString()
  const userFilter = `userId eq '${user.userId}' and createdDateTime ge ${from} and createdDateTime le ${to}`
  const expectedForUser = newestFirst(
    everything.filter(
      (row) => row.userId === user.userId && row.createdDateTime >= from && row.createdDateTime <= to,
    ),
  )

  it('userId eq + a date range over all types equals the full scan', async () => {
    const { items } = await walkPages<BetaSignIn>(url(`${userFilter} and ${ALL_TYPES}`, 7))
    expect(new Set(items.map((row) => row.isInteractive))).toEqual(new Set([true, false]))
    expect(ids(items)).toEqual(ids(expectedForUser))
  })

  it('a session pivot (user, then sessionId on the records) finds the session across both user logs', async () => {
    const { items } = await walkPages<BetaSignIn>(url(`${userFilter} and ${ALL_TYPES}`))
    const session = items.filter((row) => row.sessionId === user.sessionId)
    expect(new Set(session.map((row) => row.isInteractive))).toEqual(new Set([true, false]))
  })

  it('is served from an index: one page holds the whole answer even when a scan could examine only that many records', async () => {
    const budget = { maxCandidates: expectedForUser.length, maxBuckets: 744 }
    server.use(...createGraphHandlers({ tenant, scenarios, budget }))
    const byUser = await graphGet<CollectionPage<BetaSignIn>>(url(`${userFilter} and ${ALL_TYPES}`))
    expect(ids(byUser.body.value)).toEqual(ids(expectedForUser))
    expect(byUser.body['@odata.nextLink']).toBeUndefined()

    const sample = sessionsWithRefreshes[1]!
    const related = everything.filter((row) => row.correlationId === sample.correlationId)
    server.use(
      ...createGraphHandlers({ tenant, scenarios, budget: { ...budget, maxCandidates: related.length } }),
    )
    const byCorrelation = await graphGet<CollectionPage<BetaSignIn>>(
      url(`correlationId eq '${sample.correlationId}' and ${ALL_TYPES}`),
    )
    expect(ids(byCorrelation.body.value)).toEqual(ids(newestFirst(related)))
    expect(byCorrelation.body['@odata.nextLink']).toBeUndefined()
  })
})
