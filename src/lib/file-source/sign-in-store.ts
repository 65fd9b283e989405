/**
 * The sign-ins of the opened files in DuckDB: one table, a column per filterable property (odata-sql.ts names
 * them), and where each record's text is kept (record-texts.ts: the file's own JSON, with what normalising
 * changed beside it). DuckDB's wasm heap holds every byte inserted and never gives it back, so the texts, most of
 * a file's bytes, stay out of it. Batches are appended straight to the table, and queries pick rows on the small
 * columns before reading any record's text. Written against a two-method connection so the same code runs in the
 * browser worker (async duckdb-wasm) and in Node tests (its blocking build).
 */
import type * as Arrow from 'apache-arrow'
import { summaryGroupingKeys } from '../../../contract/summary-grouping-keys.ts'
import { createGroupedResults, type GroupingBounds } from './grouped-results.ts'
import { columnOfGroupingKey, odataFilterToSql, type SqlValue, type SqlWhere } from './odata-sql.ts'
import type { FileRecord } from './read-file.ts'
import type { RecordTexts } from './record-texts.ts'
import type { FileSignIn } from './record-shape.ts'

export interface SqlConnection {
  query(sql: string, params?: SqlValue[]): Promise<Record<string, unknown>[]>
  /** Appends the Arrow table's rows to table `name` by column order (duckdb-wasm's insertArrowTable, create: false). */
  appendArrowTable(table: Arrow.Table, name: string): Promise<void>
}

/** The `apache-arrow` module duckdb-wasm itself loaded: a table built with another copy is silently not inserted. */
export type ArrowModule = Pick<
  typeof Arrow,
  'Table' | 'vectorFromArray' | 'Utf8' | 'Int32' | 'makeData' | 'makeVector'
>

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * A text column encoded in one pass into one buffer. Arrow's generic builder encodes each value and grows its
 * buffers as it goes: this builds a batch's columns faster.
 */
function utf8Vector(arrow: ArrowModule, values: readonly unknown[]): Arrow.Vector {
  let capacity = 0
  for (const value of values) if (typeof value === 'string') capacity += value.length * 3
  const bytes = new Uint8Array(capacity)
  const offsets = new Int32Array(values.length + 1)
  const valid = new Uint8Array(Math.ceil(values.length / 8))
  let end = 0
  let nullCount = 0
  values.forEach((value, index) => {
    if (typeof value === 'string') {
      end += encoder.encodeInto(value, bytes.subarray(end)).written
      valid[index >> 3]! |= 1 << (index & 7)
    } else nullCount++
    offsets[index + 1] = end
  })
  return arrow.makeVector(
    arrow.makeData({
      type: new arrow.Utf8(),
      length: values.length,
      nullCount,
      nullBitmap: valid,
      valueOffsets: offsets,
      data: bytes.subarray(0, end),
    }),
  )
}

type Column = readonly [
  name: string,
  type: 'VARCHAR' | 'INTEGER' | 'TIMESTAMP',
  value: (record: FileRecord) => unknown,
]

const s = (value: unknown): string | null => (typeof value === 'string' ? value : null)

interface SignInChanges {
  set: Record<string, unknown>
  unset: string[]
}

const changesMemo = new WeakMap<FileRecord, string | null>()

/**
 * A Graph or Azure Monitor record's normalised form shares most of its top-level values with the raw record
 * (mapGraphRecord spreads it): kept as the few properties it changes, so a file's records are kept as one JSON
 * text, not two. Null when the forms differ too much (CSV rows, Log Analytics rows): the full form is stored.
 */
function changesOf(record: FileRecord): string | null {
  if (changesMemo.has(record)) return changesMemo.get(record)!
  const { signIn, raw } = record
  let changes: string | null = null
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const original = raw as Record<string, unknown>
    const normalised = signIn as Record<string, unknown>
    const diff: SignInChanges = { set: {}, unset: [] }
    let kept = 0
    for (const [key, value] of Object.entries(normalised)) {
      if (value === undefined) continue
      if (value === original[key]) kept++
      else diff.set[key] = value
    }
    for (const key of Object.keys(original)) if (normalised[key] === undefined) diff.unset.push(key)
    if (kept >= Object.keys(diff.set).length) changes = JSON.stringify(diff)
  }
  changesMemo.set(record, changes)
  return changes
}

