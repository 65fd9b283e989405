import { GraphError } from './errors.ts'
import { createPagingGuard, MAX_EMPTY_PAGES_IN_A_ROW } from './paging-guard.ts'

const page = (value: unknown[], nextLink: string | null) => ({ value, nextLink })

function refusal(run: () => void): GraphError {
  try {
    run()
  } catch (error) {
    if (error instanceof GraphError) return error
    throw error
  }
  throw new Error('expected the guard to refuse')
}

describe('createPagingGuard', () => {
  test('a nextLink seen before is a loop', () => {
    const guard = createPagingGuard()
    guard.check(page([1], 'https://g/a'))
    guard.check(page([2], 'https://g/b'))
    const error = refusal(() => guard.check(page([3], 'https://g/a')))
    expect(error.kind).toBe('refused')
    expect(error.userMessage).toMatch(/same next-page link twice/)
  })

  test('links followed before the guard was made count too', () => {
    const guard = createPagingGuard(['https://g/a'])
    expect(() => guard.check(page([1], 'https://g/a'))).toThrow(/same next-page link/)
  })

  test(`${MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row that point on stop paging; fewer, or a full page between, do not`, () => {
    const guard = createPagingGuard()
    let link = 0
    for (let i = 1; i < MAX_EMPTY_PAGES_IN_A_ROW; i++) guard.check(page([], `https://g/${link++}`))
    guard.check(page([1], `https://g/${link++}`))
    for (let i = 1; i < MAX_EMPTY_PAGES_IN_A_ROW; i++) guard.check(page([], `https://g/${link++}`))
    const error = refusal(() => guard.check(page([], `https://g/${link++}`)))
    expect(error.userMessage).toMatch(/10 empty pages in a row/)
  })

  test('the last page (no nextLink) ends quietly, empty or not', () => {
    const guard = createPagingGuard()
    guard.check(page([], null))
    guard.check(page([], null))
  })
})
