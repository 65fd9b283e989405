/**
 * The bars, in HTML rather than a chart library (a few hundred bytes of layout, both themes through Fluent
 * tokens). One listbox: each bar is an option named with its window and counts. Pointer: press on a bar
 * and release on the same or another one. Keyboard: arrows move, Shift+arrows extend, Enter applies.
 */
import { useState, type KeyboardEvent } from 'react'
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { bucketTotal, type VolumeBucket } from '../../model/histogram.ts'
import type { DateDisplay } from '../format-date.ts'
import { countsText, windowText } from './bucket-text.ts'

// Status foregrounds are made to stand out on the neutral background in both themes.
export const statusColours = {
  success: tokens.colorStatusSuccessForeground1,
  failure: tokens.colorStatusDangerForeground1,
  interrupted: tokens.colorStatusWarningForeground1,
} as const

const useStyles = makeStyles({
  chart: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: '1px',
    height: '96px',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    outlineStyle: 'none',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
  },
  bar: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: '2px',
    height: '100%',
    display: 'flex',
    flexDirection: 'column-reverse',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  active: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
})

export interface HistogramChartProps {
  buckets: readonly VolumeBucket[]
  label: string
  dates: DateDisplay
  /** Apply bars first..last (either order) as the date range. */
  onSelect: (first: number, last: number) => void
}

export function HistogramChart({ buckets, label, dates, onSelect }: HistogramChartProps) {
  const styles = useStyles()
  const [active, setActive] = useState(buckets.length - 1)
  const [anchor, setAnchor] = useState<number | null>(null)
  const [dragFrom, setDragFrom] = useState<number | null>(null)
  const highest = Math.max(1, ...buckets.map(bucketTotal))
  const from = anchor ?? dragFrom
  const low = from === null ? active : Math.min(from, active)
  const high = from === null ? active : Math.max(from, active)
  const clamp = (index: number) => Math.min(Math.max(index, 0), buckets.length - 1)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      Home: 0,
      End: buckets.length - 1,
    }
    const next = moves[event.key]
    if (next !== undefined) {
      event.preventDefault()
      if (event.shiftKey) setAnchor((current) => current ?? active)
      else setAnchor(null)
      setActive(clamp(next))
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onSelect(anchor ?? active, active)
    } else if (event.key === 'Escape' && anchor !== null) {
      event.preventDefault()
      setAnchor(null)
    }
  }

  const id = (index: number) => `volume-bar-${index}`
  return (
    <div
      // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- the options are drawn bars, which a native select cannot hold
      role="listbox"
      aria-label={label}
      aria-multiselectable
      aria-activedescendant={buckets.length > 0 ? id(active) : undefined}
      tabIndex={0}
      className={styles.chart}
      onKeyDown={onKeyDown}
      onPointerUp={() => {
        if (dragFrom !== null) onSelect(dragFrom, active)
        setDragFrom(null)
      }}
      onPointerLeave={() => setDragFrom(null)}
    >
      {buckets.map((bucket, index) => {
        const inSelection = (anchor !== null || dragFrom !== null) && index >= low && index <= high
        return (
          <div
            key={bucket.start}
            id={id(index)}
            // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- a drawn bar (see the listbox)
            role="option"
            aria-selected={inSelection || index === active}
            aria-label={`${windowText(bucket, dates)}: ${countsText(bucket)}`}
            className={mergeClasses(
              styles.bar,
              inSelection && styles.selected,
              index === active && styles.active,
            )}
            onPointerDown={(event) => {
              event.preventDefault()
              event.currentTarget.parentElement?.focus()
              setAnchor(null)
              setDragFrom(index)
              setActive(index)
            }}
            onPointerEnter={() => {
              if (dragFrom !== null) setActive(index)
            }}
          >
            {(['success', 'failure', 'interrupted'] as const).map((status) =>
              bucket[status] > 0 ? (
                <div
                  key={status}
                  style={{
                    height: `${(bucket[status] / highest) * 100}%`,
                    backgroundColor: statusColours[status],
                  }}
                />
              ) : null,
            )}
          </div>
        )
      })}
    </div>
  )
}
