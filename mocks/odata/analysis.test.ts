import { dateBounds, eventTypesOf } from './analysis.ts'
import { parseFilter } from './parser.ts'
import { betaSignInFilterSchema as beta, summaryFilterSchema } from './schema.ts'

const bounds = (text: string | undefined, path = 'createdDateTime') =>
  dateBounds(
    text === undefined
      ? undefined
      : parseFilter(text, text.includes('aggregation') ? summaryFilterSchema : beta),
    path,
  )
const types = (text: string | undefined) =>
  eventTypesOf(text === undefined ? undefined : parseFilter(text, beta))

describe('dateBounds', () => {
  it('is unbounded without a filter or without the property', () => {
    expect(bounds(undefined)).toEqual({})
    expect(bounds("appId eq 'x'")).toEqual({})
  })

  it('reads the spec §1.1 window through the AND chain, parentheses included', () => {
    expect(
      bounds(
        "(createdDateTime ge 2024-01-13T14:13:32Z and createdDateTime le 2024-01-14T17:43:26Z) and signInEventTypes/any(t: t eq 'nonInteractiveUser')",
      ),
    ).toEqual({ from: new Date('2024-01-13T14:13:32Z'), to: new Date('2024-01-14T17:43:26Z') })
  })

  it('keeps the tightest bounds, treats gt/lt inclusively and eq as both sides', () => {
    expect(
      bounds(
        'createdDateTime gt 2024-01-01 and createdDateTime ge 2024-01-05 and createdDateTime lt 2024-02-01 and createdDateTime le 2024-03-01',
      ),
    ).toEqual({ from: new Date('2024-01-05T00:00:00Z'), to: new Date('2024-02-01T00:00:00Z') })
    expect(bounds('createdDateTime eq 2024-01-13T14:13:32.1234567Z')).toEqual({
      from: new Date('2024-01-13T14:13:32.123Z'),
      to: new Date('2024-01-13T14:13:32.123Z'),
    })
    expect(bounds('createdDateTime ge 2024-01-13T15:00:00+01:00')).toEqual({
      from: new Date('2024-01-13T14:00:00Z'),
    })
  })

  it('ignores bounds under OR (they may not apply) and other properties', () => {
    expect(bounds("createdDateTime ge 2024-01-01 or appId eq 'x'")).toEqual({})
    expect(
      bounds(
        '(createdDateTime ge 2024-01-01 or createdDateTime ge 2024-02-01) and createdDateTime lt 2024-03-01',
      ),
    ).toEqual({
      to: new Date('2024-03-01T00:00:00Z'),
    })
    expect(
      bounds(
        'aggregationDateTime ge 2025-03-04T00:00:00Z and firstSignInDateTime le 2025-03-05',
        'aggregationDateTime',
      ),
    ).toEqual({
      from: new Date('2025-03-04T00:00:00Z'),
    })
  })
})

describe('eventTypesOf', () => {
  it('defaults to interactive only when signInEventTypes is not mentioned (spec §1.1)', () => {
    expect(types(undefined)).toEqual(['interactiveUser'])
    expect(types("appId eq 'x' or status/errorCode eq 0")).toEqual(['interactiveUser'])
  })

  it.each([
    ["signInEventTypes/any(t: t eq 'nonInteractiveUser')", ['nonInteractiveUser']],
    ["signInEventTypes/any(t: t eq 'servicePrincipal')", ['servicePrincipal']],
    ["signInEventTypes/any(t: t eq 'managedIdentity')", ['managedIdentity']],
    [
      "signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')",
      ['interactiveUser', 'nonInteractiveUser'],
    ],
    [
      "signInEventTypes/any(t: t ne 'interactiveUser')",
      ['nonInteractiveUser', 'servicePrincipal', 'managedIdentity'],
    ],
    ["signInEventTypes/any(t: t eq 'NonInteractiveUser')", ['nonInteractiveUser']], // case-insensitive like the evaluator
    ["signInEventTypes/any(t: t eq 'unknownFutureValue')", []],
    ["signInEventTypes/any(t: t eq 'a' and t eq 'b')", []],
  ])('%s → %j', (text, expected) => {
    expect(types(text)).toEqual(expected)
  })

  it('combines ANDs and ORs conservatively', () => {
    expect(
      types(
        "createdDateTime ge 2024-01-13 and signInEventTypes/any(t: t eq 'servicePrincipal' or t eq 'managedIdentity')",
      ),
    ).toEqual(['servicePrincipal', 'managedIdentity'])
    expect(
      types(
        "signInEventTypes/any(t: t eq 'servicePrincipal') and signInEventTypes/any(t: t ne 'managedIdentity')",
      ),
    ).toEqual(['servicePrincipal'])
    expect(
      types(
        "signInEventTypes/any(t: t eq 'servicePrincipal') or signInEventTypes/any(t: t eq 'managedIdentity')",
      ),
    ).toEqual(['servicePrincipal', 'managedIdentity'])
    // Taken literally, the appId branch can match any log type.
    expect(types("signInEventTypes/any(t: t eq 'servicePrincipal') or appId eq 'x'")).toEqual([
      'interactiveUser',
      'nonInteractiveUser',
      'servicePrincipal',
      'managedIdentity',
    ])
    expect(
      types(
        "(appId eq 'x' or signInEventTypes/any(t: t eq 'managedIdentity')) and signInEventTypes/any(t: t ne 'interactiveUser')",
      ),
    ).toEqual(['nonInteractiveUser', 'servicePrincipal', 'managedIdentity'])
  })

  it('handles not on a schema that allows it', () => {
    const schema = { ...beta, allowNot: true }
    expect(eventTypesOf(parseFilter("not signInEventTypes/any(t: t eq 'interactiveUser')", schema))).toEqual([
      'nonInteractiveUser',
      'servicePrincipal',
      'managedIdentity',
    ])
    expect(
      eventTypesOf(
        parseFilter("not (appId eq 'x' and signInEventTypes/any(t: t eq 'interactiveUser'))", schema),
      ),
    ).toHaveLength(4)
  })
})
