import { evaluateFilter } from './evaluate.ts'
import { parseFilter } from './parser.ts'
import {
  betaSignInFilterSchema as beta,
  graphCaseRulesSchema,
  summaryFilterSchema,
  v1SignInFilterSchema,
  type FilterSchema,
} from './schema.ts'

// Invented record in the beta shape (spec §3), only the fields the filters below read.
const signIn = {
  id: '66ea54eb-6301-4ee5-be62-ff5a759b0100',
  createdDateTime: '2024-01-13T14:13:32.1234567Z',
  userDisplayName: "Conan O'Brien",
  userPrincipalName: 'conan@contoso.example',
  appDisplayName: 'Azure Portal',
  appId: 'C44B4083-3BB0-49C1-B47D-974E53CBDF3C',
  ipAddress: '198.51.100.7',
  servicePrincipalName: null,
  status: { errorCode: 50126, failureReason: 'Invalid username or password.' },
  location: { city: 'Seattle', state: 'Washington', countryOrRegion: 'US' },
  deviceDetail: { browser: 'Edge 120.0.0', operatingSystem: 'Windows10' },
  signInEventTypes: ['interactiveUser'],
  riskEventTypes_v2: ['unfamiliarFeatures', 'anonymizedIPAddress'],
  agent: { agentType: 'notAgentic' },
}

const matches = (text: string, record: unknown = signIn, schema: FilterSchema = beta) =>
  evaluateFilter(parseFilter(text, schema), record)

