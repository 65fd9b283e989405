import { describe, expect, it } from 'vitest'
import { decodeCorrelationId, requestCorrelationId, sessionCorrelationId } from './correlation.ts'
import { encodeSignInId } from './ids.ts'

describe('correlation ids', () => {
  it('decode back to the user session or the workload sign-in they were made for', () => {
    const session = sessionCorrelationId(42, 319, 109, 20_500)
    expect(session).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(decodeCorrelationId(42, session)).toEqual({ kind: 'session', user: 319, family: 109, day: 20_500 })
    expect(decodeCorrelationId(42, session.toUpperCase())).toEqual(decodeCorrelationId(42, session))
    const request = requestCorrelationId(42, 3, 492_000, 12_345)
    expect(decodeCorrelationId(42, request)).toEqual({
      kind: 'request',
      typeCode: 3,
      absoluteHour: 492_000,
      index: 12_345,
    })
  })

  it('reject GUIDs of another seed, sign-in ids and random GUIDs', () => {
    expect(decodeCorrelationId(43, sessionCorrelationId(42, 1, 1, 1))).toBeUndefined()
    expect(
      decodeCorrelationId(42, encodeSignInId(42, { typeCode: 2, absoluteHour: 5, index: 5 })),
    ).toBeUndefined()
    expect(decodeCorrelationId(42, '6a88c69c-77cc-4f71-b1e2-155b84594b0b')).toBeUndefined()
  })
})