const COLUMNS: readonly Column[] = [
  ['id', 'VARCHAR', (r) => r.signIn.id],
  ['created_date_time', 'TIMESTAMP', (r) => r.signIn.createdDateTime],
  // A record that names no type is interactive, as Graph's default list is (graph-api.md §1.1).
  ['sign_in_event_type', 'VARCHAR', (r) => s(r.signIn.signInEventTypes?.[0]) ?? 'interactiveUser'],
  ['user_id', 'VARCHAR', (r) => s(r.signIn.userId)],
  ['user_principal_name', 'VARCHAR', (r) => s(r.signIn.userPrincipalName)],
  ['user_display_name', 'VARCHAR', (r) => s(r.signIn.userDisplayName)],
  ['app_id', 'VARCHAR', (r) => s(r.signIn.appId)],
  ['app_display_name', 'VARCHAR', (r) => s(r.signIn.appDisplayName)],
  ['error_code', 'INTEGER', (r) => r.signIn.status?.errorCode ?? null],
  ['ip_address', 'VARCHAR', (r) => s(r.signIn.ipAddress)],
  ['city', 'VARCHAR', (r) => s(r.signIn.location?.city)],
  ['state', 'VARCHAR', (r) => s(r.signIn.location?.state)],
  ['country_or_region', 'VARCHAR', (r) => s(r.signIn.location?.countryOrRegion)],
  ['resource_display_name', 'VARCHAR', (r) => s(r.signIn.resourceDisplayName)],
  ['resource_id', 'VARCHAR', (r) => s(r.signIn.resourceId)],
  ['conditional_access_status', 'VARCHAR', (r) => s(r.signIn.conditionalAccessStatus)],
  ['client_app_used', 'VARCHAR', (r) => s(r.signIn.clientAppUsed)],
  ['operating_system', 'VARCHAR', (r) => s(r.signIn.deviceDetail?.operatingSystem)],
  ['browser', 'VARCHAR', (r) => s(r.signIn.deviceDetail?.browser)],
  ['authentication_requirement', 'VARCHAR', (r) => s(r.signIn.authenticationRequirement)],
  // Non-nullable on beta (user rows carry ""): stored as the page reads it, so a group's `servicePrincipalId eq ''`
  // finds the sign-ins whose file left it out.
  ['service_principal_id', 'VARCHAR', (r) => s(r.signIn.servicePrincipalId) ?? ''],
  ['service_principal_name', 'VARCHAR', (r) => s(r.signIn.servicePrincipalName)],
  ['correlation_id', 'VARCHAR', (r) => s(r.signIn.correlationId)],
  ['msi_type', 'VARCHAR', (r) => s(r.signIn.managedServiceIdentity?.msiType)],
  ['file', 'VARCHAR', (r) => r.file],
  ['line', 'INTEGER', (r) => r.line],
]

/**
 * Where a record's text is kept (record-texts.ts): at `text_at`, the file's JSON (`raw_bytes` long), then either
 * what normalising changed (`changes_bytes`) or, when the forms differ too much, the whole normalised form
 * (`sign_in_bytes`); the other length is 0. DOUBLE: offsets pass 2 GB in big files, and stay exact to 2^53.
 */
const TEXT_COLUMNS = [
  ['text_at', 'DOUBLE'],
  ['raw_bytes', 'INTEGER'],
  ['sign_in_bytes', 'INTEGER'],
  ['changes_bytes', 'INTEGER'],
] as const