describe('evaluateFilter', () => {
  it.each([
    ["userDisplayName eq 'Conan O''Brien'", true],
    ["userDisplayName eq 'conan o''brien'", true], // most strings compare case-insensitively
    ["userPrincipalName eq 'conan@contoso.example'", true],
    ["userPrincipalName eq 'Conan@contoso.example'", false], // spec §2.2: UPN eq is exact
    ["startswith(userPrincipalName,'CONAN@')", true], // ... but startswith is not
    ["startsWith(appDisplayName,'azure')", true],
    ["startsWith(appDisplayName,'Portal')", false],
    ["appId eq 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'", true],
    ['status/errorCode eq 50126', true],
    ['status/errorCode eq 0', false],
    ["location/city eq 'Seattle'", true],
    ["location/city eq 'Redmond'", false],
    ["startswith(deviceDetail/browser,'edge')", true],
    ["signInEventTypes/any(t: t eq 'interactiveUser')", true],
    ["signInEventTypes/any(t: t eq 'nonInteractiveUser')", false],
    ["signInEventTypes/any(t: t ne 'interactiveUser')", false],
    ["signInEventTypes/any(t: t eq 'nonInteractiveUser' or t eq 'interactiveUser')", true],
    ["riskEventTypes_v2/any(r: startswith(r,'anonym'))", true],
    ["riskEventTypes_v2/any(r: r eq 'leakedCredentials')", false],
    ["agent/agentType ne 'agenticApp'", true],
    ['servicePrincipalName eq null', true],
    ["startswith(servicePrincipalName,'')", false],
    ["appId eq 'x' or location/state eq 'washington'", true],
    ["appId eq 'x' and location/state eq 'washington'", false],
  ])('%s → %s', (text, expected) => {
    expect(matches(text)).toBe(expected)
  })

  it.each([
    ['createdDateTime ge 2024-01-13T14:13:32Z', true],
    ['createdDateTime gt 2024-01-13T14:13:32.123Z', true], // the record's ticks go past the ms
    ['createdDateTime eq 2024-01-13T14:13:32.1234567Z', true],
    ['createdDateTime eq 2024-01-13T14:13:32.123Z', false],
    ['createdDateTime lt 2024-01-13T14:13:32.1234568Z', true],
    ['createdDateTime le 2024-01-13T14:13:32.1234566Z', false],
    ['createdDateTime ge 2024-01-13T15:13:32+01:00', true], // same instant, other offset
    ['createdDateTime ge 2024-01-13T15:13:33+01:00', false],
    ['createdDateTime ge 2024-01-13 and createdDateTime lt 2024-01-14', true],
    ['createdDateTime ge 2024-01-14', false],
  ])('%s → %s', (text, expected) => {
    expect(matches(text)).toBe(expected)
  })

  it('is null-safe: missing, null and wrongly typed values never match and never throw', () => {
    const odd = [
      null,
      undefined,
      42,
      'text',
      [],
      {
        status: null,
        location: 'Seattle',
        signInEventTypes: 'interactiveUser',
        createdDateTime: 'yesterday',
      },
      { status: { errorCode: '50126' }, createdDateTime: 1705155212000, signInEventTypes: [null, 7] },
    ]
    const filters = [
      'status/errorCode eq 50126',
      "location/city eq 'Seattle'",
      "startswith(location/city,'S')",
      "signInEventTypes/any(t: t eq 'interactiveUser')",
      'createdDateTime ge 2000-01-01',
      'createdDateTime le 2100-01-01',
    ]
    // evaluateFilter directly: `matches` would replace an undefined record by its default.
    for (const record of odd)
      for (const f of filters) expect(evaluateFilter(parseFilter(f, beta), record)).toBe(false)
    // `ne` on a missing value is true (OData: null ne 'x').
    expect(matches("agent/agentType ne 'agenticApp'", {})).toBe(true)
    expect(matches('servicePrincipalName eq null', {})).toBe(true)
    expect(matches('servicePrincipalName eq null', { servicePrincipalName: '' })).toBe(false)
  })

  it('does not read inherited properties of records', () => {
    expect(matches("appId eq 'x'", Object.create({ appId: 'x' }))).toBe(false)
    expect(matches('servicePrincipalName eq null', { servicePrincipalName: 'toString' })).toBe(false)
  })

  it('evaluates summaries by aggregationDateTime and case-insensitive startswith (spec §1.2)', () => {
    const row = {
      aggregationDateTime: '2025-03-04T12:00:00Z',
      ipAddress: '198.51.100.7',
      servicePrincipalName: 'SVC-Backup',
    }
    const f = (text: string) => matches(text, row, summaryFilterSchema)
    expect(
      f('aggregationDateTime ge 2025-03-04T12:00:00Z and aggregationDateTime lt 2025-03-04T18:00:00Z'),
    ).toBe(true)
    expect(f('aggregationDateTime gt 2025-03-04T12:00:00Z')).toBe(false)
    expect(f("startswith(servicePrincipalName,'svc-')")).toBe(true)
  })

  it('honours the case rule of an explicit schema', () => {
    const exact: FilterSchema = {
      allowNot: true,
      properties: { name: { type: 'string', ops: ['eq', 'ne', 'gt'] } },
    }
    const record = { name: 'Alpha' }
    const ast = parseFilter("name eq 'alpha'", exact)
    expect(evaluateFilter(ast, record, exact)).toBe(false)
    expect(evaluateFilter(parseFilter("name ne 'alpha'", exact), record, exact)).toBe(true)
    expect(evaluateFilter(parseFilter("name gt 'Aa'", exact), record, exact)).toBe(true)
    expect(evaluateFilter(parseFilter("not (name eq 'Alpha')", exact), record, exact)).toBe(false)
  })

  it('evaluates booleans and not on a custom schema', () => {
    const schema: FilterSchema = {
      allowNot: true,
      properties: { isInteractive: { type: 'bool', ops: ['eq', 'ne'] } },
    }
    const ast = parseFilter('not isInteractive eq true', schema)
    expect(evaluateFilter(ast, { isInteractive: false }, schema)).toBe(true)
    expect(evaluateFilter(ast, { isInteractive: true }, schema)).toBe(false)
    expect(
      evaluateFilter(parseFilter('isInteractive ne false', schema), { isInteractive: true }, schema),
    ).toBe(true)
  })

  it('uses one case rule per path across the Graph schemas', () => {
    for (const schema of [beta, v1SignInFilterSchema, summaryFilterSchema]) {
      for (const [path, property] of Object.entries(schema.properties)) {
        expect(graphCaseRulesSchema.properties[path]?.caseInsensitiveEq, path).toBe(
          property.caseInsensitiveEq,
        )
      }
    }
  })

  it('evaluates a long OR chain (8 KB of clauses) without trouble', () => {
    const clauses = Array.from({ length: 450 }, (_, i) => `appId eq '${i}'`)
    const ast = parseFilter(clauses.join(' or '), beta)
    expect(evaluateFilter(ast, { appId: '449' })).toBe(true)
    expect(evaluateFilter(ast, { appId: '450' })).toBe(false)
  })
})
