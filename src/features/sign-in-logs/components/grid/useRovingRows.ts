import { useCallback, useEffect, useRef, useState } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'

/**
 * Roving tabindex over virtual rows (portal-ui.md §5): one row is tabbable; arrow keys move the
 * focus, scrolling the target into the rendered window first and focusing it once it is rendered.
 */
const maxCachedRowRefs = 2000

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

  // One ref callback per row index, the same function on every render: a new function each render
  // makes React detach and re-attach every rendered row's ref on every scroll frame, and would defeat
  // the memoised rows (issue #7). React 19 calls the returned cleanup when the element goes away.
  const rowRefs = useRef(new Map<number, (element: HTMLElement | null) => () => void>())
  const rowRef = useCallback((index: number) => {
    const cached = rowRefs.current.get(index)
    if (cached) return cached
    // Bounded: a sweep over 100,000 rows would otherwise keep one closure per row ever shown. Clearing
    // only costs one re-attach of the rows on screen.
    if (rowRefs.current.size > maxCachedRowRefs) rowRefs.current.clear()
    const ref = (element: HTMLElement | null) => {
      if (element) rowElements.current.set(index, element)
      return () => {
        if (rowElements.current.get(index) === element) rowElements.current.delete(index)
      }
    }
    rowRefs.current.set(index, ref)
    return ref
  }, [])

  return { activeIndex: clamped, setActiveIndex, focusRow, rowRef }
}
