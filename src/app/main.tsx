import { StrictMode, Suspense, use } from 'react'
import { createRoot } from 'react-dom/client'
import { startMockEngine } from '../../mocks/engine.ts'
import { appEnv } from '../config/env.ts'
import { useDataSourceSelection } from '../features/data-source/index.ts'
import { App } from './App.tsx'
import { systemClock } from '../lib/clock/clock.tsx'
import { createMockDataSource, type DataSource } from '../lib/data-source/data-source.tsx'
import { createRequestLog } from '../lib/data-source/request-log.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'
import { isFramed, showFramedNotice } from './refuse-framing.ts'
import { preloadStoredTheme } from './theme.tsx'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')
if (isFramed(window)) {
  showFramedNotice(rootElement, window)
  // Nothing below may start in a frame (not the mock tenant, not MSAL); a module cannot return, so it stops here.
  await new Promise<never>(() => undefined)
}

const env = appEnv()
const mockNow = env.mockNow ?? systemClock()
// The fake's engine worker starts first (a few hundred bytes here): its script downloads and the tenant is built
// off the main thread while msw's client loads and registers its service worker (issue #16). msw is a dynamic
// import, not awaited: the shell renders meanwhile (issue #7); mock requests wait for `mockGraph`.
const mockEngine = startMockEngine({ seed: env.mockSeed, now: mockNow, size: env.mockSize })
const mockGraph = import('../../mocks/browser.ts').then((mocks) =>
  mocks.startMockGraph({ engine: mockEngine }),
)
mockGraph.catch((error: unknown) => console.error('The mock tenant did not start:', error))
// Every Graph request of the page, whichever source made it, for the request inspector (issue #12).
const requestLog = createRequestLog()
// A Graph client at the real origin with a non-empty bearer token (the fake accepts any, mocks/graph/auth.ts).
const mockTenant = createMockDataSource({ ready: mockGraph, onRequest: requestLog.record })
// A fixed VITE_MOCK_NOW pins the app's clock to the tenant's, so "Last 24 hours" is deterministic.
const mockClock = env.mockNow ? () => new Date(mockNow) : systemClock

// The worker answers Graph URLs on every origin, so it must be off while the app talks to a real Graph
// (or to the standalone fake), and on again when the user switches back.
const onKindChange = async (kind: 'mock' | 'graph') => {
  const running = await mockGraph
  if (kind === 'graph') running.stop()
  else await running.resume()
}

// A fake that failed to start has no scenarios: the picker stays away (the failure shows on the requests).
const mockScenarios = mockGraph.then(
  (running) => running.scenarios,
  () => null,
)

/** The scenario picker appears once the fake runs (it needs the fake's scenario state). */
function MockScenarioPicker() {
  const scenarios = use(mockScenarios)
  return scenarios && <ScenarioPicker scenarios={scenarios} />
}

/** Opened files count back from their newest record, so "Last 24 hours" finds data from last month's export. */
const filesClocks = new WeakMap<DataSource, () => Date>()
function clockOf(source: DataSource) {
  const newest = source.files?.span?.newest
  if (source.kind !== 'files' || !newest) return source.kind === 'mock' ? mockClock : systemClock
  // One clock per opened set, so the page's "now" keeps its identity across renders.
  let clock = filesClocks.get(source)
  if (!clock) filesClocks.set(source, (clock = () => new Date(newest)))
  return clock
}

function Root() {
  const { source, controls } = useDataSourceSelection(mockTenant, {
    onKindChange,
    onRequest: requestLog.record,
  })
  return (
    <App
      dataSource={source}
      requestLog={requestLog}
      clock={clockOf(source)}
      headerActions={
        <>
          {controls}
          {source.kind === 'mock' && (
            <Suspense fallback={null}>
              <MockScenarioPicker />
            </Suspense>
          )}
        </>
      }
    />
  )
}

// The dark tokens are a chunk of their own; a stored dark choice waits for them so the page never flashes light.
// Not a top-level await: that chunk imports the first-screen chunk, which holds this module (vite.config.ts), so
// awaiting it here would make this module wait for itself and the page would stay blank.
void preloadStoredTheme().then(() =>
  createRoot(rootElement).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
)
