/**
 * The bench's only stdout: one JSON object per line, `{"name", "value", "unit"}` plus `baseline`/`ratio` when
 * two sides were compared and `target`/`met` when the issue states a target. Progress goes to stderr.
 */
import { round } from './stats.mjs'

export function createReporter(write = (line) => process.stdout.write(`${line}\n`)) {
  const results = []
  return {
    results,
    /**
     * @param {{ name: string, value: number | null, unit: string, baseline?: number | null, ratio?: number | null,
     *   target?: string, met?: boolean, note?: string, samples?: number }} result
     */
    emit(result) {
      const line = { name: result.name, value: roundOrNull(result.value), unit: result.unit }
      if (result.baseline !== undefined) line.baseline = roundOrNull(result.baseline)
      if (result.ratio !== undefined) line.ratio = roundOrNull(result.ratio)
      if (result.target !== undefined) line.target = result.target
      if (result.met !== undefined) line.met = result.met
      if (result.samples !== undefined) line.samples = result.samples
      if (result.note !== undefined) line.note = result.note
      results.push(line)
      write(JSON.stringify(line))
      return line
    },
  }
}

function roundOrNull(value) {
  return value === null || value === undefined || !Number.isFinite(value) ? null : round(value)
}

export function log(message) {
  process.stderr.write(`[bench] ${message}\n`)
}
