/**
 * A stable ring of row elements for the virtual grid (issue #16). The window is always the same number
 * of consecutive rows, P, and row `index` lives in element `index mod P`, so the elements stay in one
 * DOM order, in normal flow, and a row entering the window rewrites the text of the element whose row
 * just left: no element is created, removed or moved. Positions need no per-row style either: element s
 * sits at s × rowHeight inside a body moved by one transform to the start of the window's cycle
 * (`base`), and the elements already holding the next cycle's rows carry one shared class that moves
 * them down by P rows. (A per-row inline transform made every re-used row miss Chromium's matched-
 * properties cache: a full style match per row, slower than creating rows afresh.)
 */
import type { Range } from '@tanstack/react-virtual'

export interface RingRow {
  /** React key: the element, stable while the ring size stays. */
  key: string
  index: number
  /** Holds a row of the next cycle: shown P rows further down. */
  wrapped: boolean
  /** The focus row kept rendered outside the window, placed on its own. */
  pinned: boolean
}

export interface RingLayout {
  rows: RingRow[]
  /** P: rows in the ring. */
  size: number
  /** First index of the window's cycle (a multiple of P): the body's offset in rows. */
  base: number
}

export interface RowRing {
  /**
   * The rows to render: a fixed number of consecutive rows (the most the viewport has shown, plus
   * overscan) rather than the virtualizer's own range, whose length changes by one as rows cross the
   * edges, which would resize the ring; then `keep` (the roving focus row) wherever it is.
   */
  window(range: Range, keep: number): number[]
  /** Elements for the rendered indexes (`window`'s order: the consecutive run, then a kept row). */
  layout(indexes: readonly number[]): RingLayout
}

export function createRowRing(): RowRing {
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
    layout(indexes) {
      const first = indexes[0] ?? 0
      let size = 0
      while (size < indexes.length && indexes[size] === first + size) size += 1
      const base = size === 0 ? 0 : first - (first % size)
      const ring: RingRow[] = indexes.slice(0, size).map((index) => ({
        key: `ring-${index % size}`,
        index,
        wrapped: index >= base + size,
        pinned: false,
      }))
      ring.sort((a, b) => (a.index % size) - (b.index % size))
      const kept = indexes.slice(size).map((index) => ({ key: 'kept', index, wrapped: false, pinned: true }))
      return { rows: [...ring, ...kept], size, base }
    },
  }
}
