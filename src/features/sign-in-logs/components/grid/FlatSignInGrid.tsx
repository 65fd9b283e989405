import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import {
  columnOrderFor,
  columnVisibilityFor,
  flatColumns,
  flatTableFeatures,
  columnKindOf,
} from '../../model/table.ts'
import type { DateDisplay } from '../format-date.ts'
import { FlatSignInRow, type FlatRowActions } from './FlatSignInRow.tsx'
import { GridHeaderCell } from './GridCell.tsx'
import { columnWidths, gridOverscan, rowHeight, useGridStyles } from './grid-styles.ts'
import { useRovingRows } from './useRovingRows.ts'

/** Start the next page this many rows before the end, so scrolling rarely waits (brief: "nears the end"). */
const prefetchDistance = 40

export interface FlatSignInGridProps {
  label: string
  rows: readonly BetaSignIn[]
  visibleColumnIds: readonly string[]
  dates: DateDisplay
  selectedId: string | null
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => void
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

/** Interactive tab: one row per sign-in, role=grid, virtualised (bounded DOM for 100,000 rows). */
export function FlatSignInGrid(props: FlatSignInGridProps) {
  const styles = useGridStyles()
  const scrollRef = useRef<HTMLDivElement>(null)
  const columnOrder = useMemo(() => columnOrderFor(props.visibleColumnIds), [props.visibleColumnIds])
  const columnVisibility = useMemo(
    () => columnVisibilityFor(props.visibleColumnIds),
    [props.visibleColumnIds],
  )
  const table = useTable({
    features: flatTableFeatures,
    columns: flatColumns,
    data: props.rows as BetaSignIn[],
    getRowId: (row) => row.id,
    state: { columnVisibility, columnOrder },
  })
  const rows = table.getRowModel().rows
  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const totalWidth = headers.reduce(
    (sum, header) => sum + columnWidths[columnKindOf(header.column.columnDef.meta)],
    0,
  )

  // oxlint-disable-next-line react-hooks/incompatible-library -- useVirtualizer returns a mutable instance by design (toolchain.md §6.7)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: gridOverscan,
    initialRect: { width: 1200, height: 600 },
  })
  const items = virtualizer.getVirtualItems()
  const roving = useRovingRows(rows.length, virtualizer)

  const lastIndex = items[items.length - 1]?.index ?? -1
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = props
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - prefetchDistance) fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, rows.length])

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      roving.focusRow(target)
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      const row = rows[index]
      if (row) props.onOpenDetails(row.original, event.currentTarget)
    }
  }

  // Rows get one stable actions object that reads the latest handlers, so a re-render of the grid
  // (every scroll frame) does not re-render the memoised rows already on screen.
  const latest = useRef({ onKeyDown, onOpenDetails: props.onOpenDetails, focused: roving.setActiveIndex })
  useLayoutEffect(() => {
    latest.current = { onKeyDown, onOpenDetails: props.onOpenDetails, focused: roving.setActiveIndex }
  })
  const actions = useMemo<FlatRowActions>(
    () => ({
      focused: (index) => latest.current.focused(index),
      open: (signIn, rowElement) => latest.current.onOpenDetails(signIn, rowElement),
      keyDown: (event, index) => latest.current.onKeyDown(event, index),
    }),
    [],
  )

  return (
    <div ref={scrollRef} className={styles.scroller}>
      <table
        // APG grid/treegrid on a native table: no native element has grid semantics (portal-ui.md §5).
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role
        role="grid"
        className={styles.table}
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-busy={props.isFetchingNextPage}
        style={{ width: totalWidth }}
      >
        <thead className={styles.header}>
          <tr aria-rowindex={1} className={styles.headerRow}>
            {headers.map((header) => (
              <GridHeaderCell key={header.id} kind={columnKindOf(header.column.columnDef.meta)}>
                <table.FlexRender header={header} />
              </GridHeaderCell>
            ))}
          </tr>
        </thead>
        <tbody className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <FlatSignInRow
                key={row.id}
                row={row}
                index={item.index}
                start={item.start}
                width={totalWidth}
                selected={row.id === props.selectedId}
                tabbable={item.index === roving.activeIndex}
                dates={props.dates}
                visibleColumnIds={props.visibleColumnIds}
                rowRef={roving.rowRef(item.index)}
                actions={actions}
              />
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
