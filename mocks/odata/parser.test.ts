import type { FilterAst } from './ast.ts'
import { ODataError } from './errors.ts'
import { formatFilter } from './format.ts'
import { MAX_FILTER_BYTES, MAX_FILTER_NESTING, parseFilter } from './parser.ts'
import {
  betaSignInFilterSchema as beta,
  summaryFilterSchema as summary,
  v1SignInFilterSchema as v1,
  type FilterSchema,
} from './schema.ts'

function rejection(text: string, schema: FilterSchema = beta): ODataError {
  try {
    parseFilter(text, schema)
  } catch (error) {
    if (error instanceof ODataError) return error
    throw error
  }
  throw new Error(`parseFilter accepted ${JSON.stringify(text)}`)
}

function expectInvalid(text: string, schema: FilterSchema = beta, detail?: RegExp) {
  const error = rejection(text, schema)
  expect(error.status).toBe(400)
  expect(error.code).toBe('BadRequest')
  expect(error.message).toMatch(/^Invalid filter clause/)
  if (detail) expect(error.message).toMatch(detail)
}

const eqString = (path: string, value: string): FilterAst => ({
  kind: 'compare',
  op: 'eq',
  path,
  value: { kind: 'string', value },
})

describe('parseFilter: the spec examples (§1.1, §2.2, §2.3)', () => {
  it("userDisplayName eq 'Conan O''Brien'", () => {
    expect(parseFilter("userDisplayName eq 'Conan O''Brien'", beta)).toEqual(
      eqString('userDisplayName', "Conan O'Brien"),
    )
  })

  it('a created-time window and signInEventTypes/any', () => {
    const ast = parseFilter(
      "(createdDateTime ge 2024-01-13T14:13:32Z and createdDateTime le 2024-01-14T17:43:26Z) and signInEventTypes/any(t: t eq 'nonInteractiveUser')",
      beta,
    )
    expect(ast).toEqual({
      kind: 'and',
      left: {
        kind: 'and',
        left: {
          kind: 'compare',
          op: 'ge',
          path: 'createdDateTime',
          value: { kind: 'datetime', value: new Date('2024-01-13T14:13:32Z'), text: '2024-01-13T14:13:32Z' },
        },
        right: {
          kind: 'compare',
          op: 'le',
          path: 'createdDateTime',
          value: { kind: 'datetime', value: new Date('2024-01-14T17:43:26Z'), text: '2024-01-14T17:43:26Z' },
        },
      },
      right: {
        kind: 'any',
        path: 'signInEventTypes',
        variable: 't',
        predicate: eqString('t', 'nonInteractiveUser'),
      },
    })
  })

  it("startsWith(appDisplayName,'Azure') in both spellings", () => {
    const expected = { kind: 'startswith', path: 'appDisplayName', value: 'Azure' }
    expect(parseFilter("startsWith(appDisplayName,'Azure')", beta)).toEqual(expected)
    expect(parseFilter("startswith( appDisplayName , 'Azure' )", beta)).toEqual(expected)
  })

  it('status/errorCode eq 50126 and location/city eq Seattle', () => {
    expect(parseFilter('status/errorCode eq 50126', beta)).toEqual({
      kind: 'compare',
      op: 'eq',
      path: 'status/errorCode',
      value: { kind: 'int', value: 50126 },
    })
    expect(parseFilter("location/city eq 'Seattle'", v1)).toEqual(eqString('location/city', 'Seattle'))
  })

  it('every row of the §1.1 event-type table', () => {
    for (const text of [
      "signInEventTypes/any(t: t eq 'servicePrincipal')",
      "signInEventTypes/any(t: t eq 'managedIdentity')",
      "signInEventTypes/any(t: t ne 'interactiveUser')",
    ]) {
      expect(parseFilter(text, beta).kind).toBe('any')
    }
    expect(
      parseFilter("signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')", beta),
    ).toEqual({
      kind: 'any',
      path: 'signInEventTypes',
      variable: 't',
      predicate: {
        kind: 'or',
        left: eqString('t', 'interactiveUser'),
        right: eqString('t', 'nonInteractiveUser'),
      },
    })
  })
})

