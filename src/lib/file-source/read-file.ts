/**
 * One file → batches of normalised sign-ins, streamed. The format is recognised from the content (never the
 * extension): JSON vs CSV by the first character, then per record or by the header. Every row the app cannot use
 * is reported with the file's name, the line and the reason; none is dropped silently.
 */
import { csvRows, CsvFileError, type CsvRow } from './csv-rows.ts'
import { JsonFileError, jsonRecordTexts, recordsOfValue } from './json-splitter.ts'
import { isDiagnosticRecord, isGraphRecord, mapDiagnosticRecord, mapGraphRecord } from './map-graph.ts'
import { isLogAnalyticsRow, mapLogAnalyticsRow } from './map-log-analytics.ts'
import {
  isPortalAuthDetailsHeader,
  isPortalHeader,
  mapPortalCsvRow,
  portalLogType,
} from './map-portal-csv.ts'
import {
  RecordError,
  type FileFormat,
  type FileSignIn,
  type LogType,
  type MappedRecord,
} from './record-shape.ts'
import { textChunks, type ByteProgress } from './text-stream.ts'

export interface FileIssue {
  file: string
  /** Null when the problem is the file as a whole (not a sign-in export at all, not UTF-8 …). */
  line: number | null
  reason: string
}

export interface FileRecord {
  signIn: FileSignIn
  /** The record as the file had it (a CSV row as header → cell), for the details pane. */
  raw: unknown
  /** `raw` as the file's own JSON text, when the file holds it alone (an NDJSON line): stored without re-encoding. */
  rawText?: string
  file: string
  line: number
}

export interface ReadProgress extends ByteProgress {
  records: number
}

export interface FileReadSummary {
  file: string
  format: FileFormat | null
  /** The log type the content names (or the user chose); null when it names none. */
  logType: LogType | null
  records: number
  issues: FileIssue[]
}

export interface ReadFileOptions {
  /** The user's correction of the detected log type; applies to every record of the file. */
  logType?: LogType
  batchSize?: number
  onProgress?: (progress: ReadProgress) => void
  /**
   * At most this many progress reports through the file (and always the last): a report per chunk read is
   * thousands for a big file, each a message to the page and a render of its progress bar.
   */
  progressSteps?: number
}

/** Log Analytics' query API JSON: `{tables:[{columns:[{name}], rows:[[…]]}]}` (log-analytics.md §3.2). */
function queryApiRows(value: Record<string, unknown>): Record<string, unknown>[] | null {
  if (!Array.isArray(value.tables)) return null
  return value.tables.flatMap((table: { columns?: { name: string }[]; rows?: unknown[][] }) =>
    (table.rows ?? []).map((row) =>
      Object.fromEntries((table.columns ?? []).map((column, i) => [column.name, row[i]])),
    ),
  )
}

function mapJsonRecord(record: Record<string, unknown>): { mapped: MappedRecord; format: FileFormat } {
  if (isDiagnosticRecord(record)) return { mapped: mapDiagnosticRecord(record), format: 'azure-monitor-json' }
  if (isLogAnalyticsRow(record)) return { mapped: mapLogAnalyticsRow(record), format: 'log-analytics-json' }
  if (isGraphRecord(record)) return { mapped: mapGraphRecord(record), format: 'graph-json' }
  throw new RecordError(
    'not a sign-in record: no Graph id/createdDateTime, Azure Monitor category or Log Analytics Id',
  )
}

class FileReader {
  format: FileFormat | null = null
  logType: LogType | null
  records = 0
  readonly issues: FileIssue[] = []
  private batch: FileRecord[] = []

  constructor(
    readonly file: string,
    private readonly override: LogType | undefined,
    private readonly batchSize: number,
  ) {
    this.logType = override ?? null
  }

  issue(line: number | null, reason: string): void {
    this.issues.push({ file: this.file, line, reason })
  }

  /** Adds one record; returns a full batch when there is one to hand out. */
  add(mapped: MappedRecord, raw: unknown, line: number, rawText?: string): FileRecord[] | null {
    this.logType ??= mapped.logType
    const logType = this.override ?? mapped.logType ?? this.logType
    const signIn = logType ? { ...mapped.signIn, signInEventTypes: [logType] } : mapped.signIn
    this.batch.push({ signIn, raw, file: this.file, line, ...(rawText !== undefined && { rawText }) })
    this.records++
    return this.batch.length >= this.batchSize ? this.flush() : null
  }

  flush(): FileRecord[] {
    const batch = this.batch
    this.batch = []
    return batch
  }

  summary(): FileReadSummary {
    return {
      file: this.file,
      format: this.format,
      logType: this.logType,
      records: this.records,
      issues: this.issues,
    }
  }
}

