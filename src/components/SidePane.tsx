import type { ReactNode } from 'react'
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  type OverlayDrawerProps,
} from '@fluentui/react-components'
import { DismissRegular } from '@fluentui/react-icons'
import { useFocusReturn } from './use-focus-return.ts'

export interface SidePaneProps {
  /** The pane's heading, which also names it for a screen reader. */
  title: string
  open: boolean
  onClose: () => void
  /** Fluent's preset widths; `className` can set any other. */
  size?: OverlayDrawerProps['size']
  /**
   * 'non-modal': the page behind stays usable (no backdrop, no focus trap), e.g. while a long job runs in the
   * pane; Escape inside the pane and Close still close it.
   */
  modalType?: 'modal' | 'non-modal'
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
 * A pane from the end edge with a titled header and a Close button; Escape and (when modal) the backdrop close it too.
 * On closing, focus goes back to what opened it, after a mouse click too (./use-focus-return.ts).
 */
export function SidePane({
  title,
  open,
  onClose,
  size,
  modalType = 'modal',
  className,
  bodyClassName,
  returnFocusTo,
  children,
}: SidePaneProps) {
  const surface = useFocusReturn<HTMLDivElement>(open, returnFocusTo)
  return (
    <OverlayDrawer
      ref={surface}
      position="end"
      size={size}
      modalType={modalType}
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
