import { useMemo } from 'react'
import { useTable } from '@tanstack/react-table'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { columnKindOf, flatColumns, flatTableFeatures, type FlatColumns } from '../../model/table.ts'
import type { DateDisplay } from '../format-date.ts'
import type { GridRowView } from './GridRow.tsx'
import { createRowTextCache, memoizeByObject } from './row-text.ts'
import { VirtualGridBody, type GridColumn } from './VirtualGridBody.tsx'

export interface FlatSignInGridProps {
  label: string
  /** Loaded rows; may grow in place (pages are appended), `rowCount` says how many to show. */
  rows: readonly BetaSignIn[]
  rowCount: number
  visibleColumnIds: readonly string[]
  /** The columns to pick from; the interactive catalogue unless a tab has its own set ("All sign-ins"). */
  columnDefs?: FlatColumns
  dates: DateDisplay
  selectedId: string | null
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => void
  /** Rows ahead of the last rendered one at which the next page starts loading. */
  prefetchDistance: number
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

const noRows: BetaSignIn[] = []

/** Interactive tab: one row per sign-in, role=grid, virtualised (bounded DOM for 100,000 rows). */
export function FlatSignInGrid(props: FlatSignInGridProps) {
  // The table defines the columns (header, kind, size); rows are read by index from the appended list
  // instead of TanStack's row model, which would rebuild a Row object per record on every page.
  const table = useTable({
    features: flatTableFeatures,
    columns: props.columnDefs ?? flatColumns,
    data: noRows,
  })
  // The picker's choice, in its order (§1.4).
  const leafColumns = useMemo(
    () => props.visibleColumnIds.flatMap((id) => table.getColumn(id) ?? []),
    [table, props.visibleColumnIds],
  )
  const columns = useMemo<GridColumn[]>(
    () =>
      leafColumns.map((column) => ({
        id: column.id,
        header: String(column.columnDef.header ?? column.id),
        kind: columnKindOf(column.columnDef.meta),
        size: column.getSize(),
      })),
    [leafColumns],
  )

  const viewOf = useMemo(() => {
    const texts = createRowTextCache<BetaSignIn>(
      leafColumns.map((column) => ({
        kind: columnKindOf(column.columnDef.meta),
        value: (signIn) => column.accessorFn?.(signIn, 0) as string | null,
      })),
      props.dates,
    )
    return memoizeByObject<BetaSignIn, GridRowView>((signIn) => ({
      key: signIn.id,
      selectId: signIn.id,
      cells: texts(signIn),
    }))
  }, [leafColumns, props.dates])

  const { rows, onOpenDetails } = props
  const rowView = (index: number) => {
    const signIn = rows[index]
    return signIn && viewOf(signIn)
  }

  return (
    <VirtualGridBody
      role="grid"
      label={props.label}
      columns={columns}
      rowCount={props.rowCount}
      rowView={rowView}
      selectedId={props.selectedId}
      busy={props.isFetchingNextPage}
      hasNextPage={props.hasNextPage}
      isFetchingNextPage={props.isFetchingNextPage}
      fetchNextPage={props.fetchNextPage}
      prefetchDistance={props.prefetchDistance}
      onActivate={(index, element) => {
        const signIn = rows[index]
        if (signIn) onOpenDetails(signIn, element)
      }}
    />
  )
}
