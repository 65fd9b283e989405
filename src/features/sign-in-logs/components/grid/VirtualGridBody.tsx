import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react'
import { mergeClasses } from '@fluentui/react-components'
import { useVirtualizer, type Range } from '@tanstack/react-virtual'
import type { ColumnKind } from '../../model/columns.ts'
import { GridRow, type GridRowClasses, type GridRowView } from './GridRow.tsx'
import { createRowRing } from './row-pool.ts'
import { expanderWidth, gridOverscan, rowHeight, useGridStyles, widthClass } from './grid-styles.ts'
import { useRovingRows } from './useRovingRows.ts'

export interface GridColumn {
  id: string
  header: ReactNode
  kind: ColumnKind
  /** px, from the table column's getSize(). */
  size: number
}

export interface VirtualGridBodyProps {
  role: 'grid' | 'treegrid'
  label: string
  columns: readonly GridColumn[]
  rowCount: number
  /** The row at an index; return the same object while the row is unchanged, so it is not re-rendered. */
  rowView: (index: number) => GridRowView | undefined
  selectedId: string | null
  busy: boolean
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => void
  /** Start the next page when the rendered window comes this close to the last loaded row. */
  prefetchDistance: number
  /** Enter/Space on a row, or a click on it (not on a button inside it). */
  onActivate: (index: number, rowElement: HTMLElement) => void
  /** Keys beyond the grid's own (treegrid arrows): a row index to focus, 'handled', or undefined. */
  onExtraKey?: (key: string, index: number) => number | 'handled' | undefined
}

const rowSelector = 'tr[aria-rowindex]'

/** The data row an event happened in (index from aria-rowindex), or null for the header or outside. */
function rowOf(event: SyntheticEvent): { element: HTMLElement; index: number } | null {
  const element = (event.target as Element).closest<HTMLElement>(rowSelector)
  const index = Number(element?.getAttribute('aria-rowindex')) - 2
  return element && index >= 0 ? { element, index } : null
}

/**
 * The one virtual body of the flat grid and the treegrids, after TanStack Table's virtualized-rows
 * example: the virtualizer lives here (a scroll frame re-renders only this component) and rows have a
 * fixed height. Rows are a ring of <tr>s (row-pool.ts): a row entering the window takes over the element
 * of the row that left, so a scroll frame rewrites text in place instead of creating and removing rows,
 * and the body carries the one transform. The scroller and each row have `contain: strict`, so a
 * changed row is laid out alone. Events are delegated to the <tbody>: rows carry no handlers and no
 * refs (issue #16).
 */
