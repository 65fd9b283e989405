import type { GraphError } from '../../../lib/graph/index.ts'
import { defaultFileName, downloadFiles, encoderFor, filesForFormat } from './download-files.ts'
import { interruptionText, progressLines, resultText, waitText } from './download-messages.ts'
import type { DownloadProgress } from './run-download.ts'

describe('files offered (downloads.md §1.2)', () => {
  it('six CSV files and four JSON files, in the table order', () => {
    expect(filesForFormat('csv').map((file) => file.prefix)).toEqual([
      'InteractiveSignIns',
      'InteractiveSignIns_AuthDetails',
      'NonInteractiveSignIns',
      'NonInteractiveSignIns_AuthDetails',
      'ApplicationSignIns',
      'MSISignIns',
    ])
    expect(filesForFormat('json').map((file) => file.prefix)).toEqual([
      'InteractiveSignIns',
      'NonInteractiveSignIns',
      'ApplicationSignIns',
      'MSISignIns',
    ])
    expect(new Set(downloadFiles.map((file) => file.id)).size).toBe(10)
  })

  it('names files <Prefix>_<start>_<end>.<ext> with the UTC calendar dates of the range', () => {
    const [interactive, authDetails] = filesForFormat('csv')
    const range = { from: new Date('2020-10-15T09:30:00Z'), to: new Date('2020-10-16T09:30:00Z') }
    expect(defaultFileName(interactive!, range)).toBe('InteractiveSignIns_2020-10-15_2020-10-16.csv')
    expect(defaultFileName(authDetails!, range)).toBe(
      'InteractiveSignIns_AuthDetails_2020-10-15_2020-10-16.csv',
    )
    const sevenDays = { from: new Date('2023-03-02T23:59:00Z'), to: new Date('2023-03-09T23:59:00Z') }
    expect(defaultFileName(filesForFormat('json')[0]!, sevenDays)).toBe(
      'InteractiveSignIns_2023-03-02_2023-03-09.json',
    )
    // A local evening east of UTC is still the UTC date.
    const lateUtc = { from: new Date('2021-02-28T23:30:00-02:00'), to: new Date('2021-03-30T23:30:00-02:00') }
    expect(defaultFileName(filesForFormat('csv')[4]!, lateUtc)).toBe(
      'ApplicationSignIns_2021-03-01_2021-03-31.csv',
    )
  })

  it('picks the encoder of each file: user header for both user files, JSON array for JSON', () => {
    const [interactive, , nonInteractive, nonInteractiveAuth, application, msi] = filesForFormat('csv')
    expect(encoderFor(interactive!, { bom: false }).start()).toBe(
      encoderFor(nonInteractive!, { bom: false }).start(),
    )
    expect(encoderFor(nonInteractiveAuth!, { bom: false }).start()).toMatch(/^"Request ID","Date",/)
    expect(encoderFor(application!, { bom: false }).start()).toMatch(/"Credential thumbprint"/)
    expect(encoderFor(msi!, { bom: false }).start()).toMatch(/"Federated Token Issuer"\r\n$/)
    expect(encoderFor(filesForFormat('json')[0]!, { bom: true }).start()).toBe('[\n')
  })
})

const progress = (overrides: Partial<DownloadProgress> = {}): DownloadProgress => ({
  phase: 'running',
  recordsWritten: 12_000,
  recordsLeftOut: 0,
  pagesFetched: 12,
  bytesWritten: 1,
  expectedTotal: null,
  limit: 100_000,
  activeMs: 3000,
  recordsPerSecond: 4000,
  secondsLeft: 22,
  secondsLeftIsUpperBound: true,
  wait: null,
  interruption: null,
  ...overrides,
})

describe('status text', () => {
  it('says the total is unknown, gives speed and an upper bound for time left', () => {
    expect(progressLines(progress())).toEqual([
      '12,000 records written (12 pages)',
      'Total not known in advance: Microsoft Graph does not count sign-ins. The file stops at 100,000 records.',
      '4,000 records/s, at most 22 s left (to the 100,000-record limit)',
    ])
  })

  it('shows throttling and retries as the client reports them', () => {
    const error = { status: 503 } as GraphError
    expect(waitText({ reason: 'throttled', seconds: 7, attempt: 1, error }, 6.2)).toBe(
      'Throttled, resuming in 7 s',
    )
    expect(waitText({ reason: 'server', seconds: 2, attempt: 1, error }, 2)).toBe(
      'Microsoft Graph answered 503, retrying the same page in 2 s (attempt 2)',
    )
    expect(waitText({ reason: 'network', seconds: 2, attempt: 2, error }, 1)).toBe(
      'Connection dropped, retrying the same page in 1 s (attempt 3)',
    )
  })

  it('asks to sign in again when the token expired, naming the page it resumes from', () => {
    const text = interruptionText(
      progress({ phase: 'paused', interruption: { kind: 'unauthorized' } as GraphError }),
    )
    expect(text.title).toBe('Sign in again to continue')
    expect(text.body).toContain('continues from page 13')
  })

  it('tells the user when the file is truncated and how to narrow it', () => {
    const base = {
      pagesFetched: 100,
      bytesWritten: 1,
      keptPartial: false,
      error: null,
      recordsLeftOut: 0,
      leftOut: [],
    }
    const text = resultText({ ...base, outcome: 'truncated', recordsWritten: 100_000 }, 'X.csv')
    expect(text.intent).toBe('warning')
    expect(text.body).toContain('holds the newest 100,000 sign-ins')
    expect(text.body).toContain('Narrow the date range or add filters')
    expect(resultText({ ...base, outcome: 'cancelled', recordsWritten: 5 }, 'X.csv').body).toBe(
      'No file was saved.',
    )
  })
})
