/**
 * The loaded rows of an infinite list as one array that grows by appending (issue #16): a new page
 * filters and pushes only its own records, instead of flattening and filtering every page again (100
 * pages of 1,000 made the last page cost 100,000 records' work). A changed earlier page, another
 * filter or a shorter list (refetch, reset) rebuilds from scratch.
 */
export interface AppendedRows<T> {
  /** Grows in place; read only the first `count` entries. */
  rows: readonly T[]
  count: number
}

export interface RowAppender<T> {
  update(pages: readonly { value: readonly T[] }[], keep: (record: T) => boolean): AppendedRows<T>
}

export function createRowAppender<T>(): RowAppender<T> {
  let rows: T[] = []
  let seenPages: readonly { value: readonly T[] }[] = []
  let seenKeep: ((record: T) => boolean) | null = null
  let last: AppendedRows<T> = { rows, count: 0 }
  return {
    update(pages, keep) {
      const sameStart =
        keep === seenKeep &&
        pages.length >= seenPages.length &&
        seenPages.every((page, index) => pages[index] === page)
      if (!sameStart) {
        rows = []
        seenPages = []
      }
      if (sameStart && pages.length === seenPages.length) return last
      for (const page of pages.slice(seenPages.length)) {
        for (const record of page.value) if (keep(record)) rows.push(record)
      }
      seenPages = pages.slice()
      seenKeep = keep
      last = { rows, count: rows.length }
      return last
    },
  }
}
