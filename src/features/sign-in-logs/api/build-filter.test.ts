import * as fc from 'fast-check'
// Tests only: the fake's own parser is the judge of what Graph would accept (graph-api.md §2.2, §2.3).
import {
  betaSignInFilterSchema,
  evaluateFilter,
  parseFilter,
  summaryFilterSchema,
  type FilterAst,
} from '../../../../mocks/odata/index.ts'
import { FilterValueError, planFilters } from '../filter-plan/index.ts'
import { looksLikeUserPrincipalName } from './odata-literals.ts'
import { filterFieldsFor, type FilterFieldDefinition, type FilterPill } from '../model/filter-fields.ts'
import { INTERRUPT_CODES } from '../model/status.ts'
import { tabById, tabDefinitions, type TabDefinition } from '../model/tabs.ts'
import {
  bucketRange,
  buildGroupChildrenFilter,
  buildGroupedSignInsFilter,
  buildSignInFilter as buildSignInFilterFromPlan,
  buildSummaryFilter as buildSummaryFilterFromPlan,
  quoteODataString,
  type DateWindow,
} from './build-filter.ts'

const range = { from: new Date('2026-11-29T12:00:00.250Z'), to: new Date('2026-11-30T12:00:00.250Z') }
const interactive = tabById('interactive')
const nonInteractive = tabById('non-interactive')
const window = 'createdDateTime ge 2026-11-29T12:00:00Z and createdDateTime le 2026-11-30T12:00:01Z'
const buildSignInFilter = (tab: TabDefinition, pills: FilterPill[], dates: DateWindow) =>
  buildSignInFilterFromPlan(planFilters(tab, pills), dates)
const buildSummaryFilter = (tab: TabDefinition, pills: FilterPill[], dates: DateWindow) =>
  buildSummaryFilterFromPlan(planFilters(tab, pills), dates)

function literals(ast: FilterAst): string[] {
  switch (ast.kind) {
    case 'and':
    case 'or':
      return [...literals(ast.left), ...literals(ast.right)]
    case 'not':
      return literals(ast.operand)
    case 'any':
      return literals(ast.predicate)
    case 'startswith':
      return [ast.value]
    case 'compare':
      return ast.value.kind === 'string' ? [ast.value.value] : []
  }
}

/** A plausible value for each field: the first choice, or text. */
function sampleValues(field: FilterFieldDefinition): string[] {
  if (field.valueType === 'bool') return ['true']
  if (field.choices)
    return field.valueType === 'multi'
      ? field.choices.slice(0, 3).map((c) => c.value)
      : [field.choices[0]!.value]
  return [field.valueType === 'id' ? '3f2504e0-4f89-41d3-9a0c-0305e82c3301' : "O'Brien"]
}

describe('quoteODataString', () => {
  test.each([
    ['plain', "'plain'"],
    ["Conan O'Brien", "'Conan O''Brien'"],
    ["''", "''''''"],
    ['', "''"],
  ])('%j -> %s', (value, quoted) => expect(quoteODataString(value)).toBe(quoted))
})