async function* readJson(chunks: AsyncIterable<string>, reader: FileReader): AsyncGenerator<FileRecord[]> {
  for await (const item of jsonRecordTexts(chunks)) {
    if ('problem' in item) {
      reader.issue(item.problem.line, item.problem.reason)
      continue
    }
    let value: unknown
    try {
      value = JSON.parse(item.record.text)
    } catch (error) {
      reader.issue(item.record.line, `not valid JSON (${(error as Error).message})`)
      continue
    }
    const queryRows =
      value && typeof value === 'object' ? queryApiRows(value as Record<string, unknown>) : null
    const records = queryRows ?? recordsOfValue(value)
    const alone = records.length === 1 && records[0] === value ? item.record.text : undefined
    for (const record of records) {
      if (!record || typeof record !== 'object' || Array.isArray(record)) {
        reader.issue(item.record.line, 'an element that is not a JSON object')
        continue
      }
      try {
        const { mapped, format } = mapJsonRecord(record as Record<string, unknown>)
        reader.format ??= queryRows ? 'log-analytics-json' : format
        const full = reader.add(mapped, record, item.record.line, alone)
        if (full) yield full
      } catch (error) {
        if (!(error instanceof RecordError)) throw error
        reader.issue(item.record.line, error.message)
      }
    }
  }
}

async function* readCsv(chunks: AsyncIterable<string>, reader: FileReader): AsyncGenerator<FileRecord[]> {
  let headers: string[] | null = null
  let map: ((row: CsvRow) => MappedRecord) | null = null
  for await (const row of csvRows(chunks)) {
    if (!headers) {
      headers = row.cells
      map = csvMapper(headers, reader)
      continue
    }
    if (row.cells.length !== headers.length) {
      reader.issue(row.line, `the row has ${row.cells.length} cells where the header has ${headers.length}`)
      continue
    }
    try {
      const mapped = map!(row)
      const raw = Object.fromEntries(headers.map((header, i) => [header, row.cells[i]]))
      const full = reader.add(mapped, raw, row.line)
      if (full) yield full
    } catch (error) {
      if (!(error instanceof RecordError)) throw error
      reader.issue(row.line, error.message)
    }
  }
  if (!headers) throw new CsvFileError(1, 'the file is empty')
}

function csvMapper(headers: string[], reader: FileReader): (row: CsvRow) => MappedRecord {
  if (isPortalHeader(headers)) {
    reader.format = 'portal-csv'
    reader.logType ??= portalLogType(headers, reader.file)
    return (row) => mapPortalCsvRow(headers, row.cells, reader.logType)
  }
  if (isPortalAuthDetailsHeader(headers)) {
    throw new CsvFileError(
      1,
      'this is an authentication-details file (…_AuthDetails_…csv); open its sign-ins file',
    )
  }
  const asRow = Object.fromEntries(headers.map((header) => [header, '']))
  if (isLogAnalyticsRow(asRow)) {
    reader.format = 'log-analytics-csv'
    return (row) => mapLogAnalyticsRow(Object.fromEntries(headers.map((header, i) => [header, row.cells[i]])))
  }
  throw new CsvFileError(
    1,
    'the header is neither the portal’s sign-in CSV nor a Log Analytics sign-in export',
  )
}

/** Replays an iterator's first chunk so the format can be told from it before parsing starts. */
async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value
}

/**
 * Yields the file's records in batches; returns the summary (format, log type, count, every issue). Errors that
 * end the file (truncated, not UTF-8, not a sign-in export) become an issue too, after the records read so far.
 */
export async function* readSignInFile(
  file: File,
  options: ReadFileOptions = {},
): AsyncGenerator<FileRecord[], FileReadSummary> {
  const reader = new FileReader(file.name, options.logType, options.batchSize ?? 1000)
  let progress: ByteProgress = { bytesRead: 0, totalBytes: file.size }
  const step = options.progressSteps ? file.size / options.progressSteps : 0
  let reportedAt = -Infinity
  const chunks = textChunks(file, (bytes) => {
    progress = bytes
    if (bytes.bytesRead - reportedAt < step && bytes.bytesRead < bytes.totalBytes) return
    reportedAt = bytes.bytesRead
    options.onProgress?.({ ...bytes, records: reader.records })
  })
  try {
    let first = await chunks.next()
    while (!first.done && first.value.trim() === '') first = await chunks.next()
    if (first.done) {
      reader.issue(null, 'the file is empty')
      return reader.summary()
    }
    const text = prepend(first.value, chunks)
    const isJson = /^\s*[[{]/.test(first.value)
    yield* isJson ? readJson(text, reader) : readCsv(text, reader)
  } catch (error) {
    if (error instanceof JsonFileError || error instanceof CsvFileError)
      reader.issue(error.line, error.reason)
    else if (error instanceof TypeError)
      reader.issue(null, `the file cannot be read as UTF-8 text or gzip (${error.message})`)
    else throw error
  }
  const rest = reader.flush()
  if (rest.length > 0) yield rest
  options.onProgress?.({ ...progress, records: reader.records })
  return reader.summary()
}
