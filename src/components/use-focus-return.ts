import { useEffect, useLayoutEffect, useRef } from 'react'

/**
 * Gives focus back to what opened a modal surface (a drawer, a dialog) when it closes or unmounts. Fluent's
 * restorer does that only after keyboard use: a mouse click on Close or Cancel leaves focus on the page's body,
 * and a surface mounted by the click that opens it cannot be told its opener by a restore-focus target.
 *
 * Returns the ref for the surface: focus is returned only if it was inside it (or lost to the body), so a
 * surface closed while the user was elsewhere (another tab was chosen) leaves focus where they put it.
 * `returnFocusTo` overrides the opener, e.g. with a grid row that may have re-rendered meanwhile.
 */
export function useFocusReturn<T extends HTMLElement>(
  open: boolean,
  returnFocusTo?: () => HTMLElement | null,
) {
  const surface = useRef<T>(null)
  const opener = useRef<HTMLElement | null>(null)
  const focusTarget = useRef(returnFocusTo)
  useLayoutEffect(() => {
    focusTarget.current = returnFocusTo
  })
  useLayoutEffect(() => {
    // A layout effect: it runs before Fluent's own (passive) effect moves focus inside.
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
  }, [open])
  useEffect(() => {
    if (!open) return
    const element = surface.current
    // A passive effect's cleanup: focus moved during React's commit would be put back where it was.
    return () => {
      const focused = document.activeElement
      const focusWasInside = !focused || focused === document.body || element?.contains(focused)
      if (!focusWasInside) return
      const target = focusTarget.current?.() ?? opener.current
      if (target?.isConnected && target !== document.body) target.focus()
    }
  }, [open])
  return surface
}
