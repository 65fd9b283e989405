import { expect, test, vi } from 'vitest'
import { createRowAppender } from './appended-rows.ts'

const page = (...value: number[]) => ({ value })
const even = (n: number) => n % 2 === 0

test('a new page filters and appends only its own records; earlier rows are not visited again', () => {
  const appender = createRowAppender<number>()
  const keep = vi.fn(even)
  const first = page(1, 2, 3, 4)
  const second = page(5, 6)
  const before = appender.update([first], keep)
  expect(before.rows.slice(0, before.count)).toEqual([2, 4])
  keep.mockClear()
  const after = appender.update([first, second], keep)
  expect(keep.mock.calls.map(([record]) => record)).toEqual([5, 6])
  expect(after.rows.slice(0, after.count)).toEqual([2, 4, 6])
  // The same array grew in place: no copy of the rows already loaded.
  expect(after.rows).toBe(before.rows)
})

test('the same pages again give the same result; another filter or a replaced page rebuilds', () => {
  const appender = createRowAppender<number>()
  const pages = [page(1, 2), page(3, 4)]
  const once = appender.update(pages, even)
  expect(appender.update([...pages], even)).toBe(once)
  const odd = appender.update(pages, (n) => n % 2 === 1)
  expect(odd.rows.slice(0, odd.count)).toEqual([1, 3])
  expect(odd.rows).not.toBe(once.rows)
  const refetched = appender.update([page(8), pages[1]!], even)
  expect(refetched.rows.slice(0, refetched.count)).toEqual([8, 4])
  const shorter = appender.update([page(10)], even)
  expect(shorter.rows.slice(0, shorter.count)).toEqual([10])
})
