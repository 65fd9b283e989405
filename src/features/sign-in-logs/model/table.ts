/**
 * TanStack Table v9 configuration for both grids, built once at module scope (stable features and
 * columns, toolchain.md §3). Rendering is in components/grid; this module only says what a row is
 * and how each column reads it.
 */
import {
  columnSizingFeature,
  createColumnHelper,
  createExpandedRowModel,
  rowExpandingFeature,
  tableFeatures,
} from '@tanstack/react-table'
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import type { GraphError } from '../../../lib/graph/errors.ts'
import {
  allSignInsColumns,
  groupedColumnsByTab,
  interactiveColumnCatalogue,
  type ColumnKind,
  type GroupedColumn,
  type SignInColumn,
} from './columns.ts'
import type { TabId } from './tabs.ts'

export interface GridColumnMeta {
  kind: ColumnKind
}

/** Fixed widths (px) per kind: every column's size, so header and virtual rows align without measuring. */
export const columnSizeByKind: Readonly<Record<ColumnKind, number>> = {
  date: 200,
  id: 300,
  text: 200,
  count: 110,
}

/** The kind a column was declared with (its width and cell rendering follow from it). */
export const columnKindOf = (meta: unknown): ColumnKind =>
  (meta as GridColumnMeta | undefined)?.kind ?? 'text'

// ---- flat grid (interactive tab) ----

export const flatTableFeatures = tableFeatures({ columnSizingFeature })
const flatHelper = createColumnHelper<typeof flatTableFeatures, BetaSignIn>()

const flatColumnsOf = (catalogue: readonly SignInColumn[]) =>
  flatHelper.columns(
    catalogue.map((column) =>
      flatHelper.accessor((signIn) => column.value(signIn), {
        id: column.id,
        header: column.label,
        size: columnSizeByKind[column.kind],
        meta: { kind: column.kind } satisfies GridColumnMeta,
      }),
    ),
  )

/** Every catalogue column is defined; the grid shows the picker's choice in its order (§1.4). */
export const flatColumns = flatColumnsOf(interactiveColumnCatalogue)
export type FlatColumns = typeof flatColumns

/** The "All sign-ins" tab's fixed columns (issue #12). */
export const allSignInsFlatColumns: FlatColumns = flatColumnsOf(allSignInsColumns)
export const allSignInsColumnIds: readonly string[] = allSignInsColumns.map((column) => column.id)

// ---- tree grid (grouped tabs) ----

/** A row of the treegrid: a summarized group, or something shown beneath an expanded group. */
export type TreeRow =
  | { kind: 'group'; key: string; summary: SummarizedSignIn; children: TreeRow[] }
  | { kind: 'child'; key: string; parentKey: string; signIn: BetaSignIn; posInSet: number; setSize: number }
  | { kind: 'children-loading'; key: string; parentKey: string }
  | { kind: 'children-error'; key: string; parentKey: string; error: GraphError }
  | { kind: 'children-more'; key: string; parentKey: string; loaded: number }

export const treeTableFeatures = tableFeatures({
  rowExpandingFeature,
  columnSizingFeature,
  expandedRowModel: createExpandedRowModel(),
})
const treeHelper = createColumnHelper<typeof treeTableFeatures, TreeRow>()

export function treeCellValue(column: GroupedColumn, row: TreeRow): string | null {
  if (row.kind === 'group') return column.summaryValue(row.summary)
  if (row.kind === 'child') return column.signInValue(row.signIn)
  return null
}

function buildTreeColumns(tab: Exclude<TabId, 'interactive'>) {
  return treeHelper.columns(
    groupedColumnsByTab[tab].map((column) =>
      treeHelper.accessor((row) => treeCellValue(column, row), {
        id: column.id,
        header: column.label,
        size: columnSizeByKind[column.kind],
        meta: { kind: column.kind } satisfies GridColumnMeta,
      }),
    ),
  )
}

export const treeColumnsByTab = {
  'non-interactive': buildTreeColumns('non-interactive'),
  'service-principal': buildTreeColumns('service-principal'),
  'managed-identity': buildTreeColumns('managed-identity'),
} as const

export const treeTableOptions = {
  getRowId: (row: TreeRow) => row.key,
  getSubRows: (row: TreeRow) => (row.kind === 'group' ? row.children : undefined),
  getRowCanExpand: (row: { original: TreeRow }) => row.original.kind === 'group',
}
