import { useCallback, useMemo, useState } from 'react'
import { MessageBar, MessageBarBody } from '@fluentui/react-components'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { GraphErrorBar } from '../../../components/GraphErrorBar.tsx'
import { GridSkeleton } from '../../../components/GridSkeleton.tsx'
import type { GraphError } from '../../../lib/graph/errors.ts'
import { clientSideFilter, unsupportedOnGroupedTab } from '../api/build-filter.ts'
import { summaryListQuery } from '../api/queries.ts'
import { filterField, isPillServerSide } from '../model/filter-fields.ts'
import type { TreeRow } from '../model/table.ts'
import type { TabDefinition, TabId } from '../model/tabs.ts'
import type { ViewState } from '../model/view-state.ts'
import { GroupChildrenLoader, type GroupChildren } from './GroupChildrenLoader.tsx'
import { GroupedSignInGrid } from './grid/GroupedSignInGrid.tsx'
import { LeftOutRecordsBar, groupNoun, signInNoun } from './LeftOutRecordsBar.tsx'
import { ResultFooter } from './ResultFooter.tsx'

export interface GroupedSignInViewProps {
  tab: TabDefinition
  state: ViewState
  now: Date
  emptyReason: string
  onOpenDetails: (signIn: BetaSignIn, rowElement: HTMLElement) => void
}

function childRows(
  groupKey: string,
  signInCount: number,
  children: GroupChildren | undefined,
  keep: (s: BetaSignIn) => boolean,
): TreeRow[] {
  if (!children || (children.pending && children.signIns.length === 0)) {
    return [{ kind: 'children-loading', key: `${groupKey}/loading`, parentKey: groupKey }]
  }
  if (children.error && children.signIns.length === 0) {
    return [{ kind: 'children-error', key: `${groupKey}/error`, parentKey: groupKey, error: children.error }]
  }
  const shown = children.signIns.filter(keep)
  const setSize = children.hasNextPage ? Math.max(signInCount, shown.length) : shown.length
  const rows: TreeRow[] = shown.map((signIn, index) => ({
    kind: 'child',
    key: `${groupKey}/${signIn.id}`,
    parentKey: groupKey,
    signIn,
    posInSet: index + 1,
    setSize,
  }))
  if (children.isFetchingNextPage)
    rows.push({ kind: 'children-loading', key: `${groupKey}/loading`, parentKey: groupKey })
  else if (children.error)
    rows.push({
      kind: 'children-error',
      key: `${groupKey}/error`,
      parentKey: groupKey,
      error: children.error,
    })
  else if (children.hasNextPage)
    rows.push({ kind: 'children-more', key: `${groupKey}/more`, parentKey: groupKey, loaded: shown.length })
  return rows
}

/** Grouped tabs: summaries (§1.1) as level-1 rows; expanded groups load their sign-ins (§1.2). */
export function GroupedSignInView({ tab, state, now, emptyReason, onOpenDetails }: GroupedSignInViewProps) {
  const source = useDataSource()
  const query = useInfiniteQuery(summaryListQuery(source, tab, state, now))
  const [expanded, setExpanded] = useState<Record<string, boolean>>({})
  const [children, setChildren] = useState<Record<string, GroupChildren>>({})
  const pills = state.filters[tab.filterSet]
  const keep = useMemo(() => clientSideFilter(pills), [pills])
  const unsupported = unsupportedOnGroupedTab(tab, pills)

  // summaryListQuery's `select` already drops groups that fail the client-side pills.
  const summaries = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.value), [query.data])
  const rows = useMemo<TreeRow[]>(
    () =>
      summaries.map((summary) => ({
        kind: 'group',
        key: summary.id,
        summary,
        children: expanded[summary.id]
          ? childRows(summary.id, summary.signInCount, children[summary.id], keep)
          : [],
      })),
    [summaries, expanded, children, keep],
  )
  const leftOutGroups = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.leftOut), [query.data])
  const leftOutSignIns = useMemo(
    () => Object.entries(children).flatMap(([groupKey, group]) => (expanded[groupKey] ? group.leftOut : [])),
    [children, expanded],
  )
  const onChildren = useCallback(
    (groupKey: string, next: GroupChildren) => setChildren((current) => ({ ...current, [groupKey]: next })),
    [],
  )
  const onToggle = useCallback(
    (groupKey: string, open: boolean) => setExpanded((current) => ({ ...current, [groupKey]: open })),
    [],
  )
  const error = query.error as GraphError | null

  if (query.isPending) return <GridSkeleton label="Loading sign-ins" />
  if (!query.data) return <GraphErrorBar error={error as GraphError} onRetry={() => void query.refetch()} />
  return (
    <>
      {summaries
        .filter((summary) => expanded[summary.id])
        .map((summary) => (
          <GroupChildrenLoader
            key={summary.id}
            groupKey={summary.id}
            summary={summary}
            tab={tab}
            state={state}
            now={now}
            onChange={onChildren}
          />
        ))}
      {unsupported.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {`Not applied on this tab (grouped rows do not carry the field): ${unsupported
              .map((pill) => filterField(pill.field).label)
              .join(', ')}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {error && <GraphErrorBar error={error} onRetry={() => void query.fetchNextPage()} />}
      <LeftOutRecordsBar leftOut={leftOutGroups} noun={groupNoun} />
      <LeftOutRecordsBar leftOut={leftOutSignIns} noun={signInNoun} />
      {summaries.length === 0 && !query.hasNextPage ? (
        <EmptyState title="No sign-ins to show">{emptyReason}</EmptyState>
      ) : (
        <GroupedSignInGrid
          label={tab.label}
          tab={tab.id as Exclude<TabId, 'interactive'>}
          rows={rows}
          expanded={expanded}
          onToggle={onToggle}
          onLoadMoreChildren={(groupKey) => children[groupKey]?.loadMore()}
          dates={state.dates}
          selectedId={state.selected}
          hasNextPage={query.hasNextPage && !error}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={() => void query.fetchNextPage()}
          onOpenDetails={onOpenDetails}
        />
      )}
      <ResultFooter
        noun="groups"
        count={summaries.length}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        clientFiltered={pills.some((pill) => !isPillServerSide(pill))}
      />
    </>
  )
}
