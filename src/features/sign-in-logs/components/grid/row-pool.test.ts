import { createRowRing } from './row-pool.ts'

const range = (startIndex: number, endIndex: number, count = 1000) => ({
  startIndex,
  endIndex,
  overscan: 2,
  count,
})
const consecutive = (start: number, length: number) => Array.from({ length }, (_, i) => start + i)

test('the window has a fixed length (the ring never resizes at row edges) and keeps the focus row', () => {
  const ring = createRowRing()
  expect(ring.window(range(10, 20), 10)).toEqual(consecutive(8, 15))
  // One row fewer visible (aligned to the row edges): still 15 rows.
  expect(ring.window(range(11, 20), 11)).toHaveLength(15)
  // The focus row far above stays rendered, after the window.
  expect(ring.window(range(500, 510), 3)).toEqual([...consecutive(498, 15), 3])
  // Near the end the window slides back instead of shrinking.
  expect(ring.window(range(995, 999), 995)).toEqual(consecutive(985, 15))
  expect(ring.window(range(0, 2, 3), 0)).toEqual([0, 1, 2])
  expect(ring.window(range(0, -1, 0), 0)).toEqual([])
})

test('row i lives in element i mod P, in one DOM order; rows of the next cycle are marked wrapped', () => {
  const ring = createRowRing()
  const { rows, size, base } = ring.layout(consecutive(12, 5))
  expect(size).toBe(5)
  expect(base).toBe(10)
  expect(rows.map((row) => [row.key, row.index, row.wrapped])).toEqual([
    ['ring-0', 15, true],
    ['ring-1', 16, true],
    ['ring-2', 12, false],
    ['ring-3', 13, false],
    ['ring-4', 14, false],
  ])
  // Three rows further: the same elements in the same order, three of them with new rows.
  const later = ring.layout(consecutive(15, 5))
  expect(later.rows.map((row) => row.key)).toEqual(rows.map((row) => row.key))
  expect(later.base).toBe(15)
  expect(later.rows.map((row) => [row.index, row.wrapped])).toEqual([
    [15, false],
    [16, false],
    [17, false],
    [18, false],
    [19, false],
  ])
})

test('a kept focus row outside the window gets its own element after the ring', () => {
  const { rows, size } = createRowRing().layout([...consecutive(40, 4), 3])
  expect(size).toBe(4)
  expect(rows.at(-1)).toEqual({ key: 'kept', index: 3, wrapped: false, pinned: true })
  expect(rows.filter((row) => row.pinned)).toHaveLength(1)
})
