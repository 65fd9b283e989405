/**
 * Heap growth of one bench case: the peak of (heapUsed + arrayBuffers) over a baseline taken after a full GC,
 * sampled every 5 ms and whenever the case calls `sample` (every page, every write). Needs `node --expose-gc`.
 */
export function startHeapSampler() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc')
  const memory = () => {
    const usage = process.memoryUsage()
    return usage.heapUsed + usage.arrayBuffers
  }
  globalThis.gc()
  globalThis.gc()
  const base = memory()
  let peak = base
  const sample = () => {
    const current = memory()
    if (current > peak) peak = current
  }
  const timer = setInterval(sample, 5)
  return {
    sample,
    /** Growth right now (for a case that must stop before it runs out of heap). */
    growth: () => memory() - base,
    /** Stops sampling (after one last sample) and gives the growth in bytes. */
    stop() {
      clearInterval(timer)
      sample()
      return peak - base
    },
  }
}