describe('parseFilter: grammar', () => {
  it('is case-insensitive for keywords and canonicalizes property names', () => {
    expect(parseFilter("AppId EQ 'a' AND userId Eq 'b' Or STARTSWITH(IPADDRESS,'10.')", beta)).toEqual({
      kind: 'or',
      left: { kind: 'and', left: eqString('appId', 'a'), right: eqString('userId', 'b') },
      right: { kind: 'startswith', path: 'ipAddress', value: '10.' },
    })
    expect(parseFilter("SignInEventTypes/ANY(x: x EQ 'managedIdentity')", beta)).toMatchObject({
      path: 'signInEventTypes',
      variable: 'x',
    })
  })

  it('binds and tighter than or, left-associatively, and honours parentheses', () => {
    const a = eqString('appId', 'a')
    const b = eqString('appId', 'b')
    const c = eqString('appId', 'c')
    expect(parseFilter("appId eq 'a' or appId eq 'b' and appId eq 'c'", beta)).toEqual({
      kind: 'or',
      left: a,
      right: { kind: 'and', left: b, right: c },
    })
    expect(parseFilter("(appId eq 'a' or appId eq 'b') and appId eq 'c'", beta)).toEqual({
      kind: 'and',
      left: { kind: 'or', left: a, right: b },
      right: c,
    })
    expect(parseFilter("appId eq 'a' and (appId eq 'b' and appId eq 'c')", beta)).toEqual({
      kind: 'and',
      left: a,
      right: { kind: 'and', left: b, right: c },
    })
    expect(parseFilter("(((appId eq 'a')))", beta)).toEqual(a)
  })

  it('reads negative integers, null on strings, offsets and fractions on date-times', () => {
    expect(parseFilter('status/errorCode eq -1', beta)).toMatchObject({ value: { kind: 'int', value: -1 } })
    expect(parseFilter('servicePrincipalName eq null', beta)).toMatchObject({ value: { kind: 'null' } })
    expect(parseFilter('createdDateTime gt 2024-01-13T14:13:32.1234567+01:00', beta)).toMatchObject({
      op: 'gt',
      value: {
        kind: 'datetime',
        text: '2024-01-13T14:13:32.1234567+01:00',
        value: new Date('2024-01-13T13:13:32.123Z'),
      },
    })
    expect(parseFilter('createdDateTime lt 2018-01-24', v1)).toMatchObject({ value: { text: '2018-01-24' } })
  })

  it('accepts true/false on a boolean property of a custom schema, and not when allowed', () => {
    const custom: FilterSchema = {
      allowNot: true,
      properties: { isInteractive: { type: 'bool', ops: ['eq', 'ne'] } },
    }
    expect(parseFilter('not isInteractive eq TRUE', custom)).toEqual({
      kind: 'not',
      operand: { kind: 'compare', op: 'eq', path: 'isInteractive', value: { kind: 'bool', value: true } },
    })
    expect(parseFilter('not not (isInteractive ne false)', custom)).toMatchObject({
      kind: 'not',
      operand: { kind: 'not' },
    })
  })

  it('formats the spec examples back to equivalent text', () => {
    const text = "userDisplayName eq 'Conan O''Brien' and (appId eq 'x' or startswith(ipAddress,'10.'))"
    const ast = parseFilter(text, beta)
    expect(formatFilter(ast)).toBe(text)
    expect(parseFilter(formatFilter(ast), beta)).toEqual(ast)
  })
})

