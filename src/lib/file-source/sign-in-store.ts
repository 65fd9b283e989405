/**
 * The sign-ins of the opened files in DuckDB: one table, a column per filterable property (odata-sql.ts names
 * them) plus the normalised record and the raw one as JSON text. Written against a two-method connection so the
 * same code runs in the browser worker (async duckdb-wasm) and in Node tests (its blocking build).
 */
import type * as Arrow from 'apache-arrow'
import { odataFilterToSql, type SqlValue } from './odata-sql.ts'
import type { FileRecord } from './read-file.ts'
import type { FileSignIn } from './record-shape.ts'

export interface SqlConnection {
  query(sql: string, params?: SqlValue[]): Promise<Record<string, unknown>[]>
  /** Creates table `name` from the Arrow table (duckdb-wasm's insertArrowTable with create: true). */
  insertArrowTable(table: Arrow.Table, name: string): Promise<void>
}

/** The `apache-arrow` module duckdb-wasm itself loaded: a table built with another copy is silently not inserted. */
export type ArrowModule = Pick<typeof Arrow, 'Table' | 'vectorFromArray' | 'Utf8' | 'Int32'>

type Column = readonly [
  name: string,
  type: 'VARCHAR' | 'INTEGER' | 'TIMESTAMP',
  value: (record: FileRecord) => unknown,
]

const s = (value: unknown): string | null => (typeof value === 'string' ? value : null)

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
  ['sign_in', 'VARCHAR', (r) => JSON.stringify(r.signIn)],
  ['raw', 'VARCHAR', (r) => JSON.stringify(r.raw)],
]

const TABLE = 'sign_ins'
const isoOf = (column: string) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`
const ISO = isoOf('created_date_time')

export type SummaryEventType = 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity'
export type AggregationWindow = 'h1' | 'h6' | 'd1'

/**
 * The grouping keys of each `getSummarized*` function (portal-ui.md §1.1), as columns; the page's grouped tabs
 * use the same keys (model/tabs.ts groupingKeys), so a group's children filter finds exactly what it counts.
 */
export const SUMMARY_KEYS: Readonly<Record<SummaryEventType, readonly string[]>> = {
  nonInteractiveUser: ['app_id', 'user_principal_name', 'ip_address', 'error_code', 'resource_id'],
  servicePrincipal: ['service_principal_id', 'error_code', 'ip_address', 'resource_id'],
  managedIdentity: ['service_principal_id', 'error_code', 'resource_id'],
}

const WINDOW_HOURS: Record<AggregationWindow, number> = { h1: 1, h6: 6, d1: 24 }

export interface SummaryQuery {
  eventType: SummaryEventType
  window: AggregationWindow
  /** The summary function's `$filter` text: its `aggregationDateTime` is the bucket start. */
  filter?: string
  top: number
  skip?: number
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

export interface SignInStore {
  insert(records: readonly FileRecord[]): Promise<void>
  /** Newest first, as Graph lists them; `filter` is Graph `$filter` text. */
  list(options: { filter?: string; top: number; skip?: number }): Promise<StoredSignIn[]>
  count(filter?: string): Promise<number>
  /** `getSummarized*SignIns`: newest bucket first, then the latest first sign-in, as the fake tenant pages them. */
  summarize(query: SummaryQuery): Promise<StoredSummary[]>
  get(id: string): Promise<StoredSignIn | null>
  /** The files' time span: the date presets count back from `newest`. */
  span(): Promise<{ oldest: string; newest: string } | null>
}

function stored(row: Record<string, unknown>): StoredSignIn {
  return {
    signIn: JSON.parse(String(row.sign_in)) as FileSignIn,
    raw: JSON.parse(String(row.raw)) as unknown,
    file: String(row.file),
    line: Number(row.line),
  }
}

export async function createSignInStore(connection: SqlConnection, arrow: ArrowModule): Promise<SignInStore> {
  // The JSON and Parquet readers are extensions duckdb-wasm would download at run time: files never leave the
  // browser and the app works offline, so nothing is ever fetched (the app parses JSON itself).
  await connection.query('SET autoinstall_known_extensions = false')
  await connection.query('SET autoload_known_extensions = false')
  await connection.query(
    `CREATE TABLE ${TABLE} (${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`,
  )
  let batchNumber = 0

  return {
    async insert(records) {
      if (records.length === 0) return
      const vectors = Object.fromEntries(
        COLUMNS.map(([name, type, value]) => [
          name,
          arrow.vectorFromArray(
            records.map(value),
            type === 'INTEGER' ? new arrow.Int32() : new arrow.Utf8(),
          ),
        ]),
      )
      const staging = `staging_${batchNumber++}`
      await connection.insertArrowTable(new arrow.Table(vectors), staging)
      const select = COLUMNS.map(([name, type]) =>
        type === 'TIMESTAMP' ? `CAST(${name} AS TIMESTAMP)` : name,
      )
      await connection.query(`INSERT INTO ${TABLE} SELECT ${select.join(', ')} FROM ${staging}`)
      await connection.query(`DROP TABLE ${staging}`)
    },
    async list({ filter, top, skip = 0 }) {
      const where = odataFilterToSql(filter)
      const rows = await connection.query(
        `SELECT sign_in, raw, file, line FROM ${TABLE} WHERE ${where.sql} ORDER BY created_date_time DESC, id LIMIT ? OFFSET ?`,
        [...where.params, top, skip],
      )
      return rows.map(stored)
    },
    async count(filter) {
      const where = odataFilterToSql(filter)
      const [row] = await connection.query(
        `SELECT count(*) AS n FROM ${TABLE} WHERE ${where.sql}`,
        where.params,
      )
      return Number(row?.n ?? 0)
    },
    async summarize({ eventType, window, filter, top, skip = 0 }) {
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
      const rows = await connection.query(
        `WITH matching AS (SELECT *, ${bucket} AS bucket FROM ${TABLE} WHERE sign_in_event_type = ?)
         SELECT ${isoOf('bucket')} AS bucket_start, ${isoOf('min(created_date_time)')} AS first_sign_in,
           count(*) AS sign_in_count, arg_max(sign_in, created_date_time) AS newest
         FROM matching WHERE ${where.sql}
         GROUP BY bucket, ${keys.join(', ')}
         ORDER BY bucket DESC, min(created_date_time) DESC, ${keys.join(', ')}
         LIMIT ? OFFSET ?`,
        [eventType, ...where.params, top, skip],
      )
      return rows.map((row) => ({
        bucketStart: String(row.bucket_start),
        firstSignInDateTime: String(row.first_sign_in),
        signInCount: Number(row.sign_in_count),
        newest: JSON.parse(String(row.newest)) as FileSignIn,
      }))
    },
    async get(id) {
      const [row] = await connection.query(
        `SELECT sign_in, raw, file, line FROM ${TABLE} WHERE id = ? LIMIT 1`,
        [id],
      )
      return row ? stored(row) : null
    },
    async span() {
      const [row] = await connection.query(
        `SELECT min(${ISO}) AS oldest, max(${ISO}) AS newest FROM ${TABLE}`,
      )
      return row?.oldest ? { oldest: String(row.oldest), newest: String(row.newest) } : null
    },
  }
}
