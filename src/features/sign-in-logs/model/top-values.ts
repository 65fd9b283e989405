/**
 * Top values of a column (issue #12, Kibana's "top values"): the most frequent display texts over the rows
 * at hand, with count and share. Rows can weigh more than one (a summary row stands for `signInCount`
 * sign-ins). Blank cells count too, as "(blank)", so the shares add up to the rows counted.
 */
export const TOP_VALUES_LIMIT = 10
export const BLANK_TEXT = '(blank)'

export interface TopValue {
  /** Display text (display-text.ts), or BLANK_TEXT. */
  text: string
  /** What a pill takes to match this value (see top-value-columns.ts); null when no filter can. */
  filterValue: string | null
  count: number
  /** count / total, 0..1. */
  share: number
}

export interface TopValues {
  values: TopValue[]
  /** Everything counted (weights summed), over all values, not only the listed ones. */
  total: number
  /** How many different values there were. */
  distinct: number
}

export interface ValueReader<T> {
  text: (row: T) => string | null
  filterValue?: (row: T) => string | null
  weight?: (row: T) => number
}

/** Most frequent first; ties in display-text order, so the list is stable. */
export function topValues<T>(rows: Iterable<T>, reader: ValueReader<T>, limit = TOP_VALUES_LIMIT): TopValues {
  const counts = new Map<string, { count: number; filterValue: string | null }>()
  let total = 0
  for (const row of rows) {
    const weight = reader.weight?.(row) ?? 1
    if (weight <= 0) continue
    const text = reader.text(row)
    const key = text ?? BLANK_TEXT
    total += weight
    const entry = counts.get(key)
    if (entry) entry.count += weight
    else
      counts.set(key, {
        count: weight,
        filterValue: text === null ? null : (reader.filterValue?.(row) ?? null),
      })
  }
  const values = [...counts.entries()]
    .sort(([textA, a], [textB, b]) => b.count - a.count || textA.localeCompare(textB))
    .slice(0, limit)
    .map(([text, { count, filterValue }]) => ({
      text,
      filterValue,
      count,
      share: total === 0 ? 0 : count / total,
    }))
  return { values, total, distinct: counts.size }
}
