/**
 * TanStack Table v9 configuration for both grids, built once at module scope (stable features and
 * columns, toolchain.md §3). Rendering is in components/grid; this module only says what a row is
 * and how each column reads it.
 */
import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createExpandedRowModel,
  rowExpandingFeature,
  tableFeatures,
  type ColumnVisibilityState,
} from '@tanstack/react-table'
import type { BetaSignIn, SummarizedSignIn } from '../../../../contract/sign-in.ts'
import type { GraphError } from '../../../lib/graph/errors.ts'
import {
  groupedColumnsByTab,
  interactiveColumnCatalogue,
  type ColumnKind,
  type GroupedColumn,
} from './columns.ts'
import type { TabId } from './tabs.ts'

export interface GridColumnMeta {
  kind: ColumnKind
}

/** The kind a column was declared with (its width and cell rendering follow from it). */
export const columnKindOf = (meta: unknown): ColumnKind =>
  (meta as GridColumnMeta | undefined)?.kind ?? 'text'

// ---- flat grid (interactive tab) ----

export const flatTableFeatures = tableFeatures({ columnVisibilityFeature, columnOrderingFeature })
const flatHelper = createColumnHelper<typeof flatTableFeatures, BetaSignIn>()

/** Every catalogue column is defined; the picker's choice only toggles visibility (§1.4). */
export const flatColumns = flatHelper.columns(
  interactiveColumnCatalogue.map((column) =>
    flatHelper.accessor((signIn) => column.value(signIn), {
      id: column.id,
      header: column.label,
      meta: { kind: column.kind } satisfies GridColumnMeta,
    }),
  ),
)

export function columnVisibilityFor(visibleIds: readonly string[]): ColumnVisibilityState {
  const visible = new Set(visibleIds)
  return Object.fromEntries(interactiveColumnCatalogue.map((column) => [column.id, visible.has(column.id)]))
}

/** Chosen columns in the chosen order (§1.3 order for the defaults), the hidden rest after them. */
export function columnOrderFor(visibleIds: readonly string[]): string[] {
  const chosen = new Set(visibleIds)
  return [
    ...visibleIds,
    ...interactiveColumnCatalogue.map((column) => column.id).filter((id) => !chosen.has(id)),
  ]
}

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
