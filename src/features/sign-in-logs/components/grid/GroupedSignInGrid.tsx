import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { Button, Spinner, mergeClasses } from '@fluentui/react-components'
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons'
import { useTable, type ExpandedState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import {
  treeColumnsByTab,
  treeTableFeatures,
  treeTableOptions,
  columnKindOf,
  type TreeRow,
} from '../../model/table.ts'
import type { TabId } from '../../model/tabs.ts'
import type { DateDisplay } from '../format-date.ts'
import { GridCell, GridHeaderCell } from './GridCell.tsx'
import { columnWidths, expanderWidth, gridOverscan, rowHeight, useGridStyles } from './grid-styles.ts'
import { useRovingRows } from './useRovingRows.ts'

const prefetchDistance = 40

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

/**
 * Grouped tabs: WAI-ARIA treegrid (portal-ui.md §5). Group rows (level 1) expand in place into
 * their sign-ins (level 2); selecting a child opens details, a group only toggles (§1.2).
 */
export function GroupedSignInGrid(props: GroupedSignInGridProps) {
  const styles = useGridStyles()
  const scrollRef = useRef<HTMLDivElement>(null)
  const expandedState: ExpandedState = props.expanded
  const table = useTable({
    features: treeTableFeatures,
    columns: treeColumnsByTab[props.tab],
    data: props.rows,
    ...treeTableOptions,
    state: { expanded: expandedState },
  })
  const rows = table.getRowModel().rows
  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const totalWidth =
    expanderWidth +
    headers.reduce((sum, header) => sum + columnWidths[columnKindOf(header.column.columnDef.meta)], 0)
  const groupCount = props.rows.length
  const groupIndexByKey = useMemo(
    () => new Map(props.rows.map((row, index) => [row.key, index + 1])),
    [props.rows],
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

  const indexOfKey = (key: string) => rows.findIndex((row) => row.id === key)

  const activate = (tree: TreeRow, element: HTMLElement) => {
    if (tree.kind === 'group') props.onToggle(tree.key, !props.expanded[tree.key])
    else if (tree.kind === 'child') props.onOpenDetails(tree.signIn, element)
    else if (tree.kind === 'children-more' || tree.kind === 'children-error')
      props.onLoadMoreChildren(tree.parentKey)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const row = rows[index]
    if (!row) return
    const tree = row.original
    const isOpen = tree.kind === 'group' && Boolean(props.expanded[tree.key])
    let target: number | undefined
    switch (event.key) {
      case 'ArrowDown':
        target = index + 1
        break
      case 'ArrowUp':
        target = index - 1
        break
      case 'Home':
        target = 0
        break
      case 'End':
        target = rows.length - 1
        break
      case 'ArrowRight':
        // APG treegrid: expand a closed group; on an open one move to its first child.
        if (tree.kind === 'group') {
          if (isOpen) target = index + 1
          else props.onToggle(tree.key, true)
        }
        break
      case 'ArrowLeft':
        if (tree.kind === 'group') {
          if (isOpen) props.onToggle(tree.key, false)
        } else target = indexOfKey(tree.parentKey)
        break
      case 'Enter':
      case ' ':
        activate(tree, event.currentTarget)
        break
      default:
        return
    }
    event.preventDefault()
    if (target !== undefined && target >= 0) roving.focusRow(target)
  }

  const cells = (row: (typeof rows)[number]) =>
    row
      .getAllCells()
      .map((cell) => (
        <GridCell
          key={cell.id}
          kind={columnKindOf(cell.column.columnDef.meta)}
          value={cell.getValue() as string | null}
          dates={props.dates}
        />
      ))

  return (
    <div ref={scrollRef} className={styles.scroller}>
      <table
        // APG grid/treegrid on a native table: no native element has grid semantics (portal-ui.md §5).
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role
        role="treegrid"
        className={styles.table}
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-busy={props.isFetchingNextPage}
        style={{ width: totalWidth }}
      >
        <thead className={styles.header}>
          <tr aria-rowindex={1} className={styles.headerRow}>
            <th scope="col" className={mergeClasses(styles.headerCell, styles.widthExpander)}>
              <span className={styles.visuallyHidden}>Expand</span>
            </th>
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
            const tree = row.original
            const common = {
              ref: roving.rowRef(item.index),
              'aria-rowindex': item.index + 2,
              tabIndex: item.index === roving.activeIndex ? 0 : -1,
              'data-row-id': tree.key,
              style: { transform: `translateY(${item.start}px)`, width: totalWidth },
              onFocus: () => roving.setActiveIndex(item.index),
              onKeyDown: (event: KeyboardEvent<HTMLElement>) => onKeyDown(event, item.index),
            }
            if (tree.kind === 'group') {
              const isOpen = Boolean(props.expanded[tree.key])
              return (
                <tr
                  key={row.id}
                  {...common}
                  aria-level={1}
                  aria-expanded={isOpen}
                  aria-setsize={groupCount}
                  aria-posinset={groupIndexByKey.get(tree.key)}
                  className={styles.row}
                  onClick={() => props.onToggle(tree.key, !isOpen)}
                >
                  <td className={mergeClasses(styles.cell, styles.widthExpander)}>
                    {isOpen ? (
                      <ChevronDownRegular aria-hidden className={styles.expanderIcon} />
                    ) : (
                      <ChevronRightRegular aria-hidden className={styles.expanderIcon} />
                    )}
                  </td>
                  {cells(row)}
                </tr>
              )
            }
            if (tree.kind === 'child') {
              const selected = tree.signIn.id === props.selectedId
              return (
                <tr
                  key={row.id}
                  {...common}
                  aria-level={2}
                  aria-setsize={tree.setSize}
                  aria-posinset={tree.posInSet}
                  aria-selected={selected}
                  className={mergeClasses(styles.row, styles.childRow, selected && styles.rowSelected)}
                  onClick={(event) => props.onOpenDetails(tree.signIn, event.currentTarget)}
                >
                  <td className={mergeClasses(styles.cell, styles.widthExpander)}>
                    <span className={styles.visuallyHidden}>Sign-in in this group</span>
                  </td>
                  {cells(row)}
                </tr>
              )
            }
            // Status rows beneath an expanded group: loading, failure, or more children to fetch.
            return (
              <tr
                key={row.id}
                {...common}
                aria-level={2}
                className={mergeClasses(styles.row, styles.childRow)}
              >
                <td colSpan={headers.length + 1} className={styles.statusRow} style={{ width: totalWidth }}>
                  {tree.kind === 'children-loading' && (
                    <Spinner size="tiny" label="Loading sign-ins in this group" />
                  )}
                  {tree.kind === 'children-error' && (
                    <>
                      <span>{tree.error.userMessage}</span>
                      <Button
                        size="small"
                        tabIndex={-1}
                        onClick={() => props.onLoadMoreChildren(tree.parentKey)}
                      >
                        Retry
                      </Button>
                    </>
                  )}
                  {tree.kind === 'children-more' && (
                    <Button
                      size="small"
                      tabIndex={-1}
                      onClick={() => props.onLoadMoreChildren(tree.parentKey)}
                    >
                      {`Load more sign-ins (${tree.loaded} shown)`}
                    </Button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
