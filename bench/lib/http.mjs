/** Timed HTTP GETs against the fake Graph (Node's fetch, keep-alive), time to the last byte of the body. */
import { BENCH_TOKEN } from './fake-graph.mjs'

const headers = { Authorization: `Bearer ${BENCH_TOKEN}`, Accept: 'application/json' }

/** GET `url`, read the whole body; throws unless 200. Returns milliseconds and the parsed body. */
export async function timedGet(url) {
  const started = performance.now()
  const response = await fetch(url, { headers })
  const text = await response.text()
  const ms = performance.now() - started
  if (response.status !== 200) throw new Error(`GET ${url} → ${response.status}: ${text.slice(0, 300)}`)
  return { ms, body: JSON.parse(text), bytes: Buffer.byteLength(text) }
}
