// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { gzip, haveRealFixtures, readAll, realFile } from './testing.ts'

const file = (text: string, name = 'file.json') => new File([text], name)

const graphRecord = (id: string, type = 'interactiveUser') => ({
  id,
  createdDateTime: '2026-11-20T08:15:02Z',
  userPrincipalName: `${id}@contoso.example`,
  signInEventTypes: [type],
  status: { errorCode: 0, failureReason: null, additionalDetails: null },
})

describe('progress', () => {
  const lines = Array.from({ length: 4000 }, (_, i) => `${JSON.stringify(graphRecord(`r${i}`))}\n`)
  // Read in many chunks, as a big file on disk is.
  const chunkedFile = () => new File(lines, 'big.ndjson')

  it('reports the bytes read and records as the file is read, ending with the whole file', async () => {
    const reports: { bytesRead: number; records: number }[] = []
    const bigFile = chunkedFile()
    await readAll(bigFile, { onProgress: (progress) => reports.push(progress) })
    expect(reports.length).toBeGreaterThan(4)
    expect(reports.at(-1)).toEqual({ bytesRead: bigFile.size, totalBytes: bigFile.size, records: 4000 })
  })

  it('reports at most progressSteps times through the file, plus the end', async () => {
    const reports: { bytesRead: number; records: number }[] = []
    const bigFile = chunkedFile()
    await readAll(bigFile, { progressSteps: 2, onProgress: (progress) => reports.push(progress) })
    expect(reports.length).toBeLessThanOrEqual(4)
    expect(reports.at(-1)).toEqual({ bytesRead: bigFile.size, totalBytes: bigFile.size, records: 4000 })
  })
})

describe('Graph JSON layouts', () => {
  const records = [graphRecord('a'), graphRecord('b', 'managedIdentity')]

  it.each([
    ['a JSON array (the portal download)', JSON.stringify(records, null, 2)],
    [
      'the app’s own JSON download: one record per line inside [ ]',
      `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`,
    ],
    ['a Graph page', JSON.stringify({ '@odata.context': 'x', value: records, '@odata.nextLink': 'y' })],
    ['NDJSON (the app’s export)', records.map((r) => JSON.stringify(r)).join('\n') + '\n'],
    [
      'NDJSON of Graph pages',
      JSON.stringify({ value: [records[0]] }) + '\n' + JSON.stringify({ value: [records[1]] }),
    ],
  ])('%s', async (_, text) => {
    const { records: read, summary } = await readAll(file(text))
    expect(read.map((r) => r.signIn.id)).toEqual(['a', 'b'])
    expect(read.map((r) => r.signIn.signInEventTypes)).toEqual([['interactiveUser'], ['managedIdentity']])
    expect(summary).toMatchObject({
      format: 'graph-json',
      logType: 'interactiveUser',
      records: 2,
      issues: [],
    })
    expect(read[0]!.raw).toEqual(records[0])
  })

  it('keeps an NDJSON line’s own text as the raw record, to store it without encoding it again', async () => {
    const lines = records.map((r) => JSON.stringify(r, null, 0))
    const { records: read } = await readAll(file(lines.join('\n')))
    expect(read.map((r) => r.rawText)).toEqual(lines)
    const { records: fromArray } = await readAll(file(JSON.stringify({ value: records })))
    expect(fromArray.map((r) => r.rawText)).toEqual([undefined, undefined])
  })

  it('reads gzip from its magic bytes, whatever the name', async () => {
    const { records: read } = await readAll(await gzip(records.map((r) => JSON.stringify(r)).join('\n')))
    expect(read.map((r) => r.signIn.id)).toEqual(['a', 'b'])
  })

  it('reads a record split across many small chunks', async () => {
    const text = JSON.stringify({ value: records }, null, 1)
    const parts = [...text].map((c) => new Blob([c]))
    const { records: read } = await readAll(new File(parts, 'split.json'))
    expect(read).toHaveLength(2)
  })
})

