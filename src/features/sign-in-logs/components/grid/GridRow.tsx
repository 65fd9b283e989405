import { memo, type ReactNode } from 'react'

/**
 * What one virtual row shows, computed once per record (row-text.ts) and reused on every frame the row
 * is on screen: the cells are plain strings, so a row entering the window is one <tr> of text <td>s —
 * no component per cell, no tooltip, no class merging (issue #16).
 */
export interface GridRowView {
  key: string
  /** One display string per data column, in column order ('' = blank). */
  cells: readonly string[]
  /** The sign-in whose id marks the row as selected (the details pane shows it). */
  selectId?: string
  /** Treegrid only: level 1 = group, 2 = beneath a group. */
  level?: 1 | 2
  expanded?: boolean
  setSize?: number
  posInSet?: number
  /** Treegrid only: the first cell (expander or its hidden label). */
  leading?: ReactNode
  /** A status row (loading, error, load more): one cell spanning the row instead of `cells`. */
  status?: ReactNode
  tone?: 'child'
}

/** Classes for the row's parts, merged once per grid render, never per cell (grid-styles.ts). */
export interface GridRowClasses {
  row: string
  selectedRow: string
  childRow: string
  selectedChildRow: string
  leadingCell: string
  statusCell: string
  /** Moves a ring element holding the next cycle's row down by the ring (row-pool.ts). */
  wrapped: string
  /** The focus row kept outside the window, positioned on its own. */
  pinned: string
  /** Per data column, in column order. */
  cells: readonly string[]
}

export interface GridRowProps {
  view: GridRowView
  index: number
  wrapped: boolean
  /** px from the body's top, only for the kept focus row outside the window. */
  pinnedTop: number | undefined
  selected: boolean
  tabbable: boolean
  classes: GridRowClasses
  width: number
  treegrid: boolean
}

/**
 * Memoised on its props: while scrolling, only the ring elements that take on another record render,
 * and they rewrite their text and attributes in place; no inline style, so Chromium's style cache
 * still serves them (issue #7, #16).
 */
export const GridRow = memo(function GridRow({
  view,
  index,
  wrapped,
  pinnedTop,
  selected,
  tabbable,
  classes,
  width,
  treegrid,
}: GridRowProps) {
  const baseClass =
    view.tone === 'child'
      ? selected
        ? classes.selectedChildRow
        : classes.childRow
      : selected
        ? classes.selectedRow
        : classes.row
  const className = wrapped
    ? `${baseClass} ${classes.wrapped}`
    : pinnedTop !== undefined
      ? `${baseClass} ${classes.pinned}`
      : baseClass
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={view.status === undefined && (!treegrid || view.level === 2) ? selected : undefined}
      aria-level={view.level}
      aria-expanded={view.expanded}
      aria-setsize={view.setSize}
      aria-posinset={view.posInSet}
      tabIndex={tabbable ? 0 : -1}
      data-row-id={view.key}
      className={className}
      style={pinnedTop === undefined ? undefined : { transform: `translateY(${pinnedTop}px)` }}
    >
      {view.status !== undefined ? (
        <td colSpan={classes.cells.length + 1} className={classes.statusCell} style={{ width }}>
          {view.status}
        </td>
      ) : (
        <>
          {treegrid && <td className={classes.leadingCell}>{view.leading}</td>}
          {view.cells.map((text, column) => (
            <td key={column} className={classes.cells[column]}>
              {text}
            </td>
          ))}
        </>
      )}
    </tr>
  )
})
