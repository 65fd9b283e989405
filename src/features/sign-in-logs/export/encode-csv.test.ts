import * as fc from 'fast-check'
import Papa from 'papaparse'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { csvLayouts } from './csv-columns.ts'
import { headerLabels } from './csv-headers.ts'
import { createCsvEncoder, encodeCsvRow, neutraliseFormula, quoteCell } from './encode-csv.ts'
import { createJsonEncoder } from './encode-json.ts'
import { makeSignIn } from './test-sign-in.ts'

/** Parse with papaparse (an independent implementation) exactly as a reader of the file would. */
function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: false })
  expect(result.errors).toEqual([])
  // The file ends with CRLF, which papaparse reports as one last empty row.
  expect(result.data.at(-1)).toEqual([''])
  return result.data.slice(0, -1)
}

function cellsOf(line: string): Record<string, string> {
  const [header, row] = parseCsv(line)
  return Object.fromEntries((header ?? []).map((label, index) => [label, row?.[index] ?? '']))
}

describe('value formats (downloads.md §4)', () => {
  const file = (record: BetaSignIn) => {
    const encoder = createCsvEncoder('user')
    return encoder.start() + encoder.encode([record]) + encoder.end()
  }

  it('writes the record as the portal formats it', () => {
    const cells = cellsOf(file(makeSignIn({ createdDateTime: '2026-11-20T08:15:02.1234567Z' })))
    expect(cells['Date (UTC)']).toBe('2026-11-20T08:15:02Z')
    expect(cells['Location']).toBe('Redmond, Washington, US')
    expect(cells['Status']).toBe('Success')
    expect(cells['Sign-in error code']).toBe('')
    expect(cells['Failure reason']).toBe('Other.')
    expect(cells['Latency']).toBe('123ms')
    expect(cells['Compliant']).toBe('false')
    expect(cells['User type']).toBe('Member')
    expect(cells['Token issuer type']).toBe('Azure AD')
    expect(cells['Authentication requirement']).toBe('Single-factor authentication')
    expect(cells['Conditional Access']).toBe('Not Applied')
    expect(cells['Token Protection - Sign In Session']).toBe('Unbound')
    expect(cells['Token Protection - Sign In Session StatusCode']).toBe('1002')
    expect(cells['Application ID ']).toBe('1fec8e78-bce4-4aaf-ab1b-5451cc387264')
    expect(cells['Multifactor authentication auth method']).toBe('')
  })

  it('quotes every data cell and ends rows with CRLF', () => {
    const row = createCsvEncoder('user').encode([makeSignIn()])
    expect(row.endsWith('"\r\n')).toBe(true)
    expect(row.startsWith('"2026-11-20T08:15:02Z","8a1c2d3e-')).toBe(true)
    expect(row.split('","')).toHaveLength(57)
  })

  it('labels interrupted and failed sign-ins and keeps the error code', () => {
    const interrupted = cellsOf(
      file(makeSignIn({ status: { errorCode: 50140, failureReason: 'KMSI', additionalDetails: null } })),
    )
    expect([interrupted['Status'], interrupted['Sign-in error code']]).toEqual(['Interrupted', '50140'])
    const failed = cellsOf(
      file(
        makeSignIn({ status: { errorCode: 50126, failureReason: 'Bad password', additionalDetails: null } }),
      ),
    )
    expect([failed['Status'], failed['Sign-in error code']]).toEqual(['Failure', '50126'])
  })

  it('writes empty cells for nulls, never "null"', () => {
    const cells = cellsOf(
      file(
        makeSignIn({
          location: null,
          deviceDetail: null,
          userAgent: null,
          processingTimeInMilliseconds: null,
        }),
      ),
    )
    expect([
      cells['Location'],
      cells['Browser'],
      cells['Compliant'],
      cells['User agent'],
      cells['Latency'],
    ]).toEqual(['', '', '', '', ''])
    expect(file(makeSignIn({ location: null }))).not.toMatch(/null|undefined/)
  })

  it('writes a field of the wrong type as text instead of throwing', () => {
    const odd = {
      ...makeSignIn(),
      id: 1234,
      userDisplayName: 42,
      ipAddress: true,
    } as unknown as BetaSignIn
    const cells = cellsOf(file(odd))
    expect([cells['Request ID'], cells['User'], cells['IP address']]).toEqual(['1234', '42', 'true'])
  })

  it('keeps empty location segments', () => {
    const cells = cellsOf(
      file(
        makeSignIn({
          location: { city: null, state: 'Victoria', countryOrRegion: 'AU', geoCoordinates: null },
        }),
      ),
    )
    expect(cells['Location']).toBe(', Victoria, AU')
  })

  it('writes one AuthDetails row per authentication step, joined by Request ID', () => {
    const step = makeSignIn().authenticationDetails[0]!
    const record = makeSignIn({
      authenticationDetails: [
        step,
        {
          ...step,
          authenticationMethod: 'Text message',
          succeeded: false,
          authenticationStepRequirement: 'Multifactor authentication',
        },
      ],
    })
    const encoder = createCsvEncoder('authDetails')
    const rows = parseCsv(
      encoder.start() + encoder.encode([record, makeSignIn({ id: 'no-steps', authenticationDetails: [] })]),
    )
    expect(rows).toEqual([
      headerLabels(csvLayouts.authDetails.header),
      [
        record.id,
        '2026-11-20T08:15:02Z',
        'Password',
        'Password Hash Sync',
        'true',
        'Correct password',
        'Primary authentication',
      ],
      [
        record.id,
        '2026-11-20T08:15:02Z',
        'Text message',
        'Password Hash Sync',
        'false',
        'Correct password',
        'Multifactor authentication',
      ],
    ])
  })
})

