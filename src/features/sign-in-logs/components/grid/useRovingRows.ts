import { useCallback, useEffect, useRef } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'

/**
 * Roving tabindex over virtual rows (portal-ui.md §5): one row is tabbable; arrow keys move the focus,
 * scrolling the target into the rendered window first and focusing it once it is rendered. Rows are
 * found in the DOM by index (`findRow`), so rendered rows need no ref callbacks of their own. The active
 * index is the caller's state: the virtualizer, created before this hook, keeps that row rendered.
 */
export function useRovingRows(
  [activeIndex, setActiveIndex]: readonly [number, (index: number) => void],
  rowCount: number,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  findRow: (index: number) => HTMLElement | null,
) {
  const pendingFocus = useRef<number | null>(null)

  const clamped = rowCount === 0 ? 0 : Math.min(activeIndex, rowCount - 1)

  const focusRow = useCallback(
    (index: number) => {
      if (rowCount === 0) return
      const target = Math.max(0, Math.min(index, rowCount - 1))
      setActiveIndex(target)
      pendingFocus.current = target
      const element = findRow(target)
      if (element) {
        element.focus()
        pendingFocus.current = null
      } else {
        virtualizer.scrollToIndex(target, { align: 'auto' })
      }
    },
    [rowCount, virtualizer, findRow, setActiveIndex],
  )

  // After each render: a row that was scrolled into the window takes the pending focus.
  useEffect(() => {
    if (pendingFocus.current === null) return
    const element = findRow(pendingFocus.current)
    if (element) {
      element.focus()
      pendingFocus.current = null
    }
  })

  return { activeIndex: clamped, setActiveIndex, focusRow }
}