export function VirtualGridBody(props: VirtualGridBodyProps) {
  const styles = useGridStyles()
  const scrollRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const treegrid = props.role === 'treegrid'
  const { rowCount } = props
  const totalWidth =
    (treegrid ? expanderWidth : 0) + props.columns.reduce((sum, column) => sum + column.size, 0)

  const [ring] = useState(createRowRing)
  const active = useState(0)
  // The roving row stays rendered wherever the grid is scrolled: focus stays on its row and Tab finds it.
  const keepIndex = active[0]
  const rangeExtractor = useCallback((range: Range) => ring.window(range, keepIndex), [ring, keepIndex])
  // oxlint-disable-next-line react-hooks/incompatible-library -- useVirtualizer returns a mutable instance by design (toolchain.md §6.7)
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: gridOverscan,
    initialRect: { width: 1200, height: 600 },
    rangeExtractor,
  })
  const items = virtualizer.getVirtualItems()
  const findRow = useCallback(
    (index: number) =>
      bodyRef.current?.querySelector<HTMLElement>(`tr[aria-rowindex="${index + 2}"]`) ?? null,
    [],
  )
  const roving = useRovingRows(active, rowCount, virtualizer, findRow)

  // The window's end, not the last rendered row: that may be the kept focus row far behind.
  const lastIndex = virtualizer.range ? virtualizer.range.endIndex + gridOverscan : -1
  const { hasNextPage, isFetchingNextPage, fetchNextPage, prefetchDistance } = props
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rowCount - prefetchDistance) fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, rowCount, prefetchDistance])

  const classes = useMemo<GridRowClasses>(
    () => ({
      row: styles.row,
      selectedRow: mergeClasses(styles.row, styles.rowSelected),
      childRow: mergeClasses(styles.row, styles.childRow),
      selectedChildRow: mergeClasses(styles.row, styles.childRow, styles.rowSelected),
      leadingCell: mergeClasses(styles.cell, styles.widthExpander),
      statusCell: styles.statusRow,
      wrapped: styles.wrappedRow,
      pinned: styles.pinnedRow,
      cells: props.columns.map((column) =>
        mergeClasses(
          styles.cell,
          widthClass(styles, column.kind),
          column.kind === 'id' && styles.idText,
          column.kind === 'count' && styles.countText,
        ),
      ),
    }),
    [styles, props.columns],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = rowOf(event)
    // Keys inside a row's own controls (a status row's button) stay with them.
    if (!row || event.target !== row.element) return
    const { index } = row
    const extra = props.onExtraKey?.(event.key, index)
    if (extra !== undefined) {
      event.preventDefault()
      if (extra !== 'handled') roving.focusRow(extra)
      return
    }
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rowCount - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      roving.focusRow(target)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      props.onActivate(index, row.element)
    }
  }
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const row = rowOf(event)
    if (row && !(event.target as Element).closest('button')) props.onActivate(row.index, row.element)
  }
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const row = rowOf(event)
    if (row && event.target === row.element) {
      roving.setActiveIndex(row.index)
      focusedRow.current = row.index
    }
  }
  const onBlur = (event: FocusEvent<HTMLElement>) => {
    if (!bodyRef.current?.contains(event.relatedTarget as Node | null)) focusedRow.current = null
  }

  const layout = ring.layout(items.map((item) => item.index))

  // Focus follows the row, not the element: a focused row moves between a ring element and the kept
  // element as it leaves or re-enters the window (a removed element takes focus away without a blur).
  const focusedRow = useRef<number | null>(null)
  useLayoutEffect(() => {
    if (focusedRow.current === null) return
    const element = findRow(focusedRow.current)
    const focused = document.activeElement
    const lost = focused === null || focused === document.body || bodyRef.current?.contains(focused)
    if (element && focused !== element && lost) element.focus({ preventScroll: true })
  })
  return (
    <div ref={scrollRef} className={styles.scroller} data-grid-scroller="">
      <table
        // APG grid/treegrid on a native table: no native element has grid semantics (portal-ui.md §5).
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role
        role={props.role}
        className={styles.table}
        aria-label={props.label}
        aria-rowcount={rowCount + 1}
        aria-busy={props.busy}
        style={{ width: totalWidth, height: rowHeight + virtualizer.getTotalSize() }}
      >
        <thead className={styles.header}>
          <tr aria-rowindex={1} className={styles.headerRow}>
            {treegrid && (
              <th scope="col" className={mergeClasses(styles.headerCell, styles.widthExpander)}>
                <span className={styles.visuallyHidden}>Expand</span>
              </th>
            )}
            {props.columns.map((column) => (
              <th key={column.id} scope="col" className={styles.headerCell} style={{ width: column.size }}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        {/* Row events are delegated here; each row is focusable and keyboard-operable (roving tabindex). */}
        {/* oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
        <tbody
          ref={bodyRef}
          className={styles.body}
          style={
            {
              transform: `translateY(${layout.base * rowHeight}px)`,
              '--ring-height': `${layout.size * rowHeight}px`,
            } as CSSProperties
          }
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
        >
          {layout.rows.map(({ key, index, wrapped, pinned }) => {
            const view = props.rowView(index)
            if (!view) return null
            return (
              <GridRow
                key={key}
                view={view}
                index={index}
                wrapped={wrapped}
                pinnedTop={pinned ? (index - layout.base) * rowHeight : undefined}
                selected={view.selectId !== undefined && view.selectId === props.selectedId}
                tabbable={index === roving.activeIndex}
                classes={classes}
                width={totalWidth}
                treegrid={treegrid}
              />
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