describe('buildSignInFilter', () => {
  test('interactive: the date window only (Graph lists interactive by default), unquoted whole seconds', () => {
    expect(buildSignInFilter(interactive, [], range)).toBe(window)
  })

  test('non-interactive tabs prepend signInEventTypes/any', () => {
    expect(buildSignInFilter(nonInteractive, [], range)).toBe(
      `signInEventTypes/any(t: t eq 'nonInteractiveUser') and ${window}`,
    )
    expect(buildSignInFilter(tabById('managed-identity'), [], range)).toMatch(
      /^signInEventTypes\/any\(t: t eq 'managedIdentity'\) and /,
    )
  })

  test.each<[FilterPill, string]>([
    [
      { field: 'user', values: ['3F2504E0-4F89-41D3-9A0C-0305E82C3301'] },
      "userId eq '3F2504E0-4F89-41D3-9A0C-0305E82C3301'",
    ],
    [
      { field: 'user', values: ["d'Arc"] },
      "(startswith(userPrincipalName,'d''Arc') or startswith(userDisplayName,'d''Arc'))",
    ],
    // A whole UPN is matched on the UPN alone (lower-case, §2.2), as summary rows can answer it too.
    [
      { field: 'user', values: ['Adele.Vance@Contoso.com'] },
      "startswith(userPrincipalName,'adele.vance@contoso.com')",
    ],
    [
      { field: 'application', values: ['1fec8e78-bce4-4aaf-ab1b-5451cc387264'] },
      "appId eq '1fec8e78-bce4-4aaf-ab1b-5451cc387264'",
    ],
    [{ field: 'application', values: ['Microsoft Teams'] }, "startswith(appDisplayName,'Microsoft Teams')"],
    [{ field: 'status', values: ['Success'] }, 'status/errorCode eq 0'],
    [{ field: 'ipAddress', values: ['198.51.100.7'] }, "ipAddress eq '198.51.100.7'"],
    [{ field: 'ipAddress', values: ['198.51.'] }, "startswith(ipAddress,'198.51.')"],
    [{ field: 'ipAddress', values: ['2001:db8::1'] }, "ipAddress eq '2001:db8::1'"],
    [
      { field: 'clientApp', values: ['Browser', 'IMAP4'] },
      "(clientAppUsed eq 'Browser' or clientAppUsed eq 'IMAP4')",
    ],
    [{ field: 'clientApp', values: ['POP3'] }, "clientAppUsed eq 'POP3'"],
    [{ field: 'conditionalAccess', values: ['notApplied'] }, "conditionalAccessStatus eq 'notApplied'"],
    [{ field: 'requestId', values: ['abc'] }, "id eq 'abc'"],
    [{ field: 'operatingSystem', values: ['Windows'] }, "startswith(deviceDetail/operatingSystem,'Windows')"],
  ])('%j', (pill, clause) => {
    expect(buildSignInFilter(interactive, [pill], range)).toBe(`${window} and ${clause}`)
  })

  test('client-side pills (Failure, * fields) add nothing to the server filter', () => {
    const pills: FilterPill[] = [
      { field: 'status', values: ['Failure'] },
      { field: 'crossTenantAccessType', values: ['b2bCollaboration'] },
      { field: 'isCaeToken', values: ['true'] },
    ]
    expect(buildSignInFilter(interactive, pills, range)).toBe(window)
  })

  test('Interrupted is an or-chain of the interrupt codes that Graph (the fake) evaluates as the status rule does', () => {
    const text = buildSignInFilter(interactive, [{ field: 'status', values: ['Interrupted'] }], range)
    const ast = parseFilter(text, betaSignInFilterSchema)
    const record = (errorCode: number) => ({ createdDateTime: '2026-11-30T00:00:00Z', status: { errorCode } })
    for (const code of INTERRUPT_CODES) expect(evaluateFilter(ast, record(code))).toBe(true)
    for (const code of [0, 50126, 50076, 53003]) expect(evaluateFilter(ast, record(code))).toBe(false)
  })

  test('every field of every filter set yields a filter the fake accepts, on every tab', () => {
    for (const tab of tabDefinitions) {
      const pills = filterFieldsFor(tab.filterSet).map((field) => ({
        field: field.id,
        values: sampleValues(field),
      }))
      for (const pill of pills)
        expect(() => parseFilter(buildSignInFilter(tab, [pill], range), betaSignInFilterSchema)).not.toThrow()
      expect(() => parseFilter(buildSignInFilter(tab, pills, range), betaSignInFilterSchema)).not.toThrow()
    }
  })

  test('pills without values (being edited) are ignored', () => {
    expect(buildSignInFilter(interactive, [{ field: 'user', values: [] }], range)).toBe(window)
  })

  test('random text with quotes and unicode always parses and round-trips as the literal', () => {
    const textFields = [
      'user',
      'application',
      'ipAddress',
      'location',
      'resource',
      'correlationId',
      'operatingSystem',
      'browser',
    ] as const
    fc.assert(
      fc.property(
        fc.constantFrom(...textFields),
        fc
          .oneof(
            fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
            fc.string({
              unit: fc.constantFrom("'", "''", 'é', '😀', ' ', ',', ')', '(', 'eq', 'or', '%', '\\', '"'),
              minLength: 1,
              maxLength: 20,
            }),
          )
          .filter((value) => value.trim() !== ''),
        (field, value) => {
          const ast = parseFilter(
            buildSignInFilter(nonInteractive, [{ field, values: [value] }], range),
            betaSignInFilterSchema,
          )
          const found = literals(ast).filter((literal) => literal !== 'nonInteractiveUser')
          expect(found.length).toBeGreaterThan(0)
          // A whole UPN is sent lower-case, as Graph stores UPNs (§2.2).
          const sent = field === 'user' && looksLikeUserPrincipalName(value) ? value.toLowerCase() : value
          for (const literal of found) expect(literal).toBe(sent)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('buildSummaryFilter', () => {
  const summaryWindow =
    'aggregationDateTime ge 2026-11-29T12:00:00Z and aggregationDateTime lt 2026-11-30T12:00:00Z'

  test('the aggregationDateTime window plus what the summary API supports; a UPN is matched on the rows', () => {
    const pills: FilterPill[] = [
      { field: 'user', values: ['Adele.Vance@Contoso.com'] },
      { field: 'status', values: ['Success'] },
      { field: 'ipAddress', values: ['10.1.'] },
      { field: 'resourceId', values: ['00000003-0000-0000-c000-000000000000'] },
    ]
    expect(buildSummaryFilter(nonInteractive, pills, range)).toBe(
      `${summaryWindow} and status/errorCode eq 0 and startswith(ipAddress,'10.1.') and resourceId eq '00000003-0000-0000-c000-000000000000'`,
    )
  })

  test('every pill of every grouped tab is accepted by the fake summary parser, or kept off the filter', () => {
    for (const tab of tabDefinitions.filter((t) => t.grouped)) {
      const pills = filterFieldsFor(tab.filterSet).map((field) => ({
        field: field.id,
        values: sampleValues(field),
      }))
      const text = buildSummaryFilter(tab, pills, range)
      expect(() => parseFilter(text, summaryFilterSchema)).not.toThrow()
    }
  })

  test('random values for summary-side fields parse and keep their literal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'resource',
          'servicePrincipalName',
          'managedIdentityName',
          'ipAddress',
        ) satisfies fc.Arbitrary<FilterPill['field']>,
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((value) => value.trim() !== ''),
        (field, value) => {
          const ast = parseFilter(
            buildSummaryFilter(nonInteractive, [{ field, values: [value] }], range),
            summaryFilterSchema,
          )
          expect(literals(ast)).toEqual([value])
        },
      ),
      { numRuns: 150 },
    )
  })

  test('bucketRange covers whole UTC buckets, so the bucket straddling the start is counted whole', () => {
    expect(bucketRange(range, 'd1')).toEqual({
      from: new Date('2026-11-29T00:00:00.000Z'),
      to: new Date('2026-12-01T00:00:00.000Z'),
    })
    expect(bucketRange(range, 'h6').from.toISOString()).toBe('2026-11-29T12:00:00.000Z')
    expect(bucketRange({ ...range, from: new Date('2026-11-29T13:59:00Z') }, 'h1').from.toISOString()).toBe(
      '2026-11-29T13:00:00.000Z',
    )
  })

  test("a grouped tab's sign-ins cover the same buckets, with the event type and the plan's clauses", () => {
    const plan = planFilters(nonInteractive, [{ field: 'location', values: ['Paris'] }])
    const text = buildGroupedSignInsFilter(plan, bucketRange(range, 'h6'))
    expect(text).toBe(
      "signInEventTypes/any(t: t eq 'nonInteractiveUser') and createdDateTime ge 2026-11-29T12:00:00Z" +
        ' and createdDateTime lt 2026-11-30T18:00:00Z' +
        " and (startswith(location/city,'Paris') or startswith(location/state,'Paris') or startswith(location/countryOrRegion,'Paris'))",
    )
    expect(() => parseFilter(text, betaSignInFilterSchema)).not.toThrow()
  })
})

describe('buildGroupChildrenFilter', () => {
  const row = {
    aggregationDateTime: '2026-11-30T06:00:00Z',
    appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    userPrincipalName: "o'brien@contoso.com",
    ipAddress: null,
    status: { errorCode: 50058, failureReason: null, additionalDetails: null },
    resourceId: '00000003-0000-0000-c000-000000000000',
    servicePrincipalId: 'sp-1',
  }

  const children = (tab: TabDefinition, pills: FilterPill[], bucket: 'h1' | 'h6' | 'd1', group = row) =>
    buildGroupChildrenFilter(planFilters(tab, pills), group, bucket)

  test('non-interactive: event type, bucket window, and the five keys', () => {
    expect(children(nonInteractive, [], 'h6')).toBe(
      "signInEventTypes/any(t: t eq 'nonInteractiveUser') and createdDateTime ge 2026-11-30T06:00:00Z and createdDateTime lt 2026-11-30T12:00:00Z" +
        " and appId eq '1fec8e78-bce4-4aaf-ab1b-5451cc387264' and userPrincipalName eq 'o''brien@contoso.com' and ipAddress eq null" +
        " and status/errorCode eq 50058 and resourceId eq '00000003-0000-0000-c000-000000000000'",
    )
  })

  test('the whole bucket, as the summary counts it, and every pill the signIns filter carries', () => {
    const pills: FilterPill[] = [
      { field: 'location', values: ['Paris'] },
      { field: 'correlationId', values: ['c-1'] },
      { field: 'status', values: ['Failure'] },
    ]
    const text = children(nonInteractive, pills, 'd1', {
      ...row,
      aggregationDateTime: '2026-11-29T00:00:00Z',
    })
    expect(text).toContain(
      'createdDateTime ge 2026-11-29T00:00:00Z and createdDateTime lt 2026-11-30T00:00:00Z',
    )
    expect(text).toMatch(/ and \(startswith\(location\/city,'Paris'\) or .*\) and correlationId eq 'c-1'$/)
    expect(() => parseFilter(text, betaSignInFilterSchema)).not.toThrow()
  })

  test('an error code that is not an integer never becomes filter text', () => {
    for (const errorCode of ['0 or true', '1e3', 0.5, Number.NaN, null] as unknown as number[]) {
      const bad = { ...row, status: { ...row.status, errorCode } }
      expect(() => children(nonInteractive, [], 'h1', bad)).toThrow(FilterValueError)
      expect(() => children(nonInteractive, [], 'h1', bad)).toThrow(/error code must be a whole number/)
    }
  })

  test('service principal and managed identity use their own keys; all parse in the fake', () => {
    const sp = children(tabById('service-principal'), [], 'h1')
    expect(sp).toMatch(
      /servicePrincipalId eq 'sp-1' and status\/errorCode eq 50058 and ipAddress eq null and resourceId eq /,
    )
    const mi = children(tabById('managed-identity'), [], 'h1')
    expect(mi).not.toContain('ipAddress')
    expect(mi).not.toContain('appId')
    for (const text of [sp, mi, children(nonInteractive, [], 'd1')]) {
      expect(() => parseFilter(text, betaSignInFilterSchema)).not.toThrow()
    }
    expect(() => children(interactive, [], 'd1')).toThrow()
  })
})