describe('parseFilter: rejections are 400 Invalid filter clause (spec §4.2)', () => {
  it.each([
    ['', /empty/],
    ['   \t ', /empty/],
    ["appId eq 'a' appId", /Syntax error at position 13/],
    ["appId eq 'a' and", /Syntax error/],
    ["appId eq 'a')", /Syntax error/],
    ["(appId eq 'a'", /Syntax error/],
    ["appId eq 'a' xor appId eq 'b'", /Syntax error/],
    ['appId', /Syntax error/],
    ["appId has 'a'", /Syntax error/],
    ['appId eq appId', /Syntax error/],
    ["'a' eq appId", /Syntax error/],
    ["appId eq 'a' or", /Syntax error/],
    ['()', /Syntax error/],
    ['startswith(appDisplayName)', /Syntax error/],
    ["startswith(appDisplayName,'a','b')", /Syntax error/],
  ])('malformed %j', (text, detail) => expectInvalid(text, beta, detail))

  it.each([
    ["nope eq 'x'", /Could not find a property named 'nope'/],
    ['status/nope eq 1', /Could not find a property named 'status\/nope'/],
    ["authenticationDetails/any(a: a eq 'x')", /Could not find a property/], // spec §2.2: unsupported
    ["status eq 'x'", /Could not find a property/],
  ])('unknown property %j', (text, detail) => expectInvalid(text, beta, detail))

  it.each([
    'status/errorCode ne 0', // spec §2.2, docs#7340
    'status/errorCode ge 0',
    "appDisplayName ge 'A'",
    "appId ne 'x'",
    "startswith(appId,'x')",
    "startswith(createdDateTime,'2024')",
    "signInEventTypes/any(t: t ge 'a')",
    "signInEventTypes/any(t: startswith(t,'inter'))",
    "signInEventTypes eq 'interactiveUser'",
    "riskEventTypes_v2/any(t: t ne 'x')",
  ])('operator not allowed: %j', (text) => expectInvalid(text, beta, /not supported|only be filtered/))

  it.each([
    ["status/errorCode eq '50126'", /'Edm.Int32' and 'Edm.String'/],
    ['status/errorCode eq 2147483648', /incompatible types/],
    ['appId eq 5', /'Edm.String' and 'Edm.Int32'/],
    ["createdDateTime ge '2024-01-13T14:13:32Z'", /'Edm.DateTimeOffset' and 'Edm.String'/], // quoted date, docs#14173
    ["createdDateTime ge '2018-01-24'", /incompatible types/],
    ['createdDateTime ge 20240113', /incompatible types/],
    ['createdDateTime eq null', /incompatible types/],
    ['appId eq true', /incompatible types/],
    ['appId eq 2024-01-13T14:13:32Z', /incompatible types/],
    ['signInEventTypes/any(t: t eq 1)', /incompatible types/],
  ])('type mismatch %j', (text, detail) => expectInvalid(text, beta, detail))

  it.each([
    ["signInEventTypes/all(t: t eq 'x')", /Only the lambda operator 'any'/],
    ["signInEventTypes/any(t: appId eq 'x')", /Only the lambda variable 't'/],
    ["signInEventTypes/any(t: s eq 'x')", /Only the lambda variable 't'/],
    ["signInEventTypes/any(t: t/any(u: u eq 'x'))", /Could not find/],
    ["signInEventTypes/any(eq: eq eq 'x')", /cannot name a lambda variable/],
    ['signInEventTypes/any()', /Syntax error/],
    ["signInEventTypes/any(t t eq 'x')", /Syntax error/],
    ["appId/any(t: t eq 'x')", /'any' is not supported for 'appId'/],
    ["t eq 'x'", /Could not find a property named 't'/], // the variable is out of scope outside the lambda
  ])('bad lambda %j', (text, detail) => expectInvalid(text, beta, detail))

  it('rejects not, because Graph does not document it (spec §2.2)', () => {
    expectInvalid("not appId eq 'x'", beta, /'not' is not supported/)
    expectInvalid("signInEventTypes/any(t: not (t eq 'x'))", beta, /'not' is not supported/)
  })

  it('rejects beta-only properties on v1.0 (spec §1.1, §3.1)', () => {
    for (const text of [
      "signInEventTypes/any(t: t eq 'nonInteractiveUser')",
      "agent/agentType eq 'notAgentic'",
      "tokenIssuerType eq 'AzureAD'",
      "authenticationRequirement eq 'multiFactorAuthentication'",
      "originalRequestId eq 'x'",
    ]) {
      expect(parseFilter(text, beta)).toBeDefined()
      expectInvalid(text, v1, /Could not find a property/)
    }
    expect(parseFilter("riskEventTypes/any(r: r eq 'unlikelyTravel')", v1).kind).toBe('any')
    expectInvalid("riskEventTypes/any(r: r eq 'unlikelyTravel')", beta, /Could not find/)
  })

  it('applies the summary table (spec §1.2)', () => {
    expect(
      parseFilter("startswith(servicePrincipalName,'svc') and ipAddress eq '10.0.0.1'", summary).kind,
    ).toBe('and')
    expect(
      parseFilter(
        'aggregationDateTime ge 2025-03-04T00:00:00Z and firstSignInDateTime lt 2025-03-05',
        summary,
      ).kind,
    ).toBe('and')
    expect(
      parseFilter(
        "managedServiceIdentity/msiType eq 'userAssigned' and agent/agentSubjectType ne 'x'",
        summary,
      ).kind,
    ).toBe('and')
    expectInvalid('aggregationDateTime eq 2025-03-04T00:00:00Z', summary, /not supported/)
    expectInvalid("startswith(appDisplayName,'Teams')", summary, /not supported/)
    expectInvalid('createdDateTime ge 2025-03-04T00:00:00Z', summary, /Could not find/)
    expectInvalid("signInEventTypes/any(t: t eq 'managedIdentity')", summary, /Could not find/)
  })

  it(`rejects filters over ${MAX_FILTER_BYTES} UTF-8 bytes`, () => {
    const clause = "appId eq 'a' or "
    const ok = clause.repeat(Math.floor((MAX_FILTER_BYTES - 20) / clause.length)) + "appId eq 'a'"
    expect(parseFilter(ok, beta).kind).toBe('or')
    expectInvalid(`appId eq '${'x'.repeat(MAX_FILTER_BYTES)}'`, beta, /longer than 8192 bytes/)
    // 3000 characters but 9000 bytes
    expectInvalid(`appId eq '${'€'.repeat(3000)}'`, beta, /longer than/)
    expectInvalid('('.repeat(10_000_000), beta, /longer than/)
  })

  it(`rejects nesting deeper than ${MAX_FILTER_NESTING} without overflowing the stack`, () => {
    const nest = (depth: number) => `${'('.repeat(depth)}appId eq 'a'${')'.repeat(depth)}`
    expect(parseFilter(nest(MAX_FILTER_NESTING), beta)).toEqual(eqString('appId', 'a'))
    expectInvalid(nest(MAX_FILTER_NESTING + 1), beta, /nested more than 64/)
    expectInvalid('('.repeat(4000), beta, /nested more than 64/)
    const custom: FilterSchema = { allowNot: true, properties: beta.properties }
    expectInvalid(`${'not '.repeat(2000)}appId eq 'a'`, custom, /nested more than 64/)
    const lambdas = `signInEventTypes/any(t: ${'('.repeat(MAX_FILTER_NESTING)}t eq 'a'${')'.repeat(MAX_FILTER_NESTING)})`
    expectInvalid(lambdas, beta, /nested/)
  })

  it('rejects a non-string argument with ODataError, not a TypeError', () => {
    expect(() => parseFilter(undefined as unknown as string, beta)).toThrow(ODataError)
  })
})
