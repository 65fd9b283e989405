/**
 * The common frame of the memory cases in bench/children (downloads, export): each runs in a fresh
 * `node --expose-gc` process so its heap figures are not polluted by other cases; the heap figure is
 * heap-sampler.mjs's. `finish()` prints one JSON line.
 */
import { startHeapSampler } from './heap-sampler.mjs'

/** The case's JSON argument, checked by `valid` (a bad one is a bench bug: fail loudly). */
export function caseArguments(valid) {
  const options = JSON.parse(process.argv[2] ?? '{}')
  if (!valid(options)) throw new Error(`bad arguments: ${process.argv[2]}`)
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc')
  return options
}

/** Starts measuring (heap-sampler.mjs): call right before the work, after loading modules and building inputs. */
export function startHeapCase() {
  const heap = startHeapSampler()
  const started = performance.now()
  return {
    sample: heap.sample,
    growth: heap.growth,
    /** Stops the clock and the sampler; prints `fields` with `ms` and `heapGrowth` as one JSON line. */
    finish(fields) {
      const ms = performance.now() - started
      const heapGrowth = heap.stop()
      process.stdout.write(`${JSON.stringify({ ...fields, ms, heapGrowth })}\n`)
    },
  }
}

/** "Error: message" of whatever a case caught (e.g. V8's "Invalid string length" on a naive giant string). */
export function errorText(caught) {
  return caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
}
