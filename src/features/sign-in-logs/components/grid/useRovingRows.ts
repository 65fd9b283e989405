import { useCallback, useEffect, useRef, useState } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'

/**
 * Roving tabindex over virtual rows (portal-ui.md §5): one row is tabbable; arrow keys move the
 * focus, scrolling the target into the rendered window first and focusing it once it is rendered.
 */
export function useRovingRows(rowCount: number, virtualizer: Virtualizer<HTMLDivElement, Element>) {
  const [activeIndex, setActiveIndex] = useState(0)
  const pendingFocus = useRef<number | null>(null)
  const rowElements = useRef(new Map<number, HTMLElement>())

  const clamped = rowCount === 0 ? 0 : Math.min(activeIndex, rowCount - 1)

  const focusRow = useCallback(
    (index: number) => {
      if (rowCount === 0) return
      const target = Math.max(0, Math.min(index, rowCount - 1))
      setActiveIndex(target)
      pendingFocus.current = target
      const element = rowElements.current.get(target)
      if (element) {
        element.focus()
        pendingFocus.current = null
      } else {
        virtualizer.scrollToIndex(target, { align: 'auto' })
      }
    },
    [rowCount, virtualizer],
  )

  // After each render: a row that was scrolled into the window takes the pending focus.
  useEffect(() => {
    if (pendingFocus.current === null) return
    const element = rowElements.current.get(pendingFocus.current)
    if (element) {
      element.focus()
      pendingFocus.current = null
    }
  })

  const rowRef = useCallback(
    (index: number) => (element: HTMLElement | null) => {
      if (element) rowElements.current.set(index, element)
      else rowElements.current.delete(index)
    },
    [],
  )

  return { activeIndex: clamped, setActiveIndex, focusRow, rowRef }
}
