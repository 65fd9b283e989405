/**
 * The app itself, started by the page's first script (main.tsx) once this chunk has loaded. Everything the first
 * screen renders is statically imported from here, so it is one chunk (vite.config.ts, issue #16).
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { MockGraph } from '../../mocks/browser.ts'
import type { MockEngine } from '../../mocks/engine.ts'
import type { ScenarioState } from '../../mocks/scenarios.ts'
import { appEnv } from '../config/env.ts'
import { useDataSourceSelection } from '../features/data-source/index.ts'
import type { QueryClient } from '@tanstack/react-query'
import { prefetchFirstView, type FirstView } from '../features/sign-in-logs/first-view.tsx'
import { openedTabViewLoaded } from '../features/sign-in-logs/components/SignInLogsPage.tsx'
import { App } from './App.tsx'
import { createAppQueryClient } from './query-client.ts'
import { createMockScenarioPicker } from './MockScenarioPicker.tsx'
import { systemClock, type Clock } from '../lib/clock/clock.tsx'
import { createMockDataSource, type DataSource } from '../lib/data-source/data-source.tsx'
import { createRequestLog, type RequestLog } from '../lib/data-source/request-log.tsx'
import { preloadStoredTheme } from './theme.tsx'

const MockScenarioPicker = createMockScenarioPicker()

/** At most this long the first render waits for the opened tab's view code (it usually comes with the app's). */
const VIEW_WAIT_MS = 250

export interface StartAppOptions {
  rootElement: HTMLElement
  /** The fake Graph's engine worker, created by main.tsx before this chunk loaded; its tenant is started here. */
  mockEngine: MockEngine
  /** The mock tenant's transport to that engine (created by main.tsx too). */
  mockGraph: MockGraph
}

interface RootProps {
  mockTenant: DataSource
  requestLog: RequestLog
  clockOf: (source: DataSource) => Clock
  mockScenarios: Promise<ScenarioState | null>
  queryClient: QueryClient
  firstView: FirstView
}

function Root({ mockTenant, requestLog, clockOf, mockScenarios, queryClient, firstView }: RootProps) {
  const { source, controls } = useDataSourceSelection(mockTenant, { onRequest: requestLog.record })
  return (
    <App
      dataSource={source}
      queryClient={queryClient}
      firstView={firstView}
      requestLog={requestLog}
      clock={clockOf(source)}
      headerActions={
        <>
          {controls}
          {source.kind === 'mock' && <MockScenarioPicker scenarios={mockScenarios} />}
        </>
      }
    />
  )
}

export function startApp({ rootElement, mockEngine, mockGraph }: StartAppOptions): void {
  const env = appEnv()
  const mockNow = env.mockNow ?? systemClock()
  // The worker has been loading since the page's first script; now it learns which tenant to build.
  mockEngine.start({ seed: env.mockSeed, now: mockNow, size: env.mockSize })
  // Every Graph request of the page, whichever source made it, for the request inspector (issue #12).
  const requestLog = createRequestLog()
  // A Graph client at the real origin with a non-empty bearer token (the fake accepts any, mocks/graph/auth.ts),
  // whose fetch is the engine worker's transport: the fake never touches the network, so it cannot answer for a
  // real Graph the user switches to.
  const mockTenant = createMockDataSource({ fetch: mockGraph.fetch, onRequest: requestLog.record })
  // A fixed VITE_MOCK_NOW pins the app's clock to the tenant's, so "Last 24 hours" is deterministic.
  const mockClock = env.mockNow ? () => new Date(mockNow) : systemClock

  /** Opened files count back from their newest record, so "Last 24 hours" finds data from last month's export. */
  const filesClocks = new WeakMap<DataSource, () => Date>()
  const clockOf = (source: DataSource) => {
    const newest = source.files?.span?.newest
    if (source.kind !== 'files' || !newest) return source.kind === 'mock' ? mockClock : systemClock
    // One clock per opened set, so the page's "now" keeps its identity across renders.
    let clock = filesClocks.get(source)
    if (!clock) filesClocks.set(source, (clock = () => new Date(newest)))
    return clock
  }

  const mockScenarios = Promise.resolve(mockGraph.scenarios)

  // The page opens on the mock tenant: its first rows are asked for now, and the fake answers while React renders
  // the shell (issue #16; first-view.tsx).
  const queryClient = createAppQueryClient()
  const firstView = prefetchFirstView(queryClient, mockTenant, window.location.search, mockClock())

  // The dark tokens are a chunk of their own; a stored dark choice waits for them so the page never flashes light.
  // A grouped or All sign-ins tab's view, loading since the first script, is worth a short wait: rendered in the
  // first commit, it is not held behind a Suspense fallback that React reveals up to 300 ms late.
  const openedView = Promise.race([
    openedTabViewLoaded,
    new Promise((resolve) => setTimeout(resolve, VIEW_WAIT_MS)),
  ])
  void Promise.all([preloadStoredTheme(), openedView]).then(() => {
    performance.mark('app:render')
    createRoot(rootElement).render(
      <StrictMode>
        <Root
          mockTenant={mockTenant}
          requestLog={requestLog}
          clockOf={clockOf}
          mockScenarios={mockScenarios}
          queryClient={queryClient}
          firstView={firstView}
        />
      </StrictMode>,
    )
  })
}
