/**
 * Typed or pasted date-times of the custom range editor (portal-ui.md §2.3). Apart from view-state.ts because
 * date-fns `parse` is only needed once that editor opens (issue #7: not in the first screen).
 */
import { isValid, parse, parseISO } from 'date-fns'
import { DATE_INPUT_HINT, rangeProblems } from './view-state.ts'

const explicitOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i
/** Besides ISO 8601 (T or space, with or without seconds): slashes, and the portal's own US display form. */
const extraPatterns = [
  'yyyy/MM/dd HH:mm',
  'yyyy/MM/dd HH:mm:ss',
  'M/d/yyyy, h:mm:ss a',
  'M/d/yyyy h:mm:ss a',
  'M/d/yyyy h:mm a',
]

/**
 * Typed or pasted date-times (portal-ui.md §2.3): `2026-11-30 14:00`, `2026-11-30T14:00:00Z`,
 * `2026-11-30T14:00:00.1234567+01:00`, `11/30/2026, 2:00:00 PM`. Without an offset the wall time is read in
 * `zone` (the "Show dates as" choice). Returns null for anything else.
 */
export function parseDateTimeInput(text: string, zone: 'local' | 'utc' = 'local'): Date | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  let date = parseISO(trimmed)
  if (!isValid(date)) {
    const reference = new Date(2000, 0, 1)
    date = extraPatterns.map((pattern) => parse(trimmed, pattern, reference)).find(isValid) ?? date
  }
  if (!isValid(date)) return null
  if (zone === 'utc' && !explicitOffset.test(trimmed)) {
    return new Date(
      Date.UTC(
        date.getFullYear(),
        date.getMonth(),
        date.getDate(),
        date.getHours(),
        date.getMinutes(),
        date.getSeconds(),
        date.getMilliseconds(),
      ),
    )
  }
  return date
}

/** Messages per field, `{}` when the range is usable. */
export function validateCustomRange(start: string, end: string, now: Date): { start?: string; end?: string } {
  const startDate = parseDateTimeInput(start)
  const endDate = parseDateTimeInput(end)
  if (!startDate || !endDate) {
    return { ...(startDate ? {} : { start: DATE_INPUT_HINT }), ...(endDate ? {} : { end: DATE_INPUT_HINT }) }
  }
  return rangeProblems(startDate, endDate, now)
}