/** The batch's texts encoded one after another into one buffer, and each record's place in it. */
function encodeTexts(records: readonly FileRecord[]) {
  const raws = records.map((r) => r.rawText ?? JSON.stringify(r.raw))
  const changes = records.map(changesOf)
  const signIns = records.map((r, index) => (changes[index] === null ? JSON.stringify(r.signIn) : null))
  let capacity = 0
  raws.forEach((raw, index) => {
    capacity += (raw.length + (changes[index] ?? signIns[index]!).length) * 3
  })
  const bytes = new Uint8Array(capacity)
  const at = new Float64Array(records.length)
  const rawBytes = new Int32Array(records.length)
  const signInBytes = new Int32Array(records.length)
  const changesBytes = new Int32Array(records.length)
  let end = 0
  raws.forEach((raw, index) => {
    at[index] = end
    rawBytes[index] = encoder.encodeInto(raw, bytes.subarray(end)).written
    end += rawBytes[index]!
    const change = changes[index]
    const written = encoder.encodeInto(change ?? signIns[index]!, bytes.subarray(end)).written
    if (change === null) signInBytes[index] = written
    else changesBytes[index] = written
    end += written
  })
  return { bytes: bytes.subarray(0, end), at, rawBytes, signInBytes, changesBytes }
}

