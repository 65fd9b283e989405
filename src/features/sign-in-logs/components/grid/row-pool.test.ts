import { createRowPool } from './row-pool.ts'

const rowsOf = (indexes: readonly number[]) => indexes.map((index) => ({ index, key: `r${index}` }))
const slotOfIndex = (pooled: readonly { slot: number; index: number }[]) =>
  new Map(pooled.map(({ slot, index }) => [index, slot]))

test('a row keeps its slot while it stays in the window; rows entering take the slots of rows that left', () => {
  const pool = createRowPool()
  const first = slotOfIndex(pool.assign(rowsOf([0, 1, 2, 3, 4])))
  const second = slotOfIndex(pool.assign(rowsOf([2, 3, 4, 5, 6])))
  for (const index of [2, 3, 4]) expect(second.get(index)).toBe(first.get(index))
  expect(new Set([second.get(5), second.get(6)])).toEqual(new Set([first.get(0), first.get(1)]))
  // Scrolling back up reuses the slots too: still five elements, none moved.
  const third = pool.assign(rowsOf([0, 1, 2, 3, 4]))
  expect(third.map(({ slot }) => slot)).toEqual([0, 1, 2, 3, 4])
  expect(slotOfIndex(third).get(2)).toBe(first.get(2))
})

test('slots come back in slot order (the DOM order never changes) and never repeat', () => {
  const pool = createRowPool()
  pool.assign(rowsOf([10, 11, 12, 13]))
  const pooled = pool.assign(rowsOf([12, 13, 14, 15]))
  const slots = pooled.map(({ slot }) => slot)
  expect(slots).toEqual([...slots].sort((a, b) => a - b))
  expect(new Set(slots).size).toBe(4)
  // Two rows with the same key (a bad page) still get distinct elements.
  const duplicates = pool.assign([
    { index: 0, key: 'same' },
    { index: 1, key: 'same' },
  ])
  expect(new Set(duplicates.map(({ slot }) => slot)).size).toBe(2)
})

test('the window has a fixed length (no slot comes and goes at the edges) and keeps the focus row', () => {
  const pool = createRowPool()
  const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex, overscan: 2, count: 1000 })
  expect(pool.window(range(10, 20), 10)).toEqual(Array.from({ length: 15 }, (_, i) => 8 + i))
  // One row fewer visible (aligned to the row edges): still 15 rows.
  expect(pool.window(range(11, 20), 11)).toHaveLength(15)
  // The focus row far above stays rendered, after the window.
  expect(pool.window(range(500, 510), 3)).toEqual([...Array.from({ length: 15 }, (_, i) => 498 + i), 3])
  // Near the end the window slides back instead of shrinking.
  expect(pool.window({ startIndex: 995, endIndex: 999, overscan: 2, count: 1000 }, 995)).toEqual(
    Array.from({ length: 15 }, (_, i) => 985 + i),
  )
  expect(pool.window({ startIndex: 0, endIndex: 2, overscan: 2, count: 3 }, 0)).toEqual([0, 1, 2])
  expect(pool.window({ startIndex: 0, endIndex: -1, overscan: 2, count: 0 }, 0)).toEqual([])
})
