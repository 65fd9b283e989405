import type { ReactNode } from 'react'
import {
  Button,
  InteractionTag,
  InteractionTagPrimary,
  InteractionTagSecondary,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'

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

/** One filter pill (§2.2): the primary part opens an editor confirmed with Apply; optional remove. */
export function PillPopover(props: PillPopoverProps) {
  const styles = useStyles()
  return (
    <InteractionTag value={props.value} appearance="outline" shape="circular">
      <Popover
        open={props.open}
        onOpenChange={(_, data) => props.onOpenChange(data.open)}
        trapFocus
        withArrow
      >
        <PopoverTrigger disableButtonEnhancement>
          <InteractionTagPrimary
            hasSecondaryAction={props.removeLabel !== undefined}
            secondaryText={props.secondaryText}
          >
            {props.text}
          </InteractionTagPrimary>
        </PopoverTrigger>
        <PopoverSurface className={styles.surface} aria-label={props.heading}>
          <Text className={styles.heading}>{props.heading}</Text>
          {props.children}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={props.applyDisabled} onClick={props.onApply}>
              Apply
            </Button>
            <Button onClick={() => props.onOpenChange(false)}>Cancel</Button>
          </div>
        </PopoverSurface>
      </Popover>
      {props.removeLabel !== undefined && <InteractionTagSecondary aria-label={props.removeLabel} />}
    </InteractionTag>
  )
}

export function PillNote({ children }: { children: ReactNode }) {
  const styles = useStyles()
  return <Text className={styles.note}>{children}</Text>
}
