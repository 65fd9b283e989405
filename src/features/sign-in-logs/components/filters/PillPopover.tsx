import { useRef, useState, type ReactNode } from 'react'
import {
  Button,
  InteractionTag,
  InteractionTagPrimary,
  InteractionTagSecondary,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { onDemandFailureMessage, useOnDemand } from '../on-demand.ts'
import { filterEditors, prefetchFilterEditors } from './filter-editors.ts'

const useStyles = makeStyles({
  surface: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: '280px',
    maxWidth: '420px',
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-start' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
})

export interface PillPopoverProps {
  value: string
  /** "Label : value" as the portal writes it (§2.2) */
  text: string
  heading: string
  open: boolean
  onOpenChange: (open: boolean) => void
  onApply: () => void
  applyDisabled?: boolean
  /** present for removable filter pills only (Date, Show dates as, Time aggregate stay) */
  removeLabel?: string
  secondaryText?: string
  children: ReactNode
}

/**
 * A popover's open request, delayed until the editors are loaded (filter-editors.ts): the popover then mounts
 * with its content, so trapFocus focuses the first control as before. A failed load is logged and reported to
 * `onFailure` (the popover stays closed; the next click retries).
 */
export function openWithEditors(
  onOpenChange: (open: boolean) => void,
  onFailure: () => void,
): (open: boolean) => void {
  return (open) => {
    if (!open || filterEditors.loaded()) {
      onOpenChange(open)
      return
    }
    filterEditors.load().then(
      () => onOpenChange(true),
      (error: unknown) => {
        console.error('The filter editors could not be loaded', error)
        onFailure()
      },
    )
  }
}

/** The load failure in words, beside the trigger that failed to open. */
export function EditorLoadFailure() {
  return <Text role="alert">{onDemandFailureMessage}</Text>
}

/**
 * The editors module once the popover is open or has been (its Fluent Popover then stays mounted, so the
 * trigger does not remount under focus); undefined before the first opening, when the trigger renders alone.
 */
export function useFilterPopover(open: boolean) {
  const { module } = useOnDemand(filterEditors, open)
  const [mounted, setMounted] = useState(false)
  // Derived during render (React's documented pattern): once open with the module, keep the popover mounted.
  if (open && module && !mounted) setMounted(true)
  return mounted || open ? module : undefined
}

/** Stands in for an editor that is not loaded yet (the popover opens after the load, so rarely seen). */
export function EditorUnavailable({ error }: { error: unknown }) {
  return error === undefined ? <Spinner size="tiny" label="Loading…" /> : <EditorLoadFailure />
}

/** One filter pill (§2.2): the primary part opens an editor confirmed with Apply; optional remove. */
export function PillPopover(props: PillPopoverProps) {
  const styles = useStyles()
  const [failed, setFailed] = useState(false)
  const requestOpen = openWithEditors(
    (open) => {
      setFailed(false)
      props.onOpenChange(open)
    },
    () => setFailed(true),
  )
  const popover = useFilterPopover(props.open)
  const triggerRef = useRef<HTMLButtonElement>(null)
  const trigger = (
    <InteractionTagPrimary
      ref={triggerRef}
      hasSecondaryAction={props.removeLabel !== undefined}
      secondaryText={props.secondaryText}
      onPointerEnter={prefetchFilterEditors}
      onFocus={prefetchFilterEditors}
      // Before the popover is mounted, this button opens it (PopoverTrigger does once it is).
      {...(popover ? {} : { 'aria-expanded': false, onClick: () => requestOpen(true) })}
    >
      {props.text}
    </InteractionTagPrimary>
  )
  return (
    <InteractionTag value={props.value} appearance="outline" shape="circular">
      {popover ? (
        <popover.FilterPopover
          open={props.open}
          onOpenChange={requestOpen}
          trigger={trigger}
          triggerRef={triggerRef}
          surfaceClassName={styles.surface}
          label={props.heading}
        >
          <Text className={styles.heading}>{props.heading}</Text>
          {props.children}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={props.applyDisabled} onClick={props.onApply}>
              Apply
            </Button>
            <Button onClick={() => props.onOpenChange(false)}>Cancel</Button>
          </div>
        </popover.FilterPopover>
      ) : (
        trigger
      )}
      {props.removeLabel !== undefined && <InteractionTagSecondary aria-label={props.removeLabel} />}
      {failed && <EditorLoadFailure />}
    </InteractionTag>
  )
}

export function PillNote({ children }: { children: ReactNode }) {
  const styles = useStyles()
  return <Text className={styles.note}>{children}</Text>
}
