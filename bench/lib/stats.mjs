/** Small statistics for noisy machines: medians and nearest-rank percentiles of repeated samples. */

export function median(values) {
  return percentile(values, 50)
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list; NaN for an empty one. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

/** Rounds for printing: 2 decimals under 10, 1 under 1000, whole numbers above. */
export function round(value) {
  if (!Number.isFinite(value)) return value
  const magnitude = Math.abs(value)
  const digits = magnitude < 10 ? 2 : magnitude < 1000 ? 1 : 0
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/**
 * Runs every side `reps` times, interleaved (a, b, a, b, …) so machine noise hits both sides alike,
 * after `warmup` untimed rounds. Each side is an async function returning its sample (milliseconds, or a
 * result object).
 */
export async function interleave(sides, { reps, warmup = 0 }) {
  const samples = Object.fromEntries(Object.keys(sides).map((name) => [name, []]))
  for (let pass = 0; pass < warmup + reps; pass += 1) {
    for (const [name, measure] of Object.entries(sides)) {
      const value = await measure(pass)
      if (pass >= warmup) samples[name].push(value)
    }
  }
  return samples
}
