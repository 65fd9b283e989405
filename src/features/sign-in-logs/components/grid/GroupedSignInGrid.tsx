import { useMemo } from 'react'
import { Button, Spinner } from '@fluentui/react-components'
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons'
import { useTable, type ExpandedState } from '@tanstack/react-table'
import type { BetaSignIn, SummarizedSignIn } from '../../../../../contract/sign-in.ts'
import { groupedColumnsByTab } from '../../model/columns.ts'
import {
  columnKindOf,
  treeColumnsByTab,
  treeTableFeatures,
  treeTableOptions,
  type TreeRow,
} from '../../model/table.ts'
import type { TabId } from '../../model/tabs.ts'
import type { DateDisplay } from '../format-date.ts'
import type { GridRowView } from './GridRow.tsx'
import { useGridStyles } from './grid-styles.ts'
import { createRowTextCache, memoizeByObject } from './row-text.ts'
import { VirtualGridBody, type GridColumn } from './VirtualGridBody.tsx'

export interface GroupedSignInGridProps {
  label: string
  tab: Exclude<TabId, 'interactive'>
  rows: TreeRow[]
  expanded: Record<string, boolean>
  onToggle: (groupKey: string, expanded: boolean) => void
  onLoadMoreChildren: (groupKey: string) => void
  dates: DateDisplay
  selectedId: string | null
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => void
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

/** Start the next page of groups this many rows before the end. */
const prefetchDistance = 40

/**
 * Grouped tabs: WAI-ARIA treegrid (portal-ui.md §5). Group rows (level 1) expand in place into
 * their sign-ins (level 2); selecting a child opens details, a group only toggles (§1.2).
 */
export function GroupedSignInGrid(props: GroupedSignInGridProps) {
  const styles = useGridStyles()
  const expandedState: ExpandedState = props.expanded
  const table = useTable({
    features: treeTableFeatures,
    columns: treeColumnsByTab[props.tab],
    data: props.rows,
    ...treeTableOptions,
    state: { expanded: expandedState },
  })
  const rows = table.getRowModel().rows
  const columns = useMemo<GridColumn[]>(
    () =>
      table.getAllLeafColumns().map((column) => ({
        id: column.id,
        header: String(column.columnDef.header ?? column.id),
        kind: columnKindOf(column.columnDef.meta),
        size: column.getSize(),
      })),
    [table],
  )
  const groupCount = props.rows.length
  const groupIndexByKey = useMemo(
    () => new Map(props.rows.map((row, index) => [row.key, index + 1])),
    [props.rows],
  )

  const { tab, dates, expanded, onLoadMoreChildren } = props
  const texts = useMemo(() => {
    const model = groupedColumnsByTab[tab]
    return {
      group: createRowTextCache<SummarizedSignIn>(
        model.map((column) => ({ kind: column.kind, value: column.summaryValue })),
        dates,
      ),
      child: createRowTextCache<BetaSignIn>(
        model.map((column) => ({ kind: column.kind, value: column.signInValue })),
        dates,
      ),
    }
  }, [tab, dates])

  const viewOf = useMemo(() => {
    const build = (tree: TreeRow): GridRowView => {
      if (tree.kind === 'group') {
        const isOpen = Boolean(expanded[tree.key])
        return {
          key: tree.key,
          cells: texts.group(tree.summary),
          level: 1,
          expanded: isOpen,
          setSize: groupCount,
          posInSet: groupIndexByKey.get(tree.key),
          leading: isOpen ? (
            <ChevronDownRegular aria-hidden className={styles.expanderIcon} />
          ) : (
            <ChevronRightRegular aria-hidden className={styles.expanderIcon} />
          ),
        }
      }
      if (tree.kind === 'child') {
        return {
          key: tree.key,
          cells: texts.child(tree.signIn),
          selectId: tree.signIn.id,
          level: 2,
          setSize: tree.setSize,
          posInSet: tree.posInSet,
          tone: 'child',
          leading: <span className={styles.visuallyHidden}>Sign-in in this group</span>,
        }
      }
      // Status rows beneath an expanded group: loading, failure, or more children to fetch.
      const loadMore = () => onLoadMoreChildren(tree.parentKey)
      return {
        key: tree.key,
        cells: [],
        level: 2,
        tone: 'child',
        status:
          tree.kind === 'children-loading' ? (
            <Spinner size="tiny" label="Loading sign-ins in this group" />
          ) : tree.kind === 'children-error' ? (
            <>
              <span>{tree.error.userMessage}</span>
              <Button size="small" tabIndex={-1} onClick={loadMore}>
                Retry
              </Button>
            </>
          ) : (
            <Button size="small" tabIndex={-1} onClick={loadMore}>
              {`Load more sign-ins (${tree.loaded} shown)`}
            </Button>
          ),
      }
    }
    return memoizeByObject(build)
  }, [texts, expanded, groupCount, groupIndexByKey, onLoadMoreChildren, styles])

  const rowView = (index: number) => {
    const row = rows[index]
    return row && viewOf(row.original)
  }

  const activate = (index: number, element: HTMLElement) => {
    const tree = rows[index]?.original
    if (!tree) return
    if (tree.kind === 'group') props.onToggle(tree.key, !props.expanded[tree.key])
    else if (tree.kind === 'child') props.onOpenDetails(tree.signIn, element)
    else if (tree.kind === 'children-more' || tree.kind === 'children-error')
      props.onLoadMoreChildren(tree.parentKey)
  }

  // APG treegrid: Right expands a closed group or enters an open one; Left closes it or goes to the parent.
  const onExtraKey = (key: string, index: number): number | 'handled' | undefined => {
    const tree = rows[index]?.original
    if (!tree || (key !== 'ArrowRight' && key !== 'ArrowLeft')) return undefined
    const isOpen = tree.kind === 'group' && Boolean(props.expanded[tree.key])
    if (key === 'ArrowRight') {
      if (tree.kind !== 'group') return 'handled'
      if (isOpen) return index + 1
      props.onToggle(tree.key, true)
      return 'handled'
    }
    if (tree.kind === 'group') {
      if (isOpen) props.onToggle(tree.key, false)
      return 'handled'
    }
    const parent = rows.findIndex((row) => row.id === tree.parentKey)
    return parent >= 0 ? parent : 'handled'
  }

  return (
    <VirtualGridBody
      role="treegrid"
      label={props.label}
      columns={columns}
      rowCount={rows.length}
      rowView={rowView}
      selectedId={props.selectedId}
      busy={props.isFetchingNextPage}
      hasNextPage={props.hasNextPage}
      isFetchingNextPage={props.isFetchingNextPage}
      fetchNextPage={props.fetchNextPage}
      prefetchDistance={prefetchDistance}
      onActivate={activate}
      onExtraKey={onExtraKey}
    />
  )
}
