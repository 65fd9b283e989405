// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  enumOfDisplayText,
  isPortalHeader,
  mapPortalCsvRow,
  PORTAL_CSV_COLUMNS,
  PORTAL_CSV_MISSING,
  portalLogType,
} from './map-portal-csv.ts'
import { toIsoUtc } from './record-shape.ts'
import { readAll, SPEC_DIR } from './testing.ts'

/** Columns whose value is derived from others (Status from the error code) or has no Graph property. */
const NOT_MAPPED = new Set([
  'Status',
  'Token Protection - Sign In Session',
  'Multifactor authentication result',
])

const specPath = `${SPEC_DIR}downloads.md`
const headerLines = existsSync(specPath)
  ? readFileSync(specPath, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('"Date (UTC)"'))
  : []
if (headerLines.length === 0) console.warn(`${specPath} is absent: the portal header check is skipped.`)

describe.skipIf(headerLines.length === 0)('the portal headers of downloads.md §2', () => {
  it.each(headerLines.map((line) => [line.slice(0, 60), line]))('maps every column of %s…', (_, line) => {
    const labels = line.slice(1, -1).split('","')
    expect(isPortalHeader(labels)).toBe(true)
    expect(labels.filter((label) => !PORTAL_CSV_COLUMNS[label] && !NOT_MAPPED.has(label))).toEqual([])
    expect(portalLogType(labels, 'x.csv')).not.toBe('interactiveUser')
  })
})

describe('portal CSV values (downloads.md §4)', () => {
  it('turns display text back into Graph names', () => {
    expect(enumOfDisplayText('Primary refresh token')).toBe('primaryRefreshToken')
    expect(enumOfDisplayText('Not Applied')).toBe('notApplied')
    expect(enumOfDisplayText('Guest')).toBe('guest')
    expect(enumOfDisplayText('')).toBeUndefined()
  })

  it('reads a service principal row', async () => {
    const header =
      '"Date (UTC)","Request ID","Correlation ID","Service principal ID","Service principal name","Credential key ID","Credential thumbprint","Application","Application ID ","App owner tenant ID","Resource","Resource ID ","Resource tenant ID","Resource owner tenant ID","Home tenant ID","Home tenant name","IP address","Location","Status","Sign-in error code","Failure reason","Conditional Access"'
    const row =
      '"2026-11-20T08:15:02Z","r1","c1","sp1","Payroll","k1","","Payroll","app1","","Graph","res1","t1","","","","203.0.113.7","Redmond, , US","Failure","7000215","Invalid client secret","Not Applied"'
    const { records, summary } = await readAll(
      new File([`${header}\r\n${row}\r\n`], 'ApplicationSignIns_2026-11-01_2026-11-30.csv'),
    )
    expect(summary).toMatchObject({ format: 'portal-csv', logType: 'servicePrincipal', issues: [] })
    expect(records[0]!.signIn).toEqual({
      id: 'r1',
      createdDateTime: '2026-11-20T08:15:02.000Z',
      correlationId: 'c1',
      servicePrincipalId: 'sp1',
      servicePrincipalName: 'Payroll',
      servicePrincipalCredentialKeyId: 'k1',
      appDisplayName: 'Payroll',
      appId: 'app1',
      resourceDisplayName: 'Graph',
      resourceId: 'res1',
      resourceTenantId: 't1',
      ipAddress: '203.0.113.7',
      location: { city: 'Redmond', state: null, countryOrRegion: 'US', geoCoordinates: null },
      status: { errorCode: 7000215, failureReason: 'Invalid client secret', additionalDetails: null },
      conditionalAccessStatus: 'notApplied',
      signInEventTypes: ['servicePrincipal'],
    })
  })
})

describe('time stamps', () => {
  it.each([
    ['4/28/2021, 2:08:45.221 PM', '2021-04-28T14:08:45.221Z'],
    ['6/15/2023, 12:09:31 PM', '2023-06-15T12:09:31.000Z'],
    ['1/2/2023, 12:00:01 AM', '2023-01-02T00:00:01.000Z'],
    ['2025-11-21 19:45:18.0766240', '2025-11-21T19:45:18.076Z'],
    ['2025-04-11T05:21:05.5053704Z', '2025-04-11T05:21:05.505Z'],
    ['2021-04-28T14:08:45.2213421+00:00', '2021-04-28T14:08:45.221Z'],
  ])('%s is %s', (text, iso) => {
    expect(toIsoUtc(text)).toBe(iso)
  })

  it('is null for text that is no time', () => {
    expect(toIsoUtc('yesterday')).toBeNull()
    expect(toIsoUtc('')).toBeNull()
  })
})

describe('what the portal CSV lacks (the details pane names it)', () => {
  const valueAt = (record: unknown, path: string) =>
    path
      .split('.')
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record)

  it('every listed detail is absent from a row with every portal column filled', () => {
    const headers = Object.keys(PORTAL_CSV_COLUMNS)
    const sample: Record<string, string> = {
      'Date (UTC)': '2026-11-20T08:15:02Z',
      'Sign-in error code': '50126',
      Latency: '12',
      Location: 'Redmond, Washington, US',
      Compliant: 'true',
      Managed: 'false',
      'Through Global Secure Access': 'false',
      'Flagged for review': 'false',
      'Autonomous system  number': '8075',
      'Token Protection - Sign In Session StatusCode': '0',
    }
    const { signIn } = mapPortalCsvRow(
      headers,
      headers.map((header) => sample[header] ?? 'x'),
      'interactiveUser',
    )
    // The flattened objects are there, only their nested parts are not.
    expect(valueAt(signIn, 'location.city')).toBe('Redmond')
    expect(valueAt(signIn, 'deviceDetail.browser')).toBe('x')
    // Absent, or null where the mapper completes its object (nothing known).
    expect(PORTAL_CSV_MISSING.filter(({ path }) => valueAt(signIn, path) != null)).toEqual([])
  })
})
