/**
 * Node tests run the real engine: duckdb-wasm's blocking Node build, with the Arrow copy it requires (the CJS
 * one; an ESM-built table would silently not be inserted).
 */
import { createRequire } from 'node:module'
import type * as Arrow from 'apache-arrow'
import type * as DuckDB from '@duckdb/duckdb-wasm/blocking'
import type { GroupingBounds } from './grouped-results.ts'
import { memoryRecordTexts, type RecordTexts } from './record-texts.ts'
import { createSignInStore, type ArrowModule, type SignInStore, type SqlConnection } from './sign-in-store.ts'

const require = createRequire(import.meta.url)
const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof DuckDB
const arrow = require('apache-arrow') as typeof Arrow
const dist = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`)

export interface NodeStoreOptions {
  groupingBounds?: GroupingBounds
  /** Sees every SQL statement the store runs. */
  onQuery?: (sql: string) => void
}

/** `texts`: where the records' texts go; in memory unless a test gives its own (a spill file on a fake OPFS). */
export async function createNodeStore(
  texts: RecordTexts = memoryRecordTexts(),
  options: NodeStoreOptions = {},
): Promise<SignInStore> {
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  )
  await db.instantiate()
  const connection = db.connect()
  const toRows = (table: Arrow.Table) => table.toArray().map((row) => row.toJSON() as Record<string, unknown>)
  const sql: SqlConnection = {
    query: async (text, params = []) => {
      options.onQuery?.(text)
      return toRows(params.length === 0 ? connection.query(text) : connection.prepare(text).query(...params))
    },
    appendArrowTable: async (table, name) => connection.insertArrowTable(table, { name, create: false }),
  }
  return createSignInStore(sql, arrow as unknown as ArrowModule, texts, options)
}