describe('CSV injection neutralisation (OWASP)', () => {
  it.each(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '\0x', ' =HYPERLINK("x")', '\n=1'])(
    'prefixes %j with a quote',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`)
    },
  )

  it.each(['', 'abc', "'=already", 'a=b', '1-2', ' plain', 'user@contoso.example'])(
    'leaves %j alone',
    (value) => {
      expect(neutraliseFormula(value)).toBe(value)
    },
  )

  it('neutralises a Graph string that starts with "-" (uniqueTokenIdentifier [T 20])', () => {
    const row = createCsvEncoder('user').encode([makeSignIn({ uniqueTokenIdentifier: '-AbC' })])
    expect(row).toContain(`"'-AbC"`)
  })

  it('doubles quotes (RFC 4180 §2.7)', () => {
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""')
  })
})

// Strings built to break a CSV: quotes, separators, line breaks, formula triggers, astral unicode.
const hostileString = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '"',
      ',',
      '\r',
      '\n',
      '=',
      '+',
      '-',
      '@',
      '\t',
      ' ',
      "'",
      'a',
      'é',
      '日',
      '😀',
      '\0',
    ),
  }),
  fc.string({ unit: 'grapheme' }),
  fc.string(),
)

describe('round trip through papaparse (property-based)', () => {
  it('any row of hostile strings parses back to the neutralised values', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 1, maxLength: 8 }), (cells) => {
        const [parsed, ...rest] = parseCsv(encodeCsvRow(cells))
        expect(rest).toEqual([])
        expect(parsed).toEqual(cells.map(neutraliseFormula))
      }),
      { numRuns: 300 },
    )
  })

  it('files of records with hostile strings parse back to the same values, one row per record', () => {
    const hostileRecord = fc
      .record({
        id: fc.uuid(),
        userDisplayName: hostileString,
        userAgent: fc.option(hostileString),
        appDisplayName: hostileString,
        failureReason: hostileString,
        city: fc.option(hostileString),
        uniqueTokenIdentifier: hostileString,
      })
      .map((v) =>
        makeSignIn({
          id: v.id,
          userDisplayName: v.userDisplayName,
          userAgent: v.userAgent,
          appDisplayName: v.appDisplayName,
          uniqueTokenIdentifier: v.uniqueTokenIdentifier,
          status: { errorCode: 50126, failureReason: v.failureReason, additionalDetails: null },
          location: { city: v.city, state: 'Washington', countryOrRegion: 'US', geoCoordinates: null },
        }),
      )
    fc.assert(
      fc.property(
        fc.array(hostileRecord, { maxLength: 5 }),
        fc.constantFrom('user', 'servicePrincipal', 'managedIdentity' as const),
        (records, content) => {
          const encoder = createCsvEncoder(content)
          const half = Math.floor(records.length / 2)
          // Encoded in two "pages", as the download does.
          const text =
            encoder.start() +
            encoder.encode(records.slice(0, half)) +
            encoder.encode(records.slice(half)) +
            encoder.end()
          const [header, ...rows] = parseCsv(text)
          const { columns } = csvLayouts[content]
          expect(header).toEqual(headerLabels(csvLayouts[content].header))
          expect(rows).toEqual(
            records.map((record) => columns.map((column) => neutraliseFormula(column.value(record)))),
          )
        },
      ),
      { numRuns: 100 },
    )
  })

  it('JSON files parse back to the same Graph objects, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.uuid(), name: hostileString }), { maxLength: 6 }),
        fc.nat(6),
        (values, cut) => {
          const records = values.map((v) => makeSignIn({ id: v.id, userDisplayName: v.name }))
          const encoder = createJsonEncoder()
          const text =
            encoder.start() +
            encoder.encode(records.slice(0, cut)) +
            encoder.encode(records.slice(cut)) +
            encoder.end()
          expect(JSON.parse(text)).toEqual(records)
          // One record per line between "[" and "]".
          expect(text.split('\n')).toHaveLength(records.length === 0 ? 3 : records.length + 3)
        },
      ),
      { numRuns: 100 },
    )
  })
})
