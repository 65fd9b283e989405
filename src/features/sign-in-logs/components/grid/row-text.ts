/**
 * Display strings of grid rows, computed once per record and column choice and then reused on every
 * frame the row is on screen (issue #16): scrolling never formats a date or reads a record again.
 */
import type { BetaSignIn, SummarizedSignIn } from '../../../../../contract/sign-in.ts'
import type { ColumnKind } from '../../model/columns.ts'
import { formatSignInDate, type DateDisplay } from '../format-date.ts'

/** Cell text: Graph strings as text (never HTML), empty values blank (§1.3), dates per "Show dates as". */
export function cellText(kind: ColumnKind, value: string | null, dates: DateDisplay): string {
  if (value === null || value === '') return ''
  return kind === 'date' ? formatSignInDate(value, dates) : value
}

export interface TextColumn<T> {
  kind: ColumnKind
  value: (record: T) => string | null
}

/**
 * Memoises the display strings of each record for one column choice and date mode: build a new cache
 * when either changes. Keyed weakly by the record object, so dropped pages free their strings.
 */
export function createRowTextCache<T extends BetaSignIn | SummarizedSignIn>(
  columns: readonly TextColumn<T>[],
  dates: DateDisplay,
) {
  return memoizeByObject<T, readonly string[]>((record) =>
    columns.map((column) => cellText(column.kind, column.value(record), dates)),
  )
}

/** `build` memoised per key object (weakly held): the same key gives the same value until the cache is dropped. */
export function memoizeByObject<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = build(key)
      cache.set(key, value)
    }
    return value
  }
}
