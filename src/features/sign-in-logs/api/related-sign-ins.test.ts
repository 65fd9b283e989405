import { QueryClient } from '@tanstack/react-query'
import { signInEventTypes, type BetaSignIn } from '../../../../contract/sign-in.ts'
import { createMockGraphServer } from '../../../../mocks/node.ts'
import { createMockDataSource } from '../../../lib/data-source/data-source.tsx'
import { makeSignIn } from '../export/test-sign-in.ts'
import { compareNewestFirst } from './merge-streams.ts'
import {
  anyLogTypeClause,
  correlationQuery,
  correlationRequest,
  retentionWindow,
  sameSession,
  sessionListQuery,
  sessionQuery,
} from './related-sign-ins.ts'

const now = new Date('2026-11-30T12:00:00Z')
const range = { from: new Date('2026-11-29T12:00:00.400Z'), to: new Date('2026-11-30T12:00:00.400Z') }
const RANGE_CLAUSES = 'createdDateTime ge 2026-11-29T12:00:00Z and createdDateTime le 2026-11-30T12:00:01Z'

describe('related-queries builders', () => {
  it('asks Graph for every log type, not only the interactive default', () => {
    expect(anyLogTypeClause).toBe(
      `signInEventTypes/any(t: ${signInEventTypes.map((type) => `t eq '${type}'`).join(' or ')})`,
    )
    expect(signInEventTypes).toHaveLength(4)
  })

  it('same correlation ID: one query across the types, quoted, within the range', () => {
    const request = correlationRequest({ correlationId: "ab'c" }, range)
    expect(request).toEqual({
      path: '/beta/auditLogs/signIns',
      params: {
        $filter: `${anyLogTypeClause} and correlationId eq 'ab''c' and ${RANGE_CLAUSES}`,
        $top: '1000',
      },
    })
    expect(correlationRequest({ correlationId: null }, range)).toBeNull()
    expect(correlationRequest({ correlationId: '  ' }, range)).toBeNull()
  })

  it('the correlation lookup covers the 30 days Graph keeps', () => {
    expect(retentionWindow(now)).toEqual({ from: new Date('2026-10-31T12:00:00Z'), to: now })
  })

  it('same session narrows by user, else application, else principal', () => {
    const base = { sessionId: 's-1', userId: 'u-1', appId: 'a-1', servicePrincipalId: 'p-1' }
    const byUser = sessionQuery(base, range)
    expect(byUser?.narrowing).toBe('user')
    expect(byUser?.request.params.$filter).toBe(
      `${anyLogTypeClause} and userId eq 'u-1' and ${RANGE_CLAUSES}`,
    )
    expect(sessionQuery({ ...base, userId: '' }, range)?.request.params.$filter).toContain("appId eq 'a-1'")
    expect(sessionQuery({ ...base, userId: '' }, range)?.narrowing).toBe('application')
    const byPrincipal = sessionQuery({ ...base, userId: '', appId: null }, range)
    expect(byPrincipal?.narrowing).toBe('principal')
    expect(byPrincipal?.request.params.$filter).toContain("servicePrincipalId eq 'p-1'")
    expect(sessionQuery({ ...base, sessionId: null }, range)).toBeNull()
    expect(
      sessionQuery({ sessionId: 's', userId: '', appId: null, servicePrincipalId: '' }, range),
    ).toBeNull()
  })

  it('keeps only the records of the session, newest first', () => {
    const record = (id: string, minute: number, sessionId: string | null): BetaSignIn =>
      makeSignIn({ id, createdDateTime: `2026-11-30T10:${String(minute).padStart(2, '0')}:00Z`, sessionId })
    const records = [record('a', 1, 's'), record('b', 5, 'other'), record('c', 9, 's'), record('d', 3, null)]
    expect(sameSession(records, 's').map((r) => r.id)).toEqual(['c', 'a'])
  })
})

describe('related sign-ins from the fake Graph', () => {
  const { server, tenant } = createMockGraphServer({ now, seed: 7, size: 'small' })
  const source = createMockDataSource({ retry: { maxAttempts: 1 } })
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  const everything = signInEventTypes.flatMap((type) =>
    Array.from({ length: tenant.hourCount }, (_, hour) => tenant.signInsInHour(type, hour)).flat(),
  )
  // An interactive sign-in whose client session also refreshed tokens: its pivots span two log types.
  const refreshed = everything.find(
    (row) =>
      row.isInteractive &&
      everything.some((other) => !other.isInteractive && other.correlationId === row.correlationId),
  )

  it('same correlation ID answers every type with that id, newest first', async () => {
    if (!refreshed) throw new Error('the tenant has no interactive sign-in with token refreshes')
    const request = correlationRequest(refreshed, retentionWindow(now))
    if (!request) throw new Error('no correlation id')
    const result = await new QueryClient().fetchQuery(correlationQuery(source, request))
    const expected = everything
      .filter((row) => row.correlationId === refreshed.correlationId)
      .sort(compareNewestFirst)
    expect(result.signIns.map((row) => row.id)).toEqual(expected.map((row) => row.id))
    expect(new Set(result.signIns.map((row) => row.isInteractive)).size).toBe(2)
  })

  it('same session answers every sign-in of that session in the range, matched on the records', async () => {
    if (!refreshed) throw new Error('the tenant has no interactive sign-in with token refreshes')
    const query = sessionQuery(refreshed, retentionWindow(now))
    if (!query) throw new Error('no session id')
    const result = await new QueryClient().fetchQuery(sessionListQuery(source, query))
    const expected = everything
      .filter((row) => row.sessionId === refreshed.sessionId)
      .sort(compareNewestFirst)
    expect(result.signIns.map((row) => row.id)).toEqual(expected.map((row) => row.id))
    expect(result.truncated).toBe(false)
  })
})
