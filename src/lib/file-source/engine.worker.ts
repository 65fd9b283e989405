/// <reference lib="webworker" />
/**
 * The file engine: reads the files (streamed, in batches) and keeps their sign-ins in DuckDB-WASM, off the page's
 * thread. Every DuckDB file comes from the app's own origin (Vite `?url` assets): nothing is fetched elsewhere,
 * and the files' bytes never leave this worker.
 */
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import * as arrow from 'apache-arrow'
import type { EngineRequest, EngineResponse } from './engine-protocol.ts'
import { createRequestQueue } from './request-queue.ts'
import { readSignInFile, type FileReadSummary } from './read-file.ts'
import { openRecordTexts } from './record-texts.ts'
import { createSignInStore, type SignInStore } from './sign-in-store.ts'

declare const self: DedicatedWorkerGlobalScope

async function startStore(): Promise<SignInStore> {
  const texts = openRecordTexts()
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  })
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!))
  await db.instantiate(bundle.mainModule)
  const connection = await db.connect()
  return createSignInStore(
    {
      async query(sql, params = []) {
        const table =
          params.length === 0
            ? await connection.query(sql)
            : await (await connection.prepare(sql)).query(...params)
        return table.toArray().map((row) => row.toJSON() as Record<string, unknown>)
      },
      async appendArrowTable(table, name) {
        await connection.insertArrowTable(table, { name, create: false })
      },
    },
    arrow,
    await texts,
  )
}

/**
 * Records read before a batch is stored. Each batch's parsed records and line texts outlive the young
 * generation's collections and pile up in the old one until a full collection: a quarter of the reader's
 * default bounds that garbage (the records' texts no longer go through DuckDB, so small batches cost little).
 */
const BATCH_RECORDS = 250

let store: Promise<SignInStore> | null = null

const reply = (message: EngineResponse) => self.postMessage(message)

async function open(
  id: number,
  request: Extract<EngineRequest, { kind: 'open' }>,
): Promise<FileReadSummary[]> {
  const ready = await (store ??= startStore())
  const summaries: FileReadSummary[] = []
  for (const { file, logType } of request.files) {
    const reading = readSignInFile(file, {
      batchSize: BATCH_RECORDS,
      progressSteps: 200,
      logType,
      onProgress: (progress) => reply({ id, progress: { ...progress, file: file.name } }),
    })
    for (let next = await reading.next(); ; next = await reading.next()) {
      if (next.done) {
        summaries.push(next.value)
        break
      }
      reply({ id, stored: await ready.insert(next.value) })
    }
  }
  return summaries
}

/**
 * Queries wait their turn here rather than in DuckDB's own queue, so a withdrawn one can be dropped before it
 * runs. Opening is not queued: its batches are stored between the queries, which show the records stored so far.
 */
const queries = createRequestQueue()

async function query(
  ready: SignInStore,
  request: Exclude<EngineRequest, { kind: 'open' | 'close' | 'withdraw' }>,
): Promise<unknown> {
  switch (request.kind) {
    case 'list':
      return ready.list(request)
    case 'count':
      return ready.count(request.filter, request.upTo)
    case 'summarize':
      return ready.summarize(request)
    case 'get':
      return ready.get(request.signInId, request.upTo)
    case 'span':
      return ready.span(request.upTo)
  }
}

async function answer(request: Exclude<EngineRequest, { kind: 'withdraw' }>): Promise<unknown> {
  if (request.kind === 'open') return open(request.id, request)
  if (request.kind === 'close') return (await store)?.close()
  const ready = await (store ??= startStore())
  return queries.run(request.id, () => query(ready, request))
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data
  if (request.kind === 'withdraw') return queries.withdraw(request.id)
  answer(request).then(
    (result) => reply({ id: request.id, ok: true, result }),
    (error: unknown) =>
      reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  )
}