describe('problems are reported by file, line and reason', () => {
  it('a broken NDJSON line, keeping the lines around it', async () => {
    const text = [
      JSON.stringify(graphRecord('a')),
      '{"id": "b", "createdDate',
      JSON.stringify(graphRecord('c')),
    ].join('\n')
    const { records, summary } = await readAll(file(text, 'dump.ndjson'))
    expect(records.map((r) => r.signIn.id)).toEqual(['a', 'c'])
    expect(summary.issues).toEqual([
      { file: 'dump.ndjson', line: 2, reason: expect.stringMatching(/not valid JSON/) },
    ])
  })

  it('a record without a time', async () => {
    const text = JSON.stringify([graphRecord('a'), { id: 'b', createdDateTime: 'yesterday' }], null, 2)
    const { summary } = await readAll(file(text, 'x.json'))
    expect(summary.issues).toEqual([
      { file: 'x.json', line: 15, reason: 'the record has no readable createdDateTime' },
    ])
  })

  it('a truncated array', async () => {
    const { records, summary } = await readAll(
      file(`[\n${JSON.stringify(graphRecord('a'))},\n{"id":"b",`, 'cut.json'),
    )
    expect(records).toHaveLength(1)
    expect(summary.issues).toEqual([
      { file: 'cut.json', line: 3, reason: expect.stringMatching(/ends in the middle/) },
    ])
  })

  it('a file that is no export at all', async () => {
    const { summary } = await readAll(file('hello,world\n1,2\n', 'notes.csv'))
    expect(summary.issues).toEqual([
      { file: 'notes.csv', line: 1, reason: expect.stringMatching(/neither the portal/) },
    ])
  })

  it('a CSV row with the wrong number of cells, and an unclosed quote', async () => {
    const header = '"Date (UTC)","Request ID","Username"'
    const text = [
      header,
      '"2026-11-20T08:15:02Z","r1","a@b"',
      '"2026-11-20T08:15:03Z","r2"',
      '"2026-11-20T08:15:04Z","r3","oops',
    ].join('\r\n')
    const { records, summary } = await readAll(file(text, 'InteractiveSignIns_2026-11-01_2026-11-30.csv'))
    expect(records.map((r) => r.signIn.id)).toEqual(['r1'])
    expect(summary.issues).toEqual([
      {
        file: 'InteractiveSignIns_2026-11-01_2026-11-30.csv',
        line: 3,
        reason: 'the row has 2 cells where the header has 3',
      },
      {
        file: 'InteractiveSignIns_2026-11-01_2026-11-30.csv',
        line: 4,
        reason: expect.stringMatching(/never closed/),
      },
    ])
  })
})

describe('the log type', () => {
  it('comes from the portal file name for the shared user header, and the user can correct it', async () => {
    const text = '"Date (UTC)","Request ID","Username"\n"2026-11-20T08:15:02Z","r1","a@b"\n'
    const named = await readAll(file(text, 'NonInteractiveSignIns_2026-11-01_2026-11-30.csv'))
    expect(named.summary.logType).toBe('nonInteractiveUser')
    expect(named.records[0]!.signIn.signInEventTypes).toEqual(['nonInteractiveUser'])
    const unnamed = await readAll(file(text, 'renamed.csv'))
    expect(unnamed.summary.logType).toBeNull()
    const corrected = await readAll(file(text, 'renamed.csv'), { logType: 'interactiveUser' })
    expect(corrected.records[0]!.signIn.signInEventTypes).toEqual(['interactiveUser'])
  })
})