const TABLE = 'sign_ins'
const isoOf = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`
const ISO = isoOf('created_date_time')

export type SummaryEventType = 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity'
export type AggregationWindow = 'h1' | 'h6' | 'd1'

/**
 * The grouping keys of each `getSummarized*` function as columns: contract/summary-grouping-keys.ts, the list the
 * page's grouped tabs group by too, so a group's children filter finds exactly what it counts.
 */
export const SUMMARY_KEYS: Readonly<Record<SummaryEventType, readonly string[]>> = {
  nonInteractiveUser: summaryGroupingKeys.nonInteractiveUser.map(columnOfGroupingKey),
  servicePrincipal: summaryGroupingKeys.servicePrincipal.map(columnOfGroupingKey),
  managedIdentity: summaryGroupingKeys.managedIdentity.map(columnOfGroupingKey),
}

const WINDOW_HOURS: Record<AggregationWindow, number> = { h1: 1, h6: 6, d1: 24 }

export interface SummaryQuery {
  eventType: SummaryEventType
  window: AggregationWindow
  /** The summary function's `$filter` text: its `aggregationDateTime` is the bucket start. */
  filter?: string
  top: number
  skip?: number
  upTo?: number
}

/** One group: its UTC bucket, its size and first sign-in, and its newest sign-in, which carries the keys. */
export interface StoredSummary {
  bucketStart: string
  firstSignInDateTime: string
  signInCount: number
  newest: FileSignIn
}

export interface StoredSignIn {
  signIn: FileSignIn
  raw: unknown
  file: string
  line: number
}

/**
 * Every query may be limited to the first `upTo` records stored: while files still load, the page reads a
 * snapshot that later batches cannot change under it (no row twice across its pages, counts that agree).
 */
export interface SignInStore {
  /** Appends the batch; resolves to how many records are stored in all. */
  insert(records: readonly FileRecord[]): Promise<number>
  /** Newest first, as Graph lists them; `filter` is Graph `$filter` text. */
  list(options: { filter?: string; top: number; skip?: number; upTo?: number }): Promise<StoredSignIn[]>
  count(filter?: string, upTo?: number): Promise<number>
  /**
   * `getSummarized*SignIns`: newest bucket first, then the latest first sign-in, as the fake tenant pages them.
   * The last few groupings are kept whole (grouped-results.ts), so their next pages need no new GROUP BY.
   */
  summarize(query: SummaryQuery): Promise<StoredSummary[]>
  get(id: string, upTo?: number): Promise<StoredSignIn | null>
  /** The files' time span: the date presets count back from `newest`. */
  span(upTo?: number): Promise<{ oldest: string; newest: string } | null>
  /** Frees the records' texts (the spill file) and the kept groupings; the store answers nothing afterwards. */
  close(): Promise<void>
}

/** Rows are numbered in the order they were appended (the table is never updated or deleted from). */
const within = (upTo: number | undefined): SqlWhere =>
  upTo === undefined ? { sql: 'TRUE', params: [] } : { sql: 'rowid < ?', params: [upTo] }

/** The stored columns that give a record back: `storedSignIn()` reads them. */
const RECORD_COLUMNS = 'text_at, raw_bytes, sign_in_bytes, changes_bytes, file, line'

interface RecordText {
  raw: string
  signIn: string | null
  changes: string | null
}

function signInOf({ raw, signIn, changes }: RecordText): FileSignIn {
  if (signIn !== null) return JSON.parse(signIn) as FileSignIn
  const { set, unset } = JSON.parse(String(changes)) as SignInChanges
  const record = JSON.parse(raw) as Record<string, unknown>
  for (const key of unset) delete record[key]
  return Object.assign(record, set) as FileSignIn
}

export async function createSignInStore(
  connection: SqlConnection,
  arrow: ArrowModule,
  texts: RecordTexts,
  options: { groupingBounds?: GroupingBounds } = {},
): Promise<SignInStore> {
  // The JSON and Parquet readers are extensions duckdb-wasm would download at run time: files never leave the
  // browser and the app works offline, so nothing is ever fetched (the app parses JSON itself).
  await connection.query('SET autoinstall_known_extensions = false')
  await connection.query('SET autoload_known_extensions = false')
  await connection.query(
    `CREATE TABLE ${TABLE} (${[...COLUMNS, ...TEXT_COLUMNS].map(([name, type]) => `${name} ${type}`).join(', ')})`,
  )

  async function recordText(row: Record<string, unknown>): Promise<RecordText> {
    const rawBytes = Number(row.raw_bytes)
    const signInBytes = Number(row.sign_in_bytes)
    const bytes = await texts.read(Number(row.text_at), rawBytes + signInBytes + Number(row.changes_bytes))
    const rest = decoder.decode(bytes.subarray(rawBytes))
    return {
      raw: decoder.decode(bytes.subarray(0, rawBytes)),
      signIn: signInBytes > 0 ? rest : null,
      changes: signInBytes > 0 ? null : rest,
    }
  }

  async function storedSignIn(row: Record<string, unknown>): Promise<StoredSignIn> {
    const text = await recordText(row)
    return {
      signIn: signInOf(text),
      raw: JSON.parse(text.raw) as unknown,
      file: String(row.file),
      line: Number(row.line),
    }
  }

  let stored = 0
  const grouped = createGroupedResults(
    (table) => connection.query(`DROP TABLE IF EXISTS ${table}`),
    options.groupingBounds,
  )
  return {
    async insert(records) {
      if (records.length === 0) return stored
      const encoded = encodeTexts(records)
      const base = await texts.append(encoded.bytes)
      const at = encoded.at.map((offset) => offset + base)
      const vectors = Object.fromEntries([
        ...COLUMNS.map(([name, type, value]) => [
          name,
          type === 'INTEGER'
            ? arrow.vectorFromArray(records.map(value), new arrow.Int32())
            : utf8Vector(arrow, records.map(value)),
        ]),
        ['text_at', arrow.makeVector(at)],
        ['raw_bytes', arrow.makeVector(encoded.rawBytes)],
        ['sign_in_bytes', arrow.makeVector(encoded.signInBytes)],
        ['changes_bytes', arrow.makeVector(encoded.changesBytes)],
      ])
      await connection.appendArrowTable(new arrow.Table(vectors), TABLE)
      stored += records.length
      return stored
    },
    async list({ filter, top, skip = 0, upTo }) {
      const where = odataFilterToSql(filter)
      const snapshot = within(upTo)
      // The page is chosen on the small columns first: sorting whole records would copy every matching one.
      const rows = await connection.query(
        `SELECT ${RECORD_COLUMNS} FROM ${TABLE} WHERE rowid IN (SELECT rowid FROM ${TABLE}
           WHERE ${snapshot.sql} AND ${where.sql} ORDER BY created_date_time DESC, id LIMIT ? OFFSET ?)
         ORDER BY created_date_time DESC, id`,
        [...snapshot.params, ...where.params, top, skip],
      )
      return Promise.all(rows.map(storedSignIn))
    },
    async count(filter, upTo) {
      const where = odataFilterToSql(filter)
      const snapshot = within(upTo)
      const [row] = await connection.query(
        `SELECT count(*) AS n FROM ${TABLE} WHERE ${snapshot.sql} AND ${where.sql}`,
        [...snapshot.params, ...where.params],
      )
      return Number(row?.n ?? 0)
    },
    async summarize({ eventType, window, filter, top, skip = 0, upTo }) {
      const keys = SUMMARY_KEYS[eventType]
      // Windows are aligned on UTC midnight and the hours 00/06/12/18 (graph-api.md §1.2), as the fake's are.
      const bucket = `time_bucket(INTERVAL ${WINDOW_HOURS[window]} HOUR, created_date_time, TIMESTAMP '1970-01-01')`
      const onBucket = { sql: 'bucket', time: true }
      // A bucket counts toward a range by its start, for both date properties (graph-api.md §1.2); a summary
      // row's id exists only once grouped, so no filter can name it.
      const where = odataFilterToSql(filter, {
        aggregationDateTime: onBucket,
        firstSignInDateTime: onBucket,
        id: null,
      })
      // The records stored now are the snapshot of a request without one: later batches make a new grouping.
      const upToNow = Math.min(upTo ?? stored, stored)
      const grouping = JSON.stringify([eventType, window, filter ?? '', upToNow])
      const order = `bucket DESC, first_at DESC, ${keys.join(', ')}`
      const table = await grouped.tableFor(grouping, async (name) => {
        // Groups carry their newest record's row id, not the record: only a page's records are read. Kept
        // unsorted with their keys: sorting them all cost more than the first page's top-N (2-3x for 1-hour
        // windows), and a page's top-N over the kept groups takes ~20 ms.
        const [created] = await connection.query(
          `CREATE TEMP TABLE ${name} AS
           WITH matching AS (SELECT rowid AS row_id, *, ${bucket} AS bucket FROM ${TABLE}
             WHERE sign_in_event_type = ? AND rowid < ?)
           SELECT bucket, min(created_date_time) AS first_at, count(*) AS sign_in_count,
             arg_max(row_id, created_date_time) AS newest_row, ${keys.join(', ')}
           FROM matching WHERE ${where.sql}
           GROUP BY bucket, ${keys.join(', ')}`,
          [eventType, upToNow, ...where.params],
        )
        return Number(Object.values(created ?? {})[0] ?? 0)
      })
      const rows = await connection.query(
        `WITH groups AS (SELECT * FROM ${table} ORDER BY ${order} LIMIT ? OFFSET ?)
         SELECT ${isoOf('bucket')} AS bucket_start, ${isoOf('first_at')} AS first_sign_in, sign_in_count,
           ${RECORD_COLUMNS}
         FROM groups JOIN ${TABLE} ON ${TABLE}.rowid = groups.newest_row
         ORDER BY bucket DESC, first_at DESC, ${keys.map((key) => `groups.${key}`).join(', ')}`,
        [top, skip],
      )
      return Promise.all(
        rows.map(async (row) => ({
          bucketStart: String(row.bucket_start),
          firstSignInDateTime: String(row.first_sign_in),
          signInCount: Number(row.sign_in_count),
          newest: signInOf(await recordText(row)),
        })),
      )
    },
    async get(id, upTo) {
      const snapshot = within(upTo)
      const [row] = await connection.query(
        `SELECT ${RECORD_COLUMNS} FROM ${TABLE} WHERE id = ? AND ${snapshot.sql} LIMIT 1`,
        [id, ...snapshot.params],
      )
      return row ? storedSignIn(row) : null
    },
    async close() {
      // The spill file first: it outlives the worker, the kept groupings do not.
      try {
        await texts.close()
      } finally {
        await grouped.clear()
      }
    },
    async span(upTo) {
      const snapshot = within(upTo)
      const [row] = await connection.query(
        `SELECT min(${ISO}) AS oldest, max(${ISO}) AS newest FROM ${TABLE} WHERE ${snapshot.sql}`,
        snapshot.params,
      )
      return row?.oldest ? { oldest: String(row.oldest), newest: String(row.newest) } : null
    },
  }
}
