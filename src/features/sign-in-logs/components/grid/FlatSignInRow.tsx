import { memo, type KeyboardEvent } from 'react'
import { mergeClasses } from '@fluentui/react-components'
import type { Row } from '@tanstack/react-table'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { columnKindOf, type flatTableFeatures } from '../../model/table.ts'
import type { DateDisplay } from '../format-date.ts'
import { GridCell } from './GridCell.tsx'
import { useGridStyles } from './grid-styles.ts'

/** What a row does on focus, click and keys; one stable object per grid, so rows stay memoised. */
export interface FlatRowActions {
  focused: (index: number) => void
  open: (signIn: BetaSignIn, rowElement: HTMLElement) => void
  keyDown: (event: KeyboardEvent<HTMLElement>, index: number) => void
}

export interface FlatSignInRowProps {
  row: Row<typeof flatTableFeatures, BetaSignIn>
  index: number
  /** px from the top of the body (virtualizer offset). */
  start: number
  width: number
  selected: boolean
  tabbable: boolean
  dates: DateDisplay
  /** The visible column ids: `row` keeps its identity when only the column choice changes. */
  visibleColumnIds: readonly string[]
  rowRef: (element: HTMLElement | null) => () => void
  actions: FlatRowActions
}

/**
 * One sign-in of the flat grid. Memoised on its props (all primitives or stable references): while
 * scrolling, only rows entering the window render; the rest keep their DOM untouched (issue #7).
 */
export const FlatSignInRow = memo(function FlatSignInRow({
  row,
  index,
  start,
  width,
  selected,
  tabbable,
  dates,
  rowRef,
  actions,
}: FlatSignInRowProps) {
  const styles = useGridStyles()
  return (
    <tr
      ref={rowRef}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-row-id={row.id}
      className={mergeClasses(styles.row, selected && styles.rowSelected)}
      style={{ transform: `translateY(${start}px)`, width }}
      onFocus={() => actions.focused(index)}
      onClick={(event) => actions.open(row.original, event.currentTarget)}
      onKeyDown={(event) => actions.keyDown(event, index)}
    >
      {row.getVisibleCells().map((cell) => (
        <GridCell
          key={cell.id}
          kind={columnKindOf(cell.column.columnDef.meta)}
          value={cell.getValue() as string | null}
          dates={dates}
        />
      ))}
    </tr>
  )
})
