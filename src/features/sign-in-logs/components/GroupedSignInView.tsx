import { useCallback, useMemo, useState } from 'react'
import { useInfiniteQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { GraphErrorBar } from '../../../components/GraphErrorBar.tsx'
import { GridSkeleton } from '../../../components/GridSkeleton.tsx'
import type { GraphError } from '../../../lib/graph/errors.ts'
import { filterPlanOf, groupedSignInsQuery, summaryListQuery } from '../api/queries.ts'
import { groupSignIns, type GroupedTabId } from '../model/group-sign-ins.ts'
import type { TreeRow } from '../model/table.ts'
import type { TabDefinition } from '../model/tabs.ts'
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

const count = (n: number) => n.toLocaleString('en-US')

/** A group built from loaded sign-ins already holds exactly the sign-ins it counts: nothing to fetch. */
function loadedChildren(signIns: BetaSignIn[]): GroupChildren {
  return {
    pending: false,
    error: null,
    signIns,
    // Unreadable sign-ins of the tab's pages are reported once, for the whole list.
    leftOut: [],
    hasNextPage: false,
    isFetchingNextPage: false,
    loadMore: () => {},
  }
}

/**
 * Grouped tabs (§1.1). The filter plan says where the groups come from: Graph's summaries while they can
 * carry every pill, otherwise the tab's sign-ins (Graph filtering what it can, the plan's predicate the
 * rest), grouped here by the same keys and buckets. Expanded summary groups load their sign-ins (§1.2)
 * with the group's keys, bucket and every pill.
 */
export function GroupedSignInView({ tab, state, now, emptyReason, onOpenDetails }: GroupedSignInViewProps) {
  const source = useDataSource()
  const plan = filterPlanOf(tab, state)
  const fromSummaries = plan.groupsFrom === 'summaries'
  const summaryQuery = useInfiniteQuery({
    ...summaryListQuery(source, tab, state, now),
    enabled: fromSummaries,
  })
  const signInQuery = useInfiniteQuery({
    ...groupedSignInsQuery(source, tab, state, now),
    enabled: !fromSummaries,
  })
  const query = fromSummaries ? summaryQuery : signInQuery
  const [expanded, setExpanded] = useState<Record<string, boolean>>({})
  const [fetchedChildren, setFetchedChildren] = useState<Record<string, GroupChildren>>({})
  const keep = plan.signIns.keep

  const loadedSignIns = useMemo(
    () => (fromSummaries ? [] : (signInQuery.data?.pages ?? []).flatMap((page) => page.value)),
    [fromSummaries, signInQuery.data],
  )
  const builtGroups = useMemo(
    () =>
      fromSummaries ? [] : groupSignIns(tab.id as GroupedTabId, state.aggregate, loadedSignIns.filter(keep)),
    [fromSummaries, tab.id, state.aggregate, loadedSignIns, keep],
  )
  // summaryListQuery's `select` already drops groups that fail the conditions planned on the rows.
  const summaries = useMemo(
    () =>
      fromSummaries
        ? (summaryQuery.data?.pages ?? []).flatMap((page) => page.value)
        : builtGroups.map((group) => group.summary),
    [fromSummaries, summaryQuery.data, builtGroups],
  )
  const children = useMemo(
    () =>
      fromSummaries
        ? fetchedChildren
        : Object.fromEntries(builtGroups.map((group) => [group.summary.id, loadedChildren(group.signIns)])),
    [fromSummaries, fetchedChildren, builtGroups],
  )
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
  // Summary pages leave out groups; the pages of sign-ins grouped here leave out sign-ins.
  const leftOutOfPages = useMemo(
    () => (query.data?.pages ?? []).flatMap((page) => page.leftOut),
    [query.data],
  )
  const leftOutGroups = fromSummaries ? leftOutOfPages : []
  const leftOutSignIns = useMemo(
    () => [
      ...(fromSummaries ? [] : leftOutOfPages),
      ...Object.entries(children).flatMap(([groupKey, group]) => (expanded[groupKey] ? group.leftOut : [])),
    ],
    [fromSummaries, leftOutOfPages, children, expanded],
  )
  const onChildren = useCallback(
    (groupKey: string, next: GroupChildren) =>
      setFetchedChildren((current) => ({ ...current, [groupKey]: next })),
    [],
  )
  const onToggle = useCallback(
    (groupKey: string, open: boolean) => setExpanded((current) => ({ ...current, [groupKey]: open })),
    [],
  )
  const error = query.error as GraphError | null

  if (query.isPending) return <GridSkeleton label="Loading sign-ins" />
  if (!query.data) return <GraphErrorBar error={error as GraphError} onRetry={() => void query.refetch()} />
  const matched = builtGroups.reduce((sum, group) => sum + group.summary.signInCount, 0)
  const coverage = fromSummaries
    ? `${count(summaries.length)} groups loaded`
    : query.hasNextPage
      ? `${count(summaries.length)} groups from ${count(loadedSignIns.length)} of the range's sign-ins loaded`
      : `All ${count(matched)} matching sign-ins of the range, in ${count(summaries.length)} groups`
  return (
    <>
      {fromSummaries &&
        summaries
          .filter((summary) => expanded[summary.id])
          .map((summary) => (
            <GroupChildrenLoader
              key={summary.id}
              groupKey={summary.id}
              summary={summary}
              tab={tab}
              state={state}
              onChange={onChildren}
            />
          ))}
      {error && <GraphErrorBar error={error} onRetry={() => void query.fetchNextPage()} />}
      <LeftOutRecordsBar leftOut={leftOutGroups} noun={groupNoun} />
      <LeftOutRecordsBar leftOut={leftOutSignIns} noun={signInNoun} />
      {summaries.length === 0 && !query.hasNextPage ? (
        <EmptyState title="No sign-ins to show">{emptyReason}</EmptyState>
      ) : (
        <GroupedSignInGrid
          label={tab.label}
          tab={tab.id as GroupedTabId}
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
        noun={fromSummaries ? 'groups' : 'sign-ins'}
        coverage={coverage}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadedRows={plan.onLoadedRows.length > 0}
      />
    </>
  )
}
