import { Suspense, useCallback, useEffect, useRef, useState } from 'react'
import { retryableLazy } from '../../../components/retryable-lazy.tsx'
import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  MessageBar,
  MessageBarBody,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useQueryClient } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { ErrorBoundary } from '../../../components/ErrorBoundary.tsx'
import { useClock } from '../../../lib/clock/clock.tsx'
import { useDataSource } from '../../../lib/data-source/data-source.tsx'
import { useGraphWait } from '../../../lib/data-source/graph-wait.tsx'
import { signInKeys } from '../api/queries.ts'
import { tabById, viewTabById } from '../model/tabs.ts'
import { useViewState } from '../model/use-view-state.ts'
import { useFirstViewNow } from '../first-view.tsx'
import { resolveDateRange } from '../model/view-state.ts'
import { readStoredColumns, storeColumns } from './columns-storage.ts'
import { emptyReason } from './empty-reason.ts'
import { GridSkeleton } from '../../../components/GridSkeleton.tsx'
import { FilterBar } from './filters/FilterBar.tsx'
import { FlatSignInView } from './FlatSignInView.tsx'
import { LogTabs } from './LogTabs.tsx'
import { SignInToolbar } from './SignInToolbar.tsx'
import {
  loadAllSignInsView,
  loadGroupedView,
  preloadTabView,
  preloadTabViewsWhenIdle,
  whenBrowserIdle,
} from './view-chunks.ts'
import { VolumeHistogramSlot } from './volume/VolumeHistogramSlot.tsx'

// Loaded on first use (issue #7: first-screen JavaScript): the Columns dialog and the details pane with its tables.
const ColumnsPickerDialog = retryableLazy(async () => ({
  default: (await import('./ColumnsPickerDialog.tsx')).ColumnsPickerDialog,
}))
const TopValuesDrawer = retryableLazy(() => import('./volume/TopValuesDrawer.tsx'))
const SignInDetailsPane = retryableLazy(async () => ({
  default: (await import('./details/SignInDetailsPane.tsx')).SignInDetailsPane,
}))
// Issue #16: the first tab is the flat grid, so the treegrid (grouped tabs) and the four-stream merge (All
// sign-ins) load when their tab is first shown (or from the page's first script, view-chunks.ts); the skeleton
// they would show while loading stands in meanwhile.
const GroupedSignInView = retryableLazy(async () => ({
  default: (await loadGroupedView()).GroupedSignInView,
}))
const AllSignInsView = retryableLazy(async () => ({ default: (await loadAllSignInsView()).AllSignInsView }))
/**
 * The page's first script started the opened tab's view before this chunk ran; taken up here by the lazy view
 * itself, it renders at once on the first screen instead of suspending once, which made React hold the view, and
 * so its first rows, back by up to 300 ms (bench: startup, grouped tabs). Only if it is in before the first render:
 * the composition root waits for this (briefly) before rendering.
 */
export const openedTabViewLoaded: Promise<void> = preloadTabView(window.location.search, {
  grouped: GroupedSignInView.preload,
  all: AllSignInsView.preload,
})

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    flexGrow: 1,
    minHeight: 0,
  },
  title: { margin: 0 },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    flexGrow: 1,
    minHeight: 0,
  },
})

const waitReasons = {
  throttled: 'Throttled by Microsoft Graph',
  server: 'Microsoft Graph is busy',
  network: 'The connection to Microsoft Graph dropped',
} as const

