/**
 * Stops paging that would never end: a server that sends the same nextLink again (a cycle), or page after page
 * with no records that still point on. Graph may send a few empty pages (graph-api.md §2.4); ten in a row is a
 * broken or hostile server, and following it would spend the throttle budget forever.
 */
import { pagingLoopError } from './errors.ts'

export const MAX_EMPTY_PAGES_IN_A_ROW = 10

export interface PagingGuard {
  /** throws a 'refused' GraphError when `page` repeats a nextLink or is the tenth empty page in a row */
  check(page: { value: readonly unknown[]; nextLink: string | null }): void
}

/** `followed`: nextLinks already followed before this guard was made (earlier pages of the same list). */
export function createPagingGuard(followed: Iterable<string> = []): PagingGuard {
  const seen = new Set(followed)
  let emptyInARow = 0
  return {
    check(page) {
      if (page.nextLink === null) return
      if (seen.has(page.nextLink)) {
        throw pagingLoopError(
          'the server sent the same next-page link twice, so the pages would repeat forever.',
        )
      }
      seen.add(page.nextLink)
      emptyInARow = page.value.length === 0 ? emptyInARow + 1 : 0
      if (emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
        throw pagingLoopError(
          `the server sent ${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row that still point to more. Try a shorter date range.`,
        )
      }
    },
  }
}
