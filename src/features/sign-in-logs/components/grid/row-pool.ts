/**
 * A stable pool of row elements for the virtual grid (issue #16). Each rendered row holds a slot; a row
 * keeps its slot while it stays in the window, and a row entering the window takes the slot another row
 * just left. Rendering the pool in slot order (React key = slot) means scrolling rewrites the text and
 * attributes of existing <tr>s: no element is created, removed or moved, so the DOM, its mutation
 * observers and the garbage collector see almost nothing per frame.
 */
import type { Range } from '@tanstack/react-virtual'

export interface PooledRow {
  slot: number
  index: number
}

export interface RowPool {
  /**
   * The rendered window: a fixed number of rows (the most rows the viewport has shown, plus overscan)
   * rather than the virtualizer's own range, whose length changes by one as rows cross the edges and
   * would make the last slot come and go. `keep` (the roving focus row) stays rendered wherever it is.
   */
  window(range: Range, keep: number): number[]
  /** Slots for the rows of `keys` (the window's indexes and the rows' keys), in slot order. */
  assign(rows: readonly { index: number; key: string }[]): PooledRow[]
}

export function createRowPool(): RowPool {
  let slotOfKey = new Map<string, number>()
  let capacity = 0
  return {
    window(range, keep) {
      const { startIndex, endIndex, overscan, count } = range
      if (count === 0) return []
      capacity = Math.max(capacity, endIndex - startIndex + 1)
      const length = Math.min(count, capacity + 2 * overscan)
      const start = Math.max(0, Math.min(startIndex - overscan, count - length))
      const indexes = Array.from({ length }, (_, offset) => start + offset)
      if (keep >= 0 && keep < count && (keep < start || keep >= start + length)) indexes.push(keep)
      return indexes
    },
    assign(rows) {
      const slots: (number | undefined)[] = []
      const taken: boolean[] = []
      const next = new Map<string, number>()
      // Rows still in the window keep their element…
      rows.forEach(({ key }, position) => {
        const slot = slotOfKey.get(key)
        if (slot !== undefined && !taken[slot]) {
          slots[position] = slot
          taken[slot] = true
          next.set(key, slot)
        }
      })
      // …and rows entering it take the lowest free ones.
      let free = 0
      rows.forEach(({ key }, position) => {
        if (slots[position] !== undefined) return
        while (taken[free]) free += 1
        slots[position] = free
        taken[free] = true
        next.set(key, free)
      })
      slotOfKey = next
      return rows
        .map(({ index }, position) => ({ slot: slots[position] ?? 0, index }))
        .sort((a, b) => a.slot - b.slot)
    },
  }
}