/** The Sign-in logs page (portal-ui.md §1–§3): URL state → queries → grids → details. */
export function SignInLogsPage() {
  const styles = useStyles()
  const clock = useClock()
  const source = useDataSource()
  const queryClient = useQueryClient()
  const [state, setState, problems] = useViewState()
  const tab = viewTabById(state.tab)
  // "now" anchors relative ranges; it moves only on Refresh so paging keeps one consistent window. The first view
  // may have been asked for before the first render (first-view.tsx): its "now" gives the same window and key.
  const firstNow = useFirstViewNow(source.id)
  const [now, setNow] = useState(() => firstNow(clock))
  const [columns, setColumns] = useState<string[]>(readStoredColumns)
  const [columnsOpen, setColumnsOpen] = useState(false)
  const [topValuesOpen, setTopValuesOpen] = useState(false)
  // Mounted from the first opening on, so the drawer keeps its close animation.
  const [topValuesMounted, setTopValuesMounted] = useState(false)
  const [openedSignIn, setOpenedSignIn] = useState<BetaSignIn | null>(null)
  // §5: focus returns to the row that opened the pane, or the row with that id if the grid re-rendered it.
  const openedFrom = useRef<{ row: HTMLElement; id: string } | null>(null)
  const wait = useGraphWait()
  // The pane mounts when a sign-in is first selected (a click, or ?selected= in the address) and then stays
  // mounted, so the drawer keeps its close animation. Derived state, set during render (React docs pattern).
  const [detailsMounted, setDetailsMounted] = useState(state.selected !== null)
  if (state.selected !== null && !detailsMounted) setDetailsMounted(true)

  // Refresh reloads in place (issue #11): the views stay mounted, so expanded groups, the open sign-in and the
  // scroll position survive; a list whose range moved keeps its rows until the new ones arrive.
  const [refreshes, setRefreshes] = useState(0)
  const refresh = () => {
    setNow(clock())
    setRefreshes((count) => count + 1)
  }
  useEffect(() => {
    if (refreshes === 0) return
    // After the render that moved "now", so the views' queries already carry the new range: what is on screen
    // refetches (joining a fetch a new range started), everything else is marked stale.
    void queryClient.invalidateQueries({ queryKey: signInKeys.all(source.id) }, { cancelRefetch: false })
  }, [refreshes, queryClient, source.id])

  // Files still loading grow under the page (issue #14): each revision of the source is a Refresh that follows
  // the newest record. A fetch still running asked the revision before, so it is cancelled rather than joined.
  const [revision, setRevision] = useState(source.revision)
  if (source.revision !== revision) {
    setRevision(source.revision)
    setNow(clock())
  }
  const refreshedRevision = useRef(revision)
  useEffect(() => {
    if (revision === refreshedRevision.current) return
    refreshedRevision.current = revision
    void queryClient.invalidateQueries({ queryKey: signInKeys.all(source.id) })
  }, [revision, queryClient, source.id])

  // Cold grouping on files was ~40% the grouped view's code (fetched, evaluated, rendered before the first query)
  // and ~45% the engine's GROUP BY: the code can come ahead of the click. The views themselves, not only their
  // modules, so that the click renders them at once rather than through a Suspense fallback.
  useEffect(
    () =>
      source.kind === 'files'
        ? preloadTabViewsWhenIdle(whenBrowserIdle, {
            grouped: GroupedSignInView.preload,
            all: AllSignInsView.preload,
          })
        : undefined,
    [source.kind],
  )

  const openDetails = useCallback(
    (signIn: BetaSignIn, rowElement: HTMLElement) => {
      openedFrom.current = { row: rowElement, id: signIn.id }
      setOpenedSignIn(signIn)
      setState({ selected: signIn.id })
    },
    [setState],
  )

  // A related sign-in opens in the same pane: a new history entry, so Back returns to the one before.
  const openRelated = useCallback(
    (signIn: BetaSignIn) => {
      setOpenedSignIn(signIn)
      setState({ selected: signIn.id })
    },
    [setState],
  )

  const openingRow = () => {
    const opened = openedFrom.current
    if (!opened) return null
    // Grid rows are pooled: the element may since show another sign-in, or have left the page.
    const showsIt = (row: HTMLElement) =>
      row.isConnected && (row.dataset['rowId']?.endsWith(opened.id) ?? false)
    if (showsIt(opened.row)) return opened.row
    return [...document.querySelectorAll<HTMLElement>('[data-row-id]')].find(showsIt) ?? null
  }

  // Remount the grid when the query changes, so expansion and scroll start fresh for new results; not on Refresh.
  const viewKey = JSON.stringify([tab.id, state.range, state.aggregate, state.filters[tab.filterSet]])

  return (
    <main className={styles.page}>
      <Breadcrumb aria-label="Breadcrumb">
        <BreadcrumbItem>
          <BreadcrumbButton href="/">Home</BreadcrumbButton>
        </BreadcrumbItem>
        <BreadcrumbDivider />
        <BreadcrumbItem>
          <BreadcrumbButton current>Sign-in logs</BreadcrumbButton>
        </BreadcrumbItem>
      </Breadcrumb>
      <Title2 as="h1" className={styles.title}>
        Sign-in logs
      </Title2>
      <SignInToolbar
        now={now}
        onRefresh={refresh}
        onOpenColumns={tab.id === 'interactive' ? () => setColumnsOpen(true) : null}
        onOpenTopValues={() => {
          setTopValuesMounted(true)
          setTopValuesOpen(true)
        }}
      />
      <LogTabs selected={tab.id} onSelect={(next) => setState({ tab: next, selected: null })} />
      <FilterBar tab={tab} state={state} now={now} onChange={setState} />
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {`Some settings in the address were ignored: ${problems.join(' ')}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {wait && (
        <MessageBar intent="warning">
          <MessageBarBody>{`${waitReasons[wait.reason]}, retrying in ${wait.secondsLeft} s`}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.content} aria-label={`${tab.label} results`}>
        <ErrorBoundary
          what="The results grid"
          resetKey={viewKey}
          onRetry={() => void queryClient.invalidateQueries({ queryKey: signInKeys.all(source.id) })}
        >
          <Suspense fallback={<GridSkeleton label="Loading sign-ins" />}>
            {/*
              In the view's Suspense boundary, so it is revealed in the same commit as the grid, never before: the
              first rows can be in before a lazy view's code (they are asked for before the first render,
              first-view.tsx), and the histogram waits for rows that are on screen.
            */}
            <VolumeHistogramSlot
              tab={tab}
              state={state}
              now={now}
              // Pushed, not replaced: Back returns to the range before the narrowing.
              onNarrow={({ start, end }) =>
                setState({ range: { preset: 'custom', start, end }, selected: null })
              }
            />
            {state.tab === 'all' ? (
              <AllSignInsView
                key={viewKey}
                state={state}
                now={now}
                emptyReason={emptyReason(tab, state)}
                onOpenDetails={openDetails}
              />
            ) : tab.grouped ? (
              <GroupedSignInView
                key={viewKey}
                tab={tabById(state.tab)}
                state={state}
                now={now}
                emptyReason={emptyReason(tab, state)}
                onOpenDetails={openDetails}
              />
            ) : (
              <FlatSignInView
                key={viewKey}
                tab={tabById(state.tab)}
                state={state}
                now={now}
                visibleColumnIds={columns}
                emptyReason={emptyReason(tab, state)}
                onOpenDetails={openDetails}
              />
            )}
          </Suspense>
        </ErrorBoundary>
      </section>
      {columnsOpen && (
        <Suspense fallback={null}>
          <ColumnsPickerDialog
            open
            visibleIds={columns}
            onClose={() => setColumnsOpen(false)}
            onSave={(ids) => {
              setColumns(ids)
              storeColumns(ids)
              setColumnsOpen(false)
            }}
          />
        </Suspense>
      )}
      {topValuesMounted && (
        <ErrorBoundary what="Top values" resetKey={viewKey}>
          <Suspense fallback={null}>
            <TopValuesDrawer
              open={topValuesOpen}
              tab={tab}
              state={state}
              now={now}
              onClose={() => setTopValuesOpen(false)}
              onAddPill={(pill) =>
                // "Filter for" / "Filter out" replace a pill of the same field: one pill per field (view-state.ts).
                setState((current) => ({
                  ...current,
                  filters: {
                    ...current.filters,
                    [tab.filterSet]: [
                      ...current.filters[tab.filterSet].filter((other) => other.field !== pill.field),
                      pill,
                    ],
                  },
                  selected: null,
                }))
              }
            />
          </Suspense>
        </ErrorBoundary>
      )}
      {detailsMounted && (
        <ErrorBoundary what="The details pane" resetKey={state.selected}>
          <Suspense fallback={null}>
            <SignInDetailsPane
              selectedId={state.selected}
              loadedSignIn={openedSignIn}
              tab={state.tab === 'all' ? 'interactive' : state.tab}
              dates={state.dates}
              range={resolveDateRange(state.range, now)}
              now={now}
              onOpenSignIn={openRelated}
              onClose={() => setState({ selected: null })}
              returnFocusTo={openingRow}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </main>
  )
}