describe.skipIf(!haveRealFixtures)('real exports (../shared/fixtures/real)', () => {
  it('Sentinel CSV with union column pairs and [UTC] headers', async () => {
    const { records, summary } = await readAll(realFile('sentinel-traininglab-signinlogs-adele.csv'))
    expect(summary).toMatchObject({
      format: 'log-analytics-csv',
      logType: 'interactiveUser',
      records: 56,
      issues: [],
    })
    const first = records[0]!.signIn
    expect(first).toMatchObject({
      id: 'cfb68155-70f5-4e28-b046-0a3a7086c401',
      createdDateTime: '2021-04-28T14:08:45.221Z',
      userPrincipalName: 'adelev@m365x816222.onmicrosoft.com',
      userType: 'member',
      ipAddress: '175.45.176.99',
      resourceId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
      isInteractive: true,
      status: { errorCode: 0 },
      deviceDetail: { operatingSystem: 'Windows 10', browser: 'Edge 90.0.818' },
      location: { countryOrRegion: 'IL' },
      signInEventTypes: ['interactiveUser'],
    })
    expect(first.authenticationDetails?.[0]?.authenticationStepDateTime).toBe('2021-04-28T14:08:45.221Z')
    expect(records.some((r) => r.signIn.status?.errorCode === 16000)).toBe(true)
    // Log Analytics writes condition flags as integers; Graph as comma-joined names.
    const policy = records.flatMap((r) => r.signIn.appliedConditionalAccessPolicies ?? [])[0]
    expect(typeof policy?.conditionsSatisfied).toBe('string')
    expect(policy?.conditionsNotSatisfied).toMatch(/^[a-zA-Z,]+$/)
  })

  it('Sentinel CSV without any time column falls back to the authentication steps', async () => {
    const { records, summary } = await readAll(
      realFile('sentinel-traininglab-signinlogs-disabled-accounts.csv'),
    )
    expect(summary).toMatchObject({ format: 'log-analytics-csv', records: 4, issues: [] })
    expect(records.every((r) => r.signIn.status?.errorCode === 50057)).toBe(true)
    expect(records.every((r) => !Number.isNaN(Date.parse(r.signIn.createdDateTime)))).toBe(true)
  })

  it('msticpy row objects (NDJSON with PascalCase Log Analytics columns)', async () => {
    const { records, summary } = await readAll(realFile('msticpy-aad-logons-signinlogs.ndjson'))
    expect(summary).toMatchObject({
      format: 'log-analytics-json',
      logType: 'interactiveUser',
      records: 86,
      issues: [],
    })
    expect(records[0]!.signIn).toMatchObject({
      id: 'f05079ed-f820-4531-ab26-498b53af3800',
      createdDateTime: '2020-05-20T18:19:04.000Z',
      processingTimeInMilliseconds: 366,
      deviceDetail: { browser: 'Edge 81.0.416' },
    })
  })

  it.each([
    ['datadog-blob-signinlogs.ndjson', 'interactiveUser', 5],
    ['datadog-blob-noninteractiveusersigninlogs.ndjson', 'nonInteractiveUser', 14],
    ['datadog-blob-serviceprincipalsigninlogs.ndjson', 'servicePrincipal', 25],
    ['datadog-blob-managedidentitysigninlogs.ndjson', 'managedIdentity', 24],
  ])('Azure Monitor diagnostic records: %s', async (name, logType, count) => {
    const { records, summary } = await readAll(realFile(name))
    expect(summary).toMatchObject({ format: 'azure-monitor-json', logType, records: count, issues: [] })
    expect(records.every((r) => r.signIn.signInEventTypes?.[0] === logType)).toBe(true)
    expect(records.every((r) => typeof r.signIn.status?.errorCode === 'number')).toBe(true)
  })

  it('Azure Monitor schema sample (one pretty-printed record)', async () => {
    const { records, summary } = await readAll(realFile('ms-docs-azure-monitor-signin-2022.json'))
    expect(summary).toMatchObject({ format: 'azure-monitor-json', records: 1, issues: [] })
    expect(records[0]!.signIn.status?.errorCode).toBe(50140)
  })

  it.each(['graph-docs-beta-signin-list-2022-ex1.json', 'graph-docs-beta-signin-list-2021-ex2.json'])(
    'Graph beta pages: %s',
    async (name) => {
      const { records, summary } = await readAll(realFile(name))
      expect(summary).toMatchObject({ format: 'graph-json', issues: [] })
      expect(records.length).toBeGreaterThan(0)
      expect(records.every((r) => typeof r.signIn.userPrincipalName === 'string')).toBe(true)
    },
  )
})
