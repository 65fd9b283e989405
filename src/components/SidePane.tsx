import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
} from '@fluentui/react-components'
import { DismissRegular } from '@fluentui/react-icons'

export interface SidePaneProps {
  /** The pane's heading, which also names it for a screen reader. */
  title: string
  open: boolean
  onClose: () => void
  /** The drawer's width and the like. */
  className?: string
  bodyClassName?: string
  /**
   * Where focus goes back to on closing, when not the element that had it as the pane opened (a grid row
   * that may have re-rendered meanwhile).
   */
  returnFocusTo?: () => HTMLElement | null
  children: ReactNode
}

/**
 * A modal pane from the end edge with a titled header and a Close button; Escape and the backdrop close it too.
 * On closing, focus goes back to what opened it. Fluent's restorer does that only after keyboard use: a mouse
 * click on Close would leave focus on the page's body, and a pane mounted by the click that opens it cannot be
 * told its opener by a restore-focus target.
 */
export function SidePane({
  title,
  open,
  onClose,
  className,
  bodyClassName,
  returnFocusTo,
  children,
}: SidePaneProps) {
  const surface = useRef<HTMLDivElement>(null)
  const opener = useRef<HTMLElement | null>(null)
  const focusTarget = useRef(returnFocusTo)
  useLayoutEffect(() => {
    focusTarget.current = returnFocusTo
  })
  useLayoutEffect(() => {
    // A layout effect: it runs before the drawer's own (passive) effect moves focus inside.
    if (open) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
  }, [open])
  useEffect(() => {
    if (!open) return
    const pane = surface.current
    // A passive effect's cleanup: focus moved during React's commit would be put back where it was.
    return () => {
      const focused = document.activeElement
      // Closed while the user was elsewhere (another tab was chosen): leave focus where they put it.
      const focusWasInPane = !focused || focused === document.body || pane?.contains(focused)
      if (!focusWasInPane) return
      const target = focusTarget.current?.() ?? opener.current
      if (target?.isConnected && target !== document.body) target.focus()
    }
  }, [open])

  return (
    <OverlayDrawer
      ref={surface}
      position="end"
      className={className}
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onClose()
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />
          }
        >
          {title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={bodyClassName}>{children}</DrawerBody>
    </OverlayDrawer>
  )
}
