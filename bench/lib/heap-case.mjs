/**
 * The common frame of the memory cases in bench/children (downloads, export): each runs in a fresh
 * `node --expose-gc` process so its heap figures are not polluted by other cases.
 * Heap growth = peak of (heapUsed + arrayBuffers) minus the same after a full GC right before the work, sampled
 * every 5 ms and whenever the case calls `sample()` (on every page, every write). `finish()` prints one JSON line.
 */

/** The case's JSON argument, checked by `valid` (a bad one is a bench bug: fail loudly). */
export function caseArguments(valid) {
  const options = JSON.parse(process.argv[2] ?? '{}')
  if (!valid(options)) throw new Error(`bad arguments: ${process.argv[2]}`)
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc')
  return options
}

const memory = () => {
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

/** Starts measuring: call right before the work, after loading modules and building inputs. */
export function startHeapCase() {
  globalThis.gc()
  globalThis.gc()
  const base = memory()
  let peak = base
  const sample = () => {
    const current = memory()
    if (current > peak) peak = current
  }
  const timer = setInterval(sample, 5)
  const started = performance.now()
  return {
    sample,
    /** Heap growth right now (for a case that must stop before it runs out of heap). */
    growth: () => memory() - base,
    /** Stops the clock and the sampler; prints `fields` with `ms` and `heapGrowth` as one JSON line. */
    finish(fields) {
      const ms = performance.now() - started
      clearInterval(timer)
      sample()
      process.stdout.write(`${JSON.stringify({ ...fields, ms, heapGrowth: peak - base })}\n`)
    },
  }
}

/** "Error: message" of whatever a case caught (e.g. V8's "Invalid string length" on a naive giant string). */
export function errorText(caught) {
  return caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)
}
